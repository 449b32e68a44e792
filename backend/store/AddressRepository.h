#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <vector>

namespace gh::store {

class AddressRepository
{
public:
    explicit AddressRepository(Connection& connection)
        : m_db(connection)
    {
    }
    core::Id insert(const core::Address& address);
    // Invoice address first, then delivery, then other; stable by id within a kind ("My Addresses").
    std::vector<core::Address> forCustomer(core::Id customerId);
    void removeForCustomer(core::Id customerId);

private:
    Connection& m_db;
};

} // namespace gh::store
