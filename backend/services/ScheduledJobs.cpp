#include "ScheduledJobs.h"

#include "core/CronExpression.h"
#include "core/SettingsCatalogue.h"
#include "core/Time.h"
#include "store/JobRepository.h"
#include "store/SettingRepository.h"

namespace gh::services {

const std::vector<ScheduledJobs::Schedule>& ScheduledJobs::all()
{
    using core::JobKind;
    static const std::vector<Schedule> schedules = {
        {"cron.import_customers", JobKind::Sync}, {"cron.import_orders", JobKind::Sync},
        {"cron.import_invoices", JobKind::Sync},  {"cron.export_queue", JobKind::Export},
        {"cron.email_documents", JobKind::Email},
    };
    return schedules;
}

const ScheduledJobs::Schedule* ScheduledJobs::find(std::string_view key)
{
    for (const auto& schedule : all()) {
        if (schedule.key == key)
            return &schedule;
    }
    return nullptr;
}

core::Id ScheduledJobs::queue(store::Connection& db, const Schedule& schedule, const std::string& queuedAt)
{
    return store::JobRepository(db).create(schedule.kind, std::string(schedule.key), queuedAt);
}

std::vector<core::Id> ScheduledJobs::queueDue(store::Connection& db, std::int64_t after, std::int64_t now)
{
    std::vector<core::Id> out;
    if (now <= after)
        return out;
    // Which schedules have a run time in (after, now], and the latest such time of each: read
    // without the write lock, which is taken only when something is due.
    std::vector<std::pair<const Schedule*, std::int64_t>> due;
    const auto settings = core::SettingsCatalogue::effective(store::SettingRepository(db).stored());
    for (const auto& schedule : all()) {
        const auto it = settings.find(std::string(schedule.key));
        if (it == settings.end() || it->second.empty())
            continue; // disabled
        const auto cron = core::CronExpression::parse(it->second);
        if (!cron)
            continue; // the settings API refuses invalid expressions; an old one is skipped, not guessed at
        auto time = cron->next(after);
        if (!time || *time > now)
            continue;
        for (auto later = cron->next(*time); later && *later <= now; later = cron->next(*time))
            time = later;
        due.emplace_back(&schedule, *time);
    }
    if (due.empty())
        return out;
    store::Transaction tx(db);
    store::JobRepository jobs(db);
    for (const auto& [schedule, time] : due) {
        // Runs are appended in time order, so the newest run of this schedule tells whether this
        // time is taken already; the write lock held since BEGIN makes check and insert one step.
        const std::string dueAt = core::rfc3339(time);
        if (auto last = jobs.latest(schedule->kind, std::string(schedule->key)); last && last->createdAt >= dueAt)
            continue;
        out.push_back(queue(db, *schedule, core::rfc3339(now)));
    }
    tx.commit();
    return out;
}

} // namespace gh::services
