#pragma once

#include "Connection.h"
#include "TrustedProxies.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace gh::http {

// What the loop enforces (from gatehouse.http.*, see HttpServer's ServerLimits).
struct LoopLimits
{
    int handlerThreads = 16;
    int maxQueued = 1024;
    int keepAliveTimeoutSeconds = 10;
    int headerTimeoutSeconds = 10;
    int timeoutSeconds = 30; // the window in which a body or an answer must move minDataRate x window bytes
    std::uint64_t minDataRate = 1024; // bytes per second
    std::size_t maxHeaderBytes = 16 * 1024;
    std::uint64_t bufferedBodyBytes = 1024 * 1024; // larger bodies are read on the handler thread
    int maxConnections = 10000;
    int maxConnectionsPerAddress = 512; // 0 = no cap; connections from trusted proxies are never capped
    int handOverMicroseconds
        = 1000; // how long a handler thread with nothing queued waits for a keep-alive client's next request
};

// The connection layer: one thread waits on epoll for all sockets, accepts, reads request heads and
// small bodies, enforces the deadlines and connection caps, and writes out answers that do not fit
// the socket at once; a fixed pool of handler threads gets only complete request heads. An idle
// keep-alive connection costs a file descriptor and a few hundred bytes, never a thread.
class ConnectionLoop
{
public:
    struct Hooks
    {
        // Runs on a handler thread for a complete head (and, unless streamed, body): answers into
        // connection.out and sets connection.keepAlive; consumes the request's bytes.
        std::function<void(Connection&)> serve;
        // The body limit of the route a request goes to (the loop refuses a larger Content-Length).
        std::function<std::uint64_t(const std::string& method, const std::string& uri)> bodyLimit;
        // An answer the loop gave itself (400, 408, 413, 429, 431, 503), for the access log.
        std::function<void(const std::string& client, const std::string& method, const std::string& uri, int status,
                           std::size_t bytes)>
            refused;
    };

    ConnectionLoop(LoopLimits limits, const TrustedProxies& proxies, Hooks hooks, Poco::Logger* errorLog);
    ~ConnectionLoop();
    ConnectionLoop(const ConnectionLoop&) = delete;
    ConnectionLoop& operator=(const ConnectionLoop&) = delete;

    void start(const std::string& host, std::uint16_t port, const Poco::Net::HTTPServerParams& params);
    std::uint16_t port() const { return m_port; }

    // Stops accepting, waits up to `timeoutSeconds` for requests in flight (their answers written),
    // then closes every connection.
    void stop(int timeoutSeconds);

    int requestsInFlight() const { return m_inFlight.load(); }
    int openConnections() const;
    bool stopping() const { return m_stopping.load(); }

    // An error answer in API.md's JSON format, ready to write.
    static std::string errorAnswer(int status, const std::string& code, const std::string& message,
                                   const std::vector<std::pair<std::string, std::string>>& headers = {});

private:
    enum class Progress
    {
        NeedMore,
        Dispatch,
        Done
    };

    void run();
    void work();
    void acceptAll();
    void onEvent(Connection* connection, std::uint32_t events);
    Progress advance(Connection& connection);
    Progress parseHead(Connection& connection, std::size_t headEnd);
    Progress bodyProgress(Connection& connection);
    void dispatch(Connection& connection);
    void serveOnThisThread(Connection* connection);
    // After the answer is out: linger, wait for the next request, or (true) serve a pipelined one.
    bool finishAnswer(Connection* connection);
    void refuse(Connection& connection, int status, const std::string& code, const std::string& message,
                const std::string& method = "-", const std::string& uri = "-",
                const std::vector<std::pair<std::string, std::string>>& headers = {});
    void linger(Connection* connection);
    bool waitBriefly(Connection& connection);
    void waitFor(Connection* connection, Connection::State state, std::uint32_t events);
    void destroy(Connection* connection);
    void sweep();
    void refuseAtAccept(Connection& connection, int status, const std::string& code, const std::string& message);

    LoopLimits m_limits;
    const TrustedProxies& m_proxies;
    Hooks m_hooks;
    Poco::Logger* m_errorLog;
    const Poco::Net::HTTPServerParams* m_params = nullptr;

    Poco::Net::ServerSocket m_listen;
    Poco::Net::SocketAddress m_serverAddress;
    std::uint16_t m_port = 0;
    int m_epoll = -1;
    int m_wake = -1;
    bool m_listening = false;
    Connection::Clock::time_point m_listenPausedUntil{};

    std::thread m_loop;
    std::vector<std::thread> m_workers;
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_quit{false};
    std::atomic<int> m_inFlight{0};
    std::atomic<int> m_streaming{0}; // requests whose body a handler thread reads from the socket

    mutable std::mutex m_mutex; // the connection table and the per-address counts
    std::unordered_map<Connection*, std::unique_ptr<Connection>> m_connections;
    std::unordered_map<std::string, int> m_perAddress;

    std::mutex m_queueMutex;
    std::condition_variable m_queueReady;
    std::deque<Connection*> m_queue;
    std::atomic<int> m_queued{0};
    bool m_queueClosed = false;
};

} // namespace gh::http
