#pragma once

// The audit trail of staff changes: who (a staff user, from the app or the API) did what to which
// record, with the record's JSON before and after.

#include "core/Domain.h"
#include "store/Database.h"

#include <Poco/JSON/Object.h>

#include <string>

namespace gh::services {

// Who is changing something, as the audit trail names them.
struct StaffActor
{
    std::string email;
    core::Origin origin = core::Origin::Api;
};

class AdminAudit
{
public:
    static void record(store::Connection& db, const StaffActor& actor, const std::string& entity,
                       const std::string& key, const std::string& action, const Poco::JSON::Object::Ptr& before,
                       const Poco::JSON::Object::Ptr& after);
};

} // namespace gh::services
