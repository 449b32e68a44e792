#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <optional>
#include <string>

namespace gh::store {

// One-off links staff hand to the embedded browser for "preview as contact" (migration 8). Only the
// token's digest is stored; redeeming marks the link used, so it opens one session at most.
class PreviewLinkRepository
{
public:
    struct Link
    {
        core::Id userId = 0;
        std::optional<core::Id> customerId;
        core::Id staffId = 0;
    };

    explicit PreviewLinkRepository(Connection& connection)
        : m_db(connection)
    {
    }
    void create(const std::string& tokenHash, core::Id userId, std::optional<core::Id> customerId, core::Id staffId,
                std::int64_t now, std::int64_t expiresAt);
    // Marks an unused, unexpired link used and answers what it was for; nullopt otherwise.
    std::optional<Link> redeem(const std::string& tokenHash, std::int64_t now);
    void removeExpired(std::int64_t now);

private:
    Connection& m_db;
};

} // namespace gh::store
