#include "StaffRepository.h"

#include "core/Text.h"
#include "core/Time.h"

namespace gh::store {

namespace {
core::StaffUser readStaff(Query& q)
{
    core::StaffUser s;
    s.id = q.integer(0);
    s.email = q.text(1);
    s.passwordHash = q.text(2);
    s.role = core::parseEnum<core::StaffRole>(q.textView(3)).value_or(core::StaffRole::Viewer);
    s.disabled = q.boolean(4);
    return s;
}
} // namespace

core::Id StaffRepository::insert(const core::StaffUser& s)
{
    auto q = m_db.query("INSERT INTO staff_users (email, password_hash, role, disabled, created_at) "
                        "VALUES (?, ?, ?, ?, ?) RETURNING id",
                        core::toLowerAscii(s.email), s.passwordHash, core::toString(s.role), s.disabled,
                        core::nowRfc3339());
    q.next();
    return q.integer(0);
}

std::optional<core::StaffUser> StaffRepository::findByEmail(const std::string& email)
{
    auto q = m_db.query("SELECT id, email, password_hash, role, disabled FROM staff_users WHERE email = ?",
                        core::toLowerAscii(email));
    if (!q.next())
        return std::nullopt;
    return readStaff(q);
}

std::optional<core::StaffUser> StaffRepository::findById(core::Id id)
{
    auto q = m_db.query("SELECT id, email, password_hash, role, disabled FROM staff_users WHERE id = ?", id);
    if (!q.next())
        return std::nullopt;
    return readStaff(q);
}

void StaffRepository::setPasswordHash(core::Id id, const std::string& hash)
{
    m_db.query("UPDATE staff_users SET password_hash = ? WHERE id = ?", hash, id).run();
}

} // namespace gh::store
