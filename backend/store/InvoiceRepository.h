#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <optional>
#include <vector>

namespace gh::store {

class InvoiceRepository
{
public:
    explicit InvoiceRepository(Connection& connection)
        : m_db(connection)
    {
    }
    core::Id insert(const core::Invoice& invoice);
    std::optional<core::Invoice> find(core::Id customerId, const std::string& number);
    std::int64_t countForCustomer(core::Id customerId);

    static constexpr std::string_view kInsertSql =
        "INSERT INTO invoices (customer_id, number, order_number, po_reference, invoice_date, due_date, amount, "
        "open_amount, currency, status, is_open, has_documents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // open/partially paid and credits with an open amount are "open"; the portal filter reads is_open.
    static bool isOpen(const core::Invoice& invoice) { return invoice.openAmount.cents() != 0; }

    // The one column list (alias i) and row reader for invoices; customerNumber is left to the caller.
    static constexpr std::string_view kColumns = "i.id, i.customer_id, i.number, i.order_number, i.po_reference, "
                                                 "i.invoice_date, i.due_date, i.amount, i.open_amount, i.currency, "
                                                 "i.status, i.has_documents";
    static core::Invoice read(Query& q);

private:
    Connection& m_db;
};

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
    std::vector<core::Shipment> shipments(core::Id orderId);
    std::int64_t countForCustomer(core::Id customerId);

    static constexpr std::string_view kInsertSql =
        "INSERT INTO orders (customer_id, number, po_reference, order_date, status, is_open, delivery, placed_by, "
        "has_documents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static constexpr std::string_view kInsertShipmentSql =
        "INSERT INTO shipments (order_id, shipment_number, delivery_number, forwarding_agent, tracking_reference, "
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
