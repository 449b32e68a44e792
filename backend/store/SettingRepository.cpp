#include "SettingRepository.h"

#include "core/Text.h"
#include "core/Time.h"

namespace gh::store {

std::map<std::string, std::string> SettingRepository::stored()
{
    std::map<std::string, std::string> out;
    auto q = m_db.query("SELECT key, value FROM settings");
    while (q.next())
        out.emplace(q.text(0), q.text(1));
    return out;
}

std::vector<core::Setting> SettingRepository::storedRecords()
{
    std::vector<core::Setting> out;
    auto q = m_db.query("SELECT key, value, updated_by, updated_at FROM settings ORDER BY key");
    while (q.next())
        out.push_back({q.text(0), q.text(1), q.text(2), q.text(3)});
    return out;
}

std::optional<std::string> SettingRepository::get(const std::string& key)
{
    auto q = m_db.query("SELECT value FROM settings WHERE key = ?", key);
    if (!q.next())
        return std::nullopt;
    return q.text(0);
}

void SettingRepository::set(const std::string& key, const std::string& value, const std::string& updatedBy)
{
    m_db.query("INSERT INTO settings (key, value, updated_by, updated_at) VALUES (?, ?, ?, ?) "
               "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, "
               "updated_at = excluded.updated_at",
               key, value, updatedBy, core::nowRfc3339())
        .run();
}

void SettingRepository::remove(const std::string& key)
{
    m_db.query("DELETE FROM settings WHERE key = ?", key).run();
}

// --- audit ---------------------------------------------------------------------------------------

namespace {
constexpr std::string_view kAuditSelect = "SELECT id, at, actor_kind, actor, entity, entity_key, action, before_json, "
                                          "after_json, origin FROM audit_events ";

core::AuditEvent readAudit(Query& q)
{
    core::AuditEvent e;
    e.id = q.integer(0);
    e.at = q.text(1);
    e.actorKind = q.text(2);
    e.actor = q.text(3);
    e.entity = q.text(4);
    e.entityKey = q.text(5);
    e.action = q.text(6);
    e.before = q.text(7);
    e.after = q.text(8);
    e.origin = core::parseEnum<core::Origin>(q.textView(9)).value_or(core::Origin::Api);
    return e;
}
} // namespace

core::Id AuditRepository::append(const core::AuditEvent& e)
{
    auto q = m_db.query("INSERT INTO audit_events (at, actor_kind, actor, entity, entity_key, action, before_json, "
                        "after_json, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                        e.at.empty() ? core::nowRfc3339() : e.at, e.actorKind, e.actor, e.entity, e.entityKey, e.action,
                        e.before, e.after, core::toString(e.origin));
    q.next();
    return q.integer(0);
}

std::vector<core::AuditEvent> AuditRepository::recent(int limit)
{
    static const std::string sql = std::string(kAuditSelect) + "ORDER BY id DESC LIMIT ?";
    std::vector<core::AuditEvent> out;
    auto q = m_db.query(sql, limit);
    while (q.next())
        out.push_back(readAudit(q));
    return out;
}

std::vector<core::AuditEvent> AuditRepository::forEntity(const std::string& entity, const std::string& key)
{
    static const std::string sql = std::string(kAuditSelect) + "WHERE entity = ? AND entity_key = ? ORDER BY id";
    std::vector<core::AuditEvent> out;
    auto q = m_db.query(sql, entity, key);
    while (q.next())
        out.push_back(readAudit(q));
    return out;
}

// --- jobs ----------------------------------------------------------------------------------------

namespace {
constexpr std::string_view kJobSelect = "SELECT id, kind, name, status, progress, counts_json, error_report, file, "
                                        "created_at, started_at, finished_at FROM job_runs ";

core::JobRun readJob(Query& q)
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
} // namespace

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
    static const std::string sql = std::string(kJobSelect) + "WHERE kind = ? AND name = ? ORDER BY id DESC LIMIT 1";
    auto q = m_db.query(sql, core::toString(kind), name);
    if (!q.next())
        return std::nullopt;
    return readJob(q);
}

std::vector<core::JobRun> JobRepository::queued(core::Id afterId, int limit)
{
    static const std::string sql = std::string(kJobSelect) + "WHERE id > ? AND status = 'queued' ORDER BY id LIMIT ?";
    std::vector<core::JobRun> out;
    auto q = m_db.query(sql, afterId, limit);
    while (q.next())
        out.push_back(readJob(q));
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
    static const std::string sql = std::string(kJobSelect) + "WHERE id = ?";
    auto q = m_db.query(sql, id);
    if (!q.next())
        return std::nullopt;
    return readJob(q);
}

std::vector<core::JobRun> JobRepository::recent(int limit)
{
    static const std::string sql = std::string(kJobSelect) + "ORDER BY id DESC LIMIT ?";
    std::vector<core::JobRun> out;
    auto q = m_db.query(sql, limit);
    while (q.next())
        out.push_back(readJob(q));
    return out;
}

std::int64_t JobRepository::queuedExports()
{
    auto q = m_db.query("SELECT COUNT(*) FROM exports WHERE status = 'queued'");
    return q.next() ? q.integer(0) : 0;
}

// --- staff ---------------------------------------------------------------------------------------

namespace {
core::StaffUser readStaff(Query& q)
{
    core::StaffUser s;
    s.id = q.integer(0);
    s.email = q.text(1);
    s.passwordHash = q.text(2);
    s.role = core::parseEnum<core::StaffRole>(q.textView(3)).value_or(core::StaffRole::Viewer);
    s.disabled = q.boolean(4);
    return s;
}
} // namespace

core::Id StaffRepository::insert(const core::StaffUser& s)
{
    auto q = m_db.query("INSERT INTO staff_users (email, password_hash, role, disabled, created_at) "
                        "VALUES (?, ?, ?, ?, ?) RETURNING id",
                        core::toLowerAscii(s.email), s.passwordHash, core::toString(s.role), s.disabled,
                        core::nowRfc3339());
    q.next();
    return q.integer(0);
}

std::optional<core::StaffUser> StaffRepository::findByEmail(const std::string& email)
{
    auto q = m_db.query("SELECT id, email, password_hash, role, disabled FROM staff_users WHERE email = ?",
                        core::toLowerAscii(email));
    if (!q.next())
        return std::nullopt;
    return readStaff(q);
}

std::optional<core::StaffUser> StaffRepository::findById(core::Id id)
{
    auto q = m_db.query("SELECT id, email, password_hash, role, disabled FROM staff_users WHERE id = ?", id);
    if (!q.next())
        return std::nullopt;
    return readStaff(q);
}

void StaffRepository::setPasswordHash(core::Id id, const std::string& hash)
{
    m_db.query("UPDATE staff_users SET password_hash = ? WHERE id = ?", hash, id).run();
}

} // namespace gh::store
