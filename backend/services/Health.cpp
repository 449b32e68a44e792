#include "Health.h"

#include "store/HealthCheck.h"

namespace gh::services {

void Health::checkDatabase(Services& services)
{
    auto connection = services.database().acquire();
    store::HealthCheck::check(*connection);
}

} // namespace gh::services
