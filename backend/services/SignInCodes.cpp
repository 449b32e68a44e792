#include "SignInCodes.h"

#include "AccountMail.h"
#include "core/SecureRandom.h"
#include "core/Time.h"
#include "store/SignInCodeRepository.h"

#include <cstring>

namespace gh::services {
namespace {

std::string newCode()
{
    const std::string random = core::SecureRandom::bytes(8);
    std::uint64_t value = 0;
    std::memcpy(&value, random.data(), sizeof value);
    std::string code = std::to_string(value % 100000000ULL); // 2^64 / 10^8: a bias below 10^-10
    return std::string(SignInCodes::kDigits - code.size(), '0') + code;
}

} // namespace

void SignInCodes::offer(Services& services, store::Connection& db, const core::PortalUser& user)
{
    const std::int64_t now = core::nowSeconds();
    store::Transaction tx(db);
    store::SignInCodeRepository codes(db);
    codes.removeExpired(now - kSeconds); // kept a window longer, to count against the mail limit
    if (codes.countCreatedSince(user.id, now - kSeconds) >= kMailsPerWindow)
        return;
    const std::string code = newCode();
    codes.create(user.id, core::SecureRandom::digest(code), now, now + kSeconds);
    AccountMail::sendSignInCode(db, user, code, services.options().publicUrl);
    tx.commit();
    services.outboxChanged();
}

bool SignInCodes::redeem(store::Connection& db, core::Id userId, const std::string& code)
{
    if (code.size() != kDigits)
        return false;
    const std::int64_t now = core::nowSeconds();
    const std::string digest = core::SecureRandom::digest(code);
    store::Transaction tx(db);
    store::SignInCodeRepository codes(db);
    for (const auto& usable : codes.usable(userId, now, kMaxWrong)) {
        if (core::SecureRandom::equalConstantTime(usable.codeHash, digest)) {
            codes.markUsed(usable.id, now);
            tx.commit();
            return true;
        }
    }
    codes.countWrongAttempt(userId, now);
    tx.commit();
    return false;
}

} // namespace gh::services
