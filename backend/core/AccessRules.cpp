#include "AccessRules.h"

#include "SettingsCatalogue.h"
#include "Text.h"

#include <algorithm>

namespace gh::core {
namespace {

std::set<std::string> toSet(const std::string& text)
{
    auto items = splitList(text, ',');
    return {items.begin(), items.end()};
}

std::string valueOr(const std::map<std::string, std::string>& map, std::string_view key)
{
    auto it = map.find(std::string(key));
    if (it != map.end())
        return it->second;
    const auto* def = SettingsCatalogue::find(key);
    return def ? std::string(def->defaultValue) : std::string();
}

} // namespace

AccessSettings AccessSettings::fromSettings(const std::map<std::string, std::string>& effective)
{
    AccessSettings s;
    s.selectionMode = valueOr(effective, settings::kCustomerSelectionMode) == "payer" ? SelectionMode::Payer
                                                                                      : SelectionMode::Customer;
    s.internalAllowedSections
        = SectionSet::fromKeys(splitList(valueOr(effective, settings::kInternalAllowedSections), '|'))
              .value_or(SectionSet{});
    s.restrictedGroups = toSet(valueOr(effective, settings::kRestrictedGroups));
    const std::string policy = valueOr(effective, settings::kAccessPolicy);
    s.policy = policy == "allow_list" ? Policy::AllowList : policy == "all_except" ? Policy::AllExcept : Policy::All;
    s.allowList = toSet(valueOr(effective, settings::kAllowList));
    s.denyList = toSet(valueOr(effective, settings::kDenyList));
    return s;
}

bool AccessRules::customerMayUsePortal(const Customer& customer) const
{
    if (!customer.portalEnabled)
        return false;
    if (!customer.group.empty() && m_settings.restrictedGroups.count(customer.group))
        return false;
    switch (m_settings.policy) {
    case AccessSettings::Policy::All:
        return true;
    case AccessSettings::Policy::AllowList:
        return m_settings.allowList.count(customer.number) > 0;
    case AccessSettings::Policy::AllExcept:
        return m_settings.denyList.count(customer.number) == 0;
    }
    return false;
}

std::vector<Customer> AccessRules::selectableCustomers(const PortalUser& user,
                                                       const std::vector<Customer>& assigned) const
{
    std::vector<Customer> out;
    for (const auto& customer : assigned) {
        const bool isAssigned = std::find(user.assignedCustomers.begin(), user.assignedCustomers.end(), customer.number)
            != user.assignedCustomers.end();
        if (!isAssigned || !customerMayUsePortal(customer))
            continue;
        if (m_settings.selectionMode == AccessSettings::SelectionMode::Payer && !customer.isPayer())
            continue;
        out.push_back(customer);
    }
    return out;
}

SectionSet AccessRules::effectiveSections(const PortalUser& user, const std::vector<ErpRole>& roles) const
{
    if (user.kind == PortalUserKind::External)
        return user.sections;
    SectionSet modules;
    for (const auto& role : roles) {
        if (std::find(user.roles.begin(), user.roles.end(), role.code) == user.roles.end())
            continue;
        if (role.noAccess)
            return {};
        modules = modules | role.modules;
    }
    return modules & m_settings.internalAllowedSections;
}

AccessRules::SignIn AccessRules::maySignIn(const PortalUser& user, const std::vector<ErpRole>& roles,
                                           const std::vector<Customer>& assigned) const
{
    if (user.status != PortalUserStatus::Active)
        return SignIn::NotActive;
    if (user.kind == PortalUserKind::Internal) {
        bool anyRole = false;
        for (const auto& role : roles) {
            if (std::find(user.roles.begin(), user.roles.end(), role.code) == user.roles.end())
                continue;
            anyRole = true;
            if (role.noAccess)
                return SignIn::NoAccessRole;
        }
        if (!anyRole)
            return SignIn::NoAccessRole;
    }
    if (selectableCustomers(user, assigned).empty())
        return SignIn::NoUsableCustomer;
    return SignIn::Allowed;
}

CustomerRights AccessRules::rightsAt(const PortalUser& user, const std::vector<ErpRole>& roles,
                                     const Customer& customer, const std::vector<Contact>& contacts) const
{
    CustomerRights rights;
    if (user.kind == PortalUserKind::External) {
        for (const auto& contact : contacts) {
            if (contact.customerId != customer.id || !equalsIgnoreCaseAscii(contact.email, user.email))
                continue;
            rights.source = CustomerRights::Source::Contact;
            rights.contactId = contact.id;
            rights.contactName = contact.firstName;
            if (!contact.lastName.empty())
                rights.contactName += (rights.contactName.empty() ? "" : " ") + contact.lastName;
            rights.sections = contact.sections;
            rights.makePayment = contact.makePayment;
            rights.isAdmin = contact.isAccountAdmin;
            rights.ownOrdersOnly = contact.ownOrdersOnly;
            return rights;
        }
    }
    rights.sections = effectiveSections(user, roles);
    rights.makePayment = user.makePayment;
    rights.isAdmin = user.isAdmin;
    rights.ownOrdersOnly = user.ownOrdersOnly;
    return rights;
}

Privileges AccessRules::privileges(const CustomerRights& rights, const Customer& current) const
{
    Privileges p;
    p.myAccount = true;
    if (current.hasStatId()) {
        p.switchAccounts = true;
        p.downloadSubAccounts = rights.isAdmin;
    }
    return p;
}

Privileges AccessRules::privileges(const PortalUser& user, const Customer& current) const
{
    CustomerRights own;
    own.isAdmin = user.isAdmin;
    return privileges(own, current);
}

bool AccessRules::mayView(const PortalUser& user, const std::vector<ErpRole>& roles,
                          const std::vector<Customer>& assigned, const std::vector<Contact>& contacts,
                          const std::string& customerNumber, Section section) const
{
    const auto selectable = selectableCustomers(user, assigned);
    const auto it = std::find_if(selectable.begin(), selectable.end(),
                                 [&](const Customer& c) { return c.number == customerNumber; });
    return it != selectable.end() && rightsAt(user, roles, *it, contacts).sections.contains(section);
}

bool AccessRules::orderVisibleTo(const PortalUser& user, const CustomerRights& rights, const Order& order)
{
    return !rights.ownOrdersOnly || equalsIgnoreCaseAscii(order.placedBy, user.email);
}

bool AccessRules::invoiceVisibleTo(const PortalUser& user, const CustomerRights& rights, const Order* order)
{
    return !order || orderVisibleTo(user, rights, *order);
}

std::string AccessRules::ordersPlacedBy(const PortalUser& user, const CustomerRights& rights)
{
    return rights.ownOrdersOnly ? toLowerAscii(user.email) : std::string();
}

Section AccessRules::documentSection(DocumentOwner owner)
{
    switch (owner) {
    case DocumentOwner::Invoice:
        return Section::InvoicesView;
    case DocumentOwner::Order:
        return Section::OrdersView;
    case DocumentOwner::Delivery:
        break;
    }
    return Section::DeliveriesView;
}

} // namespace gh::core
