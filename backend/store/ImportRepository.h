#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <optional>
#include <string>
#include <vector>

namespace gh::store {

// The imports table: one uploaded file, its options and where its run stands. The check report and
// the run's counts are kept as JSON (result_json) as the API answers them.
class ImportRepository
{
public:
    struct Row
    {
        core::Id id = 0;
        std::string entity;
        std::string optionsJson;
        std::string filePath;
        std::string status; // uploaded, checking, checked, running, done, failed
        int progress = 0;
        std::string resultJson;
        std::optional<core::Id> staffId;
        std::string createdAt;
        std::string updatedAt;
    };

    explicit ImportRepository(Connection& connection)
        : m_db(connection)
    {
    }
    core::Id create(const std::string& entity, const std::string& optionsJson, const std::string& filePath,
                    std::optional<core::Id> staffId);
    void setFilePath(core::Id id, const std::string& filePath);
    std::optional<Row> find(core::Id id);
    std::vector<Row> recent(int limit);
    // Moves the import to `to` only while its status is one of `from`: true for exactly one caller.
    bool transition(core::Id id, const std::vector<std::string>& from, const std::string& to);
    void finish(core::Id id, const std::string& status, int progress, const std::string& resultJson);
    bool remove(core::Id id);

private:
    Connection& m_db;
};

} // namespace gh::store
