#pragma once

#include "ImportOptions.h"
#include "core/ImportEntity.h"
#include "store/EntityTable.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <istream>
#include <ostream>
#include <string>
#include <unordered_set>
#include <vector>

namespace gh::services {

// One problem in an import file: the spreadsheet row (header = 1, 0 for the file as a whole), the
// header name of the column (empty for a whole row or the file), a stable code and a message a
// person can act on.
struct ImportProblem
{
    std::int64_t row = 0;
    std::string column;
    std::string code;
    std::string message;
};

struct ImportReport
{
    bool valid = true; // no error beyond what the strategy allows, and the file could be read
    bool fatal = false; // the file itself could not be read (header, malformed CSV)
    bool cancelled = false;
    std::int64_t rows = 0; // data rows read
    std::int64_t created = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0;
    std::int64_t deleted = 0;
    std::int64_t skipped = 0; // rows in error, left out
    std::int64_t errorCount = 0;
    std::vector<ImportProblem> errors; // the first kMaxListedErrors

    static constexpr std::size_t kMaxListedErrors = 1000;
};

// The import engine: reads a CSV file as a stream (core::CsvReader), matches its header to the
// entity's columns, validates every row, and — when writing — applies each row through the entity's
// store::EntityTable. It never opens or commits a transaction: the caller runs it inside one and
// commits only when the report says valid, so a run is all or nothing. Checking (write = false) reads
// the same way and reports what a run would do.
class ImportEngine
{
public:
    using Progress = std::function<void(std::uint64_t bytesRead)>;

    ImportEngine(const core::ImportEntity& entity, ImportOptions options, store::EntityTable& table);

    // changes, when given, receives the change report (CSV: row, key, action, fields).
    ImportReport process(std::istream& in, bool write, std::ostream* changes = nullptr, const Progress& progress = {},
                         const std::atomic<bool>* cancel = nullptr);

private:
    struct Mapping
    {
        std::vector<int> fileToColumn; // -1: _action
        std::vector<int> columnToFile; // -1: not in the file
        int actionField = -1;
    };

    bool mapHeader(const std::vector<std::string>& header, ImportReport& report);
    void processRow(std::int64_t row, const std::vector<std::string>& fields, bool write, ImportReport& report,
                    std::ostream* changes);
    void addError(ImportReport& report, std::int64_t row, std::string column, std::string code, std::string message);
    std::string keyHashText(const std::vector<std::string>& record) const;

    const core::ImportEntity& m_entity;
    ImportOptions m_options;
    store::EntityTable& m_table;
    Mapping m_map;
    std::unordered_set<std::uint64_t> m_seenKeys;
    std::vector<int> m_keyColumns;
    std::vector<std::string> m_defaults;
};

} // namespace gh::services
