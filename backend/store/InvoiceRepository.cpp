#include "InvoiceRepository.h"

namespace gh::store {

core::Id InvoiceRepository::insert(const core::Invoice& i)
{
    static const std::string sql = std::string(kInsertSql) + " RETURNING id";
    auto q = m_db.query(sql, i.customerId, i.number, i.orderNumber, i.poReference, i.invoiceDate, i.dueDate,
                        i.amount.cents(), i.openAmount.cents(), i.currency, core::toString(i.status), isOpen(i),
                        i.hasDocuments);
    q.next();
    return q.integer(0);
}

core::Invoice InvoiceRepository::read(Query& q)
{
    core::Invoice i;
    i.id = q.integer(0);
    i.customerId = q.integer(1);
    i.number = q.text(2);
    i.orderNumber = q.text(3);
    i.poReference = q.text(4);
    i.invoiceDate = q.text(5);
    i.dueDate = q.text(6);
    i.amount = core::Money(q.integer(7));
    i.openAmount = core::Money(q.integer(8));
    i.currency = q.text(9);
    i.status = core::parseEnum<core::InvoiceStatus>(q.textView(10)).value_or(core::InvoiceStatus::Open);
    i.hasDocuments = q.boolean(11);
    return i;
}

std::optional<core::Invoice> InvoiceRepository::find(core::Id customerId, const std::string& number)
{
    static const std::string sql = "SELECT " + std::string(kColumns) +
                                   ", c.number FROM invoices i JOIN customers c ON c.id = i.customer_id "
                                   "WHERE i.customer_id = ? AND i.number = ?";
    auto q = m_db.query(sql, customerId, number);
    if (!q.next())
        return std::nullopt;
    core::Invoice i = read(q);
    i.customerNumber = q.text(12);
    return i;
}

std::int64_t InvoiceRepository::countForCustomer(core::Id customerId)
{
    auto q = m_db.query("SELECT COUNT(*) FROM invoices WHERE customer_id = ?", customerId);
    q.next();
    return q.integer(0);
}

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
    static const std::string sql = "SELECT " + std::string(kColumns) +
                                   " FROM orders o JOIN customers c ON c.id = o.customer_id "
                                   "WHERE o.customer_id = ? AND o.number = ?";
    auto q = m_db.query(sql, customerId, number);
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
