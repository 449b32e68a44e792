#include "HealthCheck.h"

namespace gh::store {

void HealthCheck::check(Connection& connection)
{
    auto q = connection.query("SELECT 1");
    if (!q.next() || q.integer(0) != 1)
        throw DatabaseError(DatabaseError::Kind::General, "unexpected answer");
}

} // namespace gh::store
