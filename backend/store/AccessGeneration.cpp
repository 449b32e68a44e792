#include "AccessGeneration.h"

namespace gh::store {

std::int64_t accessGeneration(Connection& db)
{
    auto q = db.query("SELECT n FROM access_generation WHERE id = 1");
    if (!q.next())
        throw DatabaseError(DatabaseError::Kind::General, "access_generation has no row (migration 5 missing?)");
    return q.integer(0);
}

} // namespace gh::store
