#pragma once

#include "Database.h"

namespace gh::store {

// Whether the database answers a query at all (GET /healthz).
class HealthCheck
{
public:
    // Throws DatabaseError when it does not.
    static void check(Connection& connection);
};

} // namespace gh::store
