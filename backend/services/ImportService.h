#pragma once

#include "ImportEngine.h"
#include "ImportOptions.h"
#include "Services.h"
#include "core/Domain.h"
#include "store/ImportRepository.h"

#include <optional>
#include <string>

namespace gh::services {

// CSV imports (SPEC §3, API.md "Import"): an uploaded file waits in the data folder (imports/ID.csv);
// Check Data reads it through the engine without writing; a run goes to the job runner
// (jobs::JobRunner calls runJob) and applies the whole file in ONE write transaction, together with
// the import's final status and one audit event, so a failed run, a cancelled one or a server killed
// mid-run leaves the database exactly as it was. A running or checking import holds an advisory
// lock on imports/ID.lock; a status of running without its lock held was left by a server that
// stopped, and is reported as failed.
class ImportService
{
public:
    static constexpr std::uint64_t kMaxUploadBytes = 1536ull * 1024 * 1024;

    explicit ImportService(Services& services)
        : m_services(services)
    {
    }

    struct Status
    {
        store::ImportRepository::Row row;
        int progress = 0;
    };

    // A fresh path in the data folder to stream an upload into (then given to create()).
    std::string stagingPath() const;
    // 400 (BadParameter) for an unknown entity; the options were parsed by the caller.
    static const core::ImportEntity& entity(const std::string& name);
    // Takes the staged file over (renamed to imports/ID.csv).
    core::Id create(const core::ImportEntity& entity, const ImportOptions& options, const std::string& stagedFile,
                    std::uint64_t bytes, const core::StaffUser& staff);
    // Check Data: status checking -> checked, the report kept with the import.
    ImportReport check(core::Id id);
    // Queues the run (uploaded or checked -> running) and wakes the job runner. 409 otherwise.
    void startRun(core::Id id, const core::StaffUser& staff);
    // Asks a running import to stop; it fails and writes nothing. 409 when it is not running.
    void cancel(core::Id id);
    Status status(core::Id id);
    std::vector<Status> recent(int limit);
    // The change report of a done run; NotFound before.
    std::string changeReportPath(core::Id id);

    // The job runner's side of startRun (run name "import:ID").
    static ImportReport runJob(Services& services, core::Id id);

    // The whole run of one file in one transaction on `db` (also the command line): the report says
    // whether it was committed (valid). changesPath, when not empty, receives the change report.
    // actor/actorKind/origin go into the audit event; importId (0 for none) is finished in the same
    // transaction.
    static ImportReport runFile(store::Connection& db, const core::ImportEntity& entity, const ImportOptions& options,
                                const std::string& path, const std::string& changesPath, const std::string& actor,
                                const std::string& actorKind, core::Origin origin, core::Id importId,
                                const ImportEngine::Progress& progress, const std::atomic<bool>* cancel);
    // Check Data over a file (also the command line).
    static ImportReport checkFile(store::Connection& db, const core::ImportEntity& entity, const ImportOptions& options,
                                  const std::string& path, const ImportEngine::Progress& progress);

    static std::string reportJson(const ImportReport& report, const std::string& message = {});

private:
    std::string importsDir() const;
    Services& m_services;
};

} // namespace gh::services
