#pragma once

#include "core/PasswordHasher.h"
#include "store/Database.h"

#include <cstdint>
#include <string>
#include <vector>

namespace gh::services {

// The deterministic demo data set of API.md: the same scale always yields the same records (only
// password hashes differ, by their random salts).
class DemoData
{
public:
    enum class Scale { Small, Large };

    struct Counts
    {
        std::int64_t customers = 0;
        std::int64_t contacts = 0;
        std::int64_t invoices = 0;
        std::int64_t orders = 0;
        std::int64_t shipments = 0;
        std::int64_t documents = 0;
    };

    struct SignIn
    {
        std::string email;
        std::string role;
    };

    static constexpr std::string_view kPassword = "Demo-Passw0rd";
    static std::vector<SignIn> signIns();

    // True when the database holds no customers, portal users or staff (so --demo may fill it).
    static bool isEmpty(store::Connection& connection);

    // Fills an empty, migrated database in one transaction; throws if it is not empty. The large
    // scale drops the big tables' secondary indexes, bulk-loads, and builds them again at the end.
    static Counts generate(store::Connection& connection, Scale scale, const core::PasswordHasher& hasher);

    // Builds the demo data into a new file beside `path` (no journal, no fsync: fast), switches it
    // to WAL mode and renames it over `path`, which must be an empty Gatehouse database that no
    // connection has open. A crash or kill midway leaves `path` as it was.
    static Counts buildFile(const std::string& path, Scale scale, const core::PasswordHasher& hasher);

    static Scale parseScale(const std::string& text); // "small" | "large"; throws std::invalid_argument
};

// A minimal valid one-page PDF showing the given lines (demo documents).
std::string makeDemoPdf(const std::vector<std::string>& lines);

} // namespace gh::services
