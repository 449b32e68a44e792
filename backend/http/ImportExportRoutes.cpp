// Admin API: CSV import (upload, Check Data, run, status, change report, sample files) and export
// jobs (queue, list, file, delete). The handlers parse and answer; ImportService and ExportService
// decide.

#include "AdminApi.h"
#include "UploadBody.h"

#include "services/ExportService.h"
#include "services/ImportExportError.h"
#include "services/ImportService.h"

#include <Poco/JSON/Parser.h>

namespace gh::http::admin {
namespace {

using services::ImportExportError;

HttpError toHttp(const ImportExportError& e)
{
    switch (e.kind()) {
    case ImportExportError::Kind::NotFound:
        return HttpError(404, e.code(), e.what());
    case ImportExportError::Kind::Conflict:
        return HttpError(409, e.code(), e.what());
    case ImportExportError::Kind::BadParameter:
        return HttpError::badField(e.field(), e.what());
    case ImportExportError::Kind::Invalid:
        break;
    }
    Poco::JSON::Array::Ptr details(new Poco::JSON::Array);
    Poco::JSON::Object::Ptr item(new Poco::JSON::Object);
    item->set("field", e.field());
    item->set("message", std::string(e.what()));
    details->add(item);
    return HttpError(422, e.code(), e.what(), details);
}

// Runs a service call, answering its refusals as API.md's errors.
template <typename F> auto serve(F&& f) -> decltype(f())
{
    try {
        return f();
    } catch (const ImportExportError& e) {
        throw toHttp(e);
    }
}

Poco::JSON::Object::Ptr parse(const std::string& json)
{
    Poco::JSON::Parser parser;
    return parser.parse(json).extract<Poco::JSON::Object::Ptr>();
}

Poco::JSON::Object::Ptr importJson(const services::ImportService::Status& status)
{
    const auto& row = status.row;
    Poco::JSON::Object::Ptr o(new Poco::JSON::Object);
    o->set("id", row.id);
    o->set("entity", row.entity);
    o->set("status", row.status);
    o->set("progress", status.progress);
    auto result = parse(row.resultJson.empty() ? "{}" : row.resultJson);
    for (const char* key : {"created", "updated", "unchanged", "deleted", "skipped", "rows", "errorCount"})
        o->set(key, result->has(key) ? result->get(key) : Poco::Dynamic::Var(0));
    o->set("errors",
           result->has("errors") ? result->get("errors")
                                 : Poco::Dynamic::Var(Poco::JSON::Array::Ptr(new Poco::JSON::Array)));
    o->set("valid", result->has("valid") ? result->get("valid") : Poco::Dynamic::Var());
    o->set("message", result->has("message") ? result->get("message") : Poco::Dynamic::Var(std::string()));
    o->set("options", parse(row.optionsJson));
    o->set("reportAvailable", row.status == "done");
    o->set("createdAt", row.createdAt);
    o->set("updatedAt", row.updatedAt);
    return o;
}

Poco::JSON::Object::Ptr exportJson(const store::ExportRepository::Row& row)
{
    Poco::JSON::Object::Ptr o(new Poco::JSON::Object);
    o->set("id", row.id);
    o->set("entity", row.entity);
    o->set("status", row.status);
    o->set("progress", row.progress);
    o->set("rows", row.rowCount);
    o->set("options", parse(row.optionsJson));
    o->set("errorReport", row.errorReport);
    o->set("fileName", row.status == "done" ? row.entity + "-" + std::to_string(row.id) + ".csv" : std::string());
    o->set("createdAt", row.createdAt);
    o->set("finishedAt", row.finishedAt);
    return o;
}

char oneChar(const Poco::JSON::Object& body, const std::string& name, char fallback)
{
    if (!body.has(name) || body.get(name).isEmpty())
        return fallback;
    const auto value = body.get(name);
    if (!value.isString())
        throw HttpError::badField(name, "must be a one-character string");
    const auto text = value.extract<std::string>();
    if (text == "\\t" || text == "tab")
        return '\t';
    if (text.size() != 1)
        throw HttpError::badField(name, "must be one character");
    return text[0];
}

services::ExportService::Options exportOptions(const Poco::JSON::Object& body)
{
    services::ExportService::Options options;
    options.enclosure = oneChar(body, "enclosure", '"');
    options.separator = oneChar(body, "separator", ',');
    options.multiSeparator = oneChar(body, "multiSeparator", '|');
    if (body.has("exclude") && !body.get("exclude").isEmpty()) {
        auto list = body.getArray("exclude");
        if (!list)
            throw HttpError::badField("exclude", "must be a list of column names");
        for (std::size_t i = 0; i < list->size(); ++i) {
            const auto item = list->get(static_cast<unsigned>(i));
            if (!item.isString())
                throw HttpError::badField("exclude", "must be a list of column names");
            options.exclude.push_back(item.extract<std::string>());
        }
    }
    if (body.has("filters") && !body.get("filters").isEmpty()) {
        auto filters = body.getObject("filters");
        if (!filters)
            throw HttpError::badField("filters", "must be an object of column name -> value");
        for (const auto& [name, value] : *filters) {
            if (!value.isString())
                throw HttpError::badField("filters." + name, "must be a string");
            options.filters[name] = value.extract<std::string>();
        }
    }
    return options;
}

} // namespace

void registerImportExportRoutes(Router& router, services::Services& services)
{
    RouteOptions upload;
    upload.maxBodyBytes = services::ImportService::kMaxUploadBytes;
    addRoute(
        router, services, "POST", "/imports",
        [&services](Request& request, Response& response, Context& context) {
            // Everything that can refuse the upload is decided before its body is read.
            UploadBody::refuseDeclaredOver(request, services::ImportService::kMaxUploadBytes);
            if (request.contentType() != "text/csv")
                throw HttpError(415, "unsupported_media_type", "Send the file as Content-Type: text/csv.");
            const auto& entity = serve([&]() -> const core::ImportEntity& {
                return services::ImportService::entity(request.query("entity").value_or(""));
            });
            std::vector<services::ImportOptions::Problem> problems;
            const auto options = services::ImportOptions::parse(
                [&](const std::string& name) { return request.query(name); }, &problems);
            if (!problems.empty())
                throw HttpError::badField(problems.front().parameter, problems.front().message);
            services::ImportService imports(services);
            const std::string staged = imports.stagingPath();
            const auto bytes = UploadBody::saveTo(request, staged, services::ImportService::kMaxUploadBytes);
            const auto id = imports.create(entity, options, staged, bytes, context.staff);
            Poco::JSON::Object body;
            body.set("id", id);
            body.set("status", std::string("uploaded"));
            body.set("entity", std::string(entity.name()));
            body.set("bytes", bytes);
            response.sendJson(201, body);
        },
        false, upload);

    addRoute(router, services, "GET", "/imports", [&services](Request& request, Response& response, Context&) {
        const auto page = pageRequest(request, 20);
        services::ImportService imports(services);
        Poco::JSON::Array::Ptr items(new Poco::JSON::Array);
        const auto all = serve([&] { return imports.recent(page.page * page.pageSize); });
        for (std::size_t i = static_cast<std::size_t>((page.page - 1) * page.pageSize); i < all.size(); ++i)
            items->add(importJson(all[i]));
        response.sendJson(200, stringify(pageJson(items, page, static_cast<std::int64_t>(all.size()))));
    });

    addRoute(router, services, "GET", "/imports/sample", [](Request& request, Response& response, Context&) {
        const auto& entity = serve([&]() -> const core::ImportEntity& {
            return services::ImportService::entity(request.query("entity").value_or(""));
        });
        response.setHeader("Content-Disposition",
                           "attachment; filename=\"" + std::string(entity.name()) + "-sample.csv\"");
        response.send(200, "text/csv; charset=utf-8", entity.sample());
    });

    addRoute(router, services, "GET", "/imports/{id}", [&services](Request& request, Response& response, Context&) {
        const auto id = idParam(request, "id");
        services::ImportService imports(services);
        response.sendJson(200, stringify(importJson(serve([&] { return imports.status(id); }))));
    });

    addRoute(router, services, "POST", "/imports/{id}/check",
             [&services](Request& request, Response& response, Context&) {
                 const auto id = idParam(request, "id");
                 services::ImportService imports(services);
                 const auto report = serve([&] { return imports.check(id); });
                 response.sendJson(200, services::ImportService::reportJson(report));
             });

    addRoute(router, services, "POST", "/imports/{id}/run",
             [&services](Request& request, Response& response, Context& context) {
                 const auto id = idParam(request, "id");
                 services::ImportService imports(services);
                 serve([&] { imports.startRun(id, context.staff); });
                 Poco::JSON::Object body;
                 body.set("id", id);
                 body.set("status", std::string("running"));
                 response.sendJson(202, body);
             });

    addRoute(router, services, "POST", "/imports/{id}/cancel",
             [&services](Request& request, Response& response, Context&) {
                 const auto id = idParam(request, "id");
                 services::ImportService imports(services);
                 serve([&] { imports.cancel(id); });
                 Poco::JSON::Object body;
                 body.set("id", id);
                 body.set("cancelling", true);
                 response.sendJson(202, body);
             });

    addRoute(router, services, "GET", "/imports/{id}/report",
             [&services](Request& request, Response& response, Context&) {
                 const auto id = idParam(request, "id");
                 services::ImportService imports(services);
                 const auto path = serve([&] { return imports.changeReportPath(id); });
                 response.setHeader("Content-Disposition",
                                    "attachment; filename=\"import-" + std::to_string(id) + "-changes.csv\"");
                 response.sendFile(200, "text/csv; charset=utf-8", path);
             });

    addRoute(router, services, "POST", "/exports", [&services](Request& request, Response& response, Context& context) {
        auto body = request.jsonBody();
        if (!body->has("entity") || !body->get("entity").isString())
            throw HttpError::badField("entity", "must be portal-users, customers, contacts or roles");
        const auto& entity = serve([&]() -> const core::ImportEntity& {
            return services::ImportService::entity(body->getValue<std::string>("entity"));
        });
        const auto options = exportOptions(*body);
        services::ExportService exports(services);
        const auto id = serve([&] { return exports.queue(entity, options, context.staff); });
        Poco::JSON::Object answer;
        answer.set("id", id);
        answer.set("status", std::string("queued"));
        response.sendJson(202, answer);
    });

    addRoute(router, services, "GET", "/exports", [&services](Request& request, Response& response, Context&) {
        const auto page = pageRequest(request, 20);
        services::ExportService exports(services);
        std::int64_t total = 0;
        const auto rows = exports.list((page.page - 1) * page.pageSize, page.pageSize, &total);
        Poco::JSON::Array::Ptr items(new Poco::JSON::Array);
        for (const auto& row : rows)
            items->add(exportJson(row));
        response.sendJson(200, stringify(pageJson(items, page, total)));
    });

    addRoute(router, services, "GET", "/exports/{id}", [&services](Request& request, Response& response, Context&) {
        const auto id = idParam(request, "id");
        services::ExportService exports(services);
        response.sendJson(200, stringify(exportJson(serve([&] { return exports.find(id); }))));
    });

    addRoute(router, services, "GET", "/exports/{id}/file",
             [&services](Request& request, Response& response, Context&) {
                 const auto id = idParam(request, "id");
                 services::ExportService exports(services);
                 const auto row = serve([&] { return exports.find(id); });
                 const auto path = serve([&] { return exports.filePath(id); });
                 response.setHeader("Content-Disposition",
                                    "attachment; filename=\"" + row.entity + "-" + std::to_string(id) + ".csv\"");
                 response.sendFile(200, "text/csv; charset=utf-8", path);
             });

    addRoute(router, services, "DELETE", "/exports/{id}", [&services](Request& request, Response& response, Context&) {
        const auto id = idParam(request, "id");
        services::ExportService exports(services);
        serve([&] { exports.remove(id); });
        response.sendEmpty(204);
    });
}

} // namespace gh::http::admin
