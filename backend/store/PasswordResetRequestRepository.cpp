#include "PasswordResetRequestRepository.h"

namespace gh::store {

void PasswordResetRequestRepository::record(const std::string& address, std::int64_t now, std::string_view language)
{
    m_db.query("INSERT INTO password_reset_requests (address, requested_at, language) VALUES (?, ?, ?)", address, now,
               language)
        .run();
}

std::vector<PasswordResetRequestRepository::Request> PasswordResetRequestRepository::pending(int limit)
{
    std::vector<Request> out;
    auto q
        = m_db.query("SELECT id, address, requested_at, language FROM password_reset_requests WHERE handled_at IS NULL "
                     "ORDER BY id LIMIT ?",
                     limit);
    while (q.next())
        out.push_back({q.integer(0), q.text(1), q.integer(2), q.text(3)});
    return out;
}

bool PasswordResetRequestRepository::claim(core::Id id, std::int64_t now)
{
    m_db.query("UPDATE password_reset_requests SET handled_at = ? WHERE id = ? AND handled_at IS NULL", now, id).run();
    return m_db.changes() == 1;
}

std::int64_t PasswordResetRequestRepository::mailedSince(const std::string& address, std::int64_t since)
{
    auto q = m_db.query("SELECT COUNT(*) FROM password_reset_requests WHERE address = ? AND mailed = 1 "
                        "AND requested_at > ?",
                        address, since);
    q.next();
    return q.integer(0);
}

void PasswordResetRequestRepository::markMailed(core::Id id)
{
    m_db.query("UPDATE password_reset_requests SET mailed = 1 WHERE id = ?", id).run();
}

void PasswordResetRequestRepository::remove(core::Id id)
{
    m_db.query("DELETE FROM password_reset_requests WHERE id = ?", id).run();
}

void PasswordResetRequestRepository::removeMailedBefore(std::int64_t before)
{
    m_db.query("DELETE FROM password_reset_requests WHERE mailed = 1 AND requested_at < ?", before).run();
}

} // namespace gh::store
