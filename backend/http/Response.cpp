#include "Response.h"

#include <fstream>
#include <vector>

#include "HttpError.h"

#include <Poco/Net/HTTPCookie.h>

#include <sstream>

namespace gh::http {

void Response::setCookie(const std::string& name, const std::string& value, bool secure, int maxAgeSeconds,
                         const std::string& sameSite)
{
    Poco::Net::HTTPCookie cookie(name, value);
    cookie.setPath("/");
    cookie.setHttpOnly(true);
    cookie.setSecure(secure);
    if (maxAgeSeconds >= 0)
        cookie.setMaxAge(maxAgeSeconds);
    cookie.setSameSite(sameSite == "Strict" ? Poco::Net::HTTPCookie::SAME_SITE_STRICT
                                            : Poco::Net::HTTPCookie::SAME_SITE_LAX);
    m_response.addCookie(cookie);
}

void Response::send(int status, const std::string& contentType, std::string_view body)
{
    m_response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    if (!contentType.empty())
        m_response.setContentType(contentType);
    m_response.sendBuffer(body.data(), body.size());
    m_sent = true;
    m_status = status;
    m_bytes = body.size();
}

void Response::sendFile(int status, const std::string& contentType, const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot open " + path);
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::streamsize>(in.tellg());
    in.seekg(0);
    m_response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    m_response.setContentType(contentType);
    m_response.setContentLength64(size);
    m_sent = true;
    m_status = status;
    std::ostream& out = m_response.send();
    std::vector<char> buffer(256 * 1024);
    while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
        out.write(buffer.data(), in.gcount());
        m_bytes += static_cast<std::size_t>(in.gcount());
    }
    out.flush();
}

void Response::sendJson(int status, const Poco::JSON::Object& body)
{
    std::ostringstream out;
    body.stringify(out);
    sendJson(status, out.str());
}

void Response::sendJson(int status, const std::string& serialisedJson)
{
    send(status, "application/json; charset=utf-8", serialisedJson);
}

void Response::sendEmpty(int status)
{
    m_response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    m_response.setContentLength(0);
    m_response.send();
    m_sent = true;
    m_status = status;
}

std::string Response::errorBody(const std::string& code, const std::string& message, Poco::JSON::Array::Ptr details)
{
    Poco::JSON::Object error;
    error.set("code", code);
    error.set("message", message);
    error.set("details", details ? details : Poco::JSON::Array::Ptr(new Poco::JSON::Array));
    Poco::JSON::Object body;
    body.set("error", error);
    std::ostringstream out;
    body.stringify(out);
    return out.str();
}

void Response::sendError(int status, const std::string& code, const std::string& message,
                         Poco::JSON::Array::Ptr details)
{
    sendJson(status, errorBody(code, message, details));
}

void Response::sendError(const HttpError& error)
{
    for (const auto& [name, value] : error.headers)
        setHeader(name, value);
    sendError(error.status(), error.code(), error.what(), error.details());
}

} // namespace gh::http
