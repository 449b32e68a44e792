#pragma once

#include "core/Domain.h"
#include "store/Database.h"

#include <string>

namespace gh::services {

// "Preview as contact": a read-only portal session for one portal user, opened by a staff member,
// that lives kSeconds. The portal's session middleware refuses every state change under it.
class AdminPreview
{
public:
    static constexpr int kSeconds = 300;

    struct Opened
    {
        std::string sessionToken; // the gh_session cookie value; only its digest is stored
        std::string customerNumber; // the customer the session starts on
        std::int64_t expiresAt = 0;
    };

    // Throws std::out_of_range when the user does not exist and std::logic_error when the user has
    // no customer they may select (AccessRules), so there is nothing to preview.
    static Opened open(store::Connection& db, core::Id portalUserId, const core::StaffUser& staff);
};

} // namespace gh::services
