#include "AdminApi.h"
#include "Routes.h"

#include "core/Text.h"
#include "core/Time.h"
#include "services/StaffAuth.h"
#include "store/RoleRepository.h"
#include "store/SettingRepository.h"

#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <sstream>

namespace gh::http::admin {
namespace {

Poco::JSON::Array::Ptr keysArray(const std::vector<std::string>& keys)
{
    Poco::JSON::Array::Ptr out(new Poco::JSON::Array);
    for (const auto& key : keys)
        out->add(key);
    return out;
}

// Reads typed members of a "set" object, collecting every problem instead of stopping at the first.
class SetReader
{
public:
    explicit SetReader(const Poco::JSON::Object& set)
        : m_set(set)
    {
    }

    bool has(const std::string& name) const { return m_set.has(name); }

    void text(const std::string& name, std::string& target, bool required = false, std::size_t maxLength = 200)
    {
        if (!m_set.has(name))
            return;
        const auto value = m_set.get(name);
        if (!value.isString()) {
            problem(name, "must be a string");
            return;
        }
        std::string text = value.toString();
        if (!core::isValidUtf8(text) || core::utf8Length(text) > maxLength) {
            problem(name, "must be valid text of at most " + std::to_string(maxLength) + " characters");
            return;
        }
        if (required && core::trim(text).empty()) {
            problem(name, "must not be empty");
            return;
        }
        target = std::move(text);
    }

    void email(const std::string& name, std::string& target)
    {
        std::string value = target;
        text(name, value, true, 254);
        if (m_set.has(name) && value != target) {
            if (!core::looksLikeEmail(value))
                problem(name, "must be an email address");
            else
                target = core::toLowerAscii(core::trim(value));
        }
    }

    void flag(const std::string& name, bool& target)
    {
        if (!m_set.has(name))
            return;
        const auto value = m_set.get(name);
        if (value.type() != typeid(bool)) {
            problem(name, "must be true or false");
            return;
        }
        target = value.extract<bool>();
    }

    std::optional<std::vector<std::string>> strings(const std::string& name)
    {
        if (!m_set.has(name))
            return std::nullopt;
        if (!m_set.isArray(name)) {
            problem(name, "must be an array of strings");
            return std::nullopt;
        }
        std::vector<std::string> out;
        auto array = m_set.getArray(name);
        for (std::size_t i = 0; i < array->size(); ++i) {
            const auto item = array->get(static_cast<unsigned>(i));
            if (!item.isString()) {
                problem(name, "must be an array of strings");
                return std::nullopt;
            }
            const std::string value = item.toString();
            if (std::find(out.begin(), out.end(), value) == out.end())
                out.push_back(value);
        }
        return out;
    }

    template <typename Set> void flags(const std::string& name, Set& target)
    {
        auto keys = strings(name);
        if (!keys)
            return;
        std::string unknown;
        auto parsed = Set::fromKeys(*keys, &unknown);
        if (!parsed) {
            problem(name, "unknown key '" + unknown + "'");
            return;
        }
        target = *parsed;
    }

    template <typename Enum> void choice(const std::string& name, Enum& target, const std::string& allowed)
    {
        std::string value;
        text(name, value);
        if (!m_set.has(name) || value.empty())
            return;
        auto parsed = core::parseEnum<Enum>(value);
        if (!parsed)
            problem(name, "must be one of: " + allowed);
        else
            target = *parsed;
    }

    // A field the caller may repeat with its current value but not change.
    void readOnly(const std::string& name, const std::string& current)
    {
        if (m_set.has(name) && m_set.get(name).toString() != current)
            problem(name, "cannot be changed");
    }

    void allowOnly(const std::vector<std::string>& known)
    {
        for (const auto& [name, value] : m_set) {
            if (name != "version" && std::find(known.begin(), known.end(), name) == known.end())
                problem(name, "is not a field of this record");
        }
    }

    void problem(const std::string& field, const std::string& message) { m_problems.push_back({field, message}); }

    void finish()
    {
        if (!m_problems.empty())
            throw FieldProblems(m_problems);
    }

private:
    const Poco::JSON::Object& m_set;
    std::vector<FieldProblem> m_problems;
};

} // namespace

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

std::string stringify(const Poco::JSON::Object::Ptr& object)
{
    if (!object)
        return "";
    std::ostringstream out;
    object->stringify(out);
    return out.str();
}

Poco::JSON::Object::Ptr toJson(const core::Customer& c)
{
    Poco::JSON::Object::Ptr o(new Poco::JSON::Object);
    o->set("number", c.number);
    o->set("name", c.name);
    o->set("group", c.group);
    o->set("payerNumber", c.payerNumber);
    o->set("statId", c.statId);
    o->set("erpStatus", c.erpStatus);
    o->set("portalEnabled", c.portalEnabled);
    o->set("currency", c.currency);
    Poco::JSON::Object::Ptr free(new Poco::JSON::Object);
    for (const auto& [key, value] : c.freeFields)
        free->set(key, value);
    o->set("freeFields", free);
    o->set("version", c.version);
    return o;
}

Poco::JSON::Object::Ptr toJson(const core::Contact& k)
{
    Poco::JSON::Object::Ptr o(new Poco::JSON::Object);
    o->set("id", k.id);
    o->set("customerNumber", k.customerNumber);
    o->set("firstName", k.firstName);
    o->set("lastName", k.lastName);
    o->set("email", k.email);
    o->set("phone", k.phone);
    o->set("title", k.title);
    o->set("canRegister", k.canRegister);
    o->set("sections", keysArray(k.sections.keys()));
    o->set("makePayment", k.makePayment);
    o->set("isAccountAdmin", k.isAccountAdmin);
    o->set("ownOrdersOnly", k.ownOrdersOnly);
    o->set("version", k.version);
    return o;
}

Poco::JSON::Object::Ptr toJson(const core::PortalUser& u)
{
    Poco::JSON::Object::Ptr o(new Poco::JSON::Object);
    o->set("id", u.id);
    o->set("email", u.email);
    o->set("firstName", u.firstName);
    o->set("lastName", u.lastName);
    o->set("kind", std::string(core::toString(u.kind)));
    o->set("status", std::string(core::toString(u.status)));
    if (u.contactId)
        o->set("contactId", *u.contactId);
    else
        o->set("contactId", Poco::Dynamic::Var());
    o->set("customerNumber", u.customerNumber);
    o->set("assignedCustomers", keysArray(u.assignedCustomers));
    o->set("sections", keysArray(u.sections.keys()));
    o->set("isAdmin", u.isAdmin);
    o->set("makePayment", u.makePayment);
    o->set("roles", keysArray(u.roles));
    o->set("hasPassword", !u.passwordHash.empty());
    o->set("version", u.version);
    return o;
}

Poco::JSON::Object::Ptr toJson(const core::ErpRole& r)
{
    Poco::JSON::Object::Ptr o(new Poco::JSON::Object);
    o->set("code", r.code);
    o->set("description", r.description);
    o->set("processes", keysArray(r.processes.keys()));
    o->set("modules", keysArray(r.modules.keys()));
    o->set("noAccess", r.noAccess);
    o->set("version", r.version);
    return o;
}

Poco::JSON::Object::Ptr toJson(const core::AuditEvent& e)
{
    Poco::JSON::Object::Ptr o(new Poco::JSON::Object);
    o->set("id", e.id);
    o->set("at", e.at);
    o->set("actor", e.actor);
    o->set("actorKind", e.actorKind);
    o->set("origin", std::string(core::toString(e.origin)));
    o->set("entity", e.entity);
    o->set("key", e.entityKey);
    o->set("action", e.action);
    auto parsed = [](const std::string& json) -> Poco::Dynamic::Var {
        if (json.empty())
            return Poco::Dynamic::Var();
        try {
            Poco::JSON::Parser parser;
            return parser.parse(json);
        } catch (const Poco::Exception&) {
            return json;
        }
    };
    o->set("before", parsed(e.before));
    o->set("after", parsed(e.after));
    return o;
}

void applySet(core::Customer& c, const Poco::JSON::Object& set)
{
    SetReader r(set);
    r.allowOnly(
        {"number", "name", "group", "payerNumber", "statId", "erpStatus", "portalEnabled", "currency", "freeFields"});
    r.readOnly("number", c.number);
    r.text("name", c.name, true);
    r.text("group", c.group, false, 20);
    r.text("payerNumber", c.payerNumber, false, 40);
    r.text("statId", c.statId, false, 40);
    r.text("erpStatus", c.erpStatus, false, 40);
    r.flag("portalEnabled", c.portalEnabled);
    std::string currency = c.currency;
    r.text("currency", currency, true, 3);
    if (set.has("currency")) {
        if (currency.size() != 3
            || !std::all_of(currency.begin(), currency.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }))
            r.problem("currency", "must be a three-letter ISO 4217 code such as EUR");
        else
            c.currency = currency;
    }
    if (set.has("freeFields")) {
        auto object = set.getObject("freeFields");
        if (!object) {
            r.problem("freeFields", "must be an object of strings");
        } else {
            std::map<std::string, std::string> fields;
            for (const auto& [key, value] : *object) {
                if (!value.isString())
                    r.problem("freeFields", "must be an object of strings");
                else
                    fields[key] = value.toString();
            }
            c.freeFields = std::move(fields);
        }
    }
    r.finish();
}

void applySet(core::Contact& k, const Poco::JSON::Object& set)
{
    SetReader r(set);
    r.allowOnly({"id", "customerNumber", "firstName", "lastName", "email", "phone", "title", "canRegister", "sections",
                 "makePayment", "isAccountAdmin", "ownOrdersOnly"});
    r.readOnly("id", std::to_string(k.id));
    r.readOnly("customerNumber", k.customerNumber);
    r.text("firstName", k.firstName);
    r.text("lastName", k.lastName);
    r.email("email", k.email);
    r.text("phone", k.phone, false, 50);
    r.text("title", k.title, false, 100);
    r.flag("canRegister", k.canRegister);
    r.flags("sections", k.sections);
    r.flag("makePayment", k.makePayment);
    r.flag("isAccountAdmin", k.isAccountAdmin);
    r.flag("ownOrdersOnly", k.ownOrdersOnly);
    r.finish();
}

void applySet(core::PortalUser& u, const Poco::JSON::Object& set)
{
    SetReader r(set);
    r.allowOnly({"id", "email", "firstName", "lastName", "kind", "status", "contactId", "customerNumber",
                 "assignedCustomers", "sections", "isAdmin", "makePayment", "roles", "invite"});
    r.readOnly("id", std::to_string(u.id));
    r.email("email", u.email);
    r.text("firstName", u.firstName);
    r.text("lastName", u.lastName);
    r.choice("kind", u.kind, "external, internal");
    r.choice("status", u.status, "invited, active, disabled, locked");
    if (set.has("contactId")) {
        const auto value = set.get("contactId");
        if (value.isEmpty())
            u.contactId.reset();
        else if (value.isInteger() && value.convert<long long>() > 0)
            u.contactId = value.convert<long long>();
        else
            r.problem("contactId", "must be a contact id or null");
    }
    r.text("customerNumber", u.customerNumber, false, 40);
    if (auto customers = r.strings("assignedCustomers"))
        u.assignedCustomers = *customers;
    r.flags("sections", u.sections);
    r.flag("isAdmin", u.isAdmin);
    r.flag("makePayment", u.makePayment);
    if (auto roles = r.strings("roles"))
        u.roles = *roles;
    r.finish();
}

void applySet(core::ErpRole& role, const Poco::JSON::Object& set)
{
    SetReader r(set);
    r.allowOnly({"code", "description", "processes", "modules", "noAccess"});
    r.readOnly("code", role.code);
    r.text("description", role.description, false, 200);
    r.flags("processes", role.processes);
    r.flags("modules", role.modules);
    r.flag("noAccess", role.noAccess);
    r.finish();
}

std::int64_t requiredVersion(const Poco::JSON::Object& body, const std::string& field)
{
    if (!body.has("version") || !body.get("version").isInteger())
        throw HttpError::badField(field, "the record's current version is required (a whole number)");
    return body.get("version").convert<std::int64_t>();
}

std::vector<FieldProblem> checkReferences(store::Connection& db, const core::PortalUser& user)
{
    std::vector<FieldProblem> problems;
    for (const auto& number : user.assignedCustomers) {
        auto q = db.query("SELECT 1 FROM customers WHERE number = ?", number);
        if (!q.next())
            problems.push_back({"assignedCustomers", "unknown customer " + number});
    }
    if (!user.customerNumber.empty()
        && std::find(user.assignedCustomers.begin(), user.assignedCustomers.end(), user.customerNumber)
            == user.assignedCustomers.end())
        problems.push_back({"customerNumber", "must be one of the assigned customers"});
    store::RoleRepository roles(db);
    for (const auto& code : user.roles) {
        if (!roles.find(code))
            problems.push_back({"roles", "unknown role " + code});
    }
    if (user.contactId) {
        auto q = db.query("SELECT 1 FROM contacts WHERE id = ?", *user.contactId);
        if (!q.next())
            problems.push_back({"contactId", "unknown contact " + std::to_string(*user.contactId)});
    }
    return problems;
}

void audit(store::Connection& db, const Context& context, const std::string& entity, const std::string& key,
           const std::string& action, const Poco::JSON::Object::Ptr& before, const Poco::JSON::Object::Ptr& after)
{
    core::AuditEvent event;
    event.actor = context.staff.email;
    event.actorKind = "staff";
    event.entity = entity;
    event.entityKey = key;
    event.action = action;
    event.before = stringify(before);
    event.after = stringify(after);
    event.origin = context.origin;
    store::AuditRepository(db).append(event);
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
