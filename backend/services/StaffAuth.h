#pragma once

#include "core/Domain.h"
#include "core/PasswordHasher.h"
#include "store/Database.h"

#include <optional>
#include <string>

namespace gh::services {

// Staff sign-in for the admin API: accounts in staff_users (never portal users), bearer tokens that
// are random, stored only as their SHA-256 and expire after kTokenSeconds, and a throttle on failed
// attempts per account and per client address.
class StaffAuth
{
public:
    static constexpr int kTokenSeconds = 12 * 3600;
    static constexpr int kFailureWindowSeconds = 15 * 60;
    static constexpr int kMaxFailuresPerAccount = 5;
    static constexpr int kMaxFailuresPerClient = 50;

    struct SignedIn
    {
        std::string token;
        std::int64_t expiresAt = 0;
        core::StaffUser staff;
    };

    struct Result
    {
        enum class Outcome
        {
            SignedIn,
            InvalidCredentials,
            Throttled
        } outcome
            = Outcome::InvalidCredentials;
        std::optional<SignedIn> session;
        int retryAfterSeconds = 0;
    };

    static Result signIn(store::Connection& db, const core::PasswordHasher& hasher, const std::string& email,
                         const std::string& password, const std::string& client);
    static std::optional<core::StaffUser> authenticate(store::Connection& db, const std::string& token);
    static void signOut(store::Connection& db, const std::string& token);

    // For `gatehouse-server admin create`: checks the password policy and the email; throws
    // std::invalid_argument with a reason, or store::DatabaseError on a duplicate email.
    static core::Id createStaff(store::Connection& db, const core::PasswordHasher& hasher, const std::string& email,
                                core::StaffRole role, const std::string& password);
};

} // namespace gh::services
