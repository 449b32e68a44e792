#pragma once

#include "Worker.h"
#include "core/Domain.h"
#include "services/Services.h"

#include <cstdint>

namespace gh::jobs {

// Runs the scheduled jobs' runs (services::ScheduledJobs; "run now" and due schedules). Each queued
// run is claimed first, so with several server instances on one database every run is done by
// exactly one of them; then it is marked running, its progress and counts recorded, and it ends done
// or failed with an error report. What each kind does:
//   email   one delivery pass over the outbox (EmailJob::runOnce): counts sent and failed;
//   export  works through the export queue (table exports, services::ExportService::runQueue);
//   import  a staff member's import run ("import:ID", services::ImportService::runJob);
//   sync    fails: no ERP feed (SPEC §6) is built, and nothing is changed.
// Of a schedule's runs that found nothing to do (done, same counts, no error report), only the newest
// is kept, so an every-minute schedule does not bury the runs that did something.
class JobRunner
{
public:
    // A running run is leased to its runner for this long and the lease renewed with each step of
    // progress; a run whose lease ran out was left by a server that stopped, and the next pass of
    // any instance marks it failed.
    static constexpr std::int64_t kLeaseSeconds = 600;

    // Claims and runs the queued runs with an id above *afterId (all when null) until none is left,
    // in the caller's thread; moves *afterId past what it looked at. Returns how many it ran.
    static int runQueued(services::Services& services, core::Id* afterId = nullptr);

    struct Options
    {
        int intervalMs = 1000; // how often to look for queued runs (and due schedules)
        bool schedules = true; // queue the runs of schedules that fall due
    };

    JobRunner(services::Services& services, Options options);

    void start() { m_worker.start(); }
    void stop() { m_worker.stop(); }
    // Look now (a run was queued).
    void trigger() { m_worker.trigger(); }

private:
    // One look: queue the schedules that fell due, then run what is queued.
    void pass();

    services::Services& m_services;
    Options m_options;
    core::Id m_scanned = 0; // the first pass looks at every run; later ones only at new rows
    std::int64_t m_checkedUpTo; // schedules fall due after the start, never before
    Worker m_worker; // last: its thread stops before the state above goes
};

} // namespace gh::jobs
