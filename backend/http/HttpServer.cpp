#include "HttpServer.h"

#include "HttpError.h"
#include "Request.h"
#include "Response.h"
#include "services/Services.h" // store::DatabaseError, through the services

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/Net/TCPServerConnection.h>
#include <Poco/Net/TCPServerConnectionFactory.h>
#include <Poco/ThreadPool.h>
#include <Poco/Timestamp.h>
#include <Poco/URI.h>

#include <cerrno>
#include <chrono>
#include <thread>

#include <poll.h>

namespace gh::http {
namespace {

using Poco::Net::HTTPResponse;

class InFlight
{
public:
    explicit InFlight(std::atomic<int>& counter)
        : m_counter(counter)
    {
        ++m_counter;
    }
    ~InFlight() { --m_counter; }

private:
    std::atomic<int>& m_counter;
};

void addStandardHeaders(Poco::Net::HTTPServerResponse& response)
{
    response.set("Server", "Gatehouse");
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Referrer-Policy", "same-origin");
    response.set("X-Frame-Options", "DENY");
    response.set("Cache-Control", "no-store");
}

std::size_t headerSize(const Poco::Net::HTTPServerRequest& request)
{
    std::size_t size = request.getMethod().size() + request.getURI().size() + request.getVersion().size() + 4;
    for (const auto& [name, value] : request)
        size += name.size() + value.size() + 4;
    return size;
}

// Poco 1.11's Socket::poll creates, uses and closes an epoll instance on every call, and
// HTTPServerSession::hasMoreRequests polls before each keep-alive request: four system calls per
// request. This session waits with one poll(2) instead and reads the request's first bytes into the
// session's buffer, where hasMoreRequests finds them without polling.
class KeepAliveSession : public Poco::Net::HTTPServerSession
{
public:
    using HTTPServerSession::HTTPServerSession;

    // True when a next request has started to arrive within the timeout; false on timeout or when
    // the client closed the connection.
    bool awaitNextRequest(int timeoutSeconds)
    {
        if (buffered() > 0)
            return true;
        pollfd fd{socket().impl()->sockfd(), POLLIN, 0};
        int rc = 0;
        do {
            rc = ::poll(&fd, 1, timeoutSeconds * 1000);
        } while (rc < 0 && errno == EINTR);
        if (rc <= 0)
            return false;
        refill(); // 0 bytes when the peer closed
        return buffered() > 0;
    }
};

class HttpConnection : public Poco::Net::TCPServerConnection
{
public:
    HttpConnection(const Poco::Net::StreamSocket& socket, std::shared_ptr<HttpServer::State> state,
                   Poco::Net::HTTPServerParams::Ptr params)
        : TCPServerConnection(socket)
        , m_state(std::move(state))
        , m_params(std::move(params))
    {
    }

    void run() override
    {
        ++m_state->connections;
        {
            std::lock_guard lock(m_state->socketsMutex);
            m_state->sockets.insert(&socket());
        }
        try {
            serve();
        } catch (const Poco::Exception& e) {
            if (m_state->errorLog)
                m_state->errorLog->debug("connection ended: " + e.displayText());
        } catch (const std::exception& e) {
            if (m_state->errorLog)
                m_state->errorLog->error(std::string("connection failed: ") + e.what());
        }
        {
            std::lock_guard lock(m_state->socketsMutex);
            m_state->sockets.erase(&socket());
        }
        --m_state->connections;
    }

private:
    void serve()
    {
        KeepAliveSession session(socket(), m_params);
        bool first = true;
        while (!m_state->stopping) {
            if (!first && !session.awaitNextRequest(m_state->limits.keepAliveTimeoutSeconds))
                break;
            first = false;
            if (!session.hasMoreRequests())
                break;
            try {
                Poco::Net::HTTPServerResponseImpl response(session);
                Poco::Net::HTTPServerRequestImpl request(response, session, m_params);
                InFlight inFlight(m_state->inFlight);
                const bool keepAlive = handle(request, response, session);
                session.setKeepAlive(keepAlive);
                if (!keepAlive)
                    break;
            } catch (const Poco::Net::NoMessageException&) {
                break;
            } catch (const Poco::Net::MessageException& e) {
                // The request line or header broke Poco's limits or syntax: answer in our format.
                const std::string& why = e.message();
                const bool tooLarge = why.rfind("Field name too long", 0) == 0
                    || why.rfind("Field value too long", 0) == 0 || why.rfind("Too many header fields", 0) == 0
                    || why.rfind("URI too long", 0) == 0;
                if (tooLarge)
                    sendRawError(431, "request_header_fields_too_large", "The request header is too large: " + why);
                else
                    sendRawError(400, "bad_request", "Malformed request: " + why);
                break;
            }
        }
    }

    void sendRawError(int status, const std::string& code, const std::string& message)
    {
        const std::string body = Response::errorBody(code, message);
        HTTPResponse response(HTTPResponse::HTTP_1_1, static_cast<HTTPResponse::HTTPStatus>(status));
        response.setContentType("application/json; charset=utf-8");
        response.setContentLength(static_cast<std::streamsize>(body.size()));
        response.setKeepAlive(false);
        response.set("Server", "Gatehouse");
        std::ostringstream header;
        response.write(header);
        const std::string bytes = header.str() + body;
        try {
            socket().sendBytes(bytes.data(), static_cast<int>(bytes.size()));
        } catch (const Poco::Exception&) {
        }
        log("-", "-", status, body.size(), 0.0);
    }

    // Serves one request; returns whether the connection may stay open.
    bool handle(Poco::Net::HTTPServerRequestImpl& request, Poco::Net::HTTPServerResponseImpl& response,
                Poco::Net::HTTPServerSession& session)
    {
        const auto started = std::chrono::steady_clock::now();
        response.setDate(Poco::Timestamp());
        response.setVersion(request.getVersion());
        response.setKeepAlive(m_params->getKeepAlive() && request.getKeepAlive() && session.canKeepAlive()
                              && !m_state->stopping);
        addStandardHeaders(response);
        Response res(response);

        std::string path = request.getURI();
        try {
            if (headerSize(request) > m_state->limits.maxHeaderBytes) {
                response.setKeepAlive(false);
                throw HttpError(431, "request_header_fields_too_large",
                                "The request header is larger than " + std::to_string(m_state->limits.maxHeaderBytes)
                                    + " bytes.");
            }
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

            auto match = m_state->router->match(request.getMethod(), path);
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
                = match.route->options.maxBodyBytes ? match.route->options.maxBodyBytes : m_state->limits.maxBodyBytes;
            if (request.getExpectContinue()) {
                const auto declared = request.getContentLength64();
                if (declared != HTTPResponse::UNKNOWN_CONTENT_LENGTH
                    && static_cast<std::uint64_t>(declared) > maxBody) {
                    response.setKeepAlive(false);
                    throw HttpError(413, "payload_too_large",
                                    "The request body is larger than " + std::to_string(maxBody) + " bytes.");
                }
                response.sendContinue();
            }
            Request req(request, path, std::move(query), maxBody, socket().secure());
            req.setParams(std::move(match.params));
            match.route->handler(req, res);
            if (!res.sent())
                throw std::logic_error("the handler for " + match.route->pattern + " sent no answer");
        } catch (const HttpError& error) {
            if (error.status() == 413)
                response.setKeepAlive(false); // the rest of the body is not worth reading
            sendErrorIfPossible(res, error);
        } catch (const store::DatabaseError& error) {
            if (m_state->errorLog)
                m_state->errorLog->error("database error on " + request.getMethod() + " " + path + ": " + error.what());
            if (error.kind() == store::DatabaseError::Kind::Busy) {
                HttpError busy(503, "service_unavailable", "The database is busy; try again shortly.");
                busy.headers.emplace_back("Retry-After", "1");
                sendErrorIfPossible(res, busy);
            } else {
                sendErrorIfPossible(res, HttpError(500, "internal_error", "An internal error occurred."));
            }
        } catch (const Poco::Net::NetException&) {
            throw; // the client went away; nothing to answer
        } catch (const Poco::TimeoutException&) {
            throw;
        } catch (const Poco::Exception& error) {
            if (m_state->errorLog)
                m_state->errorLog->error("error on " + request.getMethod() + " " + path + ": " + error.displayText());
            sendErrorIfPossible(res, HttpError(500, "internal_error", "An internal error occurred."));
        } catch (const std::exception& error) {
            if (m_state->errorLog)
                m_state->errorLog->error("error on " + request.getMethod() + " " + path + ": " + error.what());
            sendErrorIfPossible(res, HttpError(500, "internal_error", "An internal error occurred."));
        }

        bool keepAlive = response.getKeepAlive();
        if (keepAlive && !drainBody(request))
            keepAlive = false;
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        log(request.getMethod(), path, res.status(), res.bytesSent(), ms);
        return keepAlive && !m_state->stopping;
    }

    static void sendErrorIfPossible(Response& res, const HttpError& error)
    {
        if (!res.sent())
            res.sendError(error);
    }

    // Reads what the handler left of the body so the next request on the connection parses cleanly.
    // A large remainder is not worth it: the connection closes instead.
    static bool drainBody(Poco::Net::HTTPServerRequestImpl& request)
    {
        if (request.getContentLength64() == 0 || (!request.hasContentLength() && !request.getChunkedTransferEncoding()))
            return true;
        std::istream& in = request.stream();
        char buffer[4096];
        std::size_t drained = 0;
        while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
            drained += static_cast<std::size_t>(in.gcount());
            if (drained > 1024 * 1024)
                return false;
        }
        return true;
    }

    void log(const std::string& method, const std::string& path, int status, std::size_t bytes, double ms)
    {
        if (!m_state->accessLog || !m_state->accessLog->information())
            return;
        std::string client;
        try {
            client = socket().peerAddress().host().toString();
        } catch (const Poco::Exception&) {
            client = "?";
        }
        char duration[32];
        std::snprintf(duration, sizeof duration, "%.2fms", ms);
        m_state->accessLog->information(client + " \"" + method + " " + path + "\" " + std::to_string(status) + " "
                                        + std::to_string(bytes) + " " + duration);
    }

    std::shared_ptr<HttpServer::State> m_state;
    Poco::Net::HTTPServerParams::Ptr m_params;
};

class ConnectionFactory : public Poco::Net::TCPServerConnectionFactory
{
public:
    ConnectionFactory(std::shared_ptr<HttpServer::State> state, Poco::Net::HTTPServerParams::Ptr params)
        : m_state(std::move(state))
        , m_params(std::move(params))
    {
    }
    Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override
    {
        return new HttpConnection(socket, m_state, m_params);
    }

private:
    std::shared_ptr<HttpServer::State> m_state;
    Poco::Net::HTTPServerParams::Ptr m_params;
};

} // namespace

HttpServer::HttpServer(const Router& router, ServerLimits limits, Poco::Logger* accessLog, Poco::Logger* errorLog)
    : m_state(std::make_shared<State>())
{
    m_state->router = &router;
    m_state->limits = limits;
    m_state->accessLog = accessLog;
    m_state->errorLog = errorLog;
}

HttpServer::~HttpServer()
{
    stop();
}

void HttpServer::start(const std::string& host, std::uint16_t port)
{
    const auto& limits = m_state->limits;
    Poco::Net::HTTPServerParams::Ptr params(new Poco::Net::HTTPServerParams);
    params->setMaxThreads(limits.maxThreads);
    params->setMaxQueued(limits.maxQueued);
    params->setKeepAlive(limits.keepAlive);
    params->setKeepAliveTimeout(Poco::Timespan(limits.keepAliveTimeoutSeconds, 0));
    params->setMaxKeepAliveRequests(limits.maxKeepAliveRequests);
    params->setTimeout(Poco::Timespan(limits.timeoutSeconds, 0));
    params->setServerName("Gatehouse");

    Poco::Net::ServerSocket socket;
    socket.bind(Poco::Net::SocketAddress(host, port), true);
    socket.listen(std::max(64, limits.maxQueued));
    m_host = host;
    m_pool = std::make_unique<Poco::ThreadPool>("http", 2, limits.maxThreads + 2, 60);
    m_server = std::make_unique<Poco::Net::TCPServer>(new ConnectionFactory(m_state, params), *m_pool, socket, params);
    m_server->start();
}

std::uint16_t HttpServer::port() const
{
    return m_server ? m_server->port() : 0;
}

std::string HttpServer::url() const
{
    const bool v6 = m_host.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + m_host + "]" : m_host) + ":" + std::to_string(port());
}

void HttpServer::stop()
{
    if (!m_server || m_stopped)
        return;
    m_stopped = true;
    m_state->stopping = true;
    m_server->stop(); // no new connections; queued ones are dropped
    using namespace std::chrono;
    const auto deadline = steady_clock::now() + seconds(m_state->limits.shutdownTimeoutSeconds);
    while (m_state->inFlight > 0 && steady_clock::now() < deadline)
        std::this_thread::sleep_for(milliseconds(10));
    {
        // Wake the connections that wait idle for a next keep-alive request.
        std::lock_guard lock(m_state->socketsMutex);
        for (auto* socket : m_state->sockets) {
            try {
                socket->shutdown();
            } catch (const Poco::Exception&) {
            }
        }
    }
    const auto closeDeadline = steady_clock::now() + seconds(5);
    while (m_state->connections > 0 && steady_clock::now() < closeDeadline)
        std::this_thread::sleep_for(milliseconds(10));
    m_pool->joinAll();
}

} // namespace gh::http
