#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <optional>
#include <vector>

namespace gh::store {

class CustomerRepository
{
public:
    explicit CustomerRepository(Connection& connection)
        : m_db(connection)
    {
    }

    core::Id insert(const core::Customer& customer);
    // Writes every field if the stored version equals customer.version; bumps the version.
    // False when the record is missing or stale.
    bool update(const core::Customer& customer);
    bool remove(const std::string& number);
    std::optional<core::Customer> findByNumber(const std::string& number);
    bool exists(const std::string& number);
    std::optional<core::Customer> findById(core::Id id);
    // The customers a portal user is assigned to, ordered by number.
    std::vector<core::Customer> assignedTo(core::Id portalUserId);
    // All members of a STAT family.
    std::vector<core::Customer> statFamily(const std::string& statId);
    std::int64_t count();

private:
    Connection& m_db;
};

} // namespace gh::store
