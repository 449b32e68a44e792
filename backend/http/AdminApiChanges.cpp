// Admin API: the desktop app's Update (changesets), the bulk switches and preview sessions.

#include "AdminApi.h"

#include "core/SecureRandom.h"
#include "core/Time.h"
#include "services/AdminPreview.h"
#include "store/ContactRepository.h"
#include "store/CustomerRepository.h"
#include "store/PortalUserRepository.h"
#include "store/RoleRepository.h"

#include <Poco/URI.h>

#include <set>
#include <stdexcept>

namespace gh::http::admin {
namespace {

constexpr std::size_t kMaxChanges = 10000;
// Room for kMaxChanges ordinary changes; the server's default body limit is 1 MiB.
constexpr std::uint64_t kMaxChangesetBytes = 16 * 1024 * 1024;

struct Change
{
    std::size_t index = 0;
    std::string entity;
    std::string key;
    std::int64_t version = 0;
    Poco::JSON::Object::Ptr set;
};

// One record of any of the four kinds, loaded, changed and written back.
struct Pending
{
    Change change;
    std::optional<core::Customer> customer;
    std::optional<core::Contact> contact;
    std::optional<core::PortalUser> user;
    std::optional<core::ErpRole> role;
    Poco::JSON::Object::Ptr before;
};

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
        if (change.entity != "customer" && change.entity != "contact" && change.entity != "portal_user"
            && change.entity != "role")
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

core::Id numericKey(const std::string& key)
{
    if (key.empty() || key.size() > 15 || key.find_first_not_of("0123456789") != std::string::npos)
        return 0;
    return std::stoll(key);
}

void changesetRoute(Router& router, services::Services& services)
{
    addRoute(
        router, services, "POST", "/changesets",
        [&services](Request& request, Response& response, Context& context) {
            auto changes = parseChanges(*request.jsonBody());
            auto connection = services.database().acquire();
            auto& db = *connection;
            store::Transaction tx(db);
            store::CustomerRepository customers(db);
            store::ContactRepository contacts(db);
            store::PortalUserRepository users(db);
            store::RoleRepository roles(db);

            Poco::JSON::Array::Ptr stale(new Poco::JSON::Array);
            Poco::JSON::Array::Ptr problems(new Poco::JSON::Array);
            std::vector<Pending> pending;
            for (auto& change : changes) {
                Pending p;
                p.change = change;
                std::int64_t current = -1;
                try {
                    if (change.entity == "customer") {
                        p.customer = customers.findByNumber(change.key);
                        if (p.customer) {
                            current = p.customer->version;
                            p.before = toJson(*p.customer);
                            applySet(*p.customer, *change.set);
                        }
                    } else if (change.entity == "contact") {
                        p.contact = contacts.findById(numericKey(change.key));
                        if (p.contact) {
                            current = p.contact->version;
                            p.before = toJson(*p.contact);
                            const std::string email = p.contact->email;
                            applySet(*p.contact, *change.set);
                            if (p.contact->email != email
                                && contacts.findByEmail(p.contact->customerId, p.contact->email))
                                throw FieldProblems(std::vector<FieldProblem>{
                                    {"email", "another contact of this customer has this email"}});
                        }
                    } else if (change.entity == "portal_user") {
                        p.user = users.findById(numericKey(change.key));
                        if (p.user) {
                            current = p.user->version;
                            p.before = toJson(*p.user);
                            const std::string email = p.user->email;
                            applySet(*p.user, *change.set);
                            auto references = checkReferences(db, *p.user);
                            if (p.user->email != email && users.findByEmail(p.user->email))
                                references.push_back({"email", "another portal user has this email"});
                            if (!references.empty())
                                throw FieldProblems(references);
                        }
                    } else {
                        p.role = roles.find(change.key);
                        if (p.role) {
                            current = p.role->version;
                            p.before = toJson(*p.role);
                            applySet(*p.role, *change.set);
                        }
                    }
                } catch (const FieldProblems& fieldProblems) {
                    for (const auto& problem : fieldProblems.problems())
                        problems->add(problemDetail(change.index, problem.field, problem.message));
                }
                if (current != change.version) {
                    Poco::JSON::Object::Ptr detail(new Poco::JSON::Object);
                    detail->set("index", change.index);
                    detail->set("entity", change.entity);
                    detail->set("key", change.key);
                    detail->set("version", change.version);
                    if (current < 0)
                        detail->set("currentVersion", Poco::Dynamic::Var());
                    else
                        detail->set("currentVersion", current);
                    detail->set("message", current < 0 ? "deleted by someone else" : "changed by someone else");
                    stale->add(detail);
                }
                pending.push_back(std::move(p));
            }
            if (stale->size() > 0)
                throw HttpError(
                    409, "stale_version",
                    std::to_string(stale->size())
                        + " record(s) were changed by someone else; reload them and apply your changes again.",
                    stale);
            if (problems->size() > 0)
                throw HttpError(422, "validation_failed", "Some changes are not valid; nothing was saved.", problems);

            Poco::JSON::Array::Ptr records(new Poco::JSON::Array);
            for (auto& p : pending) {
                Poco::JSON::Object::Ptr after;
                bool written = false;
                if (p.customer) {
                    written = customers.update(*p.customer);
                    if (written)
                        after = toJson(*customers.findByNumber(p.customer->number));
                } else if (p.contact) {
                    written = contacts.update(*p.contact);
                    if (written)
                        after = toJson(*contacts.findById(p.contact->id));
                } else if (p.user) {
                    written = users.update(*p.user);
                    if (written)
                        after = toJson(*users.findById(p.user->id));
                } else if (p.role) {
                    written = roles.update(*p.role);
                    if (written)
                        after = toJson(*roles.find(p.role->code));
                }
                if (!written)
                    throw staleError(p.change.entity, p.change.key);
                audit(db, context, p.change.entity, p.change.key, "update", p.before, after);
                records->add(after);
            }
            tx.commit();
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
                 store::Transaction tx(*connection);
                 store::BulkRepository bulk(*connection);
                 std::int64_t changed = 0;
                 if (dryRun) {
                     changed = bulk.countPortalAccessChanges(enable);
                 } else {
                     changed = bulk.setPortalAccess(enable);
                     Poco::JSON::Object::Ptr after(new Poco::JSON::Object);
                     after->set("portalEnabled", enable);
                     after->set("changed", changed);
                     audit(*connection, context, "customer", "*", "bulk_portal_access", nullptr, after);
                 }
                 tx.commit();
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
                 store::Transaction tx(*connection);
                 store::BulkRepository bulk(*connection);
                 std::int64_t changed = 0;
                 if (dryRun) {
                     changed = bulk.countContactPermissionChanges(permission, sectionBit, value);
                 } else {
                     changed = bulk.setContactPermission(permission, sectionBit, value);
                     Poco::JSON::Object::Ptr after(new Poco::JSON::Object);
                     after->set("permission", permission);
                     after->set("value", value);
                     after->set("changed", changed);
                     audit(*connection, context, "contact", "*", "bulk_contact_permission", nullptr, after);
                 }
                 tx.commit();
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
                 store::Transaction tx(*connection);
                 services::AdminPreview::Opened opened;
                 try {
                     opened = services::AdminPreview::open(*connection, userId, context.staff);
                 } catch (const std::out_of_range&) {
                     throw HttpError::notFound("No portal user " + std::to_string(userId) + ".");
                 } catch (const std::logic_error&) {
                     throw HttpError(422, "no_usable_customer",
                                     "This portal user has no customer they may use, so there is nothing to preview.");
                 }
                 Poco::JSON::Object::Ptr after(new Poco::JSON::Object);
                 after->set("customerNumber", opened.customerNumber);
                 after->set("expiresAt", core::rfc3339(opened.expiresAt));
                 after->set("readOnly", true);
                 audit(*connection, context, "portal_user", std::to_string(userId), "preview", nullptr, after);
                 tx.commit();
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
                 for (const auto& customer : access.selectableCustomers) {
                     Poco::JSON::Object::Ptr item(new Poco::JSON::Object);
                     item->set("number", customer.number);
                     item->set("name", customer.name);
                     item->set("statId", customer.statId);
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
