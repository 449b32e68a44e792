// Admin API: catalogues, settings (with cron checks), the audit log and jobs.

#include "AdminApi.h"

#include "core/CronExpression.h"
#include "core/CsvWriter.h"
#include "core/Sections.h"
#include "core/SettingsCatalogue.h"
#include "core/Text.h"
#include "core/Time.h"
#include "services/AdminJobs.h"
#include "services/Settings.h"

#include <Poco/JSON/Parser.h>

#include <map>

namespace gh::http::admin {
namespace {

using core::SettingsCatalogue;

template <std::size_t N> Poco::JSON::Object::Ptr catalogueJson(const std::array<core::CatalogueEntry, N>& entries)
{
    Poco::JSON::Array::Ptr items(new Poco::JSON::Array);
    for (const auto& entry : entries) {
        Poco::JSON::Object::Ptr item(new Poco::JSON::Object);
        item->set("key", std::string(entry.key));
        item->set("label", std::string(entry.label));
        items->add(item);
    }
    Poco::JSON::Object::Ptr out(new Poco::JSON::Object);
    out->set("items", items);
    return out;
}

// Nullopt when the value is acceptable for the key; cron values also go through the parser.
std::optional<std::string> settingProblem(const std::string& key, const std::string& value)
{
    if (auto reason = SettingsCatalogue::validate(key, value))
        return reason;
    const auto* def = SettingsCatalogue::find(key);
    if (def->type == SettingsCatalogue::Type::Cron && !value.empty()) {
        core::CronExpression::Error error;
        if (!core::CronExpression::parse(value, &error))
            return "invalid cron expression: " + error.message();
    }
    return std::nullopt;
}

std::string shown(const SettingsCatalogue::Definition& def, const std::string& value)
{
    return def.type == SettingsCatalogue::Type::Secret ? std::string() : value;
}

Poco::JSON::Object::Ptr settingsJson(store::Connection& db)
{
    std::map<std::string, core::Setting> stored;
    for (auto& record : services::Settings::stored(db))
        stored.emplace(record.key, record);
    Poco::JSON::Array::Ptr items(new Poco::JSON::Array);
    for (const auto& def : SettingsCatalogue::definitions()) {
        const std::string key(def.key);
        auto it = stored.find(key);
        const bool isStored = it != stored.end();
        const std::string value = isStored ? it->second.value : std::string(def.defaultValue);
        Poco::JSON::Object::Ptr item(new Poco::JSON::Object);
        item->set("key", key);
        item->set("group", key.substr(0, key.find('.')));
        item->set("label", std::string(def.label));
        item->set("type", std::string(SettingsCatalogue::typeName(def.type)));
        item->set("value", shown(def, value));
        item->set("defaultValue", shown(def, std::string(def.defaultValue)));
        item->set("isDefault", !isStored);
        item->set("secret", def.type == SettingsCatalogue::Type::Secret);
        if (def.type == SettingsCatalogue::Type::Secret)
            item->set("isSet", !value.empty());
        if (def.type == SettingsCatalogue::Type::Choice) {
            Poco::JSON::Array::Ptr choices(new Poco::JSON::Array);
            for (auto choice : def.choices)
                choices->add(std::string(choice));
            item->set("choices", choices);
        }
        if (def.type == SettingsCatalogue::Type::Integer) {
            item->set("min", def.min);
            item->set("max", def.max);
        }
        item->set("updatedBy", isStored ? it->second.updatedBy : std::string());
        item->set("updatedAt", isStored ? it->second.updatedAt : std::string());
        items->add(item);
    }
    Poco::JSON::Object::Ptr out(new Poco::JSON::Object);
    out->set("items", items);
    return out;
}

Poco::JSON::Object::Ptr jobJson(const core::JobRun& run)
{
    Poco::JSON::Object::Ptr item(new Poco::JSON::Object);
    item->set("id", run.id);
    item->set("kind", std::string(core::toString(run.kind)));
    item->set("name", run.name);
    item->set("status", std::string(core::toString(run.status)));
    item->set("progress", run.progress);
    Poco::Dynamic::Var counts;
    try {
        Poco::JSON::Parser parser;
        counts = parser.parse(run.counts.empty() ? "{}" : run.counts);
    } catch (const Poco::Exception&) {
        counts = Poco::JSON::Object::Ptr(new Poco::JSON::Object);
    }
    item->set("counts", counts);
    item->set("errorReport", run.errorReport);
    item->set("file", run.file);
    item->set("createdAt", run.createdAt);
    item->set("startedAt", run.startedAt);
    item->set("finishedAt", run.finishedAt);
    return item;
}

void settingRoutes(Router& router, services::Services& services)
{
    addRoute(router, services, "GET", "/settings", [&services](Request&, Response& response, Context&) {
        auto connection = services.database().acquire();
        response.sendJson(200, *settingsJson(*connection));
    });
    // {values: {key: value}}; a null value returns the setting to its default. All or nothing.
    auto write = [&services](Request& request, Response& response, Context& context) {
        auto body = request.jsonBody();
        auto values = body->getObject("values");
        if (!values)
            throw HttpError::badField("values", "must be an object of setting keys and values");
        std::vector<FieldProblem> problems;
        std::vector<std::pair<std::string, std::optional<std::string>>> changes;
        for (const auto& [key, raw] : *values) {
            if (!SettingsCatalogue::find(key)) {
                problems.push_back({key, "unknown setting"});
                continue;
            }
            if (raw.isEmpty()) {
                changes.emplace_back(key, std::nullopt);
                continue;
            }
            if (!raw.isString() && !raw.isNumeric() && raw.type() != typeid(bool)) {
                problems.push_back({key, "must be a string, number or true/false"});
                continue;
            }
            const std::string value = raw.toString();
            if (auto problem = settingProblem(key, value))
                problems.push_back({key, *problem});
            else
                changes.emplace_back(key, value);
        }
        if (!problems.empty())
            throw validationError(problems);
        auto connection = services.database().acquire();
        services::Settings::write(*connection, actorOf(context), changes);
        response.sendJson(200, *settingsJson(*connection));
    };
    addRoute(router, services, "PUT", "/settings", write);
    addRoute(router, services, "PATCH", "/settings", write);

    // The app's live check of a cron expression as it is typed.
    addRoute(router, services, "GET", "/cron/next", [](Request& request, Response& response, Context&) {
        auto expression = request.query("expression");
        if (!expression)
            throw HttpError::badField("expression", "is required");
        int count = 5;
        if (auto text = request.query("count")) {
            if (text->empty() || text->size() > 2 || text->find_first_not_of("0123456789") != std::string::npos
                || std::stoi(*text) < 1 || std::stoi(*text) > 50)
                throw HttpError::badField("count", "must be a whole number from 1 to 50");
            count = std::stoi(*text);
        }
        std::int64_t from = core::nowSeconds();
        if (auto text = request.query("from")) {
            auto day = core::parseIsoDate(text->substr(0, 10));
            if (!day || (text->size() != 10 && text->size() != 20))
                throw HttpError::badField("from", "must be a date (YYYY-MM-DD) or time (YYYY-MM-DDTHH:MM:SSZ)");
            from = *day * 86400;
            if (text->size() == 20)
                from += std::stoi(text->substr(11, 2)) * 3600 + std::stoi(text->substr(14, 2)) * 60
                    + std::stoi(text->substr(17, 2));
        }
        Poco::JSON::Object out;
        Poco::JSON::Array::Ptr next(new Poco::JSON::Array);
        core::CronExpression::Error error;
        auto cron = core::CronExpression::parse(*expression, &error);
        out.set("valid", cron.has_value());
        if (cron) {
            for (auto run : cron->nextRuns(from, count))
                next->add(core::rfc3339(run));
        } else {
            out.set("error", error.message());
            out.set("field", error.field);
            out.set("reason", error.reason);
        }
        out.set("next", next);
        response.sendJson(200, out);
    });

    // "Send test email" beside the email settings: queued like every other email.
    addRoute(
        router, services, "POST", "/email/test", [&services](Request& request, Response& response, Context& context) {
            auto body = request.jsonBody();
            if (!body->has("to") || !body->get("to").isString() || !core::looksLikeEmail(body->get("to").toString()))
                throw HttpError::badField("to", "must be an email address");
            services::AccountMail::Email email;
            email.to = body->get("to").toString();
            email.subject = "Gatehouse test email";
            email.body = "This test email was sent from Gatehouse Admin by " + context.staff.email
                + ". If you can read it, the email settings work.";
            auto connection = services.database().acquire();
            const auto id = services::AdminJobs::queueEmail(*connection, email);
            services.outboxChanged();
            Poco::JSON::Object out;
            out.set("queued", id);
            response.sendJson(202, out);
        });

    addRoute(router, services, "GET", "/schedules", [&services](Request&, Response& response, Context&) {
        auto connection = services.database().acquire();
        const auto effective = services::Settings::effective(*connection);
        Poco::JSON::Array::Ptr items(new Poco::JSON::Array);
        for (const auto& def : SettingsCatalogue::definitions()) {
            if (def.type != SettingsCatalogue::Type::Cron)
                continue;
            const std::string expression = effective.at(std::string(def.key));
            Poco::JSON::Object::Ptr item(new Poco::JSON::Object);
            item->set("key", std::string(def.key));
            item->set("label", std::string(def.label));
            item->set("expression", expression);
            item->set("enabled", !expression.empty());
            auto cron = core::CronExpression::parse(expression);
            auto next = cron ? cron->next(core::nowSeconds()) : std::nullopt;
            item->set("nextRun", next ? Poco::Dynamic::Var(core::rfc3339(*next)) : Poco::Dynamic::Var());
            Poco::Dynamic::Var lastRun;
            if (const auto* schedule = services::ScheduledJobs::find(def.key)) {
                item->set("kind", std::string(core::toString(schedule->kind)));
                if (auto last = services::AdminJobs::lastRun(*connection, *schedule, std::string(def.key)))
                    lastRun = jobJson(*last);
            }
            item->set("lastRun", lastRun);
            items->add(item);
        }
        Poco::JSON::Object out;
        out.set("items", items);
        response.sendJson(200, out);
    });
}

// from/to: a date (whole days, to inclusive) or an RFC 3339 UTC time.
std::optional<std::string> timeBound(const Request& request, const std::string& name, bool upper)
{
    auto text = request.query(name);
    if (!text)
        return std::nullopt;
    if (auto day = core::parseIsoDate(*text); day && text->size() == 10)
        return core::isoDateFromDays(upper ? *day + 1 : *day) + "T00:00:00Z";
    if (text->size() == 20 && core::parseIsoDate(text->substr(0, 10)) && (*text)[10] == 'T' && text->back() == 'Z')
        return upper ? *text + "~" : *text; // "~" sorts after every digit: the given second counts as inside
    throw HttpError::badField(name, "must be a date (YYYY-MM-DD) or a time (YYYY-MM-DDTHH:MM:SSZ)");
}

store::AuditFilter auditFilter(const Request& request)
{
    store::AuditFilter filter;
    filter.actor = textFilter(request, "actor");
    filter.entity = textFilter(request, "entity");
    filter.entityKey = textFilter(request, "key");
    filter.action = textFilter(request, "action");
    filter.origin = textFilter(request, "origin");
    if (filter.origin && !core::parseEnum<core::Origin>(*filter.origin))
        throw HttpError::badField("origin", "must be one of app, api, import, sync, portal");
    filter.fromAt = timeBound(request, "from", false);
    filter.toAt = timeBound(request, "to", true);
    const auto sort = sortKey(request, {"at"}, "at");
    filter.oldestFirst = request.query("sort").has_value() && !sort.descending;
    return filter;
}

void auditRoutes(Router& router, services::Services& services)
{
    addRoute(router, services, "GET", "/audit-events", [&services](Request& request, Response& response, Context&) {
        const auto filter = auditFilter(request);
        const auto page = pageRequest(request);
        auto connection = services.database().acquire();
        auto result = services::AdminJobs::auditEvents(*connection, filter, page);
        Poco::JSON::Array::Ptr items(new Poco::JSON::Array);
        for (const auto& event : result.items)
            items->add(toJson(event));
        response.sendJson(200, *pageJson(items, page, result.total));
    });
    addRoute(router, services, "GET", "/audit-events.csv", [&services](Request& request, Response& response, Context&) {
        const auto filter = auditFilter(request);
        auto connection = services.database().acquire();
        auto result = services::AdminJobs::auditEvents(*connection, filter, {1, 0});
        std::string csv = "id,at,actor,actorKind,origin,entity,key,action,before,after\r\n";
        for (const auto& e : result.items) {
            csv += core::CsvWriter::row({std::to_string(e.id), e.at, e.actor, e.actorKind,
                                         std::string(core::toString(e.origin)), e.entity, e.entityKey, e.action,
                                         e.before, e.after});
        }
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-events.csv\"");
        response.send(200, "text/csv; charset=utf-8", csv);
    });
}

void jobRoutes(Router& router, services::Services& services)
{
    addRoute(router, services, "GET", "/jobs", [&services](Request& request, Response& response, Context&) {
        store::JobFilter filter;
        filter.kind = textFilter(request, "kind");
        if (filter.kind && !core::parseEnum<core::JobKind>(*filter.kind))
            throw HttpError::badField("kind", "must be one of import, export, sync, email");
        filter.status = textFilter(request, "status");
        if (filter.status && !core::parseEnum<core::JobStatus>(*filter.status))
            throw HttpError::badField("status", "must be one of queued, running, done, failed");
        const auto page = pageRequest(request);
        auto connection = services.database().acquire();
        auto result = services::AdminJobs::jobs(*connection, filter, page);
        Poco::JSON::Array::Ptr items(new Poco::JSON::Array);
        for (auto& row : result.items) {
            row.run.name = row.name;
            row.run.createdAt = row.createdAt;
            items->add(jobJson(row.run));
        }
        response.sendJson(200, *pageJson(items, page, result.total));
    });
    addRoute(router, services, "GET", "/jobs/{id}", [&services](Request& request, Response& response, Context&) {
        const auto id = idParam(request, "id");
        auto connection = services.database().acquire();
        const auto run = services::AdminJobs::job(*connection, id);
        if (!run)
            throw HttpError::notFound("No job run " + std::to_string(id) + ".");
        response.sendJson(200, *jobJson(*run));
    });

    // "Run now": queues a run of the schedule for the job runner (jobs::JobRunner), which starts it at
    // once. The answer comes before the run ends; GET /jobs/{id} follows it.
    addRoute(router, services, "POST", "/schedules/{key}/run",
             [&services](Request& request, Response& response, Context& context) {
                 const std::string key = request.param("key");
                 const auto* schedule = services::ScheduledJobs::find(key);
                 if (!schedule)
                     throw HttpError::notFound("No scheduled job '" + key + "'.");
                 auto connection = services.database().acquire();
                 const auto run = services::AdminJobs::runNow(*connection, actorOf(context), *schedule, key);
                 services.jobQueued(); // after the commit: the runner must find the run
                 response.sendJson(202, *jobJson(run));
             });
}

} // namespace

void registerAdminSystemRoutes(Router& router, services::Services& services)
{
    addRoute(router, services, "GET", "/sections", [](Request&, Response& response, Context&) {
        response.sendJson(200, *catalogueJson(core::kSectionCatalogue));
    });
    addRoute(router, services, "GET", "/processes", [](Request&, Response& response, Context&) {
        response.sendJson(200, *catalogueJson(core::kProcessCatalogue));
    });
    settingRoutes(router, services);
    auditRoutes(router, services);
    jobRoutes(router, services);
}

} // namespace gh::http::admin
