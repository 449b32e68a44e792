#include "PasswordResets.h"

#include "AccountMail.h"
#include "core/Text.h"
#include "core/Time.h"
#include "store/AuditRepository.h"
#include "store/PasswordResetRequestRepository.h"
#include "store/PortalUserRepository.h"

namespace gh::services {

void PasswordResets::request(Services& services, store::Connection& db, const std::string& email,
                             std::string_view language)
{
    const std::string address = core::toLowerAscii(core::trim(email));
    if (!core::looksLikeEmail(address))
        return;
    store::Transaction tx(db);
    store::PasswordResetRequestRepository(db).record(address, core::nowSeconds(), language);
    tx.commit();
    services.outboxChanged(); // the email job handles the request at once
}

int PasswordResets::mailRequested(Services& services, store::Connection& db)
{
    store::PasswordResetRequestRepository requests(db);
    int mailed = 0;
    for (;;) {
        const auto batch = requests.pending(100);
        if (batch.empty())
            break;
        for (const auto& request : batch) {
            const std::int64_t now = core::nowSeconds();
            store::Transaction tx(db);
            if (!requests.claim(request.id, now))
                continue; // another server instance took it
            auto user = store::PortalUserRepository(db).findByEmail(request.address);
            const bool mayReset = user
                && (user->status == core::PortalUserStatus::Active || user->status == core::PortalUserStatus::Invited);
            if (mayReset && requests.mailedSince(request.address, request.requestedAt - 3600) < kMailsPerHour) {
                AccountMail::sendResetPassword(db, *user, services.options().publicUrl, request.language);
                core::AuditEvent event;
                event.actor = user->email;
                event.actorKind = "portal_user";
                event.entity = "portal_user";
                event.entityKey = user->email;
                event.action = "request_password_reset";
                event.origin = core::Origin::Portal;
                store::AuditRepository(db).append(event);
                requests.markMailed(request.id);
                ++mailed;
            } else {
                requests.remove(request.id); // nothing sent: nothing kept of the address
            }
            tx.commit();
        }
    }
    {
        store::Transaction tx(db);
        requests.removeMailedBefore(core::nowSeconds() - 3600);
        tx.commit();
    }
    return mailed;
}

} // namespace gh::services
