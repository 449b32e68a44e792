#include "CustomerTable.h"

#include "core/Time.h"

namespace gh::store {
namespace {

constexpr std::string_view kSelect = "SELECT id, number, name, customer_group, payer_number, stat_id, erp_status, "
                                     "portal_enabled, currency FROM customers ";

EntityTable::Record recordOf(Query& q)
{
    return {q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), q.text(6), q.boolean(7) ? "Yes" : "No", q.text(8)};
}

} // namespace

std::optional<EntityTable::Stored> CustomerTable::find(const Record& record)
{
    static const std::string sql = std::string(kSelect) + "WHERE number = ?";
    auto q = m_db.query(sql, record[0]);
    if (!q.next())
        return std::nullopt;
    return Stored{q.integer(0), recordOf(q)};
}

void CustomerTable::insert(const Record& r)
{
    m_db.query("INSERT INTO customers (number, name, customer_group, payer_number, stat_id, erp_status, "
               "portal_enabled, currency, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
               r[0], r[1], r[2], r[3], r[4], r[5], yes(r[6]), r[7], core::nowRfc3339())
        .run();
    forgetCustomer(r[0]);
}

void CustomerTable::update(const Stored& stored, const Record& r)
{
    m_db.query("UPDATE customers SET name = ?, customer_group = ?, payer_number = ?, stat_id = ?, erp_status = ?, "
               "portal_enabled = ?, currency = ?, version = version + 1, updated_at = ? WHERE id = ?",
               r[1], r[2], r[3], r[4], r[5], yes(r[6]), r[7], core::nowRfc3339(), stored.id)
        .run();
}

void CustomerTable::remove(const Stored& stored)
{
    m_db.query("DELETE FROM customers WHERE id = ?", stored.id).run();
    forgetCustomer(stored.values[0]);
}

void CustomerTable::forEach(const std::function<bool(const Record&)>& visit)
{
    static const std::string sql = std::string(kSelect) + "ORDER BY number";
    auto q = m_db.query(sql);
    while (q.next()) {
        if (!visit(recordOf(q)))
            return;
    }
}

std::int64_t CustomerTable::count()
{
    auto q = m_db.query("SELECT COUNT(*) FROM customers");
    return q.next() ? q.integer(0) : 0;
}

} // namespace gh::store
