#pragma once

#include "Router.h"

#include <Poco/Logger.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>

namespace Poco {
class ThreadPool;
namespace Net {
class TCPServer;
class StreamSocket;
} // namespace Net
} // namespace Poco

namespace gh::http {

// Limits from configuration (gatehouse.http.*).
struct ServerLimits
{
    int maxThreads = 128; // concurrent connections being served (keep-alive connections hold one)
    int maxQueued = 256; // accepted connections waiting for a thread
    bool keepAlive = true;
    int keepAliveTimeoutSeconds = 10;
    int maxKeepAliveRequests = 0; // 0 = unlimited
    int timeoutSeconds = 30; // socket read/write timeout inside a request
    std::size_t maxHeaderBytes = 16 * 1024; // request line + header fields
    std::uint64_t maxBodyBytes = 1024 * 1024; // default per route
    int shutdownTimeoutSeconds = 30; // how long in-flight requests may take to finish on stop
};

// The HTTP front door: accepts connections with Poco's TCPServer and runs each through a
// connection loop of our own (Poco's HTTPServerConnection answers malformed requests with an
// empty body; API.md wants its JSON error for every 4xx/5xx), routes by method + path pattern,
// counts requests in flight for a graceful stop, and writes the access log.
class HttpServer
{
public:
    HttpServer(const Router& router, ServerLimits limits, Poco::Logger* accessLog = nullptr,
               Poco::Logger* errorLog = nullptr);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds and starts serving; port 0 picks a free one (see port()). Throws on a bind failure.
    void start(const std::string& host, std::uint16_t port);
    std::uint16_t port() const;
    std::string url() const;

    // Stops accepting, lets requests in flight finish (up to the shutdown timeout), then closes the
    // remaining idle keep-alive connections. Idempotent.
    void stop();

    int requestsInFlight() const { return m_state->inFlight.load(); }

    struct State
    {
        const Router* router = nullptr;
        ServerLimits limits;
        Poco::Logger* accessLog = nullptr;
        Poco::Logger* errorLog = nullptr;
        std::atomic<bool> stopping{false};
        std::atomic<int> inFlight{0};
        std::atomic<int> connections{0};
        std::mutex socketsMutex;
        std::set<Poco::Net::StreamSocket*> sockets;
    };

private:
    std::shared_ptr<State> m_state;
    std::unique_ptr<Poco::ThreadPool> m_pool;
    std::unique_ptr<Poco::Net::TCPServer> m_server;
    std::string m_host;
    bool m_stopped = false;
};

} // namespace gh::http
