#include "HttpError.h"
#include "Request.h"
#include "Response.h"
#include "Routes.h"

namespace gh::http {

void registerSystemRoutes(Router& router, services::Services& services)
{
    router.add("GET", "/healthz", [&services](Request&, Response& response) {
        try {
            auto connection = services.database().acquire();
            auto q = connection->query("SELECT 1");
            if (!q.next() || q.integer(0) != 1)
                throw store::DatabaseError(store::DatabaseError::Kind::General, "unexpected answer");
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
