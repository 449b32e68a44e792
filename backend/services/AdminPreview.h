#pragma once

#include "core/AccessRules.h"
#include "core/Domain.h"
#include "store/Database.h"

#include <optional>
#include <string>
#include <vector>

namespace gh::services {

// "Preview as contact": a read-only portal session for one portal user, opened by a staff member,
// that lives kSeconds. Staff get a one-off link (its token is no session id); opening it exchanges the
// token, once, for a new session. The portal's session middleware refuses every state change under it.
class AdminPreview
{
public:
    static constexpr int kSeconds = 300;

    struct Opened
    {
        std::string linkToken; // the one-off token of the /preview/open link; only its digest is stored
        std::string customerNumber; // the customer the session starts on
        std::int64_t expiresAt = 0; // when the link stops working
    };

    // What the portal grants the user now, decided by AccessRules from the stored records and settings.
    struct Access
    {
        core::AccessRules::SignIn signIn = core::AccessRules::SignIn::NotActive;
        core::SectionSet effectiveSections;
        std::vector<core::Customer> selectableCustomers;
        // Per selectable customer (same order): the rights that apply there and where they come from.
        std::vector<core::CustomerRights> rights;
        std::optional<core::Privileges> privileges; // on the first selectable customer
    };
    // Throws std::out_of_range when the user does not exist.
    static Access access(store::Connection& db, core::Id portalUserId);

    // Throws std::out_of_range when the user does not exist and std::logic_error when the user has
    // no customer they may select (AccessRules), so there is nothing to preview.
    static Opened open(store::Connection& db, core::Id portalUserId, const core::StaffUser& staff);

    // Trades an unused, unexpired link token for a new read-only session; answers the session's cookie
    // value (only its digest is stored), or nullopt when the link is unknown, used or expired.
    static std::optional<std::string> exchange(store::Connection& db, const std::string& linkToken);
    // open() in its own transaction with the audit event (portal_user, preview).
    static Opened openAudited(store::Connection& db, core::Id portalUserId, const core::StaffUser& staff,
                              core::Origin origin);
};

} // namespace gh::services
