// Admin API: staff session and the record resources (customers, contacts, portal users, ERP roles).

#include "AdminApi.h"

#include "core/Text.h"
#include "core/Time.h"
#include "services/RecordUpdate.h"
#include "services/StaffAuth.h"

#include <algorithm>

namespace gh::http::admin {
namespace {

std::string requiredText(const Poco::JSON::Object& body, const std::string& name)
{
    if (!body.has(name) || !body.get(name).isString() || body.get(name).toString().empty())
        throw HttpError::badField(name, "is required");
    return body.get(name).toString();
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

// --- updates: one path for every record kind ----------------------------------------------------

// PATCH and PUT of one record: the body's fields go through services::RecordUpdate.
void updateRoutes(Router& router, services::Services& services, const std::string& path, const std::string& entity,
                  std::function<std::string(const Request&)> key)
{
    auto update = [&services, entity, key](Request& request, Response& response, Context& context) {
        const std::string recordKey = key(request);
        auto body = request.jsonBody();
        const auto version = requiredVersion(*body);
        auto connection = services.database().acquire();
        sendRecord(response, 200,
                   services::RecordUpdate::update(*connection, actorOf(context), entity, recordKey, version, *body));
    };
    addRoute(router, services, "PATCH", path, update);
    addRoute(router, services, "PUT", path, update);
}

std::string numberParam(const Request& request)
{
    return request.param("number");
}

std::string idKey(const Request& request)
{
    return std::to_string(idParam(request, "id"));
}

// --- customers and contacts ----------------------------------------------------------------------

void customerRoutes(Router& router, services::Services& services)
{
    using services::AdminRecords;
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
        auto result = AdminRecords::customers(*connection, filter, page);
        response.sendJson(200, *pageJson(itemsOf(result.items), page, result.total));
    });
    addRoute(router, services, "GET", "/customers/{number}",
             [&services](Request& request, Response& response, Context&) {
                 auto connection = services.database().acquire();
                 sendRecord(response, 200, toJson(AdminRecords::customer(*connection, request.param("number"))));
             });
    updateRoutes(router, services, "/customers/{number}", "customer", numberParam);

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
                 auto result = AdminRecords::contacts(*connection, request.param("number"), filter, page);
                 response.sendJson(200, *pageJson(itemsOf(result.items), page, result.total));
             });
    addRoute(router, services, "POST", "/customers/{number}/contacts",
             [&services](Request& request, Response& response, Context& context) {
                 auto body = request.jsonBody();
                 auto connection = services.database().acquire();
                 sendRecord(response, 201,
                            toJson(AdminRecords::createContact(*connection, actorOf(context), request.param("number"),
                                                               *body)));
             });
    addRoute(router, services, "GET", "/contacts/{id}", [&services](Request& request, Response& response, Context&) {
        auto connection = services.database().acquire();
        sendRecord(response, 200, toJson(AdminRecords::contact(*connection, idParam(request, "id"))));
    });
    updateRoutes(router, services, "/contacts/{id}", "contact", idKey);
    addRoute(router, services, "DELETE", "/contacts/{id}",
             [&services](Request& request, Response& response, Context& context) {
                 const auto id = idParam(request, "id");
                 auto connection = services.database().acquire();
                 AdminRecords::deleteContact(*connection, actorOf(context), id, request.query("version"));
                 response.sendEmpty(204);
             });
}

// --- portal users --------------------------------------------------------------------------------

void portalUserRoutes(Router& router, services::Services& services)
{
    using services::AdminRecords;
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
        auto result = AdminRecords::portalUsers(*connection, filter, page);
        response.sendJson(200, *pageJson(itemsOf(result.items), page, result.total));
    });
    addRoute(router, services, "GET", "/portal-users/{id}",
             [&services](Request& request, Response& response, Context&) {
                 auto connection = services.database().acquire();
                 sendRecord(response, 200, toJson(AdminRecords::portalUser(*connection, idParam(request, "id"))));
             });
    addRoute(router, services, "POST", "/portal-users",
             [&services](Request& request, Response& response, Context& context) {
                 auto body = request.jsonBody();
                 bool invite = true; // API.md: the set-password e-mail goes out unless invite is false
                 if (body->has("invite")) {
                     if (body->get("invite").type() != typeid(bool))
                         throw validationError({{"invite", "must be true or false"}});
                     invite = body->getValue<bool>("invite");
                 }
                 auto connection = services.database().acquire();
                 const auto stored = AdminRecords::createPortalUser(*connection, actorOf(context), *body, invite,
                                                                    services.options().publicUrl);
                 if (invite)
                     services.outboxChanged();
                 sendRecord(response, 201, toJson(stored));
             });
    updateRoutes(router, services, "/portal-users/{id}", "portal_user", idKey);
    addRoute(router, services, "DELETE", "/portal-users/{id}",
             [&services](Request& request, Response& response, Context& context) {
                 const auto id = idParam(request, "id");
                 auto connection = services.database().acquire();
                 AdminRecords::deletePortalUser(*connection, actorOf(context), id);
                 response.sendEmpty(204);
             });

    for (const std::string action : {"invite", "reset-password", "disable", "enable", "unlock"}) {
        addRoute(router, services, "POST", "/portal-users/{id}/" + action,
                 [&services, action](Request& request, Response& response, Context& context) {
                     const auto id = idParam(request, "id");
                     auto connection = services.database().acquire();
                     const auto stored = AdminRecords::portalUserAction(*connection, actorOf(context), id, action,
                                                                        services.options().publicUrl);
                     if (AdminRecords::actionQueuesEmail(action))
                         services.outboxChanged();
                     sendRecord(response, 200, toJson(stored));
                 });
    }
}

// --- ERP roles -----------------------------------------------------------------------------------

void roleRoutes(Router& router, services::Services& services)
{
    using services::AdminRecords;
    addRoute(router, services, "GET", "/roles", [&services](Request& request, Response& response, Context&) {
        AdminRecords::RoleFilter filter;
        filter.q = core::toLowerAscii(textFilter(request, "q").value_or(""));
        if (auto text = textFilter(request, "process")) {
            filter.process = core::ProcessSet::parse(*text);
            if (!filter.process)
                throw HttpError::badField("process", "unknown process '" + *text + "'");
        }
        if (auto text = textFilter(request, "module")) {
            filter.module = core::SectionSet::parse(*text);
            if (!filter.module)
                throw HttpError::badField("module", "unknown module '" + *text + "'");
        }
        filter.code = textFilter(request, "code");
        filter.noAccess = boolFilter(request, "noAccess");
        filter.sort = sortKey(request, {"code", "description", "noAccess"}, "code");
        const auto page = pageRequest(request, 20);
        auto connection = services.database().acquire();
        auto result = AdminRecords::roles(*connection, filter, page);
        response.sendJson(200, *pageJson(itemsOf(result.items), page, result.total));
    });
    addRoute(router, services, "GET", "/roles/{code}", [&services](Request& request, Response& response, Context&) {
        auto connection = services.database().acquire();
        sendRecord(response, 200, toJson(AdminRecords::role(*connection, request.param("code"))));
    });
    addRoute(router, services, "POST", "/roles", [&services](Request& request, Response& response, Context& context) {
        auto body = request.jsonBody();
        if (!body->has("code") || !body->get("code").isString() || !validRoleCode(body->get("code").toString()))
            throw validationError({{"code", "is required: 1 to 30 letters, digits, '_' or '-'"}});
        auto connection = services.database().acquire();
        sendRecord(
            response, 201,
            toJson(AdminRecords::createRole(*connection, actorOf(context), body->get("code").toString(), *body)));
    });
    updateRoutes(router, services, "/roles/{code}", "role",
                 [](const Request& request) { return request.param("code"); });
    addRoute(router, services, "DELETE", "/roles/{code}",
             [&services](Request& request, Response& response, Context& context) {
                 auto connection = services.database().acquire();
                 AdminRecords::deleteRole(*connection, actorOf(context), request.param("code"),
                                          request.query("version"));
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
