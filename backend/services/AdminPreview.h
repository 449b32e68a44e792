#pragma once

#include "core/AccessRules.h"
#include "core/Domain.h"
#include "store/Database.h"

#include <optional>
#include <string>
#include <vector>

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
    // open() in its own transaction with the audit event (portal_user, preview).
    static Opened openAudited(store::Connection& db, core::Id portalUserId, const core::StaffUser& staff,
                              core::Origin origin);
    // True when the token is an open read-only preview session that has not expired.
    static bool isOpen(store::Connection& db, const std::string& token);
};

} // namespace gh::services
