#include "PortalSessionRepository.h"

namespace gh::store {

void PortalSessionRepository::insert(const Session& s)
{
    m_db.query("INSERT INTO portal_sessions (id_hash, user_id, customer_id, csrf_token, created_at, last_seen_at, "
               "expires_at, read_only) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               s.idHash, s.userId, s.customerId, s.csrfToken, s.createdAt, s.lastSeenAt, s.expiresAt, s.readOnly)
        .run();
}

std::optional<PortalSessionRepository::Session> PortalSessionRepository::find(const std::string& idHash)
{
    auto q = m_db.query("SELECT user_id, customer_id, csrf_token, created_at, last_seen_at, expires_at, read_only "
                        "FROM portal_sessions WHERE id_hash = ?",
                        idHash);
    if (!q.next())
        return std::nullopt;
    Session s;
    s.idHash = idHash;
    s.userId = q.integer(0);
    if (!q.isNull(1))
        s.customerId = q.integer(1);
    s.csrfToken = q.text(2);
    s.createdAt = q.integer(3);
    s.lastSeenAt = q.integer(4);
    s.expiresAt = q.integer(5);
    s.readOnly = q.boolean(6);
    return s;
}

void PortalSessionRepository::touch(const std::string& idHash, std::int64_t now)
{
    m_db.query("UPDATE portal_sessions SET last_seen_at = ? WHERE id_hash = ?", now, idHash).run();
}

void PortalSessionRepository::setCustomer(const std::string& idHash, core::Id customerId)
{
    m_db.query("UPDATE portal_sessions SET customer_id = ? WHERE id_hash = ?", customerId, idHash).run();
}

void PortalSessionRepository::remove(const std::string& idHash)
{
    m_db.query("DELETE FROM portal_sessions WHERE id_hash = ?", idHash).run();
}

void PortalSessionRepository::removeForUser(core::Id userId)
{
    m_db.query("DELETE FROM portal_sessions WHERE user_id = ?", userId).run();
}

} // namespace gh::store
