#include "AdminAudit.h"

#include "RecordJson.h"
#include "store/AuditRepository.h"

namespace gh::services {

void AdminAudit::record(store::Connection& db, const StaffActor& actor, const std::string& entity,
                        const std::string& key, const std::string& action, const Poco::JSON::Object::Ptr& before,
                        const Poco::JSON::Object::Ptr& after)
{
    core::AuditEvent event;
    event.actor = actor.email;
    event.actorKind = "staff";
    event.entity = entity;
    event.entityKey = key;
    event.action = action;
    event.before = stringify(before);
    event.after = stringify(after);
    event.origin = actor.origin;
    store::AuditRepository(db).append(event);
}

} // namespace gh::services
