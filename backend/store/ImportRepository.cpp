#include "ImportRepository.h"

#include "core/Time.h"

namespace gh::store {
namespace {

constexpr std::string_view kSelect = "SELECT id, entity, options_json, file_path, status, progress, result_json, "
                                     "staff_id, created_at, updated_at FROM imports ";

ImportRepository::Row rowOf(Query& q)
{
    ImportRepository::Row row;
    row.id = q.integer(0);
    row.entity = q.text(1);
    row.optionsJson = q.text(2);
    row.filePath = q.text(3);
    row.status = q.text(4);
    row.progress = static_cast<int>(q.integer(5));
    row.resultJson = q.text(6);
    if (!q.isNull(7))
        row.staffId = q.integer(7);
    row.createdAt = q.text(8);
    row.updatedAt = q.text(9);
    return row;
}

} // namespace

core::Id ImportRepository::create(const std::string& entity, const std::string& optionsJson,
                                  const std::string& filePath, std::optional<core::Id> staffId)
{
    const auto now = core::nowRfc3339();
    auto q = m_db.query("INSERT INTO imports (entity, options_json, file_path, status, staff_id, created_at, "
                        "updated_at) VALUES (?, ?, ?, 'uploaded', ?, ?, ?) RETURNING id",
                        entity, optionsJson, filePath, staffId, now, now);
    q.next();
    return q.integer(0);
}

void ImportRepository::setFilePath(core::Id id, const std::string& filePath)
{
    m_db.query("UPDATE imports SET file_path = ? WHERE id = ?", filePath, id).run();
}

std::optional<ImportRepository::Row> ImportRepository::find(core::Id id)
{
    static const std::string sql = std::string(kSelect) + "WHERE id = ?";
    auto q = m_db.query(sql, id);
    if (!q.next())
        return std::nullopt;
    return rowOf(q);
}

std::vector<ImportRepository::Row> ImportRepository::recent(int limit)
{
    static const std::string sql = std::string(kSelect) + "ORDER BY id DESC LIMIT ?";
    auto q = m_db.query(sql, limit);
    std::vector<Row> rows;
    while (q.next())
        rows.push_back(rowOf(q));
    return rows;
}

bool ImportRepository::transition(core::Id id, const std::vector<std::string>& from, const std::string& to)
{
    for (const auto& status : from) {
        m_db.query("UPDATE imports SET status = ?, updated_at = ? WHERE id = ? AND status = ?", to, core::nowRfc3339(),
                   id, status)
            .run();
        if (m_db.changes() == 1)
            return true;
    }
    return false;
}

void ImportRepository::finish(core::Id id, const std::string& status, int progress, const std::string& resultJson)
{
    m_db.query("UPDATE imports SET status = ?, progress = ?, result_json = ?, updated_at = ? WHERE id = ?", status,
               progress, resultJson, core::nowRfc3339(), id)
        .run();
}

bool ImportRepository::remove(core::Id id)
{
    m_db.query("DELETE FROM imports WHERE id = ?", id).run();
    return m_db.changes() == 1;
}

} // namespace gh::store
