// Admin API: staff session and the record resources (customers, contacts, portal users, ERP roles).

#include "AdminApi.h"

#include "core/Text.h"
#include "core/Time.h"
#include "services/AccountMail.h"
#include "services/StaffAuth.h"
#include "store/ContactRepository.h"
#include "store/CustomerRepository.h"
#include "store/PortalUserRepository.h"
#include "store/RoleRepository.h"

#include <algorithm>

namespace gh::http::admin {
namespace {

std::string requiredText(const Poco::JSON::Object& body, const std::string& name)
{
    if (!body.has(name) || !body.get(name).isString() || body.get(name).toString().empty())
        throw HttpError::badField(name, "is required");
    return body.get(name).toString();
}

core::Customer loadCustomer(store::Connection& db, const std::string& number)
{
    auto customer = store::CustomerRepository(db).findByNumber(number);
    if (!customer)
        throw HttpError::notFound("No customer " + number + ".");
    return *customer;
}

core::Contact loadContact(store::Connection& db, core::Id id)
{
    auto contact = store::ContactRepository(db).findById(id);
    if (!contact)
        throw HttpError::notFound("No contact " + std::to_string(id) + ".");
    return *contact;
}

core::PortalUser loadUser(store::Connection& db, core::Id id)
{
    auto user = store::PortalUserRepository(db).findById(id);
    if (!user)
        throw HttpError::notFound("No portal user " + std::to_string(id) + ".");
    return *user;
}

core::ErpRole loadRole(store::Connection& db, const std::string& code)
{
    auto role = store::RoleRepository(db).find(code);
    if (!role)
        throw HttpError::notFound("No role " + code + ".");
    return *role;
}

HttpError duplicate(const std::string& entity, const std::string& field, const std::string& value)
{
    Poco::JSON::Array::Ptr details(new Poco::JSON::Array);
    Poco::JSON::Object::Ptr detail(new Poco::JSON::Object);
    detail->set("entity", entity);
    detail->set("field", field);
    detail->set("value", value);
    details->add(detail);
    return HttpError(409, "duplicate", "A " + entity + " with " + field + " " + value + " already exists.", details);
}

template <typename T> Poco::JSON::Array::Ptr itemsOf(const std::vector<T>& records)
{
    Poco::JSON::Array::Ptr items(new Poco::JSON::Array);
    for (const auto& record : records)
        items->add(toJson(record));
    return items;
}

void sendRecord(Response& response, int status, const Poco::JSON::Object::Ptr& record)
{
    response.sendJson(status, *record);
}

bool validRoleCode(const std::string& code)
{
    return !code.empty() && code.size() <= 30 && std::all_of(code.begin(), code.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

// --- session -------------------------------------------------------------------------------------

void sessionRoutes(Router& router, services::Services& services)
{
    router.add("POST", std::string(kPrefix) + "/session", [&services](Request& request, Response& response) {
        auto body = request.jsonBody();
        const std::string email = requiredText(*body, "email");
        const std::string password = requiredText(*body, "password");
        auto connection = services.database().acquire();
        auto result
            = services::StaffAuth::signIn(*connection, services.hasher(), email, password, request.clientAddress());
        using Outcome = services::StaffAuth::Result::Outcome;
        if (result.outcome == Outcome::Throttled) {
            HttpError error(429, "too_many_attempts", "Too many failed sign-ins; try again later.");
            error.headers.emplace_back("Retry-After", std::to_string(result.retryAfterSeconds));
            throw error;
        }
        if (result.outcome != Outcome::SignedIn)
            throw HttpError(401, "invalid_credentials", "The email or password is not correct.");
        const auto& session = *result.session;
        Poco::JSON::Object out;
        out.set("token", session.token);
        out.set("expiresAt", core::rfc3339(session.expiresAt));
        Poco::JSON::Object::Ptr user(new Poco::JSON::Object);
        user->set("id", session.staff.id);
        user->set("email", session.staff.email);
        user->set("role", std::string(core::toString(session.staff.role)));
        out.set("user", user);
        response.setHeader("Cache-Control", "no-store");
        response.sendJson(200, out);
    });
    addRoute(router, services, "GET", "/session", [](Request&, Response& response, Context& context) {
        Poco::JSON::Object::Ptr user(new Poco::JSON::Object);
        user->set("id", context.staff.id);
        user->set("email", context.staff.email);
        user->set("role", std::string(core::toString(context.staff.role)));
        Poco::JSON::Object out;
        out.set("user", user);
        response.sendJson(200, out);
    });
    addRoute(
        router, services, "DELETE", "/session",
        [&services](Request&, Response& response, Context& context) {
            auto connection = services.database().acquire();
            services::StaffAuth::signOut(*connection, context.token);
            response.sendEmpty(204);
        },
        true);
}

// --- customers and contacts ----------------------------------------------------------------------

void customerRoutes(Router& router, services::Services& services)
{
    addRoute(router, services, "GET", "/customers", [&services](Request& request, Response& response, Context&) {
        store::CustomerFilter filter;
        filter.q = textFilter(request, "q").value_or("");
        filter.group = textFilter(request, "group");
        filter.erpStatus = textFilter(request, "erpStatus");
        if (!filter.erpStatus)
            filter.erpStatus = textFilter(request, "status");
        filter.statId = textFilter(request, "statId");
        filter.portalEnabled = boolFilter(request, "portalEnabled");
        filter.sort = sortKey(request, store::AdminListRepository::customerSortFields(), "number");
        const auto page = pageRequest(request);
        auto connection = services.database().acquire();
        auto result = store::AdminListRepository(*connection).customers(filter, page);
        response.sendJson(200, *pageJson(itemsOf(result.items), page, result.total));
    });
    addRoute(router, services, "GET", "/customers/{number}",
             [&services](Request& request, Response& response, Context&) {
                 auto connection = services.database().acquire();
                 sendRecord(response, 200, toJson(loadCustomer(*connection, request.param("number"))));
             });
    auto update = [&services](Request& request, Response& response, Context& context) {
        auto body = request.jsonBody();
        const auto version = requiredVersion(*body);
        auto connection = services.database().acquire();
        store::Transaction tx(*connection);
        const auto before = loadCustomer(*connection, request.param("number"));
        if (before.version != version)
            throw staleError("customer", before.number);
        auto after = before;
        applySet(after, *body);
        if (!store::CustomerRepository(*connection).update(after))
            throw staleError("customer", before.number);
        const auto stored = loadCustomer(*connection, before.number);
        audit(*connection, context, "customer", before.number, "update", toJson(before), toJson(stored));
        tx.commit();
        sendRecord(response, 200, toJson(stored));
    };
    addRoute(router, services, "PATCH", "/customers/{number}", update);
    addRoute(router, services, "PUT", "/customers/{number}", update);

    addRoute(router, services, "GET", "/customers/{number}/contacts",
             [&services](Request& request, Response& response, Context&) {
                 store::ContactFilter filter;
                 filter.q = textFilter(request, "q").value_or("");
                 filter.email = textFilter(request, "email");
                 filter.canRegister = boolFilter(request, "canRegister");
                 filter.isAccountAdmin = boolFilter(request, "isAccountAdmin");
                 filter.sort = sortKey(request, store::AdminListRepository::contactSortFields(), "lastName");
                 const auto page = pageRequest(request, 100);
                 auto connection = services.database().acquire();
                 const auto customer = loadCustomer(*connection, request.param("number"));
                 auto result = store::AdminListRepository(*connection).contacts(customer.id, filter, page);
                 response.sendJson(200, *pageJson(itemsOf(result.items), page, result.total));
             });
    addRoute(router, services, "POST", "/customers/{number}/contacts",
             [&services](Request& request, Response& response, Context& context) {
                 auto body = request.jsonBody();
                 auto connection = services.database().acquire();
                 store::Transaction tx(*connection);
                 const auto customer = loadCustomer(*connection, request.param("number"));
                 core::Contact contact;
                 contact.customerId = customer.id;
                 contact.customerNumber = customer.number;
                 applySet(contact, *body);
                 if (contact.email.empty())
                     throw validationError({{"email", "is required"}});
                 store::ContactRepository contacts(*connection);
                 if (contacts.findByEmail(customer.id, contact.email))
                     throw duplicate("contact", "email", contact.email);
                 const auto id = contacts.insert(contact);
                 const auto stored = loadContact(*connection, id);
                 audit(*connection, context, "contact", std::to_string(id), "create", nullptr, toJson(stored));
                 tx.commit();
                 sendRecord(response, 201, toJson(stored));
             });
    addRoute(router, services, "GET", "/contacts/{id}", [&services](Request& request, Response& response, Context&) {
        auto connection = services.database().acquire();
        sendRecord(response, 200, toJson(loadContact(*connection, idParam(request, "id"))));
    });
    auto updateContact = [&services](Request& request, Response& response, Context& context) {
        const auto id = idParam(request, "id");
        auto body = request.jsonBody();
        const auto version = requiredVersion(*body);
        auto connection = services.database().acquire();
        store::Transaction tx(*connection);
        const auto before = loadContact(*connection, id);
        if (before.version != version)
            throw staleError("contact", std::to_string(id));
        auto after = before;
        applySet(after, *body);
        store::ContactRepository contacts(*connection);
        if (after.email != before.email && contacts.findByEmail(after.customerId, after.email))
            throw duplicate("contact", "email", after.email);
        if (!contacts.update(after))
            throw staleError("contact", std::to_string(id));
        const auto stored = loadContact(*connection, id);
        audit(*connection, context, "contact", std::to_string(id), "update", toJson(before), toJson(stored));
        tx.commit();
        sendRecord(response, 200, toJson(stored));
    };
    addRoute(router, services, "PATCH", "/contacts/{id}", updateContact);
    addRoute(router, services, "PUT", "/contacts/{id}", updateContact);
    addRoute(router, services, "DELETE", "/contacts/{id}",
             [&services](Request& request, Response& response, Context& context) {
                 const auto id = idParam(request, "id");
                 auto connection = services.database().acquire();
                 store::Transaction tx(*connection);
                 const auto before = loadContact(*connection, id);
                 if (auto version = request.query("version"); version && *version != std::to_string(before.version))
                     throw staleError("contact", std::to_string(id));
                 store::ContactRepository(*connection).remove(id);
                 audit(*connection, context, "contact", std::to_string(id), "delete", toJson(before), nullptr);
                 tx.commit();
                 response.sendEmpty(204);
             });
}

// --- portal users --------------------------------------------------------------------------------

// queuesEmail: the action puts an email in the outbox, so the email job is woken once it is committed.
void userAction(Router& router, services::Services& services, const std::string& action,
                std::function<void(store::Connection&, core::PortalUser&)> perform, bool queuesEmail = false)
{
    addRoute(router, services, "POST", "/portal-users/{id}/" + action,
             [&services, action, perform, queuesEmail](Request& request, Response& response, Context& context) {
                 const auto id = idParam(request, "id");
                 auto connection = services.database().acquire();
                 store::Transaction tx(*connection);
                 auto user = loadUser(*connection, id);
                 const auto before = toJson(user);
                 perform(*connection, user);
                 const auto stored = loadUser(*connection, id);
                 audit(*connection, context, "portal_user", std::to_string(id), action, before, toJson(stored));
                 tx.commit();
                 if (queuesEmail)
                     services.outboxChanged();
                 sendRecord(response, 200, toJson(stored));
             });
}

void portalUserRoutes(Router& router, services::Services& services)
{
    addRoute(router, services, "GET", "/portal-users", [&services](Request& request, Response& response, Context&) {
        store::PortalUserFilter filter;
        filter.q = textFilter(request, "q").value_or("");
        filter.status = textFilter(request, "status");
        if (filter.status && !core::parseEnum<core::PortalUserStatus>(*filter.status))
            throw HttpError::badField("status", "must be one of invited, active, disabled, locked");
        filter.kind = textFilter(request, "kind");
        if (filter.kind && !core::parseEnum<core::PortalUserKind>(*filter.kind))
            throw HttpError::badField("kind", "must be external or internal");
        filter.customer = textFilter(request, "customer");
        filter.role = textFilter(request, "role");
        filter.isAdmin = boolFilter(request, "isAdmin");
        filter.sort = sortKey(request, store::AdminListRepository::portalUserSortFields(), "email");
        const auto page = pageRequest(request);
        auto connection = services.database().acquire();
        auto result = store::AdminListRepository(*connection).portalUsers(filter, page);
        response.sendJson(200, *pageJson(itemsOf(result.items), page, result.total));
    });
    addRoute(router, services, "GET", "/portal-users/{id}",
             [&services](Request& request, Response& response, Context&) {
                 auto connection = services.database().acquire();
                 sendRecord(response, 200, toJson(loadUser(*connection, idParam(request, "id"))));
             });
    addRoute(router, services, "POST", "/portal-users",
             [&services](Request& request, Response& response, Context& context) {
                 auto body = request.jsonBody();
                 bool invite = false;
                 if (body->has("invite")) {
                     if (body->get("invite").type() != typeid(bool))
                         throw validationError({{"invite", "must be true or false"}});
                     invite = body->getValue<bool>("invite");
                 }
                 core::PortalUser user;
                 applySet(user, *body);
                 if (user.email.empty())
                     throw validationError({{"email", "is required"}});
                 if (user.customerNumber.empty() && !user.assignedCustomers.empty())
                     user.customerNumber = user.assignedCustomers.front();
                 if (!user.customerNumber.empty()
                     && std::find(user.assignedCustomers.begin(), user.assignedCustomers.end(), user.customerNumber)
                         == user.assignedCustomers.end())
                     user.assignedCustomers.insert(user.assignedCustomers.begin(), user.customerNumber);
                 auto connection = services.database().acquire();
                 store::Transaction tx(*connection);
                 if (auto problems = checkReferences(*connection, user); !problems.empty())
                     throw validationError(problems);
                 store::PortalUserRepository users(*connection);
                 if (users.findByEmail(user.email))
                     throw duplicate("portal user", "email", user.email);
                 const auto id = users.insert(user);
                 auto stored = loadUser(*connection, id);
                 audit(*connection, context, "portal_user", std::to_string(id), "create", nullptr, toJson(stored));
                 if (invite) {
                     services::AccountMail::sendSetPassword(*connection, stored, services.options().publicUrl);
                     audit(*connection, context, "portal_user", std::to_string(id), "invite", nullptr, nullptr);
                 }
                 tx.commit();
                 if (invite)
                     services.outboxChanged();
                 sendRecord(response, 201, toJson(stored));
             });
    auto update = [&services](Request& request, Response& response, Context& context) {
        const auto id = idParam(request, "id");
        auto body = request.jsonBody();
        const auto version = requiredVersion(*body);
        auto connection = services.database().acquire();
        store::Transaction tx(*connection);
        const auto before = loadUser(*connection, id);
        if (before.version != version)
            throw staleError("portal_user", std::to_string(id));
        auto after = before;
        applySet(after, *body);
        if (auto problems = checkReferences(*connection, after); !problems.empty())
            throw validationError(problems);
        store::PortalUserRepository users(*connection);
        if (after.email != before.email && users.findByEmail(after.email))
            throw duplicate("portal user", "email", after.email);
        if (!users.update(after))
            throw staleError("portal_user", std::to_string(id));
        const auto stored = loadUser(*connection, id);
        audit(*connection, context, "portal_user", std::to_string(id), "update", toJson(before), toJson(stored));
        tx.commit();
        sendRecord(response, 200, toJson(stored));
    };
    addRoute(router, services, "PATCH", "/portal-users/{id}", update);
    addRoute(router, services, "PUT", "/portal-users/{id}", update);
    addRoute(router, services, "DELETE", "/portal-users/{id}",
             [&services](Request& request, Response& response, Context& context) {
                 const auto id = idParam(request, "id");
                 auto connection = services.database().acquire();
                 store::Transaction tx(*connection);
                 const auto before = loadUser(*connection, id);
                 store::PortalUserRepository(*connection).remove(id);
                 audit(*connection, context, "portal_user", std::to_string(id), "delete", toJson(before), nullptr);
                 tx.commit();
                 response.sendEmpty(204);
             });

    const std::string& publicUrl = services.options().publicUrl;
    userAction(
        router, services, "invite",
        [&publicUrl](store::Connection& db, core::PortalUser& user) {
            services::AccountMail::sendSetPassword(db, user, publicUrl);
        },
        true);
    userAction(
        router, services, "reset-password",
        [&publicUrl](store::Connection& db, core::PortalUser& user) {
            services::AccountMail::sendResetPassword(db, user, publicUrl);
        },
        true);
    userAction(router, services, "disable", [](store::Connection& db, core::PortalUser& user) {
        store::PortalUserRepository(db).setStatus(user.id, core::PortalUserStatus::Disabled);
    });
    // Forget failed sign-ins so the portal's throttle does not lock the user out again at once.
    auto forgetFailures = [](store::Connection& db, const core::PortalUser& user) {
        store::StaffTokenRepository failures(db);
        failures.clearFailures(user.email);
        failures.clearFailures("portal:" + user.email);
    };
    // Enabling returns the user to where they were: active with a password, else invited.
    userAction(router, services, "enable", [forgetFailures](store::Connection& db, core::PortalUser& user) {
        store::PortalUserRepository(db).setStatus(
            user.id, user.passwordHash.empty() ? core::PortalUserStatus::Invited : core::PortalUserStatus::Active);
        forgetFailures(db, user);
    });
    // Unlocking lifts a lock only; a disabled user stays disabled.
    userAction(router, services, "unlock", [forgetFailures](store::Connection& db, core::PortalUser& user) {
        if (user.status == core::PortalUserStatus::Locked)
            store::PortalUserRepository(db).setStatus(
                user.id, user.passwordHash.empty() ? core::PortalUserStatus::Invited : core::PortalUserStatus::Active);
        forgetFailures(db, user);
    });
}

// --- ERP roles -----------------------------------------------------------------------------------

void roleRoutes(Router& router, services::Services& services)
{
    addRoute(router, services, "GET", "/roles", [&services](Request& request, Response& response, Context&) {
        const std::string q = core::toLowerAscii(textFilter(request, "q").value_or(""));
        std::optional<core::Process> process;
        if (auto text = textFilter(request, "process")) {
            process = core::ProcessSet::parse(*text);
            if (!process)
                throw HttpError::badField("process", "unknown process '" + *text + "'");
        }
        std::optional<core::Section> module;
        if (auto text = textFilter(request, "module")) {
            module = core::SectionSet::parse(*text);
            if (!module)
                throw HttpError::badField("module", "unknown module '" + *text + "'");
        }
        const auto code = textFilter(request, "code");
        const auto noAccess = boolFilter(request, "noAccess");
        const auto sort = sortKey(request, {"code", "description", "noAccess"}, "code");
        const auto page = pageRequest(request, 20);
        auto connection = services.database().acquire();
        // The role table is small (tens of rows): filter and page it here.
        std::vector<core::ErpRole> matches;
        for (auto& role : store::RoleRepository(*connection).all()) {
            if (!q.empty() && core::toLowerAscii(role.code).find(q) == std::string::npos
                && core::toLowerAscii(role.description).find(q) == std::string::npos)
                continue;
            if (code && role.code != *code)
                continue;
            if (process && !role.processes.contains(*process))
                continue;
            if (module && !role.modules.contains(*module))
                continue;
            if (noAccess && role.noAccess != *noAccess)
                continue;
            matches.push_back(std::move(role));
        }
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
        std::vector<core::ErpRole> slice;
        const std::size_t first = static_cast<std::size_t>(page.page - 1) * static_cast<std::size_t>(page.pageSize);
        for (std::size_t i = first; i < matches.size() && i < first + static_cast<std::size_t>(page.pageSize); ++i)
            slice.push_back(matches[i]);
        response.sendJson(200, *pageJson(itemsOf(slice), page, static_cast<std::int64_t>(matches.size())));
    });
    addRoute(router, services, "GET", "/roles/{code}", [&services](Request& request, Response& response, Context&) {
        auto connection = services.database().acquire();
        sendRecord(response, 200, toJson(loadRole(*connection, request.param("code"))));
    });
    addRoute(router, services, "POST", "/roles", [&services](Request& request, Response& response, Context& context) {
        auto body = request.jsonBody();
        core::ErpRole role;
        if (!body->has("code") || !body->get("code").isString() || !validRoleCode(body->get("code").toString()))
            throw validationError({{"code", "is required: 1 to 30 letters, digits, '_' or '-'"}});
        role.code = body->get("code").toString();
        applySet(role, *body);
        auto connection = services.database().acquire();
        store::Transaction tx(*connection);
        store::RoleRepository roles(*connection);
        if (roles.find(role.code))
            throw duplicate("role", "code", role.code);
        roles.insert(role);
        const auto stored = loadRole(*connection, role.code);
        audit(*connection, context, "role", role.code, "create", nullptr, toJson(stored));
        tx.commit();
        sendRecord(response, 201, toJson(stored));
    });
    auto update = [&services](Request& request, Response& response, Context& context) {
        auto body = request.jsonBody();
        const auto version = requiredVersion(*body);
        auto connection = services.database().acquire();
        store::Transaction tx(*connection);
        const auto before = loadRole(*connection, request.param("code"));
        if (before.version != version)
            throw staleError("role", before.code);
        auto after = before;
        applySet(after, *body);
        if (!store::RoleRepository(*connection).update(after))
            throw staleError("role", before.code);
        const auto stored = loadRole(*connection, before.code);
        audit(*connection, context, "role", before.code, "update", toJson(before), toJson(stored));
        tx.commit();
        sendRecord(response, 200, toJson(stored));
    };
    addRoute(router, services, "PATCH", "/roles/{code}", update);
    addRoute(router, services, "PUT", "/roles/{code}", update);
    addRoute(router, services, "DELETE", "/roles/{code}",
             [&services](Request& request, Response& response, Context& context) {
                 auto connection = services.database().acquire();
                 store::Transaction tx(*connection);
                 const auto before = loadRole(*connection, request.param("code"));
                 if (auto version = request.query("version"); version && *version != std::to_string(before.version))
                     throw staleError("role", before.code);
                 store::RoleRepository(*connection).remove(before.code);
                 audit(*connection, context, "role", before.code, "delete", toJson(before), nullptr);
                 tx.commit();
                 response.sendEmpty(204);
             });
}

} // namespace

void registerAdminRecordRoutes(Router& router, services::Services& services)
{
    sessionRoutes(router, services);
    customerRoutes(router, services);
    portalUserRoutes(router, services);
    roleRoutes(router, services);
}

} // namespace gh::http::admin
