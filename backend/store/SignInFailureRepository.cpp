#include "SignInFailureRepository.h"

namespace gh::store {

void SignInFailureRepository::record(const std::string& account, const std::string& client, std::int64_t now)
{
    // Rows older than the longest window (one hour) no longer count; drop this account's and client's.
    m_db.query("DELETE FROM sign_in_failures WHERE account = ? AND at < ?", account, now - 3600).run();
    m_db.query("DELETE FROM sign_in_failures WHERE client = ? AND at < ?", client, now - 3600).run();
    m_db.query("INSERT INTO sign_in_failures (account, client, at) VALUES (?, ?, ?)", account, client, now).run();
}

std::optional<std::int64_t> SignInFailureRepository::nthRecent(const std::string& key, bool byClient,
                                                               std::int64_t since, int n)
{
    auto q = byClient ? m_db.query("SELECT at FROM sign_in_failures WHERE client = ? AND at > ? ORDER BY at DESC "
                                   "LIMIT 1 OFFSET ?",
                                   key, since, n - 1)
                      : m_db.query("SELECT at FROM sign_in_failures WHERE account = ? AND at > ? ORDER BY at DESC "
                                   "LIMIT 1 OFFSET ?",
                                   key, since, n - 1);
    if (!q.next())
        return std::nullopt;
    return q.integer(0);
}

void SignInFailureRepository::clearAccount(const std::string& account)
{
    m_db.query("DELETE FROM sign_in_failures WHERE account = ?", account).run();
}

std::pair<int, std::int64_t> SignInFailureRepository::countSince(const std::string& key, bool byClient,
                                                                 std::int64_t since)
{
    auto q = byClient
        ? m_db.query("SELECT COUNT(*), COALESCE(MIN(at), 0) FROM sign_in_failures WHERE client = ? AND at > ?", key,
                     since)
        : m_db.query("SELECT COUNT(*), COALESCE(MIN(at), 0) FROM sign_in_failures WHERE account = ? AND at > ?", key,
                     since);
    q.next();
    return {static_cast<int>(q.integer(0)), q.integer(1)};
}

} // namespace gh::store
