#include "BulkRepository.h"

#include "core/Time.h"

namespace gh::store {

std::int64_t BulkRepository::countPortalAccessChanges(bool enable)
{
    auto q = m_db.query("SELECT COUNT(*) FROM customers WHERE portal_enabled <> ?", enable);
    q.next();
    return q.integer(0);
}

std::int64_t BulkRepository::setPortalAccess(bool enable)
{
    m_db.query("UPDATE customers SET portal_enabled = ?, version = version + 1, updated_at = ? "
               "WHERE portal_enabled <> ?",
               enable, core::nowRfc3339(), enable)
        .run();
    return m_db.changes();
}

namespace {
// The column a contact permission lives in; sections are one bit of the sections mask.
std::string permissionCondition(const std::string& column, int sectionBit, bool value)
{
    if (sectionBit >= 0)
        return value ? "(sections & ?) = 0" : "(sections & ?) <> 0";
    return (column == "canRegister" ? std::string("can_register") : std::string("make_payment")) + " <> ?";
}
} // namespace

std::int64_t BulkRepository::countContactPermissionChanges(const std::string& column, int sectionBit, bool value)
{
    const std::string sql = "SELECT COUNT(*) FROM contacts WHERE " + permissionCondition(column, sectionBit, value);
    auto q = sectionBit >= 0 ? m_db.query(sql, std::int64_t(1) << sectionBit) : m_db.query(sql, value);
    q.next();
    return q.integer(0);
}

std::int64_t BulkRepository::setContactPermission(const std::string& column, int sectionBit, bool value)
{
    const std::string now = core::nowRfc3339();
    const std::string where = " WHERE " + permissionCondition(column, sectionBit, value);
    if (sectionBit >= 0) {
        const std::int64_t bit = std::int64_t(1) << sectionBit;
        const std::string set = value ? "sections = sections | ?" : "sections = sections & ~?";
        m_db.query("UPDATE contacts SET " + set + ", version = version + 1, updated_at = ?" + where, bit, now, bit)
            .run();
    } else {
        const std::string name = column == "canRegister" ? "can_register" : "make_payment";
        m_db.query("UPDATE contacts SET " + name + " = ?, version = version + 1, updated_at = ?" + where, value, now,
                   value)
            .run();
    }
    return m_db.changes();
}

} // namespace gh::store
