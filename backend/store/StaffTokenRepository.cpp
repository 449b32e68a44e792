#include "StaffTokenRepository.h"

namespace gh::store {

void StaffTokenRepository::create(const std::string& tokenHash, core::Id staffId, std::int64_t now,
                                  std::int64_t expiresAt)
{
    m_db.query("INSERT INTO staff_tokens (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)", tokenHash,
               staffId, now, expiresAt)
        .run();
}

std::optional<core::StaffUser> StaffTokenRepository::findValid(const std::string& tokenHash, std::int64_t now)
{
    auto q = m_db.query("SELECT s.id, s.email, s.role FROM staff_tokens t JOIN staff_users s ON s.id = t.staff_id "
                        "WHERE t.token_hash = ? AND t.expires_at > ? AND s.disabled = 0",
                        tokenHash, now);
    if (!q.next())
        return std::nullopt;
    core::StaffUser s;
    s.id = q.integer(0);
    s.email = q.text(1);
    s.role = core::parseEnum<core::StaffRole>(q.textView(2)).value_or(core::StaffRole::Viewer);
    return s;
}

void StaffTokenRepository::revoke(const std::string& tokenHash)
{
    m_db.query("DELETE FROM staff_tokens WHERE token_hash = ?", tokenHash).run();
}

void StaffTokenRepository::removeExpired(std::int64_t now)
{
    m_db.query("DELETE FROM staff_tokens WHERE expires_at <= ?", now).run();
}

} // namespace gh::store
