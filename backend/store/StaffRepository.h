#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gh::store {

class StaffRepository
{
public:
    explicit StaffRepository(Connection& connection)
        : m_db(connection)
    {
    }
    core::Id insert(const core::StaffUser& staff); // throws DatabaseError(Constraint) on a duplicate email
    std::optional<core::StaffUser> findByEmail(const std::string& email);
    std::optional<core::StaffUser> findById(core::Id id);
    void setPasswordHash(core::Id id, const std::string& hash);

private:
    Connection& m_db;
};

} // namespace gh::store
