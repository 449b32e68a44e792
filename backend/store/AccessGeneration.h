#pragma once

#include "Database.h"

#include <cstdint>

namespace gh::store {

// The number every write to a portal user's access inputs moves on (migration 5's triggers): the
// users, their customer and role assignments, the ERP roles, the customers and the settings.
std::int64_t accessGeneration(Connection& db);

} // namespace gh::store
