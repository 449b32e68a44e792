#include "RoleRepository.h"

#include "core/Time.h"

namespace gh::store {
namespace {

constexpr std::string_view kSelect =
    "SELECT r.code, r.description, r.processes, r.modules, r.no_access, r.version FROM erp_roles r ";

core::ErpRole read(Query& q)
{
    core::ErpRole r;
    r.code = q.text(0);
    r.description = q.text(1);
    r.processes = core::ProcessSet(static_cast<std::uint32_t>(q.integer(2)));
    r.modules = core::SectionSet(static_cast<std::uint32_t>(q.integer(3)));
    r.noAccess = q.boolean(4);
    r.version = q.integer(5);
    return r;
}

} // namespace

void RoleRepository::insert(const core::ErpRole& r)
{
    m_db.query("INSERT INTO erp_roles (code, description, processes, modules, no_access, version, updated_at) "
               "VALUES (?, ?, ?, ?, ?, 1, ?)",
               r.code, r.description, r.processes.bits(), r.modules.bits(), r.noAccess, core::nowRfc3339())
        .run();
}

bool RoleRepository::update(const core::ErpRole& r)
{
    m_db.query("UPDATE erp_roles SET description = ?, processes = ?, modules = ?, no_access = ?, "
               "version = version + 1, updated_at = ? WHERE code = ? AND version = ?",
               r.description, r.processes.bits(), r.modules.bits(), r.noAccess, core::nowRfc3339(), r.code, r.version)
        .run();
    return m_db.changes() == 1;
}

bool RoleRepository::remove(const std::string& code)
{
    m_db.query("DELETE FROM erp_roles WHERE code = ?", code).run();
    return m_db.changes() == 1;
}

std::optional<core::ErpRole> RoleRepository::find(const std::string& code)
{
    static const std::string sql = std::string(kSelect) + "WHERE r.code = ?";
    auto q = m_db.query(sql, code);
    if (!q.next())
        return std::nullopt;
    return read(q);
}

std::vector<core::ErpRole> RoleRepository::all()
{
    static const std::string sql = std::string(kSelect) + "ORDER BY r.code";
    std::vector<core::ErpRole> out;
    auto q = m_db.query(sql);
    while (q.next())
        out.push_back(read(q));
    return out;
}

std::vector<core::ErpRole> RoleRepository::forUser(core::Id portalUserId)
{
    static const std::string sql =
        std::string(kSelect) + "JOIN portal_user_roles ur ON ur.role_code = r.code WHERE ur.user_id = ? ORDER BY r.code";
    std::vector<core::ErpRole> out;
    auto q = m_db.query(sql, portalUserId);
    while (q.next())
        out.push_back(read(q));
    return out;
}

} // namespace gh::store
