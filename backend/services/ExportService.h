#pragma once

#include "Services.h"
#include "core/Domain.h"
#include "core/ImportEntity.h"
#include "store/ExportRepository.h"

#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace gh::services {

// CSV exports (SPEC §3 "Export", API.md): queued by staff, written by the export-queue job
// (jobs::JobRunner calls runQueue) to the data folder (exports/ID.csv). An export writes exactly the
// columns its import reads, minus the excluded ones, in the same canonical form, with formula cells
// neutralised, so the file imports back unchanged.
class ExportService
{
public:
    struct Options
    {
        char separator = ',';
        char multiSeparator = '|';
        char enclosure = '"';
        std::vector<std::string> exclude; // column names
        // column -> value: text columns match when they contain the value (any letter case), Yes/No
        // and status columns when equal, list columns when they hold every listed item.
        std::map<std::string, std::string> filters;

        std::string toJson() const;
        static Options fromJson(const std::string& json);
    };

    explicit ExportService(Services& services)
        : m_services(services)
    {
    }

    // Validates (422 naming the field), queues the export and a run of the export-queue schedule, and
    // wakes the job runner.
    core::Id queue(const core::ImportEntity& entity, const Options& options, const core::StaffUser& staff);
    std::vector<store::ExportRepository::Row> list(int offset, int limit, std::int64_t* total);
    store::ExportRepository::Row find(core::Id id);
    // The file of a done export; NotFound otherwise.
    std::string filePath(core::Id id);
    void remove(core::Id id);

    // The export-queue job: writes every queued export. Returns {exported, failed}.
    struct QueueResult
    {
        int exported = 0;
        int failed = 0;
        std::string lastError;
    };
    static QueueResult runQueue(Services& services);

    // Writes the entity's records to `out` (also the command line). progress(rowsWritten, total).
    static std::int64_t write(store::Connection& db, const core::ImportEntity& entity, const Options& options,
                              std::ostream& out, const std::function<void(std::int64_t, std::int64_t)>& progress);
    // Problems with the options for this entity (unknown columns, bad filter values), field -> message.
    static std::vector<std::pair<std::string, std::string>> problems(const core::ImportEntity& entity,
                                                                     const Options& options);

private:
    Services& m_services;
};

} // namespace gh::services
