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

} // namespace gh::store
