#pragma once

#include "Services.h"

#include <string>
#include <string_view>

namespace gh::services {

// "Forgot password" (API.md): the request does the same work for every address — it records the
// request and answers — so neither its answer nor its time tells whether an account exists. The email
// job then handles the recorded requests (mailRequested): a reset e-mail goes out only to an account
// that may use it, and at most kMailsPerHour per address per hour; further requests send nothing.
class PasswordResets
{
public:
    static constexpr int kMailsPerHour = 3;

    static void request(Services& services, store::Connection& db, const std::string& email,
                        std::string_view language = "en");
    // Handles the recorded requests; returns how many e-mails it queued.
    static int mailRequested(Services& services, store::Connection& db);
};

} // namespace gh::services
