#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <optional>
#include <vector>

namespace gh::store {

class ContactRepository
{
public:
    explicit ContactRepository(Connection& connection)
        : m_db(connection)
    {
    }
    core::Id insert(const core::Contact& contact);
    // Version-checked; false when missing or stale.
    bool update(const core::Contact& contact);
    bool remove(core::Id id);
    std::optional<core::Contact> findById(core::Id id);
    bool exists(core::Id id);
    std::optional<core::Contact> findByEmail(core::Id customerId, const std::string& email);
    std::vector<core::Contact> forCustomer(core::Id customerId);
    // The contacts with this e-mail at any customer (the portal user's per-customer rights).
    std::vector<core::Contact> withEmail(const std::string& email);

private:
    Connection& m_db;
};

} // namespace gh::store
