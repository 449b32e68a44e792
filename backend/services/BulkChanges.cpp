#include "BulkChanges.h"

#include "store/BulkRepository.h"

#include <functional>

namespace gh::services {
namespace {

// The one bulk sequence: a dry run counts; otherwise change, then audit what changed.
std::int64_t run(store::Connection& db, const StaffActor& actor, bool dryRun,
                 const std::function<std::int64_t()>& count, const std::function<std::int64_t()>& change,
                 const std::string& entity, const std::string& action,
                 const std::function<void(Poco::JSON::Object&)>& describe)
{
    store::Transaction tx(db);
    std::int64_t changed = 0;
    if (dryRun) {
        changed = count();
    } else {
        changed = change();
        Poco::JSON::Object::Ptr after(new Poco::JSON::Object);
        describe(*after);
        after->set("changed", changed);
        AdminAudit::record(db, actor, entity, "*", action, nullptr, after);
    }
    tx.commit();
    return changed;
}

} // namespace

std::int64_t BulkChanges::portalAccess(store::Connection& db, const StaffActor& actor, bool enable, bool dryRun)
{
    store::BulkRepository bulk(db);
    return run(
        db, actor, dryRun, [&] { return bulk.countPortalAccessChanges(enable); },
        [&] { return bulk.setPortalAccess(enable); }, "customer", "bulk_portal_access",
        [&](Poco::JSON::Object& after) { after.set("portalEnabled", enable); });
}

std::int64_t BulkChanges::contactPermission(store::Connection& db, const StaffActor& actor,
                                            const std::string& permission, int sectionBit, bool value, bool dryRun)
{
    store::BulkRepository bulk(db);
    return run(
        db, actor, dryRun, [&] { return bulk.countContactPermissionChanges(permission, sectionBit, value); },
        [&] { return bulk.setContactPermission(permission, sectionBit, value); }, "contact", "bulk_contact_permission",
        [&](Poco::JSON::Object& after) {
            after.set("permission", permission);
            after.set("value", value);
        });
}

} // namespace gh::services
