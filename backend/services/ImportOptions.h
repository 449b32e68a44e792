#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace gh::services {

// The settings of one import (SPEC §3, API.md): behaviour, validation strategy, allowed error count,
// field separator, multiple value separator, fields enclosure and the empty attribute value constant.
struct ImportOptions
{
    enum class Behaviour
    {
        AddUpdate,
        Replace,
        Delete,
        Custom
    };
    enum class Strategy
    {
        Stop,
        Skip
    };

    Behaviour behaviour = Behaviour::AddUpdate;
    Strategy strategy = Strategy::Stop;
    std::int64_t allowedErrors = 0;
    char separator = ',';
    char multiSeparator = '|';
    char enclosure = '"';
    std::string emptyValue = "__EMPTY__VALUE__";

    struct Problem
    {
        std::string parameter;
        std::string message;
    };
    // From named values (query parameters, command-line options); `get` answers nullopt for an absent
    // name. Every problem is collected.
    static ImportOptions parse(const std::function<std::optional<std::string>(const std::string&)>& get,
                               std::vector<Problem>* problems);

    std::string toJson() const;
    static ImportOptions fromJson(const std::string& json);
    static const char* name(Behaviour behaviour);
    static const char* name(Strategy strategy);
};

} // namespace gh::services
