#include "PortalSupport.h"

namespace gh::http::portal {
namespace {

// A cookie the server no longer knows is cleared in the same answer, so the browser stops sending it.
HttpError notSignedIn(bool clearCookie = true)
{
    HttpError error(401, "not_signed_in", "Sign in to continue.");
    if (clearCookie)
        error.headers.emplace_back("Set-Cookie",
                                   std::string(kCookie)
                                       + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; "
                                         "Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    return error;
}

HttpError readOnlySession()
{
    return HttpError(403, "read_only_session", "This is a read-only preview session; nothing can be changed.");
}

} // namespace

void notFound()
{
    throw HttpError::notFound("Not found.");
}

Session requireSession(services::Services& services, Request& request, bool changesState)
{
    using Refused = services::PortalSessions::Refused;
    try {
        return services::PortalSessions::open(services, request.cookie(kCookie), changesState,
                                              changesState ? request.header("X-CSRF-Token") : std::string());
    } catch (const Refused& refused) {
        switch (refused.reason) {
        case Refused::Reason::NoCookie:
            throw notSignedIn(false);
        case Refused::Reason::NotSignedIn:
            throw notSignedIn();
        case Refused::Reason::ReadOnly:
            throw readOnlySession();
        case Refused::Reason::CsrfFailed:
            break;
        }
        throw HttpError(403, "csrf_failed", "The X-CSRF-Token header is missing or wrong.");
    }
}

void refuseIfReadOnly(services::Services& services, Request& request)
{
    if (services::PortalSessions::isReadOnly(services, request.cookie(kCookie)))
        throw readOnlySession();
}

std::string startSession(store::Connection& db, Request& request, Response& response,
                         const services::PortalContext& ctx)
{
    std::string csrfToken;
    const std::string value = services::PortalSessions::start(db, request.cookie(kCookie), ctx, csrfToken);
    setSessionCookie(response, value, request.secure());
    return csrfToken;
}

void setSessionCookie(Response& response, const std::string& value, bool secure)
{
    // Written by hand rather than through Poco::Net::HTTPCookie, which has no Max-Age for version 0
    // cookies and spells the attributes in lower case.
    std::string header = std::string(kCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Lax";
    if (value.empty())
        header += "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT";
    if (secure)
        header += "; Secure";
    response.setHeader("Set-Cookie", header);
}

Poco::JSON::Object::Ptr userJson(const services::PortalContext& ctx, const core::Customer* current)
{
    // Sections and flags as they apply at the current customer (a contact's there, else the user's own).
    core::CustomerRights own;
    own.sections = ctx.sections;
    own.isAdmin = ctx.user.isAdmin;
    own.makePayment = ctx.user.makePayment;
    const auto& rights = current ? ctx.rightsAt(*current) : own;
    Poco::JSON::Object::Ptr user(new Poco::JSON::Object);
    user->set("email", ctx.user.email);
    user->set("firstName", ctx.user.firstName);
    user->set("lastName", ctx.user.lastName);
    user->set("kind", std::string(core::toString(ctx.user.kind)));
    user->set("isAdmin", rights.isAdmin);
    user->set("makePayment", rights.makePayment);
    Poco::JSON::Array::Ptr sections(new Poco::JSON::Array);
    for (const auto& key : rights.sections.keys())
        sections->add(key);
    user->set("sections", sections);
    return user;
}

Poco::JSON::Array::Ptr customersJson(const services::PortalContext& ctx)
{
    Poco::JSON::Array::Ptr customers(new Poco::JSON::Array);
    for (const auto& c : ctx.selectable) {
        Poco::JSON::Object::Ptr item(new Poco::JSON::Object);
        item->set("number", c.number);
        item->set("name", c.name);
        item->set("statId", c.statId);
        customers->add(item);
    }
    return customers;
}

Poco::JSON::Object::Ptr meJson(const services::PortalContext& ctx, const core::Customer* current,
                               const std::string& csrfToken)
{
    Poco::JSON::Object::Ptr me(new Poco::JSON::Object);
    me->set("user", userJson(ctx, current));
    me->set("customers", customersJson(ctx));
    me->set("currentCustomer", current ? Poco::Dynamic::Var(current->number) : Poco::Dynamic::Var());
    Poco::JSON::Object::Ptr privileges(new Poco::JSON::Object);
    const auto p = current ? ctx.rules.privileges(ctx.rightsAt(*current), *current) : core::Privileges{};
    privileges->set("myAccount", p.myAccount);
    privileges->set("switchAccounts", p.switchAccounts);
    privileges->set("downloadSubAccounts", p.downloadSubAccounts);
    me->set("privileges", privileges);
    me->set("csrfToken", csrfToken);
    return me;
}

std::optional<std::string> stringField(const Poco::JSON::Object::Ptr& body, const std::string& name)
{
    if (!body || !body->has(name))
        return std::nullopt;
    const auto value = body->get(name);
    if (!value.isString())
        return std::nullopt;
    return value.extract<std::string>();
}

} // namespace gh::http::portal
