#include "PortalSupport.h"

#include "core/SecureRandom.h"
#include "core/SettingsCatalogue.h"
#include "core/Time.h"

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

} // namespace

void notFound()
{
    throw HttpError::notFound("Not found.");
}

Session requireSession(services::Services& services, Request& request, bool changesState)
{
    const auto cookie = request.cookie(kCookie);
    if (!cookie)
        throw notSignedIn(false);
    if (cookie->empty() || cookie->size() > 128)
        throw notSignedIn();
    Session s{services.database().acquire(), {}, nullptr, nullptr, nullptr};
    store::PortalSessionRepository sessions(*s.db);
    const std::string idHash = core::SecureRandom::digest(*cookie);
    // The session row and the user's access through one read snapshot; writes happen after it.
    s.snapshot = std::make_unique<store::ReadSnapshot>(*s.db);
    auto endSession = [&] {
        s.snapshot.reset();
        sessions.remove(idHash);
        return notSignedIn();
    };
    auto row = sessions.find(idHash);
    if (!row)
        throw notSignedIn();
    auto ctx = services.portalContexts().get(*s.db, row->userId);
    if (!ctx)
        throw endSession();
    const std::int64_t now = core::nowSeconds();
    if (now >= row->expiresAt || now - row->lastSeenAt > ctx->sessionIdleSeconds
        || now - row->createdAt > ctx->sessionAbsoluteSeconds)
        throw endSession();
    const auto verdict = ctx->rules.maySignIn(ctx->user, ctx->roles, ctx->assigned);
    // A preview shows the portal as the user would see it, even before the user has signed in once.
    const bool allowed = verdict == core::AccessRules::SignIn::Allowed
        || (row->readOnly && verdict == core::AccessRules::SignIn::NotActive && !ctx->selectable.empty());
    if (!allowed)
        throw endSession();
    if (changesState) {
        s.snapshot.reset();
        if (row->readOnly)
            throw HttpError(403, "read_only_session", "This is a read-only preview session; nothing can be changed.");
        const std::string header = request.header("X-CSRF-Token");
        if (header.empty() || !core::SecureRandom::equalConstantTime(header, row->csrfToken))
            throw HttpError(403, "csrf_failed", "The X-CSRF-Token header is missing or wrong.");
    }
    if (now - row->lastSeenAt >= kTouchEverySeconds) {
        const bool reading = s.snapshot != nullptr;
        s.snapshot.reset();
        sessions.touch(idHash, now);
        row->lastSeenAt = now;
        if (reading)
            s.snapshot = std::make_unique<store::ReadSnapshot>(*s.db);
    }
    s.row = std::move(*row);
    s.ctx = std::move(ctx);
    s.current = s.row.customerId ? s.ctx->selectableCustomerById(*s.row.customerId) : nullptr;
    if (!s.current)
        s.current = s.ctx->defaultCustomer();
    return s;
}

void refuseIfReadOnly(services::Services& services, Request& request)
{
    const auto cookie = request.cookie(kCookie);
    if (!cookie || cookie->empty() || cookie->size() > 128)
        return;
    auto db = services.database().acquire();
    auto row = store::PortalSessionRepository(*db).find(core::SecureRandom::digest(*cookie));
    if (row && row->readOnly && core::nowSeconds() < row->expiresAt)
        throw HttpError(403, "read_only_session", "This is a read-only preview session; nothing can be changed.");
}

std::string startSession(store::Connection& db, Request& request, Response& response,
                         const services::PortalContext& ctx)
{
    store::PortalSessionRepository sessions(db);
    // A new id at every sign-in: whatever session the browser had ends here.
    if (auto old = request.cookie(kCookie); old && !old->empty() && old->size() <= 128)
        sessions.remove(core::SecureRandom::digest(*old));
    const std::string value = core::SecureRandom::token(32);
    const std::int64_t now = core::nowSeconds();
    store::PortalSessionRepository::Session row;
    row.idHash = core::SecureRandom::digest(value);
    row.userId = ctx.user.id;
    if (const auto* current = ctx.defaultCustomer())
        row.customerId = current->id;
    row.csrfToken = core::SecureRandom::token(32);
    row.createdAt = now;
    row.lastSeenAt = now;
    row.expiresAt = now + ctx.sessionAbsoluteSeconds;
    sessions.insert(row);
    setSessionCookie(response, value, request.secure());
    return row.csrfToken;
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

Poco::JSON::Object::Ptr userJson(const services::PortalContext& ctx)
{
    Poco::JSON::Object::Ptr user(new Poco::JSON::Object);
    user->set("email", ctx.user.email);
    user->set("firstName", ctx.user.firstName);
    user->set("lastName", ctx.user.lastName);
    user->set("kind", std::string(core::toString(ctx.user.kind)));
    user->set("isAdmin", ctx.user.isAdmin);
    user->set("makePayment", ctx.user.makePayment);
    Poco::JSON::Array::Ptr sections(new Poco::JSON::Array);
    for (const auto& key : ctx.sections.keys())
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
    me->set("user", userJson(ctx));
    me->set("customers", customersJson(ctx));
    me->set("currentCustomer", current ? Poco::Dynamic::Var(current->number) : Poco::Dynamic::Var());
    Poco::JSON::Object::Ptr privileges(new Poco::JSON::Object);
    const auto p = current ? ctx.rules.privileges(ctx.user, *current) : core::Privileges{};
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
