#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPServerRequest.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace gh::http {

// One HTTP request as the handlers see it: method, decoded path, query and path parameters,
// headers, cookies and a size-limited body.
class Request
{
public:
    Request(Poco::Net::HTTPServerRequest& request, std::string path, std::multimap<std::string, std::string> query,
            std::uint64_t maxBodyBytes, bool secure, std::string clientAddress);

    const std::string& method() const { return m_request.getMethod(); }
    const std::string& path() const { return m_path; }
    const std::string& uri() const { return m_request.getURI(); }
    // HTTPS as the client sees it: only through a trusted proxy that says X-Forwarded-Proto: https.
    bool secure() const { return m_secure; }
    // The client's address: the socket's peer, or behind a trusted proxy its X-Forwarded-For.
    const std::string& clientAddress() const { return m_clientAddress; }

    // Path parameters from the route pattern ({number}).
    const std::string& param(const std::string& name) const;
    void setParams(std::map<std::string, std::string> params) { m_params = std::move(params); }

    // The last value of a query parameter, if present.
    std::optional<std::string> query(const std::string& name) const;
    const std::multimap<std::string, std::string>& queryParameters() const { return m_query; }

    std::string header(const std::string& name) const { return m_request.get(name, ""); }
    std::optional<std::string> cookie(const std::string& name) const;
    std::string contentType() const; // media type only, lower case, without parameters

    // The whole body, refused with 413 above the route's limit.
    const std::string& body();
    // The body parsed as a JSON object: 415 unless the content type is JSON, 400 if it is not an object.
    Poco::JSON::Object::Ptr jsonBody();
    // The raw stream, for handlers that stream large bodies (imports); they check the limit themselves.
    std::istream& stream() { return m_request.stream(); }
    std::uint64_t maxBodyBytes() const { return m_maxBodyBytes; }
    bool bodyRead() const { return m_bodyRead; }

    Poco::Net::HTTPServerRequest& raw() { return m_request; }

private:
    Poco::Net::HTTPServerRequest& m_request;
    std::string m_path;
    std::multimap<std::string, std::string> m_query;
    std::map<std::string, std::string> m_params;
    std::uint64_t m_maxBodyBytes;
    bool m_secure;
    std::string m_clientAddress;
    bool m_bodyRead = false;
    std::string m_body;
};

} // namespace gh::http
