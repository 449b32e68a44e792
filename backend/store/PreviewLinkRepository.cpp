#include "PreviewLinkRepository.h"

namespace gh::store {

void PreviewLinkRepository::create(const std::string& tokenHash, core::Id userId, std::optional<core::Id> customerId,
                                   core::Id staffId, std::int64_t now, std::int64_t expiresAt)
{
    m_db.query("INSERT INTO preview_links (token_hash, user_id, customer_id, staff_id, created_at, expires_at) "
               "VALUES (?, ?, ?, ?, ?, ?)",
               tokenHash, userId, customerId, staffId, now, expiresAt)
        .run();
}

std::optional<PreviewLinkRepository::Link> PreviewLinkRepository::redeem(const std::string& tokenHash, std::int64_t now)
{
    auto q = m_db.query("UPDATE preview_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL "
                        "AND expires_at > ? RETURNING user_id, customer_id, staff_id",
                        now, tokenHash, now);
    if (!q.next())
        return std::nullopt;
    Link link;
    link.userId = q.integer(0);
    if (!q.isNull(1))
        link.customerId = q.integer(1);
    link.staffId = q.integer(2);
    return link;
}

void PreviewLinkRepository::removeExpired(std::int64_t now)
{
    m_db.query("DELETE FROM preview_links WHERE expires_at <= ?", now).run();
}

} // namespace gh::store
