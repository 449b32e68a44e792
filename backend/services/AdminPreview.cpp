#include "AdminPreview.h"

#include "AdminAudit.h"

#include "core/AccessRules.h"
#include "core/SecureRandom.h"
#include "core/SettingsCatalogue.h"
#include "core/Time.h"
#include "store/ContactRepository.h"
#include "store/CustomerRepository.h"
#include "store/PortalUserRepository.h"
#include "store/PreviewLinkRepository.h"
#include "store/PreviewSessionRepository.h"
#include "store/RoleRepository.h"
#include "store/SettingRepository.h"

#include <stdexcept>

namespace gh::services {

AdminPreview::Opened AdminPreview::open(store::Connection& db, core::Id portalUserId, const core::StaffUser& staff)
{
    auto user = store::PortalUserRepository(db).findById(portalUserId);
    if (!user)
        throw std::out_of_range("no portal user " + std::to_string(portalUserId));
    const core::AccessRules rules(
        core::AccessSettings::fromSettings(core::SettingsCatalogue::effective(store::SettingRepository(db).stored())));
    const auto assigned = store::CustomerRepository(db).assignedTo(user->id);
    const auto selectable = rules.selectableCustomers(*user, assigned);
    if (selectable.empty())
        throw std::logic_error("the portal user has no customer they may use");
    Opened opened;
    opened.linkToken = core::SecureRandom::token();
    opened.customerNumber = selectable.front().number;
    const std::int64_t now = core::nowSeconds();
    opened.expiresAt = now + kSeconds;
    store::PreviewLinkRepository links(db);
    links.removeExpired(now);
    links.create(core::SecureRandom::digest(opened.linkToken), user->id, selectable.front().id, staff.id, now,
                 opened.expiresAt);
    return opened;
}

std::optional<std::string> AdminPreview::exchange(store::Connection& db, const std::string& linkToken)
{
    if (linkToken.empty() || linkToken.size() > 256)
        return std::nullopt;
    const std::int64_t now = core::nowSeconds();
    store::Transaction tx(db);
    auto link = store::PreviewLinkRepository(db).redeem(core::SecureRandom::digest(linkToken), now);
    if (!link)
        return std::nullopt;
    const std::string session = core::SecureRandom::token();
    store::PreviewSessionRepository(db).create(core::SecureRandom::digest(session), link->userId, link->customerId,
                                               core::SecureRandom::token(), now, now + kSeconds, link->staffId);
    tx.commit();
    return session;
}

AdminPreview::Access AdminPreview::access(store::Connection& db, core::Id portalUserId)
{
    auto user = store::PortalUserRepository(db).findById(portalUserId);
    if (!user)
        throw std::out_of_range("no portal user " + std::to_string(portalUserId));
    const core::AccessRules rules(
        core::AccessSettings::fromSettings(core::SettingsCatalogue::effective(store::SettingRepository(db).stored())));
    const auto roles = store::RoleRepository(db).forUser(user->id);
    const auto assigned = store::CustomerRepository(db).assignedTo(user->id);
    Access access;
    access.signIn = rules.maySignIn(*user, roles, assigned);
    access.effectiveSections = rules.effectiveSections(*user, roles);
    access.selectableCustomers = rules.selectableCustomers(*user, assigned);
    const auto contacts = user->kind == core::PortalUserKind::External
        ? store::ContactRepository(db).withEmail(user->email)
        : std::vector<core::Contact>{};
    for (const auto& customer : access.selectableCustomers)
        access.rights.push_back(rules.rightsAt(*user, roles, customer, contacts));
    if (!access.selectableCustomers.empty())
        access.privileges = rules.privileges(access.rights.front(), access.selectableCustomers.front());
    return access;
}

AdminPreview::Opened AdminPreview::openAudited(store::Connection& db, core::Id portalUserId,
                                               const core::StaffUser& staff, core::Origin origin)
{
    store::Transaction tx(db);
    auto opened = open(db, portalUserId, staff);
    Poco::JSON::Object::Ptr after(new Poco::JSON::Object);
    after->set("customerNumber", opened.customerNumber);
    after->set("expiresAt", core::rfc3339(opened.expiresAt));
    after->set("readOnly", true);
    AdminAudit::record(db, {staff.email, origin}, "portal_user", std::to_string(portalUserId), "preview", nullptr,
                       after);
    tx.commit();
    return opened;
}

} // namespace gh::services
