#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <cstdint>
#include <optional>
#include <string>

namespace gh::store {

// The desktop app's "all customers / all contacts" switches.
class BulkRepository
{
public:
    explicit BulkRepository(Connection& connection)
        : m_db(connection)
    {
    }
    std::int64_t countPortalAccessChanges(bool enable);
    std::int64_t setPortalAccess(bool enable);
    // permission: "canRegister", "makePayment" or a section bit (sectionBit >= 0).
    std::int64_t countContactPermissionChanges(const std::string& column, int sectionBit, bool value);
    std::int64_t setContactPermission(const std::string& column, int sectionBit, bool value);

private:
    Connection& m_db;
};

} // namespace gh::store
