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

} // namespace gh::store
