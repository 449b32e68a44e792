#pragma once

// The desktop app's "all customers / all contacts" switches: count what would change (dry run) or
// change it with one audit event, in one transaction.

#include "AdminAudit.h"
#include "store/Database.h"

#include <cstdint>
#include <string>

namespace gh::services {

class BulkChanges
{
public:
    // Portal access of every customer.
    static std::int64_t portalAccess(store::Connection& db, const StaffActor& actor, bool enable, bool dryRun);
    // permission: "canRegister", "makePayment" or a section key (sectionBit >= 0) of every contact.
    static std::int64_t contactPermission(store::Connection& db, const StaffActor& actor, const std::string& permission,
                                          int sectionBit, bool value, bool dryRun);
};

} // namespace gh::services
