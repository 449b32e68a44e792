#include "ContactTable.h"

#include "core/Time.h"

namespace gh::store {
namespace {

constexpr std::string_view kSelect
    = "SELECT k.id, c.number, k.email, k.first_name, k.last_name, k.phone, k.title, k.can_register, k.sections, "
      "k.make_payment, k.is_account_admin, k.own_orders_only FROM contacts k JOIN customers c ON c.id = k.customer_id ";

EntityTable::Record recordOf(Query& q, std::string (*sections)(std::int64_t))
{
    auto yn = [&](int c) { return std::string(q.boolean(c) ? "Yes" : "No"); };
    return {q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), q.text(6), yn(7), sections(q.integer(8)),
            yn(9),     yn(10),    yn(11)};
}

} // namespace

std::optional<EntityTable::Stored> ContactTable::find(const Record& record)
{
    const auto customer = customerId(record[0]);
    if (!customer)
        return std::nullopt;
    static const std::string sql = std::string(kSelect) + "WHERE k.customer_id = ? AND k.email = ?";
    auto q = m_db.query(sql, *customer, record[1]);
    if (!q.next())
        return std::nullopt;
    return Stored{q.integer(0), recordOf(q, &EntityTable::sectionsOf)};
}

void ContactTable::insert(const Record& r)
{
    const auto customer = customerId(r[0]);
    if (!customer)
        throw DatabaseError(DatabaseError::Kind::Constraint, "unknown customer " + r[0]);
    m_db.query("INSERT INTO contacts (customer_id, email, first_name, last_name, phone, title, can_register, "
               "sections, make_payment, is_account_admin, own_orders_only, version, updated_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
               *customer, r[1], r[2], r[3], r[4], r[5], yes(r[6]), sectionBits(r[7]), yes(r[8]), yes(r[9]), yes(r[10]),
               core::nowRfc3339())
        .run();
}

void ContactTable::update(const Stored& stored, const Record& r)
{
    m_db.query("UPDATE contacts SET first_name = ?, last_name = ?, phone = ?, title = ?, can_register = ?, "
               "sections = ?, make_payment = ?, is_account_admin = ?, own_orders_only = ?, version = version + 1, "
               "updated_at = ? WHERE id = ?",
               r[2], r[3], r[4], r[5], yes(r[6]), sectionBits(r[7]), yes(r[8]), yes(r[9]), yes(r[10]),
               core::nowRfc3339(), stored.id)
        .run();
}

void ContactTable::remove(const Stored& stored)
{
    m_db.query("DELETE FROM contacts WHERE id = ?", stored.id).run();
}

void ContactTable::forEach(const std::function<bool(const Record&)>& visit)
{
    static const std::string sql = std::string(kSelect) + "ORDER BY c.number, k.email";
    auto q = m_db.query(sql);
    while (q.next()) {
        if (!visit(recordOf(q, &EntityTable::sectionsOf)))
            return;
    }
}

std::int64_t ContactTable::count()
{
    auto q = m_db.query("SELECT COUNT(*) FROM contacts");
    return q.next() ? q.integer(0) : 0;
}

} // namespace gh::store
