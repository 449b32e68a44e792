#include "HttpServer.h"

#include "ConnectionLoop.h"
#include "HttpError.h"
#include "LogEscape.h"
#include "Request.h"
#include "RequestBody.h"
#include "Response.h"
#include "ServerRequest.h"
#include "ServerResponse.h"
#include "services/Services.h" // store::DatabaseError, through the services

#include <Poco/Net/NetException.h>
#include <Poco/String.h>
#include <Poco/Timestamp.h>
#include <Poco/URI.h>

#include <chrono>

namespace gh::http {
namespace {

using Poco::Net::HTTPResponse;

void addStandardHeaders(Poco::Net::HTTPServerResponse& response, bool secure)
{
    response.set("Server", "Gatehouse");
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Referrer-Policy", "same-origin");
    response.set("X-Frame-Options", "DENY");
    response.set("Cache-Control", "no-store");
    if (secure)
        response.set("Strict-Transport-Security", "max-age=31536000");
}

void sendErrorIfPossible(Response& res, const HttpError& error)
{
    if (!res.sent())
        res.sendError(error);
}

// The values of every field called `name` (a client may send a header more than once).
std::vector<std::string> allValues(const Poco::Net::HTTPRequest& request, const std::string& name)
{
    std::vector<std::string> values;
    for (const auto& [field, value] : request) {
        if (Poco::icompare(field, name) == 0)
            values.push_back(value);
    }
    return values;
}

} // namespace

HttpServer::HttpServer(const Router& router, ServerLimits limits, Poco::Logger* accessLog, Poco::Logger* errorLog)
    : m_router(router)
    , m_limits(std::move(limits))
    , m_proxies(m_limits.trustedProxies)
    , m_accessLog(accessLog)
    , m_errorLog(errorLog)
{
}

HttpServer::~HttpServer()
{
    stop();
}

void HttpServer::start(const std::string& host, std::uint16_t port)
{
    m_params = new Poco::Net::HTTPServerParams;
    m_params->setMaxThreads(m_limits.maxThreads);
    m_params->setMaxQueued(m_limits.maxQueued);
    m_params->setKeepAlive(m_limits.keepAlive);
    m_params->setKeepAliveTimeout(Poco::Timespan(m_limits.keepAliveTimeoutSeconds, 0));
    m_params->setMaxKeepAliveRequests(m_limits.maxKeepAliveRequests);
    m_params->setTimeout(Poco::Timespan(m_limits.timeoutSeconds, 0));
    m_params->setServerName("Gatehouse");

    LoopLimits loop;
    loop.handlerThreads = m_limits.maxThreads;
    loop.maxQueued = m_limits.maxQueued;
    loop.keepAliveTimeoutSeconds = m_limits.keepAliveTimeoutSeconds;
    loop.headerTimeoutSeconds = m_limits.headerTimeoutSeconds;
    loop.timeoutSeconds = m_limits.timeoutSeconds;
    loop.minDataRate = m_limits.minDataRate;
    loop.maxHeaderBytes = m_limits.maxHeaderBytes;
    loop.bufferedBodyBytes = std::min<std::uint64_t>(m_limits.maxBodyBytes, 1024 * 1024);
    loop.maxConnections = m_limits.maxConnections;
    loop.maxConnectionsPerAddress = m_limits.maxConnectionsPerAddress;

    ConnectionLoop::Hooks hooks;
    hooks.serve = [this](Connection& connection) { serve(connection); };
    hooks.bodyLimit = [this](const std::string& method, const std::string& uri) { return bodyLimit(method, uri); };
    hooks.refused = [this](const std::string& client, const std::string& method, const std::string& uri, int status,
                           std::size_t bytes) { log(client, method, uri, status, bytes, 0.0); };
    m_loop = std::make_unique<ConnectionLoop>(loop, m_proxies, std::move(hooks), m_errorLog);
    m_loop->start(host, port, *m_params);
    m_host = host;
}

std::uint16_t HttpServer::port() const
{
    return m_loop ? m_loop->port() : 0;
}

std::string HttpServer::url() const
{
    const bool v6 = m_host.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + m_host + "]" : m_host) + ":" + std::to_string(port());
}

int HttpServer::requestsInFlight() const
{
    return m_loop ? m_loop->requestsInFlight() : 0;
}

int HttpServer::openConnections() const
{
    return m_loop ? m_loop->openConnections() : 0;
}

void HttpServer::stop()
{
    if (!m_loop || m_stopped)
        return;
    m_stopped = true;
    m_loop->stop(m_limits.shutdownTimeoutSeconds);
}

std::uint64_t HttpServer::bodyLimit(const std::string& method, const std::string& uri) const
{
    try {
        const auto match = m_router.match(method, Poco::URI(uri).getPath());
        if (match.route && match.route->options.maxBodyBytes)
            return match.route->options.maxBodyBytes;
    } catch (const Poco::Exception&) {
    }
    return m_limits.maxBodyBytes;
}

// One complete request head on a handler thread: routes it, runs the handler, answers errors in our
// format, and leaves the answer in the connection's output buffer.
void HttpServer::serve(Connection& connection)
{
    ServerRequest& request = *connection.request;
    const auto started = connection.requestStarted;

    // The client and the scheme: a trusted proxy's X-Forwarded-For and X-Forwarded-Proto, else the socket's.
    std::string client = connection.peerHost;
    bool secure = false;
    if (connection.fromTrustedProxy) {
        client = m_proxies.clientFromForwardedFor(allValues(request, "X-Forwarded-For"), connection.peerHost);
        const auto protos = allValues(request, "X-Forwarded-Proto");
        secure = !protos.empty() && Poco::icompare(Poco::trim(protos.back()), "https") == 0;
    }

    RequestBody::Pace pace;
    pace.windowSeconds = m_limits.timeoutSeconds;
    pace.minBytesPerSecond = m_limits.minDataRate;
    RequestBodyStream body(connection, pace);
    // 100 Continue went out from the loop when it accepted the declared length.
    ServerResponse response(connection.out, request.getMethod() == "HEAD", {});
    request.attach(response, body);

    response.setDate(Poco::Timestamp());
    response.setVersion(request.getVersion());
    const bool underRequestLimit
        = m_limits.maxKeepAliveRequests <= 0 || connection.requests + 1 < m_limits.maxKeepAliveRequests;
    response.setKeepAlive(m_limits.keepAlive && request.getKeepAlive() && underRequestLimit && !connection.peerClosed
                          && !m_loop->stopping());
    addStandardHeaders(response, secure);
    Response res(response);

    std::string path = request.getURI();
    bool bodyBroken = false;
    try {
        Poco::URI uri;
        try {
            uri = Poco::URI(request.getURI());
        } catch (const Poco::SyntaxException&) {
            throw HttpError(400, "bad_request", "The request URI is malformed.");
        }
        path = uri.getPath();
        std::multimap<std::string, std::string> query;
        try {
            for (auto& [name, value] : uri.getQueryParameters())
                query.emplace(name, value);
        } catch (const Poco::Exception&) {
            throw HttpError(400, "bad_request", "The query string is malformed.");
        }

        auto match = m_router.match(request.getMethod(), path);
        if (!match.route) {
            if (!match.allowedMethods.empty()) {
                std::string allow;
                for (const auto& m : match.allowedMethods)
                    allow += (allow.empty() ? "" : ", ") + m;
                HttpError error(405, "method_not_allowed",
                                "The method " + request.getMethod() + " is not allowed here.");
                error.headers.emplace_back("Allow", allow);
                throw error;
            }
            throw HttpError(404, "not_found", "No resource at " + path + ".");
        }
        const std::uint64_t maxBody
            = match.route->options.maxBodyBytes ? match.route->options.maxBodyBytes : m_limits.maxBodyBytes;
        Request req(request, path, std::move(query), maxBody, secure, client);
        req.setParams(std::move(match.params));
        match.route->handler(req, res);
        if (!res.sent())
            throw std::logic_error("the handler for " + match.route->pattern + " sent no answer");
    } catch (const HttpError& error) {
        if (error.status() == 413)
            response.setKeepAlive(false); // the rest of the body is not worth reading
        sendErrorIfPossible(res, error);
    } catch (const store::DatabaseError& error) {
        if (m_errorLog)
            m_errorLog->error("database error on " + request.getMethod() + " " + escapeForLog(path) + ": "
                              + error.what());
        if (error.kind() == store::DatabaseError::Kind::Busy) {
            HttpError busy(503, "service_unavailable", "The database is busy; try again shortly.");
            busy.headers.emplace_back("Retry-After", "1");
            sendErrorIfPossible(res, busy);
        } else {
            sendErrorIfPossible(res, HttpError(500, "internal_error", "An internal error occurred."));
        }
    } catch (const Poco::TimeoutException&) {
        // The body came too slowly (see RequestBody): say so if nothing went out yet, then close.
        bodyBroken = true;
        response.setKeepAlive(false);
        sendErrorIfPossible(res, HttpError(408, "request_timeout", "The request body arrives too slowly."));
    } catch (const Poco::Net::NetException&) {
        throw; // the client went away; nothing to answer
    } catch (const Poco::DataFormatException&) {
        bodyBroken = true;
        response.setKeepAlive(false);
        sendErrorIfPossible(res, HttpError(400, "bad_request", "The chunked request body is malformed."));
    } catch (const Poco::Exception& error) {
        if (m_errorLog)
            m_errorLog->error("error on " + request.getMethod() + " " + escapeForLog(path) + ": "
                              + error.displayText());
        sendErrorIfPossible(res, HttpError(500, "internal_error", "An internal error occurred."));
    } catch (const std::exception& error) {
        if (m_errorLog)
            m_errorLog->error("error on " + request.getMethod() + " " + escapeForLog(path) + ": " + error.what());
        sendErrorIfPossible(res, HttpError(500, "internal_error", "An internal error occurred."));
    }

    bool keepAlive = response.getKeepAlive();
    // What the handler left of the body is read so the next request parses cleanly; a large
    // remainder is not worth it: the connection closes instead.
    if (keepAlive && !bodyBroken && !body.body().skipRest(1024 * 1024))
        keepAlive = false;
    connection.keepAlive = keepAlive;
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    log(client, request.getMethod(), path, res.status(), res.bytesSent(), ms);
}

void HttpServer::log(const std::string& client, const std::string& method, const std::string& path, int status,
                     std::size_t bytes, double ms) const
{
    if (!m_accessLog || !m_accessLog->information())
        return;
    char duration[32];
    std::snprintf(duration, sizeof duration, "%.2fms", ms);
    m_accessLog->information(escapeForLog(client) + " \"" + escapeForLog(method) + " " + escapeForLog(path) + "\" "
                             + std::to_string(status) + " " + std::to_string(bytes) + " " + duration);
}

} // namespace gh::http
