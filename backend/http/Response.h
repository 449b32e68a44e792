#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <string>
#include <string_view>

namespace gh::http {

class HttpError;

// The handler's side of the answer. Every body goes out in one write with its Content-Length.
class Response
{
public:
    explicit Response(Poco::Net::HTTPServerResponse& response)
        : m_response(response)
    {
    }

    void setHeader(const std::string& name, const std::string& value) { m_response.set(name, value); }
    // Set-Cookie with HttpOnly, SameSite and Path=/; Secure when asked (TLS). maxAge < 0: session
    // cookie; 0: delete.
    void setCookie(const std::string& name, const std::string& value, bool secure, int maxAgeSeconds = -1,
                   const std::string& sameSite = "Lax");

    void sendJson(int status, const Poco::JSON::Object& body);
    void sendJson(int status, const std::string& serialisedJson);
    void send(int status, const std::string& contentType, std::string_view body);
    void sendEmpty(int status); // 204 and friends
    // A file from disk, copied in blocks (never held whole in memory).
    void sendFile(int status, const std::string& contentType, const std::string& path);
    void sendError(int status, const std::string& code, const std::string& message,
                   Poco::JSON::Array::Ptr details = nullptr);
    void sendError(const HttpError& error);

    bool sent() const { return m_sent; }
    int status() const { return m_status; }
    std::size_t bytesSent() const { return m_bytes; }
    Poco::Net::HTTPServerResponse& raw() { return m_response; }

    static std::string errorBody(const std::string& code, const std::string& message,
                                 Poco::JSON::Array::Ptr details = nullptr);

private:
    Poco::Net::HTTPServerResponse& m_response;
    bool m_sent = false;
    int m_status = 0;
    std::size_t m_bytes = 0;
};

} // namespace gh::http
