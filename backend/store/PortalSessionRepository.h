#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <optional>
#include <string>

namespace gh::store {

// Server-side portal sessions (table portal_sessions). Only the SHA-256 of the cookie value is
// stored, so a leaked table yields no usable session.
class PortalSessionRepository
{
public:
    struct Session
    {
        std::string idHash;
        core::Id userId = 0;
        std::optional<core::Id> customerId;
        std::string csrfToken;
        std::int64_t createdAt = 0;
        std::int64_t lastSeenAt = 0;
        std::int64_t expiresAt = 0;
        bool readOnly = false;
    };

    explicit PortalSessionRepository(Connection& connection)
        : m_db(connection)
    {
    }

    void insert(const Session& session);
    // One primary-key lookup: the per-request check.
    std::optional<Session> find(const std::string& idHash);
    void touch(const std::string& idHash, std::int64_t now);
    void setCustomer(const std::string& idHash, core::Id customerId);
    void remove(const std::string& idHash);
    void removeForUser(core::Id userId);

private:
    Connection& m_db;
};

} // namespace gh::store
