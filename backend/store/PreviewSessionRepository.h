#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <cstdint>
#include <optional>
#include <string>

namespace gh::store {

// Read-only portal sessions that staff open to see the portal as a user sees it.
class PreviewSessionRepository
{
public:
    explicit PreviewSessionRepository(Connection& connection)
        : m_db(connection)
    {
    }
    void create(const std::string& idHash, core::Id userId, std::optional<core::Id> customerId,
                const std::string& csrfToken, std::int64_t now, std::int64_t expiresAt, core::Id staffId);

private:
    Connection& m_db;
};

} // namespace gh::store
