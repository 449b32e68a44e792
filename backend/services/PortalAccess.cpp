#include "PortalAccess.h"

#include "core/SettingsCatalogue.h"
#include "store/AccessGeneration.h"
#include "store/ContactRepository.h"
#include "store/CustomerRepository.h"
#include "store/PortalUserRepository.h"
#include "store/RoleRepository.h"
#include "store/SettingRepository.h"

#include <charconv>

namespace gh::services {

const core::Customer* PortalContext::customerFor(const std::string& number, core::Section section) const
{
    if (!rules.mayView(user, roles, assigned, contacts, number, section))
        return nullptr;
    return selectableCustomer(number);
}

const core::CustomerRights& PortalContext::rightsAt(const core::Customer& customer) const
{
    static const core::CustomerRights none;
    const auto it = rights.find(customer.id);
    return it != rights.end() ? it->second : none;
}

bool PortalContext::orderVisible(const core::Order& order) const
{
    const auto* customer = selectableCustomerById(order.customerId);
    return customer && core::AccessRules::orderVisibleTo(user, rightsAt(*customer), order);
}

const core::Customer* PortalContext::selectableCustomer(const std::string& number) const
{
    for (const auto& customer : selectable) {
        if (customer.number == number)
            return &customer;
    }
    return nullptr;
}

const core::Customer* PortalContext::selectableCustomerById(core::Id id) const
{
    for (const auto& customer : selectable) {
        if (customer.id == id)
            return &customer;
    }
    return nullptr;
}

const core::Customer* PortalContext::defaultCustomer() const
{
    if (const auto* primary = selectableCustomer(user.customerNumber))
        return primary;
    return selectable.empty() ? nullptr : &selectable.front();
}

std::map<std::string, std::string> PortalAccess::effectiveSettings(store::Connection& db)
{
    return core::SettingsCatalogue::effective(store::SettingRepository(db).stored());
}

std::int64_t PortalAccess::settingInt(const std::map<std::string, std::string>& settings, std::string_view key)
{
    std::string value;
    if (auto it = settings.find(std::string(key)); it != settings.end())
        value = it->second;
    std::int64_t number = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (ec != std::errc() || ptr != value.data() + value.size()) {
        // A stored value is validated on write; fall back to the catalogue default if it is not a number.
        const auto* def = core::SettingsCatalogue::find(key);
        const std::string_view fallback = def ? def->defaultValue : std::string_view("0");
        std::from_chars(fallback.data(), fallback.data() + fallback.size(), number);
    }
    return number;
}

core::PasswordPolicy PortalAccess::passwordPolicy(const std::map<std::string, std::string>& settings)
{
    core::PasswordPolicy::Parameters p;
    p.minLength = static_cast<int>(settingInt(settings, core::settings::kPasswordMinLength));
    p.maxLength = static_cast<int>(settingInt(settings, core::settings::kPasswordMaxLength));
    p.requiredClasses = static_cast<int>(settingInt(settings, core::settings::kPasswordRequiredClasses));
    return core::PasswordPolicy(p);
}

std::optional<PortalContext> PortalAccess::load(store::Connection& db, core::Id userId,
                                                std::shared_ptr<const std::map<std::string, std::string>> settings)
{
    auto user = store::PortalUserRepository(db).findById(userId);
    if (!user)
        return std::nullopt;
    PortalContext ctx;
    ctx.user = std::move(*user);
    if (ctx.user.kind == core::PortalUserKind::Internal)
        ctx.roles = store::RoleRepository(db).forUser(userId);
    ctx.assigned = store::CustomerRepository(db).assignedTo(userId);
    ctx.rules = core::AccessRules(core::AccessSettings::fromSettings(*settings));
    ctx.selectable = ctx.rules.selectableCustomers(ctx.user, ctx.assigned);
    ctx.sections = ctx.rules.effectiveSections(ctx.user, ctx.roles);
    if (ctx.user.kind == core::PortalUserKind::External)
        ctx.contacts = store::ContactRepository(db).withEmail(ctx.user.email);
    for (const auto& customer : ctx.selectable)
        ctx.rights.emplace(customer.id, ctx.rules.rightsAt(ctx.user, ctx.roles, customer, ctx.contacts));
    ctx.sessionIdleSeconds = settingInt(*settings, core::settings::kSessionIdleMinutes) * 60;
    ctx.sessionAbsoluteSeconds = settingInt(*settings, core::settings::kSessionAbsoluteHours) * 3600;
    ctx.settings = std::move(settings);
    return ctx;
}

std::shared_ptr<const PortalContext> PortalContextCache::get(store::Connection& db, core::Id userId)
{
    // One snapshot: the generation read is the one the loaded rows belong to.
    store::ReadSnapshot snapshot(db);
    const std::int64_t generation = store::accessGeneration(db);
    std::shared_ptr<const std::map<std::string, std::string>> settings;
    {
        std::lock_guard lock(m_mutex);
        if (generation == m_generation) {
            if (auto it = m_contexts.find(userId); it != m_contexts.end())
                return it->second;
            settings = m_settings;
        }
    }
    if (!settings)
        settings = std::make_shared<const std::map<std::string, std::string>>(PortalAccess::effectiveSettings(db));
    auto loaded = PortalAccess::load(db, userId, settings);
    if (!loaded)
        return nullptr;
    auto context = std::make_shared<const PortalContext>(std::move(*loaded));
    std::lock_guard lock(m_mutex);
    if (generation > m_generation) {
        m_generation = generation;
        m_settings = std::move(settings);
        m_contexts.clear();
    }
    if (generation == m_generation) {
        if (m_contexts.size() >= m_maxEntries)
            m_contexts.erase(m_contexts.begin()); // any one; it is loaded again when next asked for
        m_contexts[userId] = context;
    }
    return context;
}

std::size_t PortalContextCache::size() const
{
    std::lock_guard lock(m_mutex);
    return m_contexts.size();
}

} // namespace gh::services
