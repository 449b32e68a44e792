#include "AdminApi.h"
#include "Routes.h"

#include "core/Text.h"
#include "core/Time.h"
#include "services/RecordErrors.h"
#include "services/StaffAuth.h"

#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <sstream>

namespace gh::http::admin {

void addRoute(Router& router, services::Services& services, const std::string& method, const std::string& path,
              AdminHandler handler, bool viewerMayCall, RouteOptions options)
{
    router.add(
        method, std::string(kPrefix) + path,
        [&services, method, handler = std::move(handler), viewerMayCall](Request& request, Response& response) {
            const std::string authorization = request.header("Authorization");
            std::string token;
            if (authorization.size() > 7 && core::equalsIgnoreCaseAscii(authorization.substr(0, 7), "Bearer "))
                token = std::string(core::trim(authorization.substr(7)));
            std::optional<core::StaffUser> staff;
            {
                auto connection = services.database().acquire();
                staff = services::StaffAuth::authenticate(*connection, token);
            }
            if (!staff) {
                HttpError error(401, "unauthorized",
                                "Sign in with POST /api/admin/v1/session and send the token "
                                "as Authorization: Bearer.");
                error.headers.emplace_back("WWW-Authenticate", "Bearer");
                throw error;
            }
            if (method != "GET" && !viewerMayCall && staff->role != core::StaffRole::Admin)
                throw HttpError(403, "forbidden", "Your staff role may only read.");
            Context context;
            context.staff = *staff;
            context.token = token;
            context.origin = core::equalsIgnoreCaseAscii(request.header("X-Gatehouse-Origin"), "app")
                ? core::Origin::App
                : core::Origin::Api;
            // Staff data never belongs in a shared or browser cache.
            response.setHeader("Cache-Control", "no-store");
            try {
                handler(request, response, context);
            } catch (const FieldProblems& problems) {
                throw validationError(problems.problems());
            } catch (const services::RecordNotFound& missing) {
                throw HttpError::notFound(missing.what());
            } catch (const services::StaleRecord& stale) {
                throw staleError(stale.entity, stale.key);
            } catch (const services::DuplicateRecord& duplicate) {
                Poco::JSON::Array::Ptr details(new Poco::JSON::Array);
                Poco::JSON::Object::Ptr detail(new Poco::JSON::Object);
                detail->set("entity", duplicate.entity);
                detail->set("field", duplicate.field);
                detail->set("value", duplicate.value);
                details->add(detail);
                throw HttpError(409, "duplicate",
                                "A " + duplicate.entity + " with " + duplicate.field + " " + duplicate.value
                                    + " already exists.",
                                details);
            } catch (const services::ActionNotApplicable& notApplicable) {
                throw HttpError(409, notApplicable.code, notApplicable.what());
            } catch (const store::DatabaseError& error) {
                // A unique or foreign key rule that a concurrent change broke between our
                // checks and the write: the caller should reload, as with a stale version.
                if (error.kind() != store::DatabaseError::Kind::Constraint)
                    throw;
                throw HttpError(409, "conflict", "The change conflicts with the stored data; reload and try again.");
            }
        },
        options);
}

HttpError validationError(const std::vector<FieldProblem>& problems)
{
    Poco::JSON::Array::Ptr details(new Poco::JSON::Array);
    std::string message;
    for (const auto& p : problems) {
        Poco::JSON::Object::Ptr detail(new Poco::JSON::Object);
        detail->set("field", p.field);
        detail->set("message", p.message);
        details->add(detail);
        message += (message.empty() ? "" : "; ") + p.field + " " + p.message;
    }
    return HttpError(422, "validation_failed", message, details);
}

HttpError staleError(const std::string& entity, const std::string& key)
{
    Poco::JSON::Array::Ptr details(new Poco::JSON::Array);
    Poco::JSON::Object::Ptr detail(new Poco::JSON::Object);
    detail->set("entity", entity);
    detail->set("key", key);
    details->add(detail);
    return HttpError(409, "stale_version",
                     "The " + entity + " " + key + " was changed by someone else; reload it and try again.", details);
}

namespace {
std::optional<long long> strictNumber(const std::string& text)
{
    if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoll(text);
}
} // namespace

store::PageRequest pageRequest(const Request& request, int defaultPageSize)
{
    store::PageRequest page;
    page.pageSize = defaultPageSize;
    if (auto text = request.query("page")) {
        auto n = strictNumber(*text);
        if (!n || *n < 1)
            throw HttpError::badField("page", "must be a whole number from 1");
        page.page = static_cast<int>(*n);
    }
    if (auto text = request.query("pageSize")) {
        auto n = strictNumber(*text);
        if (!n || *n < 1 || *n > 999)
            throw HttpError::badField("pageSize", "must be a whole number from 1 to 999");
        page.pageSize = static_cast<int>(*n);
    }
    return page;
}

std::optional<std::string> textFilter(const Request& request, const std::string& name)
{
    auto value = request.query(name);
    if (value && value->size() > 200)
        throw HttpError::badField(name, "is longer than 200 characters");
    return value;
}

std::optional<bool> boolFilter(const Request& request, const std::string& name)
{
    auto value = request.query(name);
    if (!value)
        return std::nullopt;
    if (*value == "true")
        return true;
    if (*value == "false")
        return false;
    throw HttpError::badField(name, "must be true or false");
}

store::SortKey sortKey(const Request& request, const std::vector<std::string>& allowed, const std::string& fallback)
{
    auto value = request.query("sort");
    if (!value || value->empty())
        return {fallback, false};
    store::SortKey key;
    key.descending = value->front() == '-';
    key.field = key.descending ? value->substr(1) : *value;
    if (std::find(allowed.begin(), allowed.end(), key.field) == allowed.end()) {
        std::string list;
        for (const auto& a : allowed)
            list += (list.empty() ? "" : ", ") + a;
        throw HttpError::badField("sort", "must be one of " + list + " (prefix - for descending)");
    }
    return key;
}

core::Id idParam(const Request& request, const std::string& name)
{
    auto n = strictNumber(request.param(name));
    if (!n || *n < 1)
        throw HttpError::notFound();
    return *n;
}

Poco::JSON::Object::Ptr pageJson(const Poco::JSON::Array::Ptr& items, store::PageRequest page, std::int64_t total)
{
    Poco::JSON::Object::Ptr out(new Poco::JSON::Object);
    out->set("items", items);
    out->set("page", page.page);
    out->set("pageSize", page.pageSize);
    out->set("total", total);
    return out;
}

std::int64_t requiredVersion(const Poco::JSON::Object& body, const std::string& field)
{
    if (!body.has("version") || !body.get("version").isInteger())
        throw HttpError::badField(field, "the record's current version is required (a whole number)");
    return body.get("version").convert<std::int64_t>();
}

} // namespace gh::http::admin

namespace gh::http {

void registerAdminRoutes(Router& router, services::Services& services)
{
    admin::registerAdminRecordRoutes(router, services);
    admin::registerAdminChangeRoutes(router, services);
    admin::registerAdminSystemRoutes(router, services);
    admin::registerImportExportRoutes(router, services);
}

} // namespace gh::http
