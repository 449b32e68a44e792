#pragma once

// The admin API's view of jobs and the audit trail: lists, one run, "run now", the test email.

#include "AccountMail.h"
#include "AdminAudit.h"
#include "ScheduledJobs.h"
#include "store/AdminListRepository.h"
#include "store/Database.h"

#include <optional>
#include <string>

namespace gh::services {

class AdminJobs
{
public:
    static store::Page<core::AuditEvent> auditEvents(store::Connection& db, const store::AuditFilter& filter,
                                                     store::PageRequest page);
    static store::Page<store::JobRow> jobs(store::Connection& db, const store::JobFilter& filter,
                                           store::PageRequest page);
    static std::optional<core::JobRun> job(store::Connection& db, core::Id id);
    // The schedule's newest run, if any.
    static std::optional<core::JobRun> lastRun(store::Connection& db, const ScheduledJobs::Schedule& schedule,
                                               const std::string& key);
    // Queues a run of the schedule with its audit event (job_run, run_now) and returns it; the
    // caller wakes the job runner after.
    static core::JobRun runNow(store::Connection& db, const StaffActor& actor, const ScheduledJobs::Schedule& schedule,
                               const std::string& key);
    // Queues the email in its own transaction; the caller wakes the email job after.
    static core::Id queueEmail(store::Connection& db, const AccountMail::Email& email);
};

} // namespace gh::services
