#pragma once

// Shared by the admin API's handler files: authentication of the bearer token, the paging and
// filter parameters, the JSON shapes of the records and the audit trail of changes.

#include "HttpError.h"
#include "Request.h"
#include "Response.h"
#include "Router.h"
#include "core/Domain.h"
#include "services/AdminAudit.h"
#include "services/AdminRecords.h"
#include "services/RecordJson.h"
#include "services/Services.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace gh::http::admin {

inline constexpr std::string_view kPrefix = "/api/admin/v1";

// Who is calling and from where; every change is audited with it.
struct Context
{
    core::StaffUser staff;
    core::Origin origin = core::Origin::Api; // App when the request says X-Gatehouse-Origin: app
    std::string token;
};

using AdminHandler = std::function<void(Request&, Response&, Context&)>;

// Registers an authenticated admin route under kPrefix. Every method other than GET is a change
// that a viewer may not make (403), except those listed with viewerMayCall.
void addRoute(Router& router, services::Services& services, const std::string& method, const std::string& path,
              AdminHandler handler, bool viewerMayCall = false, RouteOptions options = {});

using services::applySet;
using services::FieldProblem;
using services::FieldProblems;
using services::stringify;
using services::toJson;

// The audit trail's name for the caller.
inline services::StaffActor actorOf(const Context& context)
{
    return {context.staff.email, context.origin};
}

HttpError validationError(const std::vector<FieldProblem>& problems);
HttpError staleError(const std::string& entity, const std::string& key);

// page (>= 1), pageSize (1..999) from the query; 400 naming the parameter otherwise.
store::PageRequest pageRequest(const Request& request, int defaultPageSize = 50);
std::optional<std::string> textFilter(const Request& request, const std::string& name);
std::optional<bool> boolFilter(const Request& request, const std::string& name);
// "name" or "-name" among the allowed fields; 400 naming sort otherwise.
store::SortKey sortKey(const Request& request, const std::vector<std::string>& allowed, const std::string& fallback);
// A required positive integer path parameter; 404 when it is not one.
core::Id idParam(const Request& request, const std::string& name);

Poco::JSON::Object::Ptr pageJson(const Poco::JSON::Array::Ptr& items, store::PageRequest page, std::int64_t total);

// The record's version from a body: 400 naming "version" when missing or not a number.
std::int64_t requiredVersion(const Poco::JSON::Object& body, const std::string& field = "version");

void registerAdminRecordRoutes(Router& router, services::Services& services);
void registerAdminChangeRoutes(Router& router, services::Services& services);
void registerAdminSystemRoutes(Router& router, services::Services& services);

} // namespace gh::http::admin
