#pragma once

#include "core/Domain.h"
#include "store/Database.h"

#include <string>
#include <string_view>

namespace gh::services {

// Throttles guessing in the portal's registration (API.md): after 5 failed attempts within 15 minutes
// for one customer number, or 20 from one client address, further attempts are refused (429) until
// the oldest of them leaves the window. Failed attempts are audited (action registration_failed,
// entity customer), and so is the failure that reaches a limit (registration_throttled), so staff see
// guessing in the Audit page.
//
// An attempt is counted as failed from the moment it is let in (begin), in the same write transaction
// as the check, and taken back when it succeeds: parallel guesses cannot all slip past the check.
class RegistrationThrottle
{
public:
    static constexpr int kWindowSeconds = 15 * 60;
    static constexpr int kPerCustomerNumber = 5;
    static constexpr int kPerClient = 20;

    // The customer number as throttled: trimmed, upper case, so " c100010" is "C100010".
    static std::string key(std::string_view typedNumber);

    struct Attempt
    {
        int retryAfterSeconds = 0; // > 0: refused
        core::Id failureId = 0; // the provisional failure row of an attempt let in
    };
    static Attempt begin(store::Connection& db, const std::string& customerKey, const std::string& client);
    // The attempt succeeded (or failed for a reason that is no guess, such as a missing field).
    static void succeeded(store::Connection& db, const Attempt& attempt);
    // The attempt failed with `reason` (an API error code): audited; a limit reached is audited too.
    static void failed(store::Connection& db, const Attempt& attempt, const std::string& customerKey,
                       const std::string& client, const std::string& reason);
};

} // namespace gh::services
