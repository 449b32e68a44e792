#include "ExportRepository.h"

#include "core/Time.h"

namespace gh::store {
namespace {

constexpr std::string_view kSelect = "SELECT id, entity, options_json, status, progress, file_path, row_count, "
                                     "error_report, staff_id, created_at, finished_at FROM exports ";

ExportRepository::Row rowOf(Query& q)
{
    ExportRepository::Row row;
    row.id = q.integer(0);
    row.entity = q.text(1);
    row.optionsJson = q.text(2);
    row.status = q.text(3);
    row.progress = static_cast<int>(q.integer(4));
    row.filePath = q.text(5);
    row.rowCount = q.integer(6);
    row.errorReport = q.text(7);
    if (!q.isNull(8))
        row.staffId = q.integer(8);
    row.createdAt = q.text(9);
    row.finishedAt = q.text(10);
    return row;
}

} // namespace

core::Id ExportRepository::create(const std::string& entity, const std::string& optionsJson,
                                  std::optional<core::Id> staffId)
{
    auto q = m_db.query("INSERT INTO exports (entity, options_json, status, staff_id, created_at) "
                        "VALUES (?, ?, 'queued', ?, ?) RETURNING id",
                        entity, optionsJson, staffId, core::nowRfc3339());
    q.next();
    return q.integer(0);
}

std::optional<ExportRepository::Row> ExportRepository::find(core::Id id)
{
    static const std::string sql = std::string(kSelect) + "WHERE id = ?";
    auto q = m_db.query(sql, id);
    if (!q.next())
        return std::nullopt;
    return rowOf(q);
}

std::vector<ExportRepository::Row> ExportRepository::list(int offset, int limit)
{
    static const std::string sql = std::string(kSelect) + "ORDER BY id DESC LIMIT ? OFFSET ?";
    auto q = m_db.query(sql, limit, offset);
    std::vector<Row> rows;
    while (q.next())
        rows.push_back(rowOf(q));
    return rows;
}

std::int64_t ExportRepository::count()
{
    auto q = m_db.query("SELECT COUNT(*) FROM exports");
    return q.next() ? q.integer(0) : 0;
}

std::optional<ExportRepository::Row> ExportRepository::claimNext()
{
    while (true) {
        core::Id id = 0;
        {
            auto q = m_db.query("SELECT id FROM exports WHERE status = 'queued' ORDER BY id LIMIT 1");
            if (!q.next())
                return std::nullopt;
            id = q.integer(0);
        }
        m_db.query("UPDATE exports SET status = 'running', progress = 0 WHERE id = ? AND status = 'queued'", id).run();
        if (m_db.changes() == 1)
            return find(id);
    }
}

void ExportRepository::setProgress(core::Id id, int percent, std::int64_t rows)
{
    m_db.query("UPDATE exports SET progress = ?, row_count = ? WHERE id = ?", percent, rows, id).run();
}

void ExportRepository::finish(core::Id id, const std::string& status, const std::string& filePath, std::int64_t rows,
                              const std::string& errorReport)
{
    m_db.query("UPDATE exports SET status = ?, progress = CASE WHEN ? = 'done' THEN 100 ELSE progress END, "
               "file_path = ?, row_count = ?, error_report = ?, finished_at = ? WHERE id = ?",
               status, status, filePath, rows, errorReport, core::nowRfc3339(), id)
        .run();
}

std::int64_t ExportRepository::failRunning(const std::string& why)
{
    m_db.query("UPDATE exports SET status = 'failed', error_report = ?, finished_at = ? WHERE status = 'running'", why,
               core::nowRfc3339())
        .run();
    return m_db.changes();
}

bool ExportRepository::remove(core::Id id)
{
    m_db.query("DELETE FROM exports WHERE id = ?", id).run();
    return m_db.changes() == 1;
}

} // namespace gh::store
