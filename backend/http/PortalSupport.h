#pragma once

// Shared by the portal's route files: the session door every portal request passes, and small
// helpers for JSON bodies. Private to backend/http.

#include "HttpError.h"
#include "Request.h"
#include "Response.h"
#include "services/PortalAccess.h"
#include "services/PortalSessions.h"
#include "services/Services.h"

#include <Poco/JSON/Object.h>

#include <string>

namespace gh::http::portal {

inline constexpr const char* kCookie = "gh_session";
inline constexpr const char* kBase = "/api/portal/v1";
using Session = services::PortalSession;

// The door: a live session (cookie -> one primary-key lookup), its timeouts, and for state changes
// the read-only flag (403 read_only_session) and the CSRF header (403 csrf_failed). 401 otherwise.
// A request that changes nothing gets Session::snapshot: all its reads see one snapshot.
Session requireSession(services::Services& services, Request& request, bool changesState);

// For the routes that work without a session (sign-in, registration, password): a read-only
// (preview) session still may not change anything through them.
void refuseIfReadOnly(services::Services& services, Request& request);

// 404 exactly as for a record that does not exist.
[[noreturn]] void notFound();

// Creates a session row for the user and sets the cookie; returns the CSRF token.
std::string startSession(store::Connection& db, Request& request, Response& response,
                         const services::PortalContext& ctx);

// Set-Cookie for gh_session: HttpOnly, SameSite=Lax, Path=/, Secure over TLS. An empty value
// deletes the cookie (Max-Age=0 and an expiry in the past, for old browsers too).
void setSessionCookie(Response& response, const std::string& value, bool secure);

// API.md's user / customers / privileges shapes.
Poco::JSON::Object::Ptr userJson(const services::PortalContext& ctx, const core::Customer* current);
Poco::JSON::Array::Ptr customersJson(const services::PortalContext& ctx);
Poco::JSON::Object::Ptr meJson(const services::PortalContext& ctx, const core::Customer* current,
                               const std::string& csrfToken);

// A string member of a JSON body, or nullopt when it is missing or not a string.
std::optional<std::string> stringField(const Poco::JSON::Object::Ptr& body, const std::string& name);

} // namespace gh::http::portal
