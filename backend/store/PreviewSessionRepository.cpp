#include "PreviewSessionRepository.h"

namespace gh::store {

void PreviewSessionRepository::create(const std::string& idHash, core::Id userId, std::optional<core::Id> customerId,
                                      const std::string& csrfToken, std::int64_t now, std::int64_t expiresAt,
                                      core::Id staffId)
{
    m_db.query("INSERT INTO portal_sessions (id_hash, user_id, customer_id, csrf_token, created_at, last_seen_at, "
               "expires_at, read_only, preview_staff_id) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)",
               idHash, userId, customerId, csrfToken, now, now, expiresAt, staffId)
        .run();
}

bool PreviewSessionRepository::isOpenPreview(const std::string& idHash, std::int64_t now)
{
    auto q = m_db.query("SELECT 1 FROM portal_sessions WHERE id_hash = ? AND read_only = 1 AND expires_at > ?", idHash,
                        now);
    return q.next();
}

} // namespace gh::store
