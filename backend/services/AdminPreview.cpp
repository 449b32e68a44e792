#include "AdminPreview.h"

#include "AdminAudit.h"

#include "core/AccessRules.h"
#include "core/SecureRandom.h"
#include "core/SettingsCatalogue.h"
#include "core/Time.h"
#include "store/ContactRepository.h"
#include "store/CustomerRepository.h"
#include "store/PortalUserRepository.h"
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
    opened.sessionToken = core::SecureRandom::token();
    opened.customerNumber = selectable.front().number;
    const std::int64_t now = core::nowSeconds();
    opened.expiresAt = now + kSeconds;
    store::PreviewSessionRepository(db).create(core::SecureRandom::digest(opened.sessionToken), user->id,
                                               selectable.front().id, core::SecureRandom::token(), now,
                                               opened.expiresAt, staff.id);
    return opened;
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

bool AdminPreview::isOpen(store::Connection& db, const std::string& token)
{
    return store::PreviewSessionRepository(db).isOpenPreview(core::SecureRandom::digest(token), core::nowSeconds());
}

} // namespace gh::services
