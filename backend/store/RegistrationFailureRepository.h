#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <optional>
#include <string>

namespace gh::store {

// Failed registration attempts (migration 8), kept per customer number as typed (normalised) and per
// client address, so guessing a document's amount can be throttled on either.
class RegistrationFailureRepository
{
public:
    explicit RegistrationFailureRepository(Connection& connection)
        : m_db(connection)
    {
    }
    // Returns the new row's id; rows older than `keepSince` for this number and client go.
    core::Id record(const std::string& customerNumber, const std::string& client, std::int64_t now,
                    std::int64_t keepSince);
    void remove(core::Id id);
    // When the n-th most recent failure since `since` happened (1-based), if there are that many.
    std::optional<std::int64_t> nthRecentForCustomer(const std::string& customerNumber, std::int64_t since, int n);
    std::optional<std::int64_t> nthRecentForClient(const std::string& client, std::int64_t since, int n);
    std::int64_t countForCustomer(const std::string& customerNumber, std::int64_t since);
    std::int64_t countForClient(const std::string& client, std::int64_t since);

private:
    Connection& m_db;
};

} // namespace gh::store
