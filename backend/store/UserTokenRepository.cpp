#include "UserTokenRepository.h"

namespace gh::store {

void UserTokenRepository::retire(core::Id userId, const std::string& purpose, std::int64_t now)
{
    m_db.query("UPDATE user_tokens SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL", now, userId,
               purpose)
        .run();
}

void UserTokenRepository::insert(const std::string& tokenHash, core::Id userId, const std::string& purpose,
                                 std::int64_t now, std::int64_t expiresAt)
{
    m_db.query("INSERT INTO user_tokens (token_hash, user_id, purpose, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
               tokenHash, userId, purpose, now, expiresAt)
        .run();
}

std::optional<core::Id> UserTokenRepository::consume(const std::string& tokenHash, const std::string& purpose,
                                                     std::int64_t now)
{
    auto q = m_db.query("UPDATE user_tokens SET used_at = ? WHERE token_hash = ? AND purpose = ? AND used_at IS NULL "
                        "AND expires_at > ? RETURNING user_id",
                        now, tokenHash, purpose, now);
    if (!q.next())
        return std::nullopt;
    const core::Id userId = q.integer(0);
    q.run();
    return userId;
}

} // namespace gh::store
