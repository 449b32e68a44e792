#pragma once

#include "Router.h"
#include "services/Services.h"

namespace gh::http {

// Every route the server serves. Each API area registers itself here, in one place, so the
// OpenAPI check and the tests see the same table the server uses.
void registerRoutes(Router& router, services::Services& services);

void registerSystemRoutes(Router& router, services::Services& services);
// The portal JSON API, /api/portal/v1 (PortalAccountRoutes.cpp, PortalRoutes.cpp).
void registerPortalRoutes(Router& router, services::Services& services);
// The staff API under /api/admin/v1 and GET /preview/open (AdminApi*.cpp).
void registerAdminRoutes(Router& router, services::Services& services);
// The browser portal's pages and assets at "/" (a GET catch-all; literal routes win over it).
void registerPortalPages(Router& router, services::Services& services);

} // namespace gh::http
