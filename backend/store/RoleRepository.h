#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <optional>
#include <vector>

namespace gh::store {

class RoleRepository
{
public:
    explicit RoleRepository(Connection& connection)
        : m_db(connection)
    {
    }
    void insert(const core::ErpRole& role); // throws DatabaseError(Constraint) on a duplicate code
    bool update(const core::ErpRole& role); // version-checked
    bool remove(const std::string& code);
    std::optional<core::ErpRole> find(const std::string& code);
    std::vector<core::ErpRole> all();
    // The roles of one portal user.
    std::vector<core::ErpRole> forUser(core::Id portalUserId);

private:
    Connection& m_db;
};

} // namespace gh::store
