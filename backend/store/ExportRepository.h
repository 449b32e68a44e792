#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <optional>
#include <string>
#include <vector>

namespace gh::store {

// The export queue (table exports): queued by staff, worked through by the export-queue job.
class ExportRepository
{
public:
    struct Row
    {
        core::Id id = 0;
        std::string entity;
        std::string optionsJson;
        std::string status; // queued, running, done, failed
        int progress = 0;
        std::string filePath;
        std::int64_t rowCount = 0;
        std::string errorReport;
        std::optional<core::Id> staffId;
        std::string createdAt;
        std::string finishedAt;
    };

    explicit ExportRepository(Connection& connection)
        : m_db(connection)
    {
    }
    core::Id create(const std::string& entity, const std::string& optionsJson, std::optional<core::Id> staffId);
    std::optional<Row> find(core::Id id);
    // Newest first.
    std::vector<Row> list(int offset, int limit);
    std::int64_t count();
    // The oldest queued export, now running (claimed: exactly one caller gets it).
    std::optional<Row> claimNext();
    void setProgress(core::Id id, int percent, std::int64_t rows);
    void finish(core::Id id, const std::string& status, const std::string& filePath, std::int64_t rows,
                const std::string& errorReport);
    // Running exports of a server that stopped end failed.
    std::int64_t failRunning(const std::string& why);
    bool remove(core::Id id);

private:
    Connection& m_db;
};

} // namespace gh::store
