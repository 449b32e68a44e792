#include "RecordJson.h"

#include "core/Text.h"
#include "core/Time.h"

#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <sstream>

namespace gh::services {
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

} // namespace gh::services
