#pragma once

#include "core/AccessRules.h"
#include "core/Domain.h"
#include "core/PasswordPolicy.h"
#include "store/Database.h"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
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
    // The contacts with the user's e-mail (any customer): where one exists, its rights apply there.
    std::vector<core::Contact> contacts;
    // The rights at each selectable customer (AccessRules::rightsAt), by customer id.
    std::map<core::Id, core::CustomerRights> rights;
    // The user's own sections (where no contact decides).
    core::SectionSet sections;
    core::AccessRules rules{core::AccessSettings{}};
    // The effective settings, shared by every context loaded under the same access generation.
    std::shared_ptr<const std::map<std::string, std::string>> settings;
    std::int64_t sessionIdleSeconds = 0;
    std::int64_t sessionAbsoluteSeconds = 0;

    // The selectable customer with that number if the user may see `section` there; nullptr otherwise
    // (callers answer 404, indistinguishable from a missing record).
    const core::Customer* customerFor(const std::string& number, core::Section section) const;
    const core::Customer* selectableCustomer(const std::string& number) const;
    const core::Customer* selectableCustomerById(core::Id id) const;
    // The user's primary customer if selectable, else the first selectable one.
    const core::Customer* defaultCustomer() const;
    // The rights that apply at this selectable customer (the user's own for any other).
    const core::CustomerRights& rightsAt(const core::Customer& customer) const;
    bool orderVisible(const core::Order& order) const;
    std::string ordersPlacedBy(const core::Customer& customer) const
    {
        return core::AccessRules::ordersPlacedBy(user, rightsAt(customer));
    }
};

class PortalAccess
{
public:
    static std::map<std::string, std::string> effectiveSettings(store::Connection& db);
    static std::int64_t settingInt(const std::map<std::string, std::string>& settings, std::string_view key);
    static core::PasswordPolicy passwordPolicy(const std::map<std::string, std::string>& settings);

    // Loads the user and what AccessRules needs; nullopt when the user no longer exists.
    static std::optional<PortalContext> load(store::Connection& db, core::Id userId,
                                             std::shared_ptr<const std::map<std::string, std::string>> settings);
    static std::optional<PortalContext> load(store::Connection& db, core::Id userId)
    {
        return load(db, userId, std::make_shared<const std::map<std::string, std::string>>(effectiveSettings(db)));
    }
};

// The portal's per-request door asks for the signed-in user's context on every request. Loading it
// takes several queries and most of a request's time, so contexts are kept in memory per user, each
// valid only while the database's access generation (migration 5: triggers on every table the
// context is computed from) is the one it was loaded under. Every lookup reads that generation, so a
// change by any writer, including another server instance on the same database, counts at once.
class PortalContextCache
{
public:
    explicit PortalContextCache(std::size_t maxEntries = 20000)
        : m_maxEntries(maxEntries)
    {
    }

    // The user's context as of now; nullptr when the user no longer exists.
    std::shared_ptr<const PortalContext> get(store::Connection& db, core::Id userId);

    std::size_t size() const;

private:
    mutable std::mutex m_mutex;
    std::size_t m_maxEntries;
    std::int64_t m_generation = -1;
    std::shared_ptr<const std::map<std::string, std::string>> m_settings; // under m_generation
    std::unordered_map<core::Id, std::shared_ptr<const PortalContext>> m_contexts;
};

} // namespace gh::services
