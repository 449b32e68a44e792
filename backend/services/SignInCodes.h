#pragma once

#include "Services.h"
#include "core/Domain.h"

#include <string>

namespace gh::services {

// Lets the real owner through a sign-in lock (issue 9): failed sign-ins by anyone lock an account, or
// an address, for a while. While it is locked, the right password is still checked (the same work as
// a wrong one, and the same 429), and brings a one-time code by e-mail; the password together with
// that code signs in. A code works once, for kSeconds, and dies after kMaxWrong wrong codes; at most
// kMailsPerWindow codes are mailed per user within kSeconds. Only the code's digest is stored.
class SignInCodes
{
public:
    static constexpr int kDigits = 8;
    static constexpr int kSeconds = 15 * 60;
    static constexpr int kMaxWrong = 5;
    static constexpr int kMailsPerWindow = 3;

    // Mails a new code to the user, unless kMailsPerWindow were mailed within kSeconds.
    static void offer(Services& services, store::Connection& db, const core::PortalUser& user);
    // True, and the code spent, when `code` is a usable code of the user; a wrong code counts against
    // the user's codes.
    static bool redeem(store::Connection& db, core::Id userId, const std::string& code);
};

} // namespace gh::services
