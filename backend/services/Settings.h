#pragma once

// The server's settings as stored (table settings) and as in effect (laid over the catalogue's
// defaults), and the admin API's all-or-nothing write of several of them with their audit events.

#include "AdminAudit.h"
#include "core/Domain.h"
#include "store/Database.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gh::services {

class Settings
{
public:
    static std::map<std::string, std::string> effective(store::Connection& db);
    static std::vector<core::Setting> stored(store::Connection& db);
    // Each change: key -> value, or nullopt to return to the default. Keys and values are
    // validated already. Secrets are audited as "***".
    static void write(store::Connection& db, const StaffActor& actor,
                      const std::vector<std::pair<std::string, std::optional<std::string>>>& changes);
};

} // namespace gh::services
