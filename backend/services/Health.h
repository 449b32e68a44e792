#pragma once

#include "Services.h"

namespace gh::services {

// The server's health as GET /healthz reports it.
class Health
{
public:
    // Throws (std::exception) when the database does not answer.
    static void checkDatabase(Services& services);
};

} // namespace gh::services
