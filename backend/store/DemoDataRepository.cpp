#include "DemoDataRepository.h"

#include "Migrations.h"

namespace gh::store {

bool DemoDataRepository::isEmpty()
{
    auto q = m_db.query("SELECT (SELECT COUNT(*) FROM customers) + (SELECT COUNT(*) FROM portal_users) + "
                        "(SELECT COUNT(*) FROM staff_users)");
    q.next();
    return q.integer(0) == 0;
}

void DemoDataRepository::dropBulkIndexes()
{
    for (const auto& index : Migrations::bulkIndexes())
        m_db.execute("DROP INDEX IF EXISTS " + std::string(index.name));
    for (const auto& trigger : Migrations::bulkTriggers())
        m_db.execute("DROP TRIGGER IF EXISTS " + std::string(trigger.name));
}

void DemoDataRepository::buildBulkIndexes()
{
    // Index builds sort millions of keys: let SQLite's sorter use a second thread.
    m_db.execute("PRAGMA threads=2");
    for (const auto& index : Migrations::bulkIndexes())
        m_db.execute(index.create);
    Migrations::refreshCountTables(m_db);
    for (const auto& trigger : Migrations::bulkTriggers())
        m_db.execute(trigger.create);
}

void DemoDataRepository::analyze()
{
    // Statistics for the planner from a sample, not a scan of every index (seconds vs. minutes).
    m_db.execute("PRAGMA analysis_limit=1000; ANALYZE");
}

void DemoDataRepository::endBulkLoad()
{
    m_db.execute("PRAGMA locking_mode=NORMAL; PRAGMA journal_mode=WAL");
}

Statement& DemoDataRepository::insertCustomer()
{
    return m_db.prepare(
        "INSERT INTO customers (id, number, name, customer_group, payer_number, stat_id, erp_status, "
        "portal_enabled, currency, free_fields, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)");
}

Statement& DemoDataRepository::insertAddress()
{
    return m_db.prepare("INSERT INTO addresses (customer_id, kind, line1, line2, city, postcode, "
                        "country) VALUES (?, ?, ?, ?, ?, ?, ?)");
}

Statement& DemoDataRepository::insertContact()
{
    return m_db.prepare(
        "INSERT INTO contacts (customer_id, first_name, last_name, email, phone, title, can_register, sections, "
        "make_payment, is_account_admin, own_orders_only, version, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)");
}

Statement& DemoDataRepository::insertOrder()
{
    return m_db.prepare("INSERT INTO orders (id, customer_id, number, po_reference, order_date, status, is_open, "
                        "delivery, placed_by, has_documents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
}

Statement& DemoDataRepository::insertShipment()
{
    return m_db.prepare("INSERT INTO shipments (order_id, shipment_number, delivery_number, forwarding_agent, "
                        "tracking_reference, ship_date) VALUES (?, ?, ?, ?, ?, ?)");
}

Statement& DemoDataRepository::insertInvoice()
{
    return m_db.prepare("INSERT INTO invoices (id, customer_id, number, order_number, po_reference, invoice_date, "
                        "due_date, amount, open_amount, currency, status, is_open, has_documents) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
}

Statement& DemoDataRepository::insertDocument()
{
    return m_db.prepare("INSERT INTO documents (customer_id, owner_kind, owner_id, kind, "
                        "file_name, media_type, size, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
}

void DemoDataRepository::insertRole(std::string_view code, std::string_view description, std::int64_t processes,
                                    std::int64_t modules, bool noAccess)
{
    m_db.query("INSERT INTO erp_roles (code, description, processes, modules, no_access, version, updated_at) "
               "VALUES (?, ?, ?, ?, ?, 1, '2026-10-31T08:00:00Z')",
               code, description, processes, modules, noAccess)
        .run();
}

void DemoDataRepository::insertDemoStaff(const std::string& passwordHash)
{
    m_db.query("INSERT INTO staff_users (email, password_hash, role, created_at) VALUES "
               "('admin@demo.test', ?, 'admin', '2026-10-31T08:00:00Z'), "
               "('viewer@demo.test', ?, 'viewer', '2026-10-31T08:00:00Z')",
               passwordHash, passwordHash)
        .run();
}

core::Id DemoDataRepository::contactIdByEmail(const std::string& email)
{
    auto q = m_db.query("SELECT id FROM contacts WHERE email = ?", email);
    q.next();
    return q.integer(0);
}

} // namespace gh::store
