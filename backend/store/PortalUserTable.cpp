#include "PortalUserTable.h"

#include "core/Time.h"

namespace gh::store {
namespace {

// Columns: email, first_name, last_name, customer_number, is_admin, make_payment, allowed_sections,
// assigned_customers, status.
constexpr std::string_view kSelect
    = "SELECT u.id, u.email, u.first_name, u.last_name, COALESCE(c.number, ''), u.is_admin, u.make_payment, "
      "u.sections, u.status, "
      "(SELECT group_concat(number, char(31)) FROM (SELECT c2.number FROM portal_user_customers pc "
      "JOIN customers c2 ON c2.id = pc.customer_id WHERE pc.user_id = u.id ORDER BY c2.number)) "
      "FROM portal_users u LEFT JOIN customers c ON c.id = u.customer_id ";

} // namespace

std::optional<EntityTable::Stored> PortalUserTable::find(const Record& record)
{
    static const std::string sql = std::string(kSelect) + "WHERE u.email = ?";
    auto q = m_db.query(sql, record[0]);
    if (!q.next())
        return std::nullopt;
    Stored stored;
    stored.id = q.integer(0);
    stored.values = {q.text(1),
                     q.text(2),
                     q.text(3),
                     q.text(4),
                     yesNo(q.boolean(5)),
                     yesNo(q.boolean(6)),
                     sectionsOf(q.integer(7)),
                     q.isNull(9) ? std::string() : q.text(9),
                     q.text(8)};
    return stored;
}

void PortalUserTable::insert(const Record& r)
{
    const std::string now = core::nowRfc3339();
    core::Id id = 0;
    {
        auto q
            = m_db.query("INSERT INTO portal_users (email, first_name, last_name, status, kind, customer_id, "
                         "sections, is_admin, make_payment, version, created_at, updated_at) "
                         "VALUES (?, ?, ?, ?, 'external', ?, ?, ?, ?, 1, ?, ?) RETURNING id",
                         r[0], r[1], r[2], r[8], customerId(r[3]), sectionBits(r[6]), yes(r[4]), yes(r[5]), now, now);
        q.next();
        id = q.integer(0);
    }
    writeAssignments(id, r[7]);
}

void PortalUserTable::update(const Stored& stored, const Record& r)
{
    m_db.query("UPDATE portal_users SET first_name = ?, last_name = ?, status = ?, customer_id = ?, sections = ?, "
               "is_admin = ?, make_payment = ?, version = version + 1, updated_at = ? WHERE id = ?",
               r[1], r[2], r[8], customerId(r[3]), sectionBits(r[6]), yes(r[4]), yes(r[5]), core::nowRfc3339(),
               stored.id)
        .run();
    if (stored.values[7] != r[7]) {
        m_db.query("DELETE FROM portal_user_customers WHERE user_id = ?", stored.id).run();
        writeAssignments(stored.id, r[7]);
    }
}

void PortalUserTable::writeAssignments(core::Id id, const std::string& canonicalList)
{
    for (const auto& number : core::ImportEntity::splitCanonical(canonicalList)) {
        const auto customer = customerId(number);
        if (!customer)
            throw DatabaseError(DatabaseError::Kind::Constraint, "unknown customer " + number);
        m_db.query("INSERT INTO portal_user_customers (user_id, customer_id) VALUES (?, ?)", id, *customer).run();
    }
}

void PortalUserTable::remove(const Stored& stored)
{
    m_db.query("DELETE FROM portal_users WHERE id = ?", stored.id).run();
}

void PortalUserTable::forEach(const std::function<bool(const Record&)>& visit)
{
    static const std::string sql = std::string(kSelect) + "ORDER BY u.email";
    auto q = m_db.query(sql);
    Record r(9);
    while (q.next()) {
        r = {q.text(1),
             q.text(2),
             q.text(3),
             q.text(4),
             yesNo(q.boolean(5)),
             yesNo(q.boolean(6)),
             sectionsOf(q.integer(7)),
             q.isNull(9) ? std::string() : q.text(9),
             q.text(8)};
        if (!visit(r))
            return;
    }
}

std::int64_t PortalUserTable::count()
{
    auto q = m_db.query("SELECT COUNT(*) FROM portal_users");
    return q.next() ? q.integer(0) : 0;
}

} // namespace gh::store
