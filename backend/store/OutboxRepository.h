#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <cstdint>
#include <string>
#include <vector>

namespace gh::store {

// Emails waiting to go out (table outbox). Several server instances may share one database: a row is
// leased (claimed_until) by whoever sends it.
class OutboxRepository
{
public:
    struct Row
    {
        core::Id id = 0;
        std::string to, from, subject, body, attachments;
        int attempts = 0;
    };

    explicit OutboxRepository(Connection& connection)
        : m_db(connection)
    {
    }
    // attachmentsJson: a JSON array of document ids. Returns the new row's id.
    core::Id queue(const std::string& to, const std::string& from, const std::string& subject, const std::string& body,
                   const std::string& attachmentsJson, const std::string& createdAt);
    // The oldest queued rows whose lease ran out, at most limit.
    std::vector<Row> due(std::int64_t now, int limit);
    // Leases the row until leaseUntil while it is still queued and unleased: true for exactly one caller.
    bool claim(core::Id id, std::int64_t now, std::int64_t leaseUntil);
    void markSent(core::Id id, const std::string& sentAt);
    // One more failed attempt; giveUp ends it failed, else it is queued again.
    void markFailed(core::Id id, bool giveUp, const std::string& error);

private:
    Connection& m_db;
};

} // namespace gh::store
