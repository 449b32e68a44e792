#include "ImportOptions.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

namespace gh::services {
namespace {

// A separator or enclosure is one character; "\t" and "tab" name a tab.
std::optional<char> oneChar(const std::string& text)
{
    if (text == "\\t" || text == "tab" || text == "TAB")
        return '\t';
    if (text.size() == 1)
        return text[0];
    return std::nullopt;
}

bool forbidden(char c)
{
    return c == '\r' || c == '\n' || c == '\0';
}

} // namespace

const char* ImportOptions::name(Behaviour behaviour)
{
    switch (behaviour) {
    case Behaviour::AddUpdate:
        return "add_update";
    case Behaviour::Replace:
        return "replace";
    case Behaviour::Delete:
        return "delete";
    case Behaviour::Custom:
        return "custom";
    }
    return "add_update";
}

const char* ImportOptions::name(Strategy strategy)
{
    return strategy == Strategy::Skip ? "skip" : "stop";
}

ImportOptions ImportOptions::parse(const std::function<std::optional<std::string>(const std::string&)>& get,
                                   std::vector<Problem>* problems)
{
    ImportOptions options;
    if (auto value = get("behaviour")) {
        if (*value == "add_update")
            options.behaviour = Behaviour::AddUpdate;
        else if (*value == "replace")
            options.behaviour = Behaviour::Replace;
        else if (*value == "delete")
            options.behaviour = Behaviour::Delete;
        else if (*value == "custom")
            options.behaviour = Behaviour::Custom;
        else
            problems->push_back({"behaviour", "must be add_update, replace, delete or custom"});
    }
    if (auto value = get("strategy")) {
        if (*value == "stop")
            options.strategy = Strategy::Stop;
        else if (*value == "skip")
            options.strategy = Strategy::Skip;
        else
            problems->push_back({"strategy", "must be stop or skip"});
    }
    if (auto value = get("allowedErrors")) {
        std::size_t used = 0;
        long long n = -1;
        try {
            n = std::stoll(*value, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used != value->size() || value->empty() || n < 0 || n > 1000000000)
            problems->push_back({"allowedErrors", "must be a whole number from 0 to 1000000000"});
        else
            options.allowedErrors = n;
    }
    auto character = [&](const char* parameter, char& target) {
        if (auto value = get(parameter)) {
            auto c = oneChar(*value);
            if (!c || forbidden(*c))
                problems->push_back({parameter, "must be one character (not a line break)"});
            else
                target = *c;
        }
    };
    character("separator", options.separator);
    character("multiSeparator", options.multiSeparator);
    character("enclosure", options.enclosure);
    if (auto value = get("emptyValue")) {
        if (value->empty() || value->size() > 100)
            problems->push_back({"emptyValue", "must be 1 to 100 characters"});
        else
            options.emptyValue = *value;
    }
    if (options.separator == options.enclosure)
        problems->push_back({"enclosure", "must differ from the field separator"});
    if (options.multiSeparator == options.separator)
        problems->push_back({"multiSeparator", "must differ from the field separator"});
    return options;
}

std::string ImportOptions::toJson() const
{
    Poco::JSON::Object o;
    o.set("behaviour", std::string(name(behaviour)));
    o.set("strategy", std::string(name(strategy)));
    o.set("allowedErrors", allowedErrors);
    o.set("separator", std::string(1, separator));
    o.set("multiSeparator", std::string(1, multiSeparator));
    o.set("enclosure", std::string(1, enclosure));
    o.set("emptyValue", emptyValue);
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(o, out);
    return out.str();
}

ImportOptions ImportOptions::fromJson(const std::string& json)
{
    Poco::JSON::Parser parser;
    auto o = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
    std::vector<Problem> ignored;
    return parse(
        [&](const std::string& key) -> std::optional<std::string> {
            if (!o->has(key))
                return std::nullopt;
            return o->get(key).convert<std::string>();
        },
        &ignored);
}

} // namespace gh::services
