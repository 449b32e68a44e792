#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <optional>
#include <vector>

namespace gh::store {

// Portal logins with their assigned customers and ERP roles. Emails are stored in lower case, which
// makes them unique regardless of letter case.
class PortalUserRepository
{
public:
    explicit PortalUserRepository(Connection& connection)
        : m_db(connection)
    {
    }
    // Inserts the user and its assigned customers (by number) and roles; throws DatabaseError on a
    // duplicate email or an unknown customer/role.
    core::Id insert(const core::PortalUser& user);
    // Version-checked update of every field, assignments and roles included.
    bool update(const core::PortalUser& user);
    bool remove(core::Id id);
    std::optional<core::PortalUser> findById(core::Id id);
    std::optional<core::PortalUser> findByEmail(const std::string& email);
    void setPasswordHash(core::Id id, const std::string& hash);
    void setStatus(core::Id id, core::PortalUserStatus status);
    // Users assigned to a customer (for sub-account lists and "first user of the account").
    std::vector<core::PortalUser> assignedToCustomer(core::Id customerId);
    // Whether any portal user is assigned to the customer.
    bool anyAssignedTo(core::Id customerId);

private:
    void writeAssignments(const core::PortalUser& user, core::Id id);
    core::PortalUser load(Query& q);
    Connection& m_db;
};

} // namespace gh::store
