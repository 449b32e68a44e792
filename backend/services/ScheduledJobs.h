#pragma once

#include "core/Domain.h"
#include "store/Database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gh::services {

// The scheduled jobs of SPEC §4, one per cron setting (cron.*): which kind of run each makes, and
// queueing runs, on demand ("run now") or when a schedule falls due. A run is a job_runs row named by
// the schedule's key; jobs::JobRunner claims and runs it.
class ScheduledJobs
{
public:
    struct Schedule
    {
        std::string_view key; // the cron setting
        core::JobKind kind;
    };

    static const std::vector<Schedule>& all();
    static const Schedule* find(std::string_view key);

    // Queues a run of the schedule; inside the caller's transaction. queuedAt (RFC 3339) defaults to now.
    static core::Id queue(store::Connection& db, const Schedule& schedule, const std::string& queuedAt = {});

    // Queues one run of every enabled schedule (a valid, non-empty cron setting) with a run time in
    // (after, now], unless a run of it was queued at or after that time already: by another server
    // instance on the same database, or by "run now". One write transaction, so two instances
    // checking at once queue it once. Missed times do not pile up: one run however many passed.
    // Returns the runs queued.
    static std::vector<core::Id> queueDue(store::Connection& db, std::int64_t after, std::int64_t now);
};

} // namespace gh::services
