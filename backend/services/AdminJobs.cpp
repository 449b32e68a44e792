#include "AdminJobs.h"

#include "store/JobRepository.h"

namespace gh::services {

store::Page<core::AuditEvent> AdminJobs::auditEvents(store::Connection& db, const store::AuditFilter& filter,
                                                     store::PageRequest page)
{
    return store::AdminListRepository(db).auditEvents(filter, page);
}

store::Page<store::JobRow> AdminJobs::jobs(store::Connection& db, const store::JobFilter& filter,
                                           store::PageRequest page)
{
    return store::AdminListRepository(db).jobs(filter, page);
}

std::optional<core::JobRun> AdminJobs::job(store::Connection& db, core::Id id)
{
    return store::JobRepository(db).find(id);
}

std::optional<core::JobRun> AdminJobs::lastRun(store::Connection& db, const ScheduledJobs::Schedule& schedule,
                                               const std::string& key)
{
    return store::JobRepository(db).latest(schedule.kind, key);
}

core::JobRun AdminJobs::runNow(store::Connection& db, const StaffActor& actor, const ScheduledJobs::Schedule& schedule,
                               const std::string& key)
{
    store::Transaction tx(db);
    const auto id = ScheduledJobs::queue(db, schedule);
    Poco::JSON::Object::Ptr after(new Poco::JSON::Object);
    after->set("schedule", key);
    after->set("kind", std::string(core::toString(schedule.kind)));
    after->set("status", "queued");
    AdminAudit::record(db, actor, "job_run", std::to_string(id), "run_now", nullptr, after);
    auto run = store::JobRepository(db).find(id);
    tx.commit();
    return *run;
}

core::Id AdminJobs::queueEmail(store::Connection& db, const AccountMail::Email& email)
{
    store::Transaction tx(db);
    const auto id = AccountMail::queue(db, email);
    tx.commit();
    return id;
}

} // namespace gh::services
