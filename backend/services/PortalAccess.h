#pragma once

#include "core/AccessRules.h"
#include "core/Domain.h"
#include "core/PasswordPolicy.h"
#include "store/Database.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gh::services {

// Everything the portal needs to know about one signed-in user for one request: the records that
// AccessRules decides over, loaded once. Every portal data question is asked through `rules`.
struct PortalContext
{
    core::PortalUser user;
    std::vector<core::ErpRole> roles;
    std::vector<core::Customer> assigned;
    std::vector<core::Customer> selectable;
    core::SectionSet sections;
    core::AccessRules rules{core::AccessSettings{}};
    std::map<std::string, std::string> settings; // effective settings

    // The selectable customer with that number if the user may see `section` there; nullptr otherwise
    // (callers answer 404, indistinguishable from a missing record).
    const core::Customer* customerFor(const std::string& number, core::Section section) const;
    const core::Customer* selectableCustomer(const std::string& number) const;
    const core::Customer* selectableCustomerById(core::Id id) const;
    // The user's primary customer if selectable, else the first selectable one.
    const core::Customer* defaultCustomer() const;
    bool orderVisible(const core::Order& order) const { return core::AccessRules::orderVisibleTo(user, order); }
};

class PortalAccess
{
public:
    static std::map<std::string, std::string> effectiveSettings(store::Connection& db);
    static std::int64_t settingInt(const std::map<std::string, std::string>& settings, std::string_view key);
    static core::PasswordPolicy passwordPolicy(const std::map<std::string, std::string>& settings);

    // Loads the user and what AccessRules needs; nullopt when the user no longer exists.
    static std::optional<PortalContext> load(store::Connection& db, core::Id userId,
                                             std::map<std::string, std::string> settings);
    static std::optional<PortalContext> load(store::Connection& db, core::Id userId)
    {
        return load(db, userId, effectiveSettings(db));
    }
};

} // namespace gh::services
