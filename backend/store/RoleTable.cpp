#include "RoleTable.h"

#include "core/Time.h"

namespace gh::store {
namespace {

constexpr std::string_view kSelect = "SELECT code, description, processes, modules, no_access FROM erp_roles ";

} // namespace

std::optional<EntityTable::Stored> RoleTable::find(const Record& record)
{
    static const std::string sql = std::string(kSelect) + "WHERE code = ?";
    auto q = m_db.query(sql, record[0]);
    if (!q.next())
        return std::nullopt;
    return Stored{0, {q.text(0), q.text(1), processesOf(q.integer(2)), sectionsOf(q.integer(3)), yesNo(q.boolean(4))}};
}

void RoleTable::insert(const Record& r)
{
    m_db.query("INSERT INTO erp_roles (code, description, processes, modules, no_access, version, updated_at) "
               "VALUES (?, ?, ?, ?, ?, 1, ?)",
               r[0], r[1], processBits(r[2]), sectionBits(r[3]), yes(r[4]), core::nowRfc3339())
        .run();
}

void RoleTable::update(const Stored& stored, const Record& r)
{
    m_db.query("UPDATE erp_roles SET description = ?, processes = ?, modules = ?, no_access = ?, "
               "version = version + 1, updated_at = ? WHERE code = ?",
               r[1], processBits(r[2]), sectionBits(r[3]), yes(r[4]), core::nowRfc3339(), stored.values[0])
        .run();
}

void RoleTable::remove(const Stored& stored)
{
    m_db.query("DELETE FROM erp_roles WHERE code = ?", stored.values[0]).run();
}

void RoleTable::forEach(const std::function<bool(const Record&)>& visit)
{
    static const std::string sql = std::string(kSelect) + "ORDER BY code";
    auto q = m_db.query(sql);
    while (q.next()) {
        if (!visit({q.text(0), q.text(1), processesOf(q.integer(2)), sectionsOf(q.integer(3)), yesNo(q.boolean(4))}))
            return;
    }
}

std::int64_t RoleTable::count()
{
    auto q = m_db.query("SELECT COUNT(*) FROM erp_roles");
    return q.next() ? q.integer(0) : 0;
}

} // namespace gh::store
