#include "OutboxRepository.h"

namespace gh::store {

core::Id OutboxRepository::queue(const std::string& to, const std::string& from, const std::string& subject,
                                 const std::string& body, const std::string& attachmentsJson,
                                 const std::string& createdAt)
{
    auto q = m_db.query("INSERT INTO outbox (to_address, from_address, subject, body_text, attachments_json, status, "
                        "created_at) VALUES (?, ?, ?, ?, ?, 'queued', ?) RETURNING id",
                        to, from, subject, body, attachmentsJson, createdAt);
    q.next();
    return q.integer(0);
}

std::vector<OutboxRepository::Row> OutboxRepository::due(std::int64_t now, int limit)
{
    std::vector<Row> rows;
    auto q = m_db.query("SELECT id, to_address, from_address, subject, body_text, attachments_json, attempts "
                        "FROM outbox WHERE status = 'queued' AND claimed_until <= ? ORDER BY id LIMIT ?",
                        now, limit);
    while (q.next())
        rows.push_back(
            {q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), static_cast<int>(q.integer(6))});
    return rows;
}

bool OutboxRepository::claim(core::Id id, std::int64_t now, std::int64_t leaseUntil)
{
    m_db.query("UPDATE outbox SET claimed_until = ? WHERE id = ? AND status = 'queued' AND claimed_until <= ?",
               leaseUntil, id, now)
        .run();
    return m_db.changes() == 1;
}

void OutboxRepository::markSent(core::Id id, const std::string& sentAt)
{
    m_db.query("UPDATE outbox SET status = 'sent', attempts = attempts + 1, last_error = '', sent_at = ?, "
               "claimed_until = 0 WHERE id = ?",
               sentAt, id)
        .run();
}

void OutboxRepository::markFailed(core::Id id, bool giveUp, const std::string& error)
{
    m_db.query("UPDATE outbox SET status = ?, attempts = attempts + 1, last_error = ?, claimed_until = 0 WHERE id = ?",
               giveUp ? "failed" : "queued", error, id)
        .run();
}

} // namespace gh::store
