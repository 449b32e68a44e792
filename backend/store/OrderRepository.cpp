#include "OrderRepository.h"

namespace gh::store {

core::Id OrderRepository::insert(const core::Order& o)
{
    static const std::string sql = std::string(kInsertSql) + " RETURNING id";
    auto q = m_db.query(sql, o.customerId, o.number, o.poReference, o.orderDate, core::toString(o.status), isOpen(o),
                        o.delivery, o.placedBy, o.hasDocuments);
    q.next();
    return q.integer(0);
}

core::Id OrderRepository::insertShipment(const core::Shipment& s)
{
    static const std::string sql = std::string(kInsertShipmentSql) + " RETURNING id";
    auto q = m_db.query(sql, s.orderId, s.shipmentNumber, s.deliveryNumber, s.forwardingAgent, s.trackingReference,
                        s.shipDate);
    q.next();
    return q.integer(0);
}

core::Order OrderRepository::read(Query& q)
{
    core::Order o;
    o.id = q.integer(0);
    o.customerId = q.integer(1);
    o.number = q.text(2);
    o.customerNumber = q.text(3);
    o.customerName = q.text(4);
    o.poReference = q.text(5);
    o.orderDate = q.text(6);
    o.status = core::parseEnum<core::OrderStatus>(q.textView(7)).value_or(core::OrderStatus::Open);
    o.delivery = q.text(8);
    o.placedBy = q.text(9);
    o.hasDocuments = q.boolean(10);
    return o;
}

std::optional<core::Order> OrderRepository::find(core::Id customerId, const std::string& number)
{
    static const std::string sql = "SELECT " + std::string(kColumns)
        + " FROM orders o JOIN customers c ON c.id = o.customer_id "
          "WHERE o.customer_id = ? AND o.number = ?";
    auto q = m_db.query(sql, customerId, number);
    if (!q.next())
        return std::nullopt;
    return read(q);
}

std::optional<core::Money> OrderRepository::invoicedAmount(core::Id customerId, const std::string& number)
{
    auto q = m_db.query("SELECT COALESCE(SUM(i.amount), 0), COUNT(*) FROM orders o JOIN invoices i ON "
                        "i.customer_id = o.customer_id AND i.order_number = o.number "
                        "WHERE o.customer_id = ? AND o.number = ?",
                        customerId, number);
    if (!q.next() || q.integer(1) == 0)
        return std::nullopt;
    return core::Money(q.integer(0));
}

std::optional<core::Order> OrderRepository::findById(core::Id customerId, core::Id orderId)
{
    static const std::string sql = "SELECT " + std::string(kColumns)
        + " FROM orders o JOIN customers c ON c.id = o.customer_id "
          "WHERE o.customer_id = ? AND o.id = ?";
    auto q = m_db.query(sql, customerId, orderId);
    if (!q.next())
        return std::nullopt;
    return read(q);
}

std::vector<core::Shipment> OrderRepository::shipments(core::Id orderId)
{
    std::vector<core::Shipment> out;
    auto q = m_db.query("SELECT id, order_id, shipment_number, delivery_number, forwarding_agent, tracking_reference, "
                        "ship_date FROM shipments WHERE order_id = ? ORDER BY ship_date, id",
                        orderId);
    while (q.next()) {
        core::Shipment s;
        s.id = q.integer(0);
        s.orderId = q.integer(1);
        s.shipmentNumber = q.text(2);
        s.deliveryNumber = q.text(3);
        s.forwardingAgent = q.text(4);
        s.trackingReference = q.text(5);
        s.shipDate = q.text(6);
        out.push_back(std::move(s));
    }
    return out;
}

std::int64_t OrderRepository::countForCustomer(core::Id customerId)
{
    auto q = m_db.query("SELECT COUNT(*) FROM orders WHERE customer_id = ?", customerId);
    q.next();
    return q.integer(0);
}

} // namespace gh::store
