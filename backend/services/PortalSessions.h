#pragma once

// The portal's session door and session lifecycle: a cookie value -> one primary-key lookup of the
// session row, its timeouts, the user's access (through the context cache), the read-only flag and
// the CSRF token. The HTTP layer turns a Refused into its 401/403 answer.

#include "PortalAccess.h"
#include "Services.h"
#include "store/Database.h"
#include "store/PortalSessionRepository.h"

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace gh::services {

// last_seen_at is written at most this often, so a burst of requests costs one read each.
inline constexpr std::int64_t kSessionTouchEverySeconds = 60;

struct PortalSession
{
    store::Database::Lease db;
    store::PortalSessionRepository::Session row;
    std::shared_ptr<const PortalContext> ctx; // never null; shared with the context cache
    const core::Customer* current = nullptr; // the session's current customer, always selectable
    // For requests that change nothing: one read snapshot from the session check to the answer.
    // Declared after `db`, so it ends before the connection goes back to the pool.
    std::unique_ptr<store::ReadSnapshot> snapshot;

    store::Connection& connection() { return *db; }
};

class PortalSessions
{
public:
    class Refused : public std::runtime_error
    {
    public:
        enum class Reason
        {
            NoCookie, // 401, nothing to clear
            NotSignedIn, // 401, and the browser should forget its cookie
            ReadOnly, // 403 read_only_session
            CsrfFailed, // 403 csrf_failed
        };
        explicit Refused(Reason why)
            : std::runtime_error("session refused")
            , reason(why)
        {
        }
        Reason reason;
    };

    // The door every portal request passes. cookie: the gh_session value, if sent. For a state change
    // the read-only flag and the CSRF header are checked too; a request that changes nothing gets
    // PortalSession::snapshot, so all its reads see one snapshot.
    static PortalSession open(Services& services, const std::optional<std::string>& cookie, bool changesState,
                              const std::string& csrfHeader);
    // True when the cookie names a read-only (preview) session that has not expired.
    static bool isReadOnly(Services& services, const std::optional<std::string>& cookie);
    // A new session for the user (ending the one the browser had, oldCookie). Returns the new cookie
    // value and sets csrfToken.
    static std::string start(store::Connection& db, const std::optional<std::string>& oldCookie,
                             const PortalContext& ctx, std::string& csrfToken);
    static void setCustomer(PortalSession& session, core::Id customerId);
    static void end(PortalSession& session);
};

} // namespace gh::services
