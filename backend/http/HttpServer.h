#pragma once

#include "Router.h"
#include "TrustedProxies.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerParams.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace gh::http {

class ConnectionLoop;
struct Connection;

// Limits from configuration (gatehouse.http.*).
struct ServerLimits
{
    int maxThreads = 16; // handler threads: requests served at once (connections cost no thread)
    int maxQueued = 1024; // complete requests waiting for a handler thread; beyond, 503
    bool keepAlive = true;
    int keepAliveTimeoutSeconds = 10;
    int maxKeepAliveRequests = 0; // 0 = unlimited
    int headerTimeoutSeconds = 10; // the whole request head must arrive within this, or 408
    int timeoutSeconds = 30; // grace for a request body and for an answer to be read, on top of...
    std::uint64_t minDataRate = 1024; // ...one second per this many bytes; slower is 408 / close
    std::size_t maxHeaderBytes = 16 * 1024; // request line + header fields
    std::uint64_t maxBodyBytes = 1024 * 1024; // default per route
    int maxConnections = 10000; // open connections in all; beyond, 503 and close
    int maxConnectionsPerAddress = 512; // open connections per client address (0 = no cap); beyond, 429
    std::vector<std::string> trustedProxies; // addresses or CIDR ranges whose X-Forwarded-* are believed
    int shutdownTimeoutSeconds = 30; // how long in-flight requests may take to finish on stop
};

// The HTTP front door: a ConnectionLoop accepts connections and reads requests without a thread per
// connection; complete requests are routed by method + path pattern on a handler thread, answered in
// API.md's JSON error format for every 4xx/5xx, counted for a graceful stop, and written to the
// access log.
class HttpServer
{
public:
    HttpServer(const Router& router, ServerLimits limits, Poco::Logger* accessLog = nullptr,
               Poco::Logger* errorLog = nullptr);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds and starts serving; port 0 picks a free one (see port()). Throws on a bind failure.
    // Raises the process's open-file soft limit to its hard limit.
    void start(const std::string& host, std::uint16_t port);
    std::uint16_t port() const;
    std::string url() const;

    // Stops accepting, lets requests in flight finish (up to the shutdown timeout), then closes the
    // remaining idle keep-alive connections. Idempotent.
    void stop();

    int requestsInFlight() const;
    int openConnections() const;

private:
    void serve(Connection& connection);
    std::uint64_t bodyLimit(const std::string& method, const std::string& uri) const;
    void log(const std::string& client, const std::string& method, const std::string& path, int status,
             std::size_t bytes, double ms) const;

    const Router& m_router;
    ServerLimits m_limits;
    TrustedProxies m_proxies;
    Poco::Logger* m_accessLog;
    Poco::Logger* m_errorLog;
    Poco::Net::HTTPServerParams::Ptr m_params;
    std::unique_ptr<ConnectionLoop> m_loop;
    std::string m_host;
    bool m_stopped = false;
};

} // namespace gh::http
