#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <cstdint>
#include <optional>
#include <string>

namespace gh::store {

// Staff bearer tokens (stored as SHA-256 digests). Failed staff sign-ins: SignInFailureRepository.
class StaffTokenRepository
{
public:
    explicit StaffTokenRepository(Connection& connection)
        : m_db(connection)
    {
    }
    void create(const std::string& tokenHash, core::Id staffId, std::int64_t now, std::int64_t expiresAt);
    // The staff user of an unexpired token, unless the account is disabled.
    std::optional<core::StaffUser> findValid(const std::string& tokenHash, std::int64_t now);
    void revoke(const std::string& tokenHash);
    void removeExpired(std::int64_t now);

private:
    Connection& m_db;
};

} // namespace gh::store
