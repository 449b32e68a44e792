#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <cstdint>
#include <optional>
#include <string>

namespace gh::store {

// Single-use tokens of portal users (table user_tokens: set password, reset password). Only the
// token's SHA-256 is stored.
class UserTokenRepository
{
public:
    explicit UserTokenRepository(Connection& connection)
        : m_db(connection)
    {
    }
    // Marks the user's unused tokens of this purpose used (a new one replaces them).
    void retire(core::Id userId, const std::string& purpose, std::int64_t now);
    void insert(const std::string& tokenHash, core::Id userId, const std::string& purpose, std::int64_t now,
                std::int64_t expiresAt);
    // Uses the token if it is unused, of this purpose and unexpired: its user, once.
    std::optional<core::Id> consume(const std::string& tokenHash, const std::string& purpose, std::int64_t now);

private:
    Connection& m_db;
};

} // namespace gh::store
