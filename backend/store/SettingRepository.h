#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <map>
#include <optional>
#include <vector>

namespace gh::store {

class SettingRepository
{
public:
    explicit SettingRepository(Connection& connection)
        : m_db(connection)
    {
    }
    // Stored values only; lay them over the defaults with core::SettingsCatalogue::effective().
    std::map<std::string, std::string> stored();
    std::vector<core::Setting> storedRecords();
    std::optional<std::string> get(const std::string& key);
    void set(const std::string& key, const std::string& value, const std::string& updatedBy);
    void remove(const std::string& key);

private:
    Connection& m_db;
};

class AuditRepository
{
public:
    explicit AuditRepository(Connection& connection)
        : m_db(connection)
    {
    }
    core::Id append(const core::AuditEvent& event);
    // Newest first.
    std::vector<core::AuditEvent> recent(int limit);
    std::vector<core::AuditEvent> forEntity(const std::string& entity, const std::string& key);

private:
    Connection& m_db;
};

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

private:
    Connection& m_db;
};

class StaffRepository
{
public:
    explicit StaffRepository(Connection& connection)
        : m_db(connection)
    {
    }
    core::Id insert(const core::StaffUser& staff); // throws DatabaseError(Constraint) on a duplicate email
    std::optional<core::StaffUser> findByEmail(const std::string& email);
    std::optional<core::StaffUser> findById(core::Id id);
    void setPasswordHash(core::Id id, const std::string& hash);

private:
    Connection& m_db;
};

} // namespace gh::store
