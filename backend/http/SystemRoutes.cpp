#include "HttpError.h"
#include "Request.h"
#include "Response.h"
#include "Routes.h"
#include "services/Health.h"

namespace gh::http {

void registerSystemRoutes(Router& router, services::Services& services)
{
    router.add("GET", "/healthz", [&services](Request&, Response& response) {
        try {
            services::Health::checkDatabase(services);
        } catch (const std::exception& e) {
            services.logger().error(std::string("health check failed: ") + e.what());
            throw HttpError(503, "database_unavailable", "The database does not answer.");
        }
        response.sendJson(200, std::string(R"({"status":"ok"})"));
    });
}

void registerRoutes(Router& router, services::Services& services)
{
    registerSystemRoutes(router, services);
    registerPortalRoutes(router, services);
    registerAdminRoutes(router, services);
    registerPortalPages(router, services);
}

} // namespace gh::http
