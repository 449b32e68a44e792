#include "StaffAuth.h"

#include "core/PasswordPolicy.h"
#include "core/SecureRandom.h"
#include "core/Text.h"
#include "core/Time.h"
#include "store/SignInFailureRepository.h"
#include "store/StaffRepository.h"
#include "store/StaffTokenRepository.h"

#include <stdexcept>

namespace gh::services {

StaffAuth::Result StaffAuth::signIn(store::Connection& db, const core::PasswordHasher& hasher, const std::string& email,
                                    const std::string& password, const std::string& client)
{
    const std::int64_t now = core::nowSeconds();
    const std::string account = "staff:" + core::toLowerAscii(core::trim(email));
    const std::string clientKey = "staff:" + client;
    store::StaffTokenRepository tokens(db);
    store::SignInFailureRepository failures(db);
    Result result;

    // Refuse before spending a hash when the account or the client is over its limit.
    const auto [accountFailures, accountOldest] = failures.countSince(account, false, now - kFailureWindowSeconds);
    const auto [clientFailures, clientOldest] = failures.countSince(clientKey, true, now - kFailureWindowSeconds);
    if (accountFailures >= kMaxFailuresPerAccount || clientFailures >= kMaxFailuresPerClient) {
        const std::int64_t oldest = accountFailures >= kMaxFailuresPerAccount ? accountOldest : clientOldest;
        result.outcome = Result::Outcome::Throttled;
        result.retryAfterSeconds = static_cast<int>(std::max<std::int64_t>(1, oldest + kFailureWindowSeconds - now));
        return result;
    }

    store::StaffRepository staff(db);
    auto user = staff.findByEmail(std::string(core::trim(email)));
    bool ok = false;
    if (user && !user->disabled)
        ok = hasher.verify(user->passwordHash, password);
    else
        hasher.verifyDummy(password);
    if (!ok) {
        failures.record(account, clientKey, now);
        return result;
    }
    failures.clearAccount(account);
    tokens.removeExpired(now);
    SignedIn session;
    session.token = core::SecureRandom::token();
    session.expiresAt = now + kTokenSeconds;
    session.staff = *user;
    session.staff.passwordHash.clear();
    tokens.create(core::SecureRandom::digest(session.token), user->id, now, session.expiresAt);
    result.outcome = Result::Outcome::SignedIn;
    result.session = std::move(session);
    return result;
}

std::optional<core::StaffUser> StaffAuth::authenticate(store::Connection& db, const std::string& token)
{
    if (token.empty() || token.size() > 256)
        return std::nullopt;
    return store::StaffTokenRepository(db).findValid(core::SecureRandom::digest(token), core::nowSeconds());
}

void StaffAuth::signOut(store::Connection& db, const std::string& token)
{
    store::StaffTokenRepository(db).revoke(core::SecureRandom::digest(token));
}

core::Id StaffAuth::createStaff(store::Connection& db, const core::PasswordHasher& hasher, const std::string& email,
                                core::StaffRole role, const std::string& password)
{
    if (!core::looksLikeEmail(email))
        throw std::invalid_argument("'" + email + "' is not an email address");
    core::PasswordPolicy policy;
    const auto problems = policy.check(password);
    if (!problems.empty())
        throw std::invalid_argument("the password is too weak: " + policy.problemMessage(problems.front()) + " ("
                                    + policy.describe() + ")");
    core::StaffUser user;
    user.email = email;
    user.role = role;
    user.passwordHash = hasher.hash(password);
    return store::StaffRepository(db).insert(user);
}

} // namespace gh::services
