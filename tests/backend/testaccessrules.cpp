// SPEC §1 "Who sees what" as data tables: privileges by STAT ID and admin flag, the access policy
// (all / allow list / all except), restricted groups, the portal switch, payer selection mode,
// internal users through ERP roles (with no_access), sign-in decisions and own-orders-only.

#include "core/AccessRules.h"
#include "core/SettingsCatalogue.h"
#include "core/Text.h"

#include <QtTest>

using namespace gh::core;

namespace {

Customer customer(std::string number, std::string statId = {}, std::string group = "Y10", bool enabled = true,
                  std::string payer = {})
{
    Customer c;
    c.number = std::move(number);
    c.name = "Customer " + c.number;
    c.statId = std::move(statId);
    c.group = std::move(group);
    c.portalEnabled = enabled;
    c.payerNumber = std::move(payer);
    return c;
}

PortalUser externalUser(std::vector<std::string> assigned, bool admin = false)
{
    PortalUser u;
    u.email = "user@example.test";
    u.status = PortalUserStatus::Active;
    u.kind = PortalUserKind::External;
    u.assignedCustomers = std::move(assigned);
    u.isAdmin = admin;
    u.sections = {Section::AccountSummary, Section::InvoicesView};
    return u;
}

AccessSettings settingsFrom(std::map<std::string, std::string> values)
{
    return AccessSettings::fromSettings(SettingsCatalogue::effective(values));
}

} // namespace

class TestAccessRules : public QObject
{
    Q_OBJECT

private slots:
    void privileges_data()
    {
        QTest::addColumn<QString>("statId");
        QTest::addColumn<bool>("isAdmin");
        QTest::addColumn<bool>("myAccount");
        QTest::addColumn<bool>("switchAccounts");
        QTest::addColumn<bool>("downloadSubAccounts");
        QTest::newRow("STAT ID, account admin") << "STAT1" << true << true << true << true;
        QTest::newRow("STAT ID, not admin") << "STAT1" << false << true << true << false;
        QTest::newRow("no STAT ID, admin") << "" << true << true << false << false;
        QTest::newRow("no STAT ID, not admin") << "" << false << true << false << false;
    }

    void privileges()
    {
        QFETCH(QString, statId);
        QFETCH(bool, isAdmin);
        QFETCH(bool, myAccount);
        QFETCH(bool, switchAccounts);
        QFETCH(bool, downloadSubAccounts);
        AccessRules rules(settingsFrom({}));
        const auto p = rules.privileges(externalUser({"C1"}, isAdmin), customer("C1", statId.toStdString()));
        QCOMPARE(p.myAccount, myAccount);
        QCOMPARE(p.switchAccounts, switchAccounts);
        QCOMPARE(p.downloadSubAccounts, downloadSubAccounts);
    }

    void customerMayUsePortal_data()
    {
        QTest::addColumn<QString>("policy");
        QTest::addColumn<QString>("allowList");
        QTest::addColumn<QString>("denyList");
        QTest::addColumn<QString>("restrictedGroups");
        QTest::addColumn<QString>("group");
        QTest::addColumn<bool>("portalEnabled");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("all") << "all"
                             << ""
                             << ""
                             << ""
                             << "Y10" << true << true;
        QTest::newRow("all, portal switched off") << "all"
                                                  << ""
                                                  << ""
                                                  << ""
                                                  << "Y10" << false << false;
        QTest::newRow("allow list, listed") << "allow_list"
                                            << "C9, C1"
                                            << ""
                                            << ""
                                            << "Y10" << true << true;
        QTest::newRow("allow list, not listed") << "allow_list"
                                                << "C9,C8"
                                                << ""
                                                << ""
                                                << "Y10" << true << false;
        QTest::newRow("allow list, empty") << "allow_list"
                                           << ""
                                           << ""
                                           << ""
                                           << "Y10" << true << false;
        QTest::newRow("all except, denied") << "all_except"
                                            << ""
                                            << "C1"
                                            << ""
                                            << "Y10" << true << false;
        QTest::newRow("all except, not denied") << "all_except"
                                                << ""
                                                << "C2"
                                                << ""
                                                << "Y10" << true << true;
        QTest::newRow("deny list ignored under all") << "all"
                                                     << ""
                                                     << "C1"
                                                     << ""
                                                     << "Y10" << true << true;
        QTest::newRow("restricted group") << "all"
                                          << ""
                                          << ""
                                          << "Y10, Y20"
                                          << "Y20" << true << false;
        QTest::newRow("other group not restricted") << "all"
                                                    << ""
                                                    << ""
                                                    << "Y10, Y20"
                                                    << "Y30" << true << true;
        QTest::newRow("restricted beats allow list") << "allow_list"
                                                     << "C1"
                                                     << ""
                                                     << "Y10"
                                                     << "Y10" << true << false;
        QTest::newRow("allow list but portal off") << "allow_list"
                                                   << "C1"
                                                   << ""
                                                   << ""
                                                   << "Y10" << false << false;
    }

    void customerMayUsePortal()
    {
        QFETCH(QString, policy);
        QFETCH(QString, allowList);
        QFETCH(QString, denyList);
        QFETCH(QString, restrictedGroups);
        QFETCH(QString, group);
        QFETCH(bool, portalEnabled);
        QFETCH(bool, allowed);
        AccessRules rules(settingsFrom({{"general.access_policy", policy.toStdString()},
                                        {"general.allow_list", allowList.toStdString()},
                                        {"general.deny_list", denyList.toStdString()},
                                        {"general.restricted_customer_groups", restrictedGroups.toStdString()}}));
        const Customer c = customer("C1", "", group.toStdString(), portalEnabled);
        QCOMPARE(rules.customerMayUsePortal(c), allowed);
        QCOMPARE(rules.customerMayRegister(c), allowed);
    }

    void selectableCustomers_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QStringList>("expected");
        // C1 pays for itself, C2 is paid by C1, C3 names itself as payer, C4 is not assigned.
        QTest::newRow("customer mode lists every assigned customer") << "customer" << QStringList{"C1", "C2", "C3"};
        QTest::newRow("payer mode lists only payers") << "payer" << QStringList{"C1", "C3"};
    }

    void selectableCustomers()
    {
        QFETCH(QString, mode);
        QFETCH(QStringList, expected);
        AccessRules rules(settingsFrom({{"general.customer_selection_mode", mode.toStdString()}}));
        const std::vector<Customer> records = {customer("C1"), customer("C2", "", "Y10", true, "C1"),
                                               customer("C3", "", "Y10", true, "C3"), customer("C4")};
        const auto selectable = rules.selectableCustomers(externalUser({"C1", "C2", "C3"}), records);
        QStringList numbers;
        for (const auto& c : selectable)
            numbers << QString::fromStdString(c.number);
        QCOMPARE(numbers, expected);
    }

    void internalUserSections_data()
    {
        QTest::addColumn<QStringList>("userRoles");
        QTest::addColumn<QString>("internalAllowed");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("one role, all allowed")
            << QStringList{"SALES"} << "" << QStringList{"account.summary", "orders.view"};
        QTest::newRow("two roles, union of modules")
            << QStringList{"SALES", "FIN"} << "" << QStringList{"account.summary", "orders.view", "invoices.view"};
        QTest::newRow("setting narrows roles") << QStringList{"SALES", "FIN"} << "account.summary|invoices.view"
                                               << QStringList{"account.summary", "invoices.view"};
        QTest::newRow("a no-access role denies everything") << QStringList{"SALES", "NOACC"} << "" << QStringList{};
        QTest::newRow("no roles, nothing") << QStringList{} << "" << QStringList{};
        QTest::newRow("unknown role code grants nothing") << QStringList{"GHOST"} << "" << QStringList{};
    }

    void internalUserSections()
    {
        QFETCH(QStringList, userRoles);
        QFETCH(QString, internalAllowed);
        QFETCH(QStringList, expected);
        std::map<std::string, std::string> values; // empty: the default, every section
        if (!internalAllowed.isEmpty())
            values["general.internal_allowed_sections"] = internalAllowed.toStdString();
        AccessRules rules(settingsFrom(values));
        std::vector<ErpRole> roles(3);
        roles[0].code = "SALES";
        roles[0].modules = {Section::AccountSummary, Section::OrdersView};
        roles[1].code = "FIN";
        roles[1].modules = {Section::AccountSummary, Section::InvoicesView};
        roles[2].code = "NOACC";
        roles[2].noAccess = true;
        PortalUser user = externalUser({"C1"});
        user.kind = PortalUserKind::Internal;
        user.sections = SectionSet::all(); // ignored for internal users
        for (const auto& r : userRoles)
            user.roles.push_back(r.toStdString());
        QStringList keys;
        for (const auto& k : rules.effectiveSections(user, roles).keys())
            keys << QString::fromStdString(k);
        QCOMPARE(keys, expected);
    }

    void signIn_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("roles");
        QTest::addColumn<bool>("customerEnabled");
        QTest::addColumn<int>("expected");
        const int allowed = int(AccessRules::SignIn::Allowed);
        const int notActive = int(AccessRules::SignIn::NotActive);
        const int noRole = int(AccessRules::SignIn::NoAccessRole);
        const int noCustomer = int(AccessRules::SignIn::NoUsableCustomer);
        QTest::newRow("active external") << "active"
                                         << "external" << QStringList{} << true << allowed;
        QTest::newRow("invited") << "invited"
                                 << "external" << QStringList{} << true << notActive;
        QTest::newRow("disabled") << "disabled"
                                  << "external" << QStringList{} << true << notActive;
        QTest::newRow("locked") << "locked"
                                << "external" << QStringList{} << true << notActive;
        QTest::newRow("customer switched off") << "active"
                                               << "external" << QStringList{} << false << noCustomer;
        QTest::newRow("internal with a role") << "active"
                                              << "internal" << QStringList{"SALES"} << true << allowed;
        QTest::newRow("internal without roles") << "active"
                                                << "internal" << QStringList{} << true << noRole;
        QTest::newRow("internal with no-access role") << "active"
                                                      << "internal" << QStringList{"SALES", "NOACC"} << true << noRole;
    }

    void signIn()
    {
        QFETCH(QString, status);
        QFETCH(QString, kind);
        QFETCH(QStringList, roles);
        QFETCH(bool, customerEnabled);
        QFETCH(int, expected);
        AccessRules rules(settingsFrom({}));
        PortalUser user = externalUser({"C1"});
        user.status = *parseEnum<PortalUserStatus>(status.toStdString());
        user.kind = *parseEnum<PortalUserKind>(kind.toStdString());
        for (const auto& r : roles)
            user.roles.push_back(r.toStdString());
        std::vector<ErpRole> erpRoles(2);
        erpRoles[0].code = "SALES";
        erpRoles[0].modules = {Section::OrdersView};
        erpRoles[1].code = "NOACC";
        erpRoles[1].noAccess = true;
        QCOMPARE(int(rules.maySignIn(user, erpRoles, {customer("C1", "", "Y10", customerEnabled)})), expected);
    }

    void mayView_data()
    {
        QTest::addColumn<QString>("customerNumber");
        QTest::addColumn<QString>("section");
        QTest::addColumn<bool>("expected");
        QTest::newRow("assigned customer, granted section") << "C1"
                                                            << "invoices.view" << true;
        QTest::newRow("assigned customer, missing section") << "C1"
                                                            << "orders.view" << false;
        QTest::newRow("unassigned customer") << "C9"
                                             << "invoices.view" << false;
        QTest::newRow("assigned but denied by policy") << "C2"
                                                       << "invoices.view" << false;
    }

    void mayView()
    {
        QFETCH(QString, customerNumber);
        QFETCH(QString, section);
        QFETCH(bool, expected);
        AccessRules rules(settingsFrom({{"general.access_policy", "all_except"}, {"general.deny_list", "C2"}}));
        const std::vector<Customer> assigned = {customer("C1"), customer("C2")};
        const auto s = SectionSet::parse(section.toStdString());
        QVERIFY(s.has_value());
        QCOMPARE(rules.mayView(externalUser({"C1", "C2"}), {}, assigned, {}, customerNumber.toStdString(), *s),
                 expected);
    }

    // SPEC "Where a user's rights at a customer come from": the contact with the user's e-mail at that
    // customer, else the user's own.
    void rightsAt_data()
    {
        QTest::addColumn<QString>("contactEmail");
        QTest::addColumn<qint64>("contactCustomer");
        QTest::addColumn<bool>("internal");
        QTest::addColumn<bool>("fromContact");
        QTest::addColumn<QString>("sections");
        QTest::addColumn<bool>("admin");
        QTest::addColumn<bool>("ownOnly");
        QTest::newRow("contact at this customer")
            << "user@example.test" << qint64(1) << false << true << "statements.download" << true << true;
        QTest::newRow("contact's e-mail in another case")
            << "USER@Example.test" << qint64(1) << false << true << "statements.download" << true << true;
        QTest::newRow("contact only at another customer")
            << "user@example.test" << qint64(2) << false << false << "account.summary|invoices.view" << false << false;
        QTest::newRow("a contact with another e-mail")
            << "other@example.test" << qint64(1) << false << false << "account.summary|invoices.view" << false << false;
        QTest::newRow("internal user: roles, not contacts")
            << "user@example.test" << qint64(1) << true << false << "orders.view" << false << false;
    }

    void rightsAt()
    {
        QFETCH(QString, contactEmail);
        QFETCH(qint64, contactCustomer);
        QFETCH(bool, internal);
        QFETCH(bool, fromContact);
        QFETCH(QString, sections);
        QFETCH(bool, admin);
        QFETCH(bool, ownOnly);
        AccessRules rules(settingsFrom({}));
        auto user = externalUser({"C1"});
        std::vector<ErpRole> roles;
        if (internal) {
            user.kind = PortalUserKind::Internal;
            user.roles = {"R1"};
            roles.resize(1);
            roles[0].code = "R1";
            roles[0].modules = {Section::OrdersView};
        }
        auto c1 = customer("C1");
        c1.id = 1;
        Contact contact;
        contact.id = 42;
        contact.customerId = contactCustomer;
        contact.email = contactEmail.toStdString();
        contact.firstName = "Una";
        contact.lastName = "User";
        contact.sections = {Section::StatementsDownload};
        contact.isAccountAdmin = true;
        contact.ownOrdersOnly = true;
        const auto rights = rules.rightsAt(user, roles, c1, {contact});
        QCOMPARE(rights.source == CustomerRights::Source::Contact, fromContact);
        QCOMPARE(rights.contactId, fromContact ? Id(42) : Id(0));
        QCOMPARE(QString::fromStdString(rights.contactName), fromContact ? QStringLiteral("Una User") : QString());
        QCOMPARE(QString::fromStdString(joinList(rights.sections.keys(), '|')), sections);
        QCOMPARE(rights.isAdmin, admin);
        QCOMPARE(rights.ownOrdersOnly, ownOnly);
        // mayView and the privileges follow the rights at that customer.
        QCOMPARE(rules.mayView(user, roles, {c1}, {contact}, "C1", Section::StatementsDownload), fromContact);
        QCOMPARE(rules.privileges(rights, customer("C1", "STAT1")).downloadSubAccounts, admin);
    }

    void ownOrdersOnly_data()
    {
        QTest::addColumn<bool>("ownOnly");
        QTest::addColumn<QString>("placedBy");
        QTest::addColumn<bool>("visible");
        QTest::newRow("not restricted, other's order") << false << "other@example.test" << true;
        QTest::newRow("restricted, own order") << true << "user@example.test" << true;
        QTest::newRow("restricted, own order, other case") << true << "User@Example.TEST" << true;
        QTest::newRow("restricted, other's order") << true << "other@example.test" << false;
    }

    void ownOrdersOnly()
    {
        QFETCH(bool, ownOnly);
        QFETCH(QString, placedBy);
        QFETCH(bool, visible);
        PortalUser user = externalUser({"C1"});
        user.ownOrdersOnly = ownOnly;
        Order order;
        order.placedBy = placedBy.toStdString();
        CustomerRights rights;
        rights.ownOrdersOnly = ownOnly;
        QCOMPARE(AccessRules::orderVisibleTo(user, rights, order), visible);
        // The invoices of that order go with it; an invoice without a known order stays visible.
        QCOMPARE(AccessRules::invoiceVisibleTo(user, rights, &order), visible);
        QVERIFY(AccessRules::invoiceVisibleTo(user, rights, nullptr));
    }

    void documentSection_data()
    {
        QTest::addColumn<int>("owner");
        QTest::addColumn<int>("section");
        QTest::newRow("invoice") << int(gh::core::DocumentOwner::Invoice) << int(gh::core::Section::InvoicesView);
        QTest::newRow("order") << int(gh::core::DocumentOwner::Order) << int(gh::core::Section::OrdersView);
        QTest::newRow("delivery") << int(gh::core::DocumentOwner::Delivery) << int(gh::core::Section::DeliveriesView);
    }

    void documentSection()
    {
        QFETCH(int, owner);
        QFETCH(int, section);
        QCOMPARE(int(gh::core::AccessRules::documentSection(static_cast<gh::core::DocumentOwner>(owner))), section);
    }

    void ordersPlacedBy_data()
    {
        QTest::addColumn<bool>("ownOnly");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("placedBy");
        QTest::newRow("every order") << false << "Bob@Demo.test"
                                     << "";
        QTest::newRow("own orders, lower case") << true << "Bob@Demo.test"
                                                << "bob@demo.test";
    }

    void ordersPlacedBy()
    {
        QFETCH(bool, ownOnly);
        QFETCH(QString, email);
        QFETCH(QString, placedBy);
        gh::core::PortalUser user;
        user.email = email.toStdString();
        user.ownOrdersOnly = ownOnly;
        gh::core::CustomerRights rights;
        rights.ownOrdersOnly = ownOnly;
        QCOMPARE(QString::fromStdString(gh::core::AccessRules::ordersPlacedBy(user, rights)), placedBy);
    }
};

QTEST_GUILESS_MAIN(TestAccessRules)
#include "testaccessrules.moc"
