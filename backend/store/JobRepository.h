#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gh::store {

// Job runs (table job_runs). Several server instances may share one database: a queued run is
// started by whoever claims it first, and claim() lets exactly one of them win.
class JobRepository
{
public:
    explicit JobRepository(Connection& connection)
        : m_db(connection)
    {
    }
    // A queued run; createdAt (RFC 3339) defaults to now.
    core::Id create(core::JobKind kind, const std::string& name, const std::string& createdAt = {});
    // The newest run with this name (a schedule's last run), if any.
    std::optional<core::JobRun> latest(core::JobKind kind, const std::string& name);
    // The oldest queued runs with an id above afterId, at most limit. Ids only grow, so a poller that
    // remembers how far it looked reads only the new rows (a range of the primary key).
    std::vector<core::JobRun> queued(core::Id afterId, int limit);
    // queued -> running with started_at, only while the run is still queued: true for exactly one
    // caller, however many connections or servers try at once. The run is leased until leaseUntil
    // (Unix seconds); the runner renews the lease as the run progresses.
    bool claim(core::Id id, const std::string& startedAt, std::int64_t leaseUntil);
    // Progress of a running run, renewing its lease.
    void setProgress(core::Id id, int percent, const std::string& countsJson, std::int64_t leaseUntil);
    // Running runs whose lease ran out before now were left by a server that stopped: they end
    // failed, saying so. Returns how many.
    std::int64_t failAbandoned(std::int64_t now, const std::string& finishedAt);
    void update(const core::JobRun& job);
    // Deletes the earlier runs of the same name that ended done with these very counts and no error
    // report (a schedule that found nothing to do, every minute): only the newest of them stays, as
    // the schedule's last run. Returns how many went.
    std::int64_t removeEarlierAlike(const core::JobRun& job);
    std::optional<core::JobRun> find(core::Id id);
    std::vector<core::JobRun> recent(int limit);
    // The export queue (table exports) that the export-queue job works through: how many wait.
    std::int64_t queuedExports();

    // The one column list and row reader for job runs (the admin list reads them too).
    static constexpr std::string_view kColumns = "id, kind, name, status, progress, counts_json, error_report, file, "
                                                 "created_at, started_at, finished_at";
    static core::JobRun read(Query& q);

private:
    Connection& m_db;
};

} // namespace gh::store
