#include "JobRepository.h"

#include "core/Time.h"

namespace gh::store {

namespace {
const std::string kJobSelect = "SELECT " + std::string(JobRepository::kColumns) + " FROM job_runs ";
} // namespace

core::JobRun JobRepository::read(Query& q)
{
    core::JobRun j;
    j.id = q.integer(0);
    j.kind = core::parseEnum<core::JobKind>(q.textView(1)).value_or(core::JobKind::Import);
    j.name = q.text(2);
    j.status = core::parseEnum<core::JobStatus>(q.textView(3)).value_or(core::JobStatus::Failed);
    j.progress = static_cast<int>(q.integer(4));
    j.counts = q.text(5);
    j.errorReport = q.text(6);
    j.file = q.text(7);
    j.createdAt = q.text(8);
    j.startedAt = q.text(9);
    j.finishedAt = q.text(10);
    return j;
}

core::Id JobRepository::create(core::JobKind kind, const std::string& name, const std::string& createdAt)
{
    auto q = m_db.query("INSERT INTO job_runs (kind, name, status, created_at) VALUES (?, ?, 'queued', ?) RETURNING id",
                        core::toString(kind), name, createdAt.empty() ? core::nowRfc3339() : createdAt);
    q.next();
    return q.integer(0);
}

std::optional<core::JobRun> JobRepository::latest(core::JobKind kind, const std::string& name)
{
    // The kind narrows the walk to that kind's runs through the (kind, id) index, newest first.
    static const std::string sql = kJobSelect + "WHERE kind = ? AND name = ? ORDER BY id DESC LIMIT 1";
    auto q = m_db.query(sql, core::toString(kind), name);
    if (!q.next())
        return std::nullopt;
    return read(q);
}

std::vector<core::JobRun> JobRepository::queued(core::Id afterId, int limit)
{
    static const std::string sql = kJobSelect + "WHERE id > ? AND status = 'queued' ORDER BY id LIMIT ?";
    std::vector<core::JobRun> out;
    auto q = m_db.query(sql, afterId, limit);
    while (q.next())
        out.push_back(read(q));
    return out;
}

bool JobRepository::claim(core::Id id, const std::string& startedAt, std::int64_t leaseUntil)
{
    m_db.query("UPDATE job_runs SET status = 'running', progress = 0, started_at = ?, lease_until = ? "
               "WHERE id = ? AND status = 'queued'",
               startedAt, leaseUntil, id)
        .run();
    return m_db.changes() == 1;
}

void JobRepository::setProgress(core::Id id, int percent, const std::string& countsJson, std::int64_t leaseUntil)
{
    m_db.query("UPDATE job_runs SET progress = ?, counts_json = ?, lease_until = ? WHERE id = ? AND status = 'running'",
               percent, countsJson, leaseUntil, id)
        .run();
}

std::int64_t JobRepository::failAbandoned(std::int64_t now, const std::string& finishedAt)
{
    // Runners look every second: read first, so that the write lock is taken only when there is
    // something to mark.
    {
        auto q = m_db.query("SELECT 1 FROM job_runs WHERE status = 'running' AND lease_until < ? LIMIT 1", now);
        if (!q.next())
            return 0;
    }
    m_db.query("UPDATE job_runs SET status = 'failed', lease_until = 0, finished_at = ?, error_report = "
               "'The server that was running this run stopped before it finished (no sign of progress since its "
               "lease ran out). Whatever the run had written in its own transactions stays; run it again.' "
               "WHERE status = 'running' AND lease_until < ?",
               finishedAt, now)
        .run();
    return m_db.changes();
}

void JobRepository::update(const core::JobRun& j)
{
    m_db.query("UPDATE job_runs SET status = ?, progress = ?, counts_json = ?, error_report = ?, file = ?, "
               "started_at = ?, finished_at = ?, lease_until = 0 WHERE id = ?",
               core::toString(j.status), j.progress, j.counts, j.errorReport, j.file, j.startedAt, j.finishedAt, j.id)
        .run();
}

std::int64_t JobRepository::removeEarlierAlike(const core::JobRun& j)
{
    m_db.query("DELETE FROM job_runs WHERE name = ? AND kind = ? AND id < ? AND status = 'done' AND counts_json = ? "
               "AND error_report = ''",
               j.name, core::toString(j.kind), j.id, j.counts)
        .run();
    return m_db.changes();
}

std::optional<core::JobRun> JobRepository::find(core::Id id)
{
    static const std::string sql = kJobSelect + "WHERE id = ?";
    auto q = m_db.query(sql, id);
    if (!q.next())
        return std::nullopt;
    return read(q);
}

std::vector<core::JobRun> JobRepository::recent(int limit)
{
    static const std::string sql = kJobSelect + "ORDER BY id DESC LIMIT ?";
    std::vector<core::JobRun> out;
    auto q = m_db.query(sql, limit);
    while (q.next())
        out.push_back(read(q));
    return out;
}

std::int64_t JobRepository::queuedExports()
{
    auto q = m_db.query("SELECT COUNT(*) FROM exports WHERE status = 'queued'");
    return q.next() ? q.integer(0) : 0;
}

} // namespace gh::store
