#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <string>
#include <vector>

namespace gh::store {

// One-time sign-in codes e-mailed to a portal user whose sign-in is locked (migration 8). Only the
// code's digest is stored.
class SignInCodeRepository
{
public:
    struct Code
    {
        core::Id id = 0;
        std::string codeHash;
    };

    explicit SignInCodeRepository(Connection& connection)
        : m_db(connection)
    {
    }
    void create(core::Id userId, const std::string& codeHash, std::int64_t now, std::int64_t expiresAt);
    std::int64_t countCreatedSince(core::Id userId, std::int64_t since);
    // The user's unused, unexpired codes with fewer than maxWrong wrong attempts, newest first.
    std::vector<Code> usable(core::Id userId, std::int64_t now, int maxWrong);
    void markUsed(core::Id id, std::int64_t now);
    // One wrong attempt against each of the user's usable codes.
    void countWrongAttempt(core::Id userId, std::int64_t now);
    void removeExpired(std::int64_t now);

private:
    Connection& m_db;
};

} // namespace gh::store
