#pragma once

#include <Poco/JSON/Array.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace gh::http {

// Thrown by handlers; the server turns it into API.md's error body
// {"error": {"code", "message", "details"}} with the given status.
class HttpError : public std::runtime_error
{
public:
    HttpError(int status, std::string code, const std::string& message, Poco::JSON::Array::Ptr details = nullptr)
        : std::runtime_error(message)
        , m_status(status)
        , m_code(std::move(code))
        , m_details(details ? details : Poco::JSON::Array::Ptr(new Poco::JSON::Array))
    {
    }

    int status() const { return m_status; }
    const std::string& code() const { return m_code; }
    Poco::JSON::Array::Ptr details() const { return m_details; }

    // Extra response headers (Retry-After, Allow, WWW-Authenticate).
    std::vector<std::pair<std::string, std::string>> headers;

    // A 400 naming the offending field or parameter in details: [{"field": name, "message": ...}].
    static HttpError badField(const std::string& field, const std::string& message, std::string code = "bad_request");
    static HttpError notFound(const std::string& message = "Not found.");

private:
    int m_status;
    std::string m_code;
    Poco::JSON::Array::Ptr m_details;
};

// The default machine code for a status (404 -> "not_found").
std::string defaultErrorCode(int status);

} // namespace gh::http
