#pragma once

// Shared by the backend tests: a real SQLite file in a temporary folder, the real server in-process
// on an ephemeral loopback port, and a small HTTP client with a cookie jar. Header-only so that each
// test stays one executable.

#include "core/PasswordHasher.h"
#include "http/HttpServer.h"
#include "http/Routes.h"
#include "services/DemoData.h"
#include "services/Services.h"
#include "store/Migrations.h"
#include "store/SqliteDatabase.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <memory>
#include <sstream>
#include <string>

namespace gh::test {

// A fresh database file, migrated to the newest schema.
class TempDatabase
{
public:
    TempDatabase()
    {
        if (!m_dir.isValid())
            qFatal("no temporary directory");
        m_path = m_dir.filePath(QStringLiteral("gatehouse.db")).toStdString();
        m_db = std::make_unique<store::SqliteDatabase>(m_path);
        auto connection = m_db->acquire();
        store::Migrations::apply(*connection);
    }
    store::SqliteDatabase& db() { return *m_db; }
    std::unique_ptr<store::Database> release() { return std::move(m_db); }
    const std::string& path() const { return m_path; }
    QString dir() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    std::string m_path;
    std::unique_ptr<store::SqliteDatabase> m_db;
};

// Fast Argon2 parameters for tests that create many accounts; the production parameters are tested
// in testpasswordhasher.
inline core::PasswordHasher fastHasher()
{
    return core::PasswordHasher({1024, 1, 1});
}

// The real server, in-process, on 127.0.0.1 with an ephemeral port, over a temporary database that
// holds the small demo data set unless told otherwise.
class TestServer
{
public:
    explicit TestServer(bool withDemoData = true, http::ServerLimits limits = {})
    {
        if (withDemoData) {
            auto connection = m_temp.db().acquire();
            services::DemoData::generate(*connection, services::DemoData::Scale::Small, core::PasswordHasher{});
        }
        services::Options options;
        options.dataDir = (m_temp.dir() + QStringLiteral("/var")).toStdString();
        options.portalDir = GATEHOUSE_SOURCE_DIR "/resources/portal";
        m_services = std::make_unique<services::Services>(m_temp.release(), options);
        http::registerRoutes(m_router, *m_services);
        m_server = std::make_unique<http::HttpServer>(m_router, limits);
        m_server->start("127.0.0.1", 0);
        m_services->options().publicUrl = m_server->url();
    }
    ~TestServer() { m_server->stop(); }

    std::uint16_t port() const { return m_server->port(); }
    std::string url() const { return m_server->url(); }
    services::Services& services() { return *m_services; }
    http::HttpServer& server() { return *m_server; }
    const http::Router& router() const { return m_router; }
    QString dir() const { return m_temp.dir(); }

private:
    TempDatabase m_temp;
    std::unique_ptr<services::Services> m_services;
    http::Router m_router;
    std::unique_ptr<http::HttpServer> m_server;
};

struct HttpResult
{
    int status = 0;
    std::string body;
    std::multimap<std::string, std::string> headers; // names in lower case

    std::string header(const std::string& lowerName) const
    {
        auto it = headers.find(lowerName);
        return it == headers.end() ? std::string() : it->second;
    }
    Poco::JSON::Object::Ptr json() const
    {
        Poco::JSON::Parser parser;
        return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
    }
    // The "code" of API.md's error body, or empty.
    std::string errorCode() const
    {
        try {
            auto error = json()->getObject("error");
            return error ? error->getValue<std::string>("code") : std::string();
        } catch (const std::exception&) {
            return {};
        }
    }
};

// Blocking HTTP/1.1 client over one keep-alive connection, with a cookie jar and optional bearer
// token and CSRF header.
class HttpClient
{
public:
    explicit HttpClient(std::uint16_t port, std::string host = "127.0.0.1")
        : m_session(host, port)
    {
        m_session.setTimeout(Poco::Timespan(60, 0));
    }

    void setBearer(const std::string& token) { m_bearer = token; }
    void setCsrf(const std::string& token) { m_csrf = token; }
    void setHeader(const std::string& name, const std::string& value) { m_extra[name] = value; }
    std::map<std::string, std::string>& cookies() { return m_cookies; }

    HttpResult request(const std::string& method, const std::string& path, const std::string& body = {},
                       const std::string& contentType = {})
    {
        Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
        request.setKeepAlive(true);
        if (!m_bearer.empty())
            request.set("Authorization", "Bearer " + m_bearer);
        if (!m_csrf.empty())
            request.set("X-CSRF-Token", m_csrf);
        for (const auto& [name, value] : m_extra)
            request.set(name, value);
        if (!m_cookies.empty()) {
            Poco::Net::NameValueCollection cookies;
            for (const auto& [name, value] : m_cookies)
                cookies.add(name, value);
            request.setCookies(cookies);
        }
        if (!contentType.empty())
            request.setContentType(contentType);
        if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH")
            request.setContentLength(static_cast<std::streamsize>(body.size()));
        std::ostream& out = m_session.sendRequest(request);
        out << body;
        Poco::Net::HTTPResponse response;
        std::istream& in = m_session.receiveResponse(response);
        HttpResult result;
        result.status = response.getStatus();
        Poco::StreamCopier::copyToString(in, result.body);
        for (const auto& [name, value] : response) {
            std::string lower = name;
            for (char& c : lower)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            result.headers.emplace(lower, value);
        }
        std::vector<Poco::Net::HTTPCookie> cookies;
        response.getCookies(cookies);
        for (const auto& cookie : cookies) {
            if (cookie.getMaxAge() == 0 || cookie.getValue().empty())
                m_cookies.erase(cookie.getName());
            else
                m_cookies[cookie.getName()] = cookie.getValue();
        }
        return result;
    }

    HttpResult get(const std::string& path) { return request("GET", path); }
    HttpResult del(const std::string& path) { return request("DELETE", path); }
    HttpResult post(const std::string& path, const std::string& json = "{}")
    {
        return request("POST", path, json, "application/json");
    }
    HttpResult put(const std::string& path, const std::string& json)
    {
        return request("PUT", path, json, "application/json");
    }
    HttpResult patch(const std::string& path, const std::string& json)
    {
        return request("PATCH", path, json, "application/json");
    }

private:
    Poco::Net::HTTPClientSession m_session;
    std::string m_bearer;
    std::string m_csrf;
    std::map<std::string, std::string> m_extra;
    std::map<std::string, std::string> m_cookies;
};

inline QString q(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace gh::test
