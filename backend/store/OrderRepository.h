#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gh::store {

class OrderRepository
{
public:
    explicit OrderRepository(Connection& connection)
        : m_db(connection)
    {
    }
    core::Id insert(const core::Order& order);
    core::Id insertShipment(const core::Shipment& shipment);
    std::optional<core::Order> find(core::Id customerId, const std::string& number);
    // Orders carry no amount of their own: the sum of the invoices raised for the customer's order with
    // this number, or nullopt when no invoice was (or there is no such order).
    std::optional<core::Money> invoicedAmount(core::Id customerId, const std::string& number);
    // By id, only if it is the customer's.
    std::optional<core::Order> findById(core::Id customerId, core::Id orderId);
    std::vector<core::Shipment> shipments(core::Id orderId);
    std::int64_t countForCustomer(core::Id customerId);

    static constexpr std::string_view kInsertSql
        = "INSERT INTO orders (customer_id, number, po_reference, order_date, status, is_open, delivery, placed_by, "
          "has_documents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static constexpr std::string_view kInsertShipmentSql
        = "INSERT INTO shipments (order_id, shipment_number, delivery_number, forwarding_agent, tracking_reference, "
          "ship_date) VALUES (?, ?, ?, ?, ?, ?)";
    static bool isOpen(const core::Order& order) { return order.status != core::OrderStatus::Invoiced; }

    // The one column list and row reader for orders (alias o, joined with customers c).
    static constexpr std::string_view kColumns = "o.id, o.customer_id, o.number, c.number, c.name, o.po_reference, "
                                                 "o.order_date, o.status, o.delivery, o.placed_by, o.has_documents";
    static core::Order read(Query& q);

private:
    Connection& m_db;
};

} // namespace gh::store
