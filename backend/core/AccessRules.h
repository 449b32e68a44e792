#pragma once

#include "Domain.h"
#include "Sections.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace gh::core {

// The access settings of SPEC §1/§4, parsed once from the settings table.
struct AccessSettings
{
    enum class SelectionMode
    {
        Customer,
        Payer
    };
    enum class Policy
    {
        All,
        AllowList,
        AllExcept
    };

    SelectionMode selectionMode = SelectionMode::Customer;
    SectionSet internalAllowedSections = SectionSet::all();
    std::set<std::string> restrictedGroups;
    Policy policy = Policy::All;
    std::set<std::string> allowList; // customer numbers
    std::set<std::string> denyList;

    // From effective settings (SettingsCatalogue::effective). Lists are comma separated.
    static AccessSettings fromSettings(const std::map<std::string, std::string>& effective);
};

struct Privileges
{
    bool myAccount = false;
    bool switchAccounts = false;
    bool downloadSubAccounts = false;
    bool operator==(const Privileges&) const = default;
};

// What a portal user may do at one customer, and where that comes from (SPEC "Who sees what"): the
// contact with the user's e-mail at that customer when there is one, else the user's own settings.
struct CustomerRights
{
    enum class Source
    {
        Contact,
        User
    };
    Source source = Source::User;
    Id contactId = 0; // Source::Contact: the contact whose check boxes apply
    std::string contactName;
    SectionSet sections;
    bool makePayment = false;
    bool isAdmin = false;
    bool ownOrdersOnly = false;
};

// "Who sees what": the one place that decides access for the portal and the admin API alike
// (SPEC §1). Pure functions over domain records; callers load the records, this decides.
class AccessRules
{
public:
    enum class SignIn
    {
        Allowed,
        NotActive,
        NoAccessRole,
        NoUsableCustomer
    };

    explicit AccessRules(AccessSettings settings)
        : m_settings(std::move(settings))
    {
    }

    const AccessSettings& settings() const { return m_settings; }

    // Access policy (all / allow list / all except), restricted groups and the portal switch.
    bool customerMayUsePortal(const Customer& customer) const;
    // Registration additionally needs the same; kept apart so the rule can diverge in one place.
    bool customerMayRegister(const Customer& customer) const { return customerMayUsePortal(customer); }

    // The customers the user may choose from, in the given order: assigned, allowed by the policy,
    // and in payer mode only payers. `assigned` are the user's assigned customers' records.
    std::vector<Customer> selectableCustomers(const PortalUser& user, const std::vector<Customer>& assigned) const;

    // External users: their own sections. Internal users: the "internal user allowed sections"
    // setting intersected with the modules of their ERP roles; nothing if any role is no_access.
    SectionSet effectiveSections(const PortalUser& user, const std::vector<ErpRole>& roles) const;

    SignIn maySignIn(const PortalUser& user, const std::vector<ErpRole>& roles,
                     const std::vector<Customer>& assigned) const;

    // The user's rights at `customer`. An external user who is a contact of that customer (same e-mail,
    // any case) gets that contact's sections, Make Payment, Account Admin and Own Orders Only there
    // (Progress Plus's per-contact permissions); elsewhere, and for internal users, the user's own
    // (effectiveSections and flags; LeanSwift's per-user permissions). `contacts` are the contacts
    // with the user's e-mail, of any customer.
    CustomerRights rightsAt(const PortalUser& user, const std::vector<ErpRole>& roles, const Customer& customer,
                            const std::vector<Contact>& contacts) const;

    // LeanSwift "User Privileges", decided by the current customer's STAT ID and the admin flag that
    // applies there.
    Privileges privileges(const CustomerRights& rights, const Customer& current) const;
    // The same with the user's own admin flag (no contact at the customer).
    Privileges privileges(const PortalUser& user, const Customer& current) const;

    // The single check every portal data request goes through: the customer is one the user may
    // select and the section is among the rights that apply to the user there.
    bool mayView(const PortalUser& user, const std::vector<ErpRole>& roles, const std::vector<Customer>& assigned,
                 const std::vector<Contact>& contacts, const std::string& customerNumber, Section section) const;

    // Lentune's "own orders only" (where it applies): such a user sees only orders they placed...
    static bool orderVisibleTo(const PortalUser& user, const CustomerRights& rights, const Order& order);
    // ...and of the invoices only those not raised for another person's order (`order`: the invoice's
    // order when the customer has it, else nullptr).
    static bool invoiceVisibleTo(const PortalUser& user, const CustomerRights& rights, const Order* order);
    // The same rules as list filters for the store: the email (lower case) whose orders alone the user
    // sees, compared with placed_by ignoring ASCII case; empty when the user sees every order (and
    // every invoice).
    static std::string ordersPlacedBy(const PortalUser& user, const CustomerRights& rights);

    // The section that gates a document of this owner kind: invoice documents invoices.view, order
    // confirmations orders.view, delivery notes deliveries.view.
    static Section documentSection(DocumentOwner owner);

private:
    AccessSettings m_settings;
};

} // namespace gh::core
