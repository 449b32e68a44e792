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

void SignInFailureRepository::record(const std::string& account, const std::string& client, std::int64_t now)
{
    // Rows older than the longest window (one hour) no longer count; drop this account's and client's.
    m_db.query("DELETE FROM sign_in_failures WHERE account = ? AND at < ?", account, now - 3600).run();
    m_db.query("DELETE FROM sign_in_failures WHERE client = ? AND at < ?", client, now - 3600).run();
    m_db.query("INSERT INTO sign_in_failures (account, client, at) VALUES (?, ?, ?)", account, client, now).run();
}

std::optional<std::int64_t> SignInFailureRepository::nthRecentForAccount(const std::string& account, std::int64_t since,
                                                                         int n)
{
    auto q = m_db.query("SELECT at FROM sign_in_failures WHERE account = ? AND at > ? ORDER BY at DESC LIMIT 1 "
                        "OFFSET ?",
                        account, since, n - 1);
    if (!q.next())
        return std::nullopt;
    return q.integer(0);
}

std::optional<std::int64_t> SignInFailureRepository::nthRecentForClient(const std::string& client, std::int64_t since,
                                                                        int n)
{
    auto q = m_db.query("SELECT at FROM sign_in_failures WHERE client = ? AND at > ? ORDER BY at DESC LIMIT 1 "
                        "OFFSET ?",
                        client, since, n - 1);
    if (!q.next())
        return std::nullopt;
    return q.integer(0);
}

void SignInFailureRepository::clearAccount(const std::string& account)
{
    m_db.query("DELETE FROM sign_in_failures WHERE account = ?", account).run();
}

} // namespace gh::store
