#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace gh::services {

// What ImportService and ExportService refuse, for the handlers to answer: the kind maps to a status
// (NotFound 404, Conflict 409, Invalid 422, BadParameter 400), `field` names what was wrong.
class ImportExportError : public std::runtime_error
{
public:
    enum class Kind
    {
        NotFound,
        Conflict,
        Invalid,
        BadParameter
    };
    ImportExportError(Kind kind, std::string code, const std::string& message, std::string field = {})
        : std::runtime_error(message)
        , m_kind(kind)
        , m_code(std::move(code))
        , m_field(std::move(field))
    {
    }
    Kind kind() const { return m_kind; }
    const std::string& code() const { return m_code; }
    const std::string& field() const { return m_field; }

private:
    Kind m_kind;
    std::string m_code;
    std::string m_field;
};

} // namespace gh::services
