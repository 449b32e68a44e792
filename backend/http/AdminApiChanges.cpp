// Admin API: the desktop app's Update (changesets), the bulk switches and preview sessions.

#include "AdminApi.h"

#include "core/Time.h"
#include "services/AdminPreview.h"
#include "services/BulkChanges.h"
#include "services/RecordErrors.h"
#include "services/RecordUpdate.h"

#include <Poco/URI.h>

#include <set>
#include <stdexcept>

namespace gh::http::admin {
namespace {

constexpr std::size_t kMaxChanges = 10000;
// Room for kMaxChanges ordinary changes; the server's default body limit is 1 MiB.
constexpr std::uint64_t kMaxChangesetBytes = 16 * 1024 * 1024;

using Change = services::RecordUpdate::Change;

Poco::JSON::Object::Ptr problemDetail(std::size_t index, const std::string& field, const std::string& message)
{
    Poco::JSON::Object::Ptr detail(new Poco::JSON::Object);
    detail->set("index", index);
    detail->set("field", field);
    detail->set("message", message);
    return detail;
}

std::vector<Change> parseChanges(const Poco::JSON::Object& body)
{
    if (!body.isArray("changes"))
        throw HttpError::badField("changes", "must be an array of changes");
    auto array = body.getArray("changes");
    if (array->size() == 0 || array->size() > kMaxChanges)
        throw HttpError::badField("changes", "must hold 1 to " + std::to_string(kMaxChanges) + " changes");
    std::vector<Change> out;
    Poco::JSON::Array::Ptr problems(new Poco::JSON::Array);
    std::set<std::pair<std::string, std::string>> seen;
    for (std::size_t i = 0; i < array->size(); ++i) {
        auto item = array->getObject(static_cast<unsigned>(i));
        if (!item) {
            problems->add(problemDetail(i, "", "must be an object"));
            continue;
        }
        Change change;
        change.index = i;
        const auto entity = item->get("entity");
        change.entity = entity.isString() ? entity.toString() : "";
        if (!services::RecordUpdate::knownEntity(change.entity))
            problems->add(problemDetail(i, "entity", "must be customer, contact, portal_user or role"));
        const auto key = item->get("key");
        if (key.isString() || key.isInteger())
            change.key = key.toString();
        if (change.key.empty())
            problems->add(problemDetail(i, "key", "is required"));
        if (!item->has("version") || !item->get("version").isInteger())
            problems->add(problemDetail(i, "version", "the record's current version is required"));
        else
            change.version = item->get("version").convert<std::int64_t>();
        change.set = item->getObject("set");
        if (!change.set)
            problems->add(problemDetail(i, "set", "must be an object of record fields"));
        if (!seen.insert({change.entity, change.key}).second)
            problems->add(problemDetail(i, "key", "the same record appears twice in the changeset"));
        out.push_back(std::move(change));
    }
    if (problems->size() > 0)
        throw HttpError(422, "validation_failed", "The changeset is not well formed.", problems);
    return out;
}

void changesetRoute(Router& router, services::Services& services)
{
    addRoute(
        router, services, "POST", "/changesets",
        [&services](Request& request, Response& response, Context& context) {
            auto changes = parseChanges(*request.jsonBody());
            auto connection = services.database().acquire();
            Poco::JSON::Array::Ptr records;
            try {
                records = services::RecordUpdate::applyChangeset(*connection, actorOf(context), changes);
            } catch (const services::ChangesetRejected& rejected) {
                if (!rejected.stale.empty()) {
                    Poco::JSON::Array::Ptr stale(new Poco::JSON::Array);
                    for (const auto& s : rejected.stale) {
                        Poco::JSON::Object::Ptr detail(new Poco::JSON::Object);
                        detail->set("index", s.index);
                        detail->set("entity", s.entity);
                        detail->set("key", s.key);
                        detail->set("version", s.version);
                        if (!s.currentVersion || *s.currentVersion < 0)
                            detail->set("currentVersion", Poco::Dynamic::Var());
                        else
                            detail->set("currentVersion", *s.currentVersion);
                        detail->set("message",
                                    s.currentVersion ? "changed by someone else" : "deleted by someone else");
                        stale->add(detail);
                    }
                    throw HttpError(
                        409, "stale_version",
                        std::to_string(stale->size())
                            + " record(s) were changed by someone else; reload them and apply your changes again.",
                        stale);
                }
                Poco::JSON::Array::Ptr problems(new Poco::JSON::Array);
                for (const auto& p : rejected.problems)
                    problems->add(problemDetail(p.index, p.problem.field, p.problem.message));
                throw HttpError(422, "validation_failed", "Some changes are not valid; nothing was saved.", problems);
            }
            Poco::JSON::Object out;
            out.set("applied", records->size());
            out.set("records", records);
            response.sendJson(200, out);
        },
        false, RouteOptions{kMaxChangesetBytes});
}

bool optionalFlag(const Poco::JSON::Object& body, const std::string& name)
{
    if (!body.has(name))
        return false;
    if (body.get(name).type() != typeid(bool))
        throw HttpError::badField(name, "must be true or false");
    return body.getValue<bool>(name);
}

bool requiredFlag(const Poco::JSON::Object& body, const std::string& name)
{
    if (!body.has(name))
        throw HttpError::badField(name, "is required (true or false)");
    return optionalFlag(body, name);
}

void bulkRoutes(Router& router, services::Services& services)
{
    addRoute(router, services, "POST", "/bulk/portal-access",
             [&services](Request& request, Response& response, Context& context) {
                 auto body = request.jsonBody();
                 const bool enable = requiredFlag(*body, "enable");
                 const bool dryRun = optionalFlag(*body, "dryRun");
                 auto connection = services.database().acquire();
                 const auto changed
                     = services::BulkChanges::portalAccess(*connection, actorOf(context), enable, dryRun);
                 Poco::JSON::Object out;
                 out.set("changed", changed);
                 out.set("dryRun", dryRun);
                 response.sendJson(200, out);
             });
    addRoute(router, services, "POST", "/bulk/contact-permission",
             [&services](Request& request, Response& response, Context& context) {
                 auto body = request.jsonBody();
                 if (!body->has("permission") || !body->get("permission").isString())
                     throw HttpError::badField("permission", "is required: a section key, canRegister or makePayment");
                 const std::string permission = body->get("permission").toString();
                 int sectionBit = -1;
                 if (auto section = core::SectionSet::parse(permission))
                     sectionBit = static_cast<int>(*section);
                 else if (permission != "canRegister" && permission != "makePayment")
                     throw HttpError::badField("permission", "must be a section key, canRegister or makePayment");
                 const bool value = requiredFlag(*body, "value");
                 const bool dryRun = optionalFlag(*body, "dryRun");
                 auto connection = services.database().acquire();
                 const auto changed = services::BulkChanges::contactPermission(*connection, actorOf(context),
                                                                               permission, sectionBit, value, dryRun);
                 Poco::JSON::Object out;
                 out.set("changed", changed);
                 out.set("dryRun", dryRun);
                 response.sendJson(200, out);
             });
}

void previewRoutes(Router& router, services::Services& services)
{
    addRoute(router, services, "POST", "/preview-sessions",
             [&services](Request& request, Response& response, Context& context) {
                 auto body = request.jsonBody();
                 if (!body->has("portalUserId") || !body->get("portalUserId").isInteger())
                     throw HttpError::badField("portalUserId", "is required (a portal user id)");
                 const core::Id userId = body->get("portalUserId").convert<core::Id>();
                 auto connection = services.database().acquire();
                 services::AdminPreview::Opened opened;
                 try {
                     opened = services::AdminPreview::openAudited(*connection, userId, context.staff, context.origin);
                 } catch (const std::out_of_range&) {
                     throw HttpError::notFound("No portal user " + std::to_string(userId) + ".");
                 } catch (const std::logic_error&) {
                     throw HttpError(422, "no_usable_customer",
                                     "This portal user has no customer they may use, so there is nothing to preview.");
                 }
                 std::string base = services.options().publicUrl;
                 while (!base.empty() && base.back() == '/')
                     base.pop_back();
                 std::string token;
                 Poco::URI::encode(opened.linkToken, "&=+?#/", token);
                 Poco::JSON::Object out;
                 out.set("url", base + "/preview/open?token=" + token);
                 out.set("expiresAt", core::rfc3339(opened.expiresAt));
                 out.set("customerNumber", opened.customerNumber);
                 response.setHeader("Cache-Control", "no-store");
                 response.sendJson(201, out);
             });

    // What the portal grants a user right now (the app shows it beside the preview).
    addRoute(router, services, "GET", "/portal-users/{id}/access",
             [&services](Request& request, Response& response, Context&) {
                 const core::Id id = idParam(request, "id");
                 auto connection = services.database().acquire();
                 services::AdminPreview::Access access;
                 try {
                     access = services::AdminPreview::access(*connection, id);
                 } catch (const std::out_of_range&) {
                     throw HttpError::notFound("No portal user " + std::to_string(id) + ".");
                 }
                 using SignIn = core::AccessRules::SignIn;
                 Poco::JSON::Object out;
                 out.set("signIn",
                         std::string(access.signIn == SignIn::Allowed            ? "allowed"
                                         : access.signIn == SignIn::NotActive    ? "not_active"
                                         : access.signIn == SignIn::NoAccessRole ? "no_access_role"
                                                                                 : "no_usable_customer"));
                 Poco::JSON::Array::Ptr sections(new Poco::JSON::Array);
                 for (const auto& key : access.effectiveSections.keys())
                     sections->add(key);
                 out.set("effectiveSections", sections);
                 Poco::JSON::Array::Ptr customers(new Poco::JSON::Array);
                 for (std::size_t i = 0; i < access.selectableCustomers.size(); ++i) {
                     const auto& customer = access.selectableCustomers[i];
                     const auto& rights = access.rights.at(i);
                     Poco::JSON::Object::Ptr item(new Poco::JSON::Object);
                     item->set("number", customer.number);
                     item->set("name", customer.name);
                     item->set("statId", customer.statId);
                     // Which set applies there and from where (SPEC "Who sees what").
                     const bool fromContact = rights.source == core::CustomerRights::Source::Contact;
                     item->set("source", std::string(fromContact ? "contact" : "user"));
                     item->set("contactId", fromContact ? Poco::Dynamic::Var(rights.contactId) : Poco::Dynamic::Var());
                     item->set("contactName", rights.contactName);
                     Poco::JSON::Array::Ptr rightsSections(new Poco::JSON::Array);
                     for (const auto& key : rights.sections.keys())
                         rightsSections->add(key);
                     item->set("sections", rightsSections);
                     item->set("makePayment", rights.makePayment);
                     item->set("isAdmin", rights.isAdmin);
                     item->set("ownOrdersOnly", rights.ownOrdersOnly);
                     customers->add(item);
                 }
                 out.set("selectableCustomers", customers);
                 if (access.privileges) {
                     Poco::JSON::Object::Ptr privileges(new Poco::JSON::Object);
                     privileges->set("myAccount", access.privileges->myAccount);
                     privileges->set("switchAccounts", access.privileges->switchAccounts);
                     privileges->set("downloadSubAccounts", access.privileges->downloadSubAccounts);
                     out.set("privileges", privileges);
                 } else {
                     out.set("privileges", Poco::Dynamic::Var());
                 }
                 response.sendJson(200, out);
             });

    // Opened by the app's embedded browser: trade the one-off link, once, for a new session cookie.
    router.add("GET", "/preview/open", [&services](Request& request, Response& response) {
        std::optional<std::string> session;
        {
            auto connection = services.database().acquire();
            session = services::AdminPreview::exchange(*connection, request.query("token").value_or(""));
        }
        if (!session)
            throw HttpError::notFound("This preview link is unknown, used or expired.");
        response.setCookie("gh_session", *session, request.secure(), services::AdminPreview::kSeconds);
        response.setHeader("Location", "/");
        response.setHeader("Cache-Control", "no-store");
        response.sendEmpty(303);
    });
}

} // namespace

void registerAdminChangeRoutes(Router& router, services::Services& services)
{
    changesetRoute(router, services);
    bulkRoutes(router, services);
    previewRoutes(router, services);
}

} // namespace gh::http::admin
