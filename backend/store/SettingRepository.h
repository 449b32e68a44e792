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

} // namespace gh::store
