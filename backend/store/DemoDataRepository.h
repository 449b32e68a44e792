#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace gh::store {

// The SQL of the demo data build (services::DemoData): prepared inserts for the bulk load, with
// the columns in the order their comment names, and the index work around it.
class DemoDataRepository
{
public:
    explicit DemoDataRepository(Connection& connection)
        : m_db(connection)
    {
    }
    // True when there are no customers, portal users and staff users.
    bool isEmpty();

    // Before the bulk load: drop the big tables' secondary indexes and count triggers; after it,
    // build them again (with a second sorter thread) and fill the count tables.
    void dropBulkIndexes();
    void buildBulkIndexes();
    // Planner statistics from a sample.
    void analyze();
    // The bulk-load file back to normal locking and WAL, before it is renamed into place.
    void endBulkLoad();

    // id, number, name, customer_group, payer_number, stat_id, erp_status, portal_enabled, currency,
    // free_fields, updated_at
    Statement& insertCustomer();
    // customer_id, kind, line1, line2, city, postcode, country
    Statement& insertAddress();
    // customer_id, first_name, last_name, email, phone, title, can_register, sections, make_payment,
    // is_account_admin, own_orders_only, updated_at
    Statement& insertContact();
    // id, customer_id, number, po_reference, order_date, status, is_open, delivery, placed_by, has_documents
    Statement& insertOrder();
    // order_id, shipment_number, delivery_number, forwarding_agent, tracking_reference, ship_date
    Statement& insertShipment();
    // id, customer_id, number, order_number, po_reference, invoice_date, due_date, amount, open_amount,
    // currency, status, is_open, has_documents
    Statement& insertInvoice();
    // customer_id, owner_kind, owner_id, kind, file_name, media_type, size, content
    Statement& insertDocument();

    void insertRole(std::string_view code, std::string_view description, std::int64_t processes, std::int64_t modules,
                    bool noAccess);
    // admin@demo.test (admin) and viewer@demo.test (viewer), both with this password hash.
    void insertDemoStaff(const std::string& passwordHash);
    core::Id contactIdByEmail(const std::string& email);

private:
    Connection& m_db;
};

} // namespace gh::store
