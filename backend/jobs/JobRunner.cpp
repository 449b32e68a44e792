#include "JobRunner.h"

#include "EmailJob.h"
#include "core/Time.h"
#include "services/ScheduledJobs.h"
#include "store/JobRepository.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

namespace gh::jobs {
namespace {

std::string json(const Poco::JSON::Object& object)
{
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(object, out);
    return out.str();
}

std::string emailCounts(const EmailJob::Result& result)
{
    Poco::JSON::Object counts;
    counts.set("sent", result.sent);
    counts.set("failed", result.failed);
    return json(counts);
}

// What the run of one schedule leaves behind, short of the bookkeeping.
struct Outcome
{
    core::JobStatus status = core::JobStatus::Done;
    std::string counts = "{}";
    std::string errorReport;
    bool idle = false; // found nothing to do
};

Outcome runEmail(services::Services& services, store::JobRepository& jobs, core::Id id)
{
    const auto result = EmailJob::runOnce(services, [&](int handled, int total, const EmailJob::Result& soFar) {
        jobs.setProgress(id, total > 0 ? handled * 100 / total : 100, emailCounts(soFar),
                         core::nowSeconds() + JobRunner::kLeaseSeconds);
    });
    Outcome outcome;
    outcome.counts = emailCounts(result);
    outcome.idle = result.sent == 0 && result.failed == 0;
    if (result.failed > 0) {
        // Each failed email stays queued and is tried again (up to EmailJob::kMaxAttempts).
        outcome.errorReport = std::to_string(result.failed)
            + " email(s) could not be delivered; each is tried again, up to " + std::to_string(EmailJob::kMaxAttempts)
            + " attempts in all. Last error: " + result.lastError;
        if (result.sent == 0)
            outcome.status = core::JobStatus::Failed;
    }
    return outcome;
}

Outcome runExportQueue(store::JobRepository& jobs)
{
    Outcome outcome;
    const auto waiting = jobs.queuedExports();
    Poco::JSON::Object counts;
    counts.set("exported", 0);
    counts.set("waiting", waiting);
    outcome.counts = json(counts);
    outcome.idle = waiting == 0;
    if (waiting > 0) {
        outcome.status = core::JobStatus::Failed;
        outcome.errorReport = std::to_string(waiting)
            + " export(s) are waiting in the export queue, but this server cannot write export files yet. They "
              "stay queued; nothing was exported.";
    }
    return outcome;
}

Outcome runSync(const std::string& scheduleKey)
{
    // cron.import_customers -> customers
    const std::string what = scheduleKey.substr(scheduleKey.find("import_") + 7);
    Outcome outcome;
    outcome.status = core::JobStatus::Failed;
    outcome.errorReport = "No ERP feed is configured: " + what
        + " come from the ERP through a feed (JSON over HTTP or CSV files dropped in a folder), and this server has "
          "none set up. Nothing was imported or changed.";
    return outcome;
}

} // namespace

int JobRunner::runQueued(services::Services& services, core::Id* afterId)
{
    int ran = 0;
    core::Id scanned = afterId ? *afterId : 0;
    auto db = services.database().acquire();
    store::JobRepository jobs(*db);
    if (const auto abandoned = jobs.failAbandoned(core::nowSeconds(), core::nowRfc3339()); abandoned > 0)
        services.logger().warning(std::to_string(abandoned)
                                  + " job run(s) left running by a server that stopped were marked failed");
    while (true) {
        const auto runs = jobs.queued(scanned, 20);
        if (runs.empty())
            break;
        for (auto run : runs) {
            scanned = run.id;
            const auto* schedule = services::ScheduledJobs::find(run.name);
            if (!schedule || schedule->kind != run.kind)
                continue; // not a scheduled job's run: someone else's to run
            run.startedAt = core::nowRfc3339();
            if (!jobs.claim(run.id, run.startedAt, core::nowSeconds() + kLeaseSeconds))
                continue; // another server instance took it
            ++ran;
            services.logger().debug("job run " + std::to_string(run.id) + " (" + run.name + ") started");
            Outcome outcome;
            try {
                switch (run.kind) {
                case core::JobKind::Email:
                    outcome = runEmail(services, jobs, run.id);
                    break;
                case core::JobKind::Export:
                    outcome = runExportQueue(jobs);
                    break;
                case core::JobKind::Sync:
                    outcome = runSync(run.name);
                    break;
                case core::JobKind::Import:
                    outcome.status = core::JobStatus::Failed;
                    outcome.errorReport = "Imports are not run as scheduled jobs.";
                    break;
                }
            } catch (const std::exception& e) {
                outcome.status = core::JobStatus::Failed;
                outcome.errorReport = std::string("The run stopped with an error: ") + e.what();
            }
            run.status = outcome.status;
            run.counts = outcome.counts;
            run.errorReport = outcome.errorReport;
            if (run.status == core::JobStatus::Done)
                run.progress = 100;
            else if (auto current = jobs.find(run.id))
                run.progress = current->progress;
            run.finishedAt = core::nowRfc3339();
            jobs.update(run);
            // A schedule that runs every minute and finds nothing to do would bury the runs that did
            // something: of its idle runs only the newest stays.
            if (outcome.idle && run.status == core::JobStatus::Done && run.errorReport.empty())
                jobs.removeEarlierAlike(run);
            const std::string how = run.status == core::JobStatus::Done ? "done" : "failed: " + run.errorReport;
            services.logger().information("job run " + std::to_string(run.id) + " (" + run.name + ") " + how);
        }
    }
    if (afterId)
        *afterId = scanned;
    return ran;
}

JobRunner::JobRunner(services::Services& services, Options options)
    : m_services(services)
    , m_options(options)
    , m_checkedUpTo(core::nowSeconds())
    , m_worker(
          "job runner", options.intervalMs, [this] { pass(); }, services.logger())
{
}

void JobRunner::pass()
{
    if (m_options.schedules) {
        const auto now = core::nowSeconds();
        auto db = m_services.database().acquire();
        services::ScheduledJobs::queueDue(*db, m_checkedUpTo, now);
        m_checkedUpTo = now;
    }
    runQueued(m_services, &m_scanned);
}

} // namespace gh::jobs
