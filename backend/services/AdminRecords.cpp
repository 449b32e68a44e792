#include "AdminRecords.h"

#include "AccountMail.h"
#include "RecordChecks.h"
#include "RecordErrors.h"
#include "RecordJson.h"
#include "core/Text.h"
#include "store/ContactRepository.h"
#include "store/CustomerRepository.h"
#include "store/PortalUserRepository.h"
#include "store/RoleRepository.h"
#include "store/SignInFailureRepository.h"

#include <algorithm>

namespace gh::services {

core::Customer AdminRecords::customer(store::Connection& db, const std::string& number)
{
    auto customer = store::CustomerRepository(db).findByNumber(number);
    if (!customer)
        throw RecordNotFound("No customer " + number + ".");
    return *customer;
}

core::Contact AdminRecords::contact(store::Connection& db, core::Id id)
{
    auto contact = store::ContactRepository(db).findById(id);
    if (!contact)
        throw RecordNotFound("No contact " + std::to_string(id) + ".");
    return *contact;
}

core::PortalUser AdminRecords::portalUser(store::Connection& db, core::Id id)
{
    auto user = store::PortalUserRepository(db).findById(id);
    if (!user)
        throw RecordNotFound("No portal user " + std::to_string(id) + ".");
    return *user;
}

core::ErpRole AdminRecords::role(store::Connection& db, const std::string& code)
{
    auto role = store::RoleRepository(db).find(code);
    if (!role)
        throw RecordNotFound("No role " + code + ".");
    return *role;
}

store::Page<core::Customer> AdminRecords::customers(store::Connection& db, const store::CustomerFilter& filter,
                                                    store::PageRequest page)
{
    return store::AdminListRepository(db).customers(filter, page);
}

store::Page<core::Contact> AdminRecords::contacts(store::Connection& db, const std::string& customerNumber,
                                                  const store::ContactFilter& filter, store::PageRequest page)
{
    const auto owner = customer(db, customerNumber);
    return store::AdminListRepository(db).contacts(owner.id, filter, page);
}

store::Page<core::PortalUser> AdminRecords::portalUsers(store::Connection& db, const store::PortalUserFilter& filter,
                                                        store::PageRequest page)
{
    return store::AdminListRepository(db).portalUsers(filter, page);
}

store::Page<core::ErpRole> AdminRecords::roles(store::Connection& db, const RoleFilter& f, store::PageRequest page)
{
    // The role table is small (tens of rows): filter and page it here.
    std::vector<core::ErpRole> matches;
    for (auto& role : store::RoleRepository(db).all()) {
        if (!f.q.empty() && core::toLowerAscii(role.code).find(f.q) == std::string::npos
            && core::toLowerAscii(role.description).find(f.q) == std::string::npos)
            continue;
        if (f.code && role.code != *f.code)
            continue;
        if (f.process && !role.processes.contains(*f.process))
            continue;
        if (f.module && !role.modules.contains(*f.module))
            continue;
        if (f.noAccess && role.noAccess != *f.noAccess)
            continue;
        matches.push_back(std::move(role));
    }
    const auto& sort = f.sort;
    std::stable_sort(matches.begin(), matches.end(), [&sort](const core::ErpRole& a, const core::ErpRole& b) {
        int c = sort.field == "description" ? a.description.compare(b.description)
            : sort.field == "noAccess"      ? int(a.noAccess) - int(b.noAccess)
                                            : a.code.compare(b.code);
        if (sort.descending)
            c = -c;
        if (c == 0)
            c = a.code.compare(b.code);
        return c < 0;
    });
    store::Page<core::ErpRole> out;
    const std::size_t first = static_cast<std::size_t>(page.page - 1) * static_cast<std::size_t>(page.pageSize);
    for (std::size_t i = first; i < matches.size() && i < first + static_cast<std::size_t>(page.pageSize); ++i)
        out.items.push_back(matches[i]);
    out.total = static_cast<std::int64_t>(matches.size());
    return out;
}

core::Contact AdminRecords::createContact(store::Connection& db, const StaffActor& actor,
                                          const std::string& customerNumber, const Poco::JSON::Object& set)
{
    store::Transaction tx(db);
    const auto owner = customer(db, customerNumber);
    core::Contact contact;
    contact.customerId = owner.id;
    contact.customerNumber = owner.number;
    applySet(contact, set);
    if (contact.email.empty())
        throw FieldProblems(std::vector<FieldProblem>{{"email", "is required"}});
    store::ContactRepository contacts(db);
    if (contacts.findByEmail(owner.id, contact.email))
        throw DuplicateRecord("contact", "email", contact.email);
    const auto id = contacts.insert(contact);
    const auto stored = AdminRecords::contact(db, id);
    AdminAudit::record(db, actor, "contact", std::to_string(id), "create", nullptr, toJson(stored));
    tx.commit();
    return stored;
}

void AdminRecords::deleteContact(store::Connection& db, const StaffActor& actor, core::Id id,
                                 const std::optional<std::string>& version)
{
    store::Transaction tx(db);
    const auto before = contact(db, id);
    if (version && *version != std::to_string(before.version))
        throw StaleRecord("contact", std::to_string(id));
    store::ContactRepository(db).remove(id);
    AdminAudit::record(db, actor, "contact", std::to_string(id), "delete", toJson(before), nullptr);
    tx.commit();
}

core::PortalUser AdminRecords::createPortalUser(store::Connection& db, const StaffActor& actor,
                                                const Poco::JSON::Object& set, bool invite,
                                                const std::string& publicUrl)
{
    core::PortalUser user;
    applySet(user, set);
    if (user.email.empty())
        throw FieldProblems(std::vector<FieldProblem>{{"email", "is required"}});
    if (user.customerNumber.empty() && !user.assignedCustomers.empty())
        user.customerNumber = user.assignedCustomers.front();
    if (!user.customerNumber.empty()
        && std::find(user.assignedCustomers.begin(), user.assignedCustomers.end(), user.customerNumber)
            == user.assignedCustomers.end())
        user.assignedCustomers.insert(user.assignedCustomers.begin(), user.customerNumber);
    store::Transaction tx(db);
    if (auto problems = RecordChecks::references(db, user); !problems.empty())
        throw FieldProblems(problems);
    store::PortalUserRepository users(db);
    if (users.findByEmail(user.email))
        throw DuplicateRecord("portal user", "email", user.email);
    const auto id = users.insert(user);
    auto stored = portalUser(db, id);
    AdminAudit::record(db, actor, "portal_user", std::to_string(id), "create", nullptr, toJson(stored));
    if (invite) {
        AccountMail::sendSetPassword(db, stored, publicUrl);
        AdminAudit::record(db, actor, "portal_user", std::to_string(id), "invite", nullptr, nullptr);
    }
    tx.commit();
    return stored;
}

void AdminRecords::deletePortalUser(store::Connection& db, const StaffActor& actor, core::Id id)
{
    store::Transaction tx(db);
    const auto before = portalUser(db, id);
    store::PortalUserRepository(db).remove(id);
    AdminAudit::record(db, actor, "portal_user", std::to_string(id), "delete", toJson(before), nullptr);
    tx.commit();
}

bool AdminRecords::actionQueuesEmail(const std::string& action)
{
    return action == "invite" || action == "reset-password";
}

core::PortalUser AdminRecords::portalUserAction(store::Connection& db, const StaffActor& actor, core::Id id,
                                                const std::string& action, const std::string& publicUrl)
{
    store::Transaction tx(db);
    auto user = portalUser(db, id);
    const auto before = toJson(user);
    store::PortalUserRepository users(db);
    // Forget failed sign-ins so the portal's throttle does not lock the user out again at once.
    auto forgetFailures = [&db, &user] {
        store::SignInFailureRepository failures(db);
        failures.clearAccount(user.email);
        failures.clearAccount("portal:" + user.email);
    };
    // Enabling and unlocking return the user to where they were: active with a password, else invited.
    const auto restored = user.passwordHash.empty() ? core::PortalUserStatus::Invited : core::PortalUserStatus::Active;
    if (action == "invite") {
        // An active user has a password: an invitation would only re-send the welcome mail.
        if (user.status == core::PortalUserStatus::Active)
            throw ActionNotApplicable("already_active",
                                      user.email + " already has an active account; send a password reset instead.");
        AccountMail::sendSetPassword(db, user, publicUrl);
    } else if (action == "reset-password") {
        AccountMail::sendResetPassword(db, user, publicUrl);
    } else if (action == "disable") {
        users.setStatus(user.id, core::PortalUserStatus::Disabled);
    } else if (action == "enable") {
        users.setStatus(user.id, restored);
        forgetFailures();
    } else if (action == "unlock") {
        // Unlocking lifts a lock only; a disabled user stays disabled.
        if (user.status == core::PortalUserStatus::Locked)
            users.setStatus(user.id, restored);
        forgetFailures();
    } else {
        throw std::invalid_argument("unknown portal user action " + action);
    }
    const auto stored = portalUser(db, id);
    AdminAudit::record(db, actor, "portal_user", std::to_string(id), action, before, toJson(stored));
    tx.commit();
    return stored;
}

core::ErpRole AdminRecords::createRole(store::Connection& db, const StaffActor& actor, const std::string& code,
                                       const Poco::JSON::Object& set)
{
    core::ErpRole role;
    role.code = code;
    applySet(role, set);
    store::Transaction tx(db);
    store::RoleRepository roles(db);
    if (roles.find(role.code))
        throw DuplicateRecord("role", "code", role.code);
    roles.insert(role);
    const auto stored = AdminRecords::role(db, role.code);
    AdminAudit::record(db, actor, "role", role.code, "create", nullptr, toJson(stored));
    tx.commit();
    return stored;
}

void AdminRecords::deleteRole(store::Connection& db, const StaffActor& actor, const std::string& code,
                              const std::optional<std::string>& version)
{
    store::Transaction tx(db);
    const auto before = role(db, code);
    if (version && *version != std::to_string(before.version))
        throw StaleRecord("role", before.code);
    store::RoleRepository(db).remove(before.code);
    AdminAudit::record(db, actor, "role", before.code, "delete", toJson(before), nullptr);
    tx.commit();
}

} // namespace gh::services
