#pragma once

#include "Database.h"

#include <string_view>
#include <vector>

namespace gh::store {

struct Migration
{
    int version;
    std::string_view name;
    std::string_view sqlite;
};

// Numbered, forward-only schema migrations. Each runs in its own write transaction and records
// itself in schema_migrations, so a crash leaves the database at the previous version.
class Migrations
{
public:
    static const std::vector<Migration>& all();
    static int latestVersion();
    static int currentVersion(Connection& connection);
    // Applies every migration above the current version up to target (default: latest).
    // Returns how many were applied.
    static int apply(Connection& connection, int targetVersion = -1);

    // The large tables' secondary indexes, which a bulk load drops and rebuilds afterwards.
    struct Index
    {
        std::string_view name;
        std::string_view create;
    };
    static const std::vector<Index>& bulkIndexes();
    // The triggers that keep the portal's per-customer invoice counts and generations; a bulk load
    // drops them, fills those tables in one pass (refreshCountTables) and creates them again.
    static const std::vector<Index>& bulkTriggers();
    static void refreshCountTables(Connection& connection);
};

} // namespace gh::store
