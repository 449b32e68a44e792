#include "PortalSessions.h"

#include "core/SecureRandom.h"
#include "core/Time.h"

namespace gh::services {
namespace {

bool plausibleCookie(const std::optional<std::string>& cookie)
{
    return cookie && !cookie->empty() && cookie->size() <= 128;
}

} // namespace

PortalSession PortalSessions::open(Services& services, const std::optional<std::string>& cookie, bool changesState,
                                   const std::string& csrfHeader)
{
    using Reason = Refused::Reason;
    if (!cookie)
        throw Refused(Reason::NoCookie);
    if (!plausibleCookie(cookie))
        throw Refused(Reason::NotSignedIn);
    PortalSession s{services.database().acquire(), {}, nullptr, nullptr, nullptr};
    store::PortalSessionRepository sessions(*s.db);
    const std::string idHash = core::SecureRandom::digest(*cookie);
    // The session row and the user's access through one read snapshot; writes happen after it.
    s.snapshot = std::make_unique<store::ReadSnapshot>(*s.db);
    auto endSession = [&] {
        s.snapshot.reset();
        sessions.remove(idHash);
        return Refused(Reason::NotSignedIn);
    };
    auto row = sessions.find(idHash);
    if (!row)
        throw Refused(Reason::NotSignedIn);
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
            throw Refused(Reason::ReadOnly);
        if (csrfHeader.empty() || !core::SecureRandom::equalConstantTime(csrfHeader, row->csrfToken))
            throw Refused(Reason::CsrfFailed);
    }
    if (now - row->lastSeenAt >= kSessionTouchEverySeconds) {
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

bool PortalSessions::isReadOnly(Services& services, const std::optional<std::string>& cookie)
{
    if (!plausibleCookie(cookie))
        return false;
    auto db = services.database().acquire();
    auto row = store::PortalSessionRepository(*db).find(core::SecureRandom::digest(*cookie));
    return row && row->readOnly && core::nowSeconds() < row->expiresAt;
}

std::string PortalSessions::start(store::Connection& db, const std::optional<std::string>& oldCookie,
                                  const PortalContext& ctx, std::string& csrfToken)
{
    store::PortalSessionRepository sessions(db);
    // A new id at every sign-in: whatever session the browser had ends here.
    if (plausibleCookie(oldCookie))
        sessions.remove(core::SecureRandom::digest(*oldCookie));
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
    csrfToken = row.csrfToken;
    return value;
}

void PortalSessions::setCustomer(PortalSession& session, core::Id customerId)
{
    store::PortalSessionRepository(session.connection()).setCustomer(session.row.idHash, customerId);
}

void PortalSessions::end(PortalSession& session)
{
    store::PortalSessionRepository(session.connection()).remove(session.row.idHash);
}

} // namespace gh::services
