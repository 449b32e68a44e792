#include "ConnectionLoop.h"

#include "Response.h"
#include "ServerRequest.h"

#include <Poco/MemoryStream.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/Timestamp.h>

#include <algorithm>
#include <cerrno>
#include <sstream>

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace gh::http {
namespace {

using Clock = Connection::Clock;
using State = Connection::State;
using Phase = Connection::Phase;

char listenTag;
char wakeTag;

constexpr auto kLingerTime = std::chrono::seconds(2);
constexpr std::size_t kLingerBytes = 1024 * 1024;

// Where the head ends (just past its empty line), or npos; accepts CRLF and bare LF line ends.
std::size_t findHeadEnd(const std::string& in, std::size_t from)
{
    for (std::size_t i = in.find('\n', from); i != std::string::npos; i = in.find('\n', i + 1)) {
        if (i + 1 < in.size() && in[i + 1] == '\n')
            return i + 2;
        if (i + 2 < in.size() && in[i + 1] == '\r' && in[i + 2] == '\n')
            return i + 3;
    }
    return std::string::npos;
}

// The minimum data rate, per window: false when fewer than rate x window bytes moved in a window
// that has ended; a window that met it starts the next one.
bool keepsPace(Connection& c, std::uint64_t moved, int windowSeconds, std::uint64_t rate, Clock::time_point now)
{
    const auto window = std::chrono::seconds(std::max(1, windowSeconds));
    if (now - c.windowStart < window)
        return true;
    if (moved - c.windowMark < rate * static_cast<std::uint64_t>(window.count()))
        return false;
    c.windowStart = now;
    c.windowMark = moved;
    return true;
}

void raiseOpenFileLimit(Poco::Logger* log)
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max)
        return;
    const auto before = limit.rlim_cur;
    limit.rlim_cur = limit.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &limit) == 0 && log)
        log->debug("open-file limit raised from " + std::to_string(before) + " to " + std::to_string(limit.rlim_cur));
}

} // namespace

ConnectionLoop::ConnectionLoop(LoopLimits limits, const TrustedProxies& proxies, Hooks hooks, Poco::Logger* errorLog)
    : m_limits(limits)
    , m_proxies(proxies)
    , m_hooks(std::move(hooks))
    , m_errorLog(errorLog)
{
}

ConnectionLoop::~ConnectionLoop()
{
    stop(0);
}

std::string ConnectionLoop::errorAnswer(int status, const std::string& code, const std::string& message,
                                        const std::vector<std::pair<std::string, std::string>>& headers)
{
    const std::string body = Response::errorBody(code, message);
    Poco::Net::HTTPResponse response(Poco::Net::HTTPResponse::HTTP_1_1,
                                     static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    response.setDate(Poco::Timestamp());
    response.set("Server", "Gatehouse");
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Cache-Control", "no-store");
    response.setContentType("application/json; charset=utf-8");
    response.setContentLength(static_cast<std::streamsize>(body.size()));
    response.setKeepAlive(false);
    for (const auto& [name, value] : headers)
        response.set(name, value);
    std::ostringstream out;
    response.write(out);
    return out.str() + body;
}

void ConnectionLoop::start(const std::string& host, std::uint16_t port, const Poco::Net::HTTPServerParams& params)
{
    raiseOpenFileLimit(m_errorLog);
    m_params = &params;
    m_listen.bind(Poco::Net::SocketAddress(host, port), true);
    m_listen.listen(1024);
    m_listen.setBlocking(false);
    m_serverAddress = m_listen.address();
    m_port = m_serverAddress.port();

    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    m_wake = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (m_epoll < 0 || m_wake < 0)
        throw Poco::SystemException("cannot create the connection loop's epoll instance");
    epoll_event listenEvent{};
    listenEvent.events = EPOLLIN;
    listenEvent.data.ptr = &listenTag;
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_listen.impl()->sockfd(), &listenEvent);
    m_listening = true;
    epoll_event wakeEvent{};
    wakeEvent.events = EPOLLIN;
    wakeEvent.data.ptr = &wakeTag;
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &wakeEvent);

    for (int i = 0; i < std::max(1, m_limits.handlerThreads); ++i)
        m_workers.emplace_back([this] { work(); });
    m_loop = std::thread([this] { run(); });
}

int ConnectionLoop::openConnections() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_connections.size());
}

void ConnectionLoop::stop(int timeoutSeconds)
{
    if (!m_loop.joinable())
        return;
    m_stopping = true;
    std::uint64_t one = 1;
    [[maybe_unused]] auto w = ::write(m_wake, &one, sizeof one); // the loop stops accepting
    const auto deadline = Clock::now() + std::chrono::seconds(timeoutSeconds);
    while (m_inFlight > 0 && Clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    {
        // Wake handler threads that wait on a slow body.
        std::lock_guard lock(m_mutex);
        for (auto& [pointer, connection] : m_connections)
            ::shutdown(connection->fd, SHUT_RDWR);
    }
    m_quit = true;
    w = ::write(m_wake, &one, sizeof one);
    m_loop.join();
    {
        std::lock_guard lock(m_queueMutex);
        m_queueClosed = true;
    }
    m_queueReady.notify_all();
    for (auto& worker : m_workers)
        worker.join();
    m_workers.clear();
    {
        std::lock_guard lock(m_mutex);
        m_connections.clear();
        m_perAddress.clear();
    }
    m_queue.clear();
    ::close(m_epoll);
    ::close(m_wake);
    m_epoll = m_wake = -1;
}

void ConnectionLoop::run()
{
    epoll_event events[256];
    auto lastSweep = Clock::now();
    while (!m_quit) {
        const int n = ::epoll_wait(m_epoll, events, 256, 100);
        for (int i = 0; i < n; ++i) {
            void* tag = events[i].data.ptr;
            if (tag == &listenTag) {
                acceptAll();
            } else if (tag == &wakeTag) {
                std::uint64_t value = 0;
                [[maybe_unused]] auto r = ::read(m_wake, &value, sizeof value);
            } else {
                onEvent(static_cast<Connection*>(tag), events[i].events);
            }
        }
        if (m_stopping && m_listening) {
            ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, m_listen.impl()->sockfd(), nullptr);
            m_listening = false;
            m_listen.close();
        }
        const auto now = Clock::now();
        if (now - lastSweep >= std::chrono::milliseconds(100)) {
            lastSweep = now;
            sweep();
        }
    }
}

void ConnectionLoop::acceptAll()
{
    const int listenFd = m_listen.impl()->sockfd();
    for (;;) {
        sockaddr_storage address{};
        socklen_t length = sizeof address;
        const int fd
            = ::accept4(listenFd, reinterpret_cast<sockaddr*>(&address), &length, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                // Out of descriptors: stop accepting for a moment instead of spinning on the backlog.
                ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, listenFd, nullptr);
                m_listening = false;
                m_listenPausedUntil = Clock::now() + std::chrono::milliseconds(100);
                if (m_errorLog)
                    m_errorLog->warning("out of file descriptors; not accepting connections for 100 ms");
            }
            return;
        }
        if (m_stopping) {
            ::close(fd);
            continue;
        }
        int on = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        Poco::Net::SocketAddress peer(reinterpret_cast<sockaddr*>(&address), length);
        std::string host;
        try {
            host = TrustedProxies::unmapped(peer.host()).toString();
        } catch (const Poco::Exception&) {
            host = "?";
        }
        const bool trusted = !m_proxies.empty() && m_proxies.contains(peer.host());
        auto connection = std::make_unique<Connection>(fd, peer, host, trusted);
        Connection* raw = connection.get();
        {
            std::unique_lock lock(m_mutex);
            if (static_cast<int>(m_connections.size()) >= m_limits.maxConnections) {
                lock.unlock();
                refuseAtAccept(*raw, 503, "service_unavailable",
                               "The server has too many open connections; try again shortly.");
                continue;
            }
            int& count = m_perAddress[host];
            if (!trusted && m_limits.maxConnectionsPerAddress > 0 && count >= m_limits.maxConnectionsPerAddress) {
                if (count == 0)
                    m_perAddress.erase(host);
                lock.unlock();
                refuseAtAccept(*raw, 429, "too_many_connections",
                               "Too many open connections from your address; close some and try again.");
                continue;
            }
            ++count;
            raw->since = Clock::now();
            m_connections.emplace(raw, std::move(connection));
        }
        epoll_event event{};
        event.events = EPOLLIN | EPOLLONESHOT;
        event.data.ptr = raw;
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
    }
}

// A refused connection: what the client sent so far is read (so that closing does not reset the
// connection before the answer arrives), the answer is written as far as it fits, then it closes.
void ConnectionLoop::refuseAtAccept(Connection& connection, int status, const std::string& code,
                                    const std::string& message)
{
    connection.receiveAvailable();
    connection.out = errorAnswer(status, code, message, {{"Retry-After", "1"}});
    if (m_hooks.refused)
        m_hooks.refused(connection.peerHost, "-", "-", status, connection.out.size());
    connection.sendAvailable();
    // `connection` is owned by the caller's unique_ptr and closes when it goes.
}

void ConnectionLoop::waitFor(Connection* connection, State state, std::uint32_t events)
{
    std::lock_guard lock(m_mutex);
    connection->state.store(state);
    epoll_event event{};
    event.events = events | EPOLLONESHOT;
    event.data.ptr = connection;
    ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, connection->fd, &event);
}

void ConnectionLoop::destroy(Connection* connection)
{
    if (connection->counted) {
        connection->counted = false;
        --m_inFlight;
    }
    std::lock_guard lock(m_mutex);
    auto count = m_perAddress.find(connection->peerHost);
    if (count != m_perAddress.end() && --count->second <= 0)
        m_perAddress.erase(count);
    m_connections.erase(connection); // closes the socket
}

void ConnectionLoop::onEvent(Connection* connection, std::uint32_t)
{
    switch (connection->state.load()) {
    case State::Reading: {
        if (!connection->receiveAvailable()) {
            if (connection->unread() == 0) {
                destroy(connection);
                return;
            }
            connection->peerClosed = true;
        }
        switch (advance(*connection)) {
        case Progress::Dispatch:
            dispatch(*connection);
            break;
        case Progress::NeedMore:
            if (connection->peerClosed)
                destroy(connection);
            else
                waitFor(connection, State::Reading, EPOLLIN);
            break;
        case Progress::Done:
            break;
        }
        return;
    }
    case State::Writing:
        if (!connection->sendAvailable()) {
            waitFor(connection, State::Writing, EPOLLOUT);
            return;
        }
        finishAnswer(connection); // serves a pipelined request through the queue
        return;
    case State::Lingering: {
        char buffer[16384];
        for (;;) {
            const ssize_t n = ::recv(connection->fd, buffer, sizeof buffer, 0);
            if (n > 0) {
                connection->outSent += static_cast<std::size_t>(n); // counts what lingering dropped
                if (connection->outSent > kLingerBytes) {
                    destroy(connection);
                    return;
                }
                continue;
            }
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                waitFor(connection, State::Lingering, EPOLLIN);
                return;
            }
            destroy(connection);
            return;
        }
    }
    case State::Dispatched:
        return;
    }
}

ConnectionLoop::Progress ConnectionLoop::advance(Connection& connection)
{
    auto& c = connection;
    if (c.phase == Phase::Body)
        return bodyProgress(c);
    if (c.scanFrom <= c.inStart) {
        // Empty lines before a request line are allowed (RFC 9112 2.2).
        while (c.unread() > 0 && (c.in[c.inStart] == '\r' || c.in[c.inStart] == '\n'))
            ++c.inStart;
        c.scanFrom = c.inStart;
    }
    if (c.unread() == 0)
        return Progress::NeedMore;
    if (c.phase == Phase::Idle) {
        c.phase = Phase::Head;
        c.since = Clock::now();
    }
    const std::size_t headEnd = findHeadEnd(c.in, c.scanFrom);
    if (headEnd == std::string::npos) {
        if (c.unread() > m_limits.maxHeaderBytes) {
            refuse(c, 431, "request_header_fields_too_large",
                   "The request header is larger than " + std::to_string(m_limits.maxHeaderBytes) + " bytes.");
            return Progress::Done;
        }
        c.scanFrom = std::max(c.inStart, c.in.size() >= 2 ? c.in.size() - 2 : 0);
        return Progress::NeedMore;
    }
    if (headEnd - c.inStart > m_limits.maxHeaderBytes) {
        refuse(c, 431, "request_header_fields_too_large",
               "The request header is larger than " + std::to_string(m_limits.maxHeaderBytes) + " bytes.");
        return Progress::Done;
    }
    return parseHead(c, headEnd);
}

ConnectionLoop::Progress ConnectionLoop::parseHead(Connection& c, std::size_t headEnd)
{
    auto request = std::make_unique<ServerRequest>(c.peer, m_serverAddress, *m_params);
    try {
        Poco::MemoryInputStream head(c.in.data() + c.inStart, headEnd - c.inStart);
        request->read(head);
    } catch (const Poco::Net::MessageException& e) {
        // Answered in our format and our words: Poco's message only says which of its limits it was.
        const std::string& why = e.message();
        const bool tooLarge = why.rfind("Field name too long", 0) == 0 || why.rfind("Field value too long", 0) == 0
            || why.rfind("Too many header fields", 0) == 0 || why.rfind("URI too long", 0) == 0;
        if (tooLarge)
            refuse(c, 431, "request_header_fields_too_large", "The request header is too large.");
        else
            refuse(c, 400, "bad_request", "The request is malformed.");
        return Progress::Done;
    } catch (const Poco::Exception&) {
        refuse(c, 400, "bad_request", "The request is malformed.");
        return Progress::Done;
    }
    const std::string method = request->getMethod();
    const std::string uri = request->getURI();

    // Framing (API.md): one way to tell the body's length, or the request is refused and the
    // connection closed, so that no proxy and no server can disagree on where the next request starts.
    int lengths = 0;
    int codings = 0;
    std::string length;
    std::string coding;
    for (const auto& [name, value] : *request) {
        if (Poco::icompare(name, "Content-Length") == 0) {
            ++lengths;
            length = Poco::trim(value);
        } else if (Poco::icompare(name, "Transfer-Encoding") == 0) {
            ++codings;
            coding = Poco::trim(value);
        }
    }
    if (lengths > 1 || (lengths > 0 && codings > 0)) {
        refuse(c, 400, "bad_request",
               "The request's length is ambiguous: more than one Content-Length, or Content-Length with "
               "Transfer-Encoding.",
               method, uri);
        return Progress::Done;
    }
    if (codings > 1 || (codings == 1 && Poco::icompare(coding, "chunked") != 0)) {
        refuse(c, 400, "bad_request", "The only transfer coding accepted is chunked.", method, uri);
        return Progress::Done;
    }
    Poco::UInt64 declared = 0;
    if (lengths == 1
        && (length.empty() || length.size() > 18
            || !std::all_of(length.begin(), length.end(), [](char ch) { return ch >= '0' && ch <= '9'; })
            || !Poco::NumberParser::tryParseUnsigned64(length, declared))) {
        refuse(c, 400, "bad_request", "The Content-Length is malformed.", method, uri);
        return Progress::Done;
    }

    // From here the request is in flight: a stop waits for it, body and answer included.
    c.counted = true;
    ++m_inFlight;
    c.inStart = headEnd;
    c.scanFrom = headEnd;
    c.chunked = codings == 1;
    c.contentLength = declared;
    c.bodyBuffered = !c.chunked && declared == 0;
    c.streamed = false;
    c.requestStarted = Clock::now();
    const bool expectContinue = request->getExpectContinue();
    c.request = std::move(request);
    if (c.bodyBuffered)
        return Progress::Dispatch;

    const std::uint64_t limit = m_hooks.bodyLimit ? m_hooks.bodyLimit(method, uri) : m_limits.bufferedBodyBytes;
    if (!c.chunked && declared > limit) {
        c.request.reset();
        refuse(c, 413, "payload_too_large", "The request body is larger than " + std::to_string(limit) + " bytes.",
               method, uri);
        return Progress::Done;
    }
    if (expectContinue) {
        // The length is acceptable: ask for the body (a few bytes into an empty socket buffer).
        static const char interim[] = "HTTP/1.1 100 Continue\r\n\r\n";
        [[maybe_unused]] auto n = ::send(c.fd, interim, sizeof interim - 1, MSG_NOSIGNAL | MSG_DONTWAIT);
    }
    // The body (or, for a large one, its first bufferedBodyBytes) is read here, so that a slow sender
    // costs no handler thread; the rest of a large or chunked body streams on the handler thread.
    c.phase = Phase::Body;
    c.since = Clock::now();
    c.windowStart = c.since;
    c.windowMark = c.unread();
    return bodyProgress(c);
}

ConnectionLoop::Progress ConnectionLoop::bodyProgress(Connection& c)
{
    if (c.chunked) {
        c.streamed = true;
        return Progress::Dispatch;
    }
    if (c.unread() >= c.contentLength) {
        c.bodyBuffered = true;
        return Progress::Dispatch;
    }
    if (c.unread() >= m_limits.bufferedBodyBytes) {
        c.streamed = true;
        return Progress::Dispatch;
    }
    return Progress::NeedMore;
}

void ConnectionLoop::dispatch(Connection& connection)
{
    if (connection.streamed) {
        // A body read on a handler thread holds it for as long as the client sends: at most half
        // the handler threads do that, so ordinary requests always find one.
        if (m_streaming.fetch_add(1) >= std::max(1, m_limits.handlerThreads / 2)) {
            --m_streaming;
            connection.streamed = false;
            connection.request.reset();
            refuse(connection, 503, "service_unavailable", "Too many uploads at once; try again shortly.", "-", "-",
                   {{"Retry-After", "5"}});
            return;
        }
    }
    {
        std::lock_guard lock(m_mutex);
        connection.state.store(State::Dispatched);
    }
    {
        std::unique_lock lock(m_queueMutex);
        if (static_cast<int>(m_queue.size()) < m_limits.maxQueued) {
            m_queue.push_back(&connection);
            ++m_queued;
            lock.unlock();
            m_queueReady.notify_one();
            return;
        }
    }
    if (connection.streamed) {
        connection.streamed = false;
        --m_streaming;
    }
    connection.request.reset();
    {
        std::lock_guard lock(m_mutex);
        connection.state.store(State::Reading);
    }
    refuse(connection, 503, "service_unavailable", "The server is busy; try again shortly.", "-", "-",
           {{"Retry-After", "1"}});
}

void ConnectionLoop::work()
{
    for (;;) {
        Connection* connection = nullptr;
        {
            std::unique_lock lock(m_queueMutex);
            m_queueReady.wait(lock, [this] { return m_queueClosed || !m_queue.empty(); });
            if (m_queueClosed)
                return;
            connection = m_queue.front();
            m_queue.pop_front();
            --m_queued;
        }
        serveOnThisThread(connection);
    }
}

void ConnectionLoop::serveOnThisThread(Connection* connection)
{
    for (;;) {
        struct StreamingDone
        {
            Connection& connection;
            std::atomic<int>& streaming;
            ~StreamingDone()
            {
                if (connection.streamed) {
                    connection.streamed = false;
                    --streaming;
                }
            }
        };
        try {
            StreamingDone done{*connection, m_streaming};
            m_hooks.serve(*connection);
        } catch (const std::exception& e) {
            // The client went away inside the request (or the answer could not be made): nothing to say.
            if (m_errorLog)
                m_errorLog->debug(std::string("connection ended: ") + e.what());
            connection->request.reset();
            destroy(connection);
            return;
        }
        connection->request.reset();
        ++connection->requests;
        if (!connection->sendAvailable()) {
            connection->since = Clock::now();
            connection->windowStart = connection->since;
            connection->windowMark = connection->outSent;
            waitFor(connection, State::Writing, EPOLLOUT);
            return;
        }
        if (!finishAnswer(connection))
            return;
        // A pipelined request was already complete: serve it on this thread.
    }
}

bool ConnectionLoop::finishAnswer(Connection* connection)
{
    if (connection->counted) {
        connection->counted = false;
        --m_inFlight;
    }
    if (!connection->keepAlive || connection->peerClosed || m_stopping) {
        linger(connection);
        return false;
    }
    connection->phase = Phase::Idle;
    connection->since = Clock::now();
    connection->compact();
    switch (advance(*connection)) {
    case Progress::Dispatch:
        if (connection->state.load() == State::Dispatched)
            return true; // the caller (a handler thread) serves it
        dispatch(*connection);
        return false;
    case Progress::NeedMore:
        // A keep-alive client usually sends its next request as soon as it has the answer. While no
        // other request waits for a thread, this one waits for it a moment itself: no hand-over to the
        // loop and back (half the context switches per request); then the loop takes over.
        if (connection->state.load() == State::Dispatched && m_queued.load() == 0 && connection->unread() == 0
            && waitBriefly(*connection)) {
            if (!connection->receiveAvailable()) {
                if (connection->unread() == 0) {
                    destroy(connection);
                    return false;
                }
                connection->peerClosed = true;
            }
            const auto progress = advance(*connection);
            if (progress == Progress::NeedMore && connection->peerClosed) {
                destroy(connection);
                return false;
            }
            if (progress == Progress::Dispatch)
                return true;
            if (progress == Progress::Done)
                return false;
        }
        waitFor(connection, State::Reading, EPOLLIN);
        return false;
    case Progress::Done:
        return false;
    }
    return false;
}

bool ConnectionLoop::waitBriefly(Connection& connection)
{
    if (m_limits.handOverMicroseconds <= 0)
        return false;
    pollfd p{connection.fd, POLLIN, 0};
    const timespec wait{0, static_cast<long>(m_limits.handOverMicroseconds) * 1000};
    return ::ppoll(&p, 1, &wait, nullptr) > 0;
}

void ConnectionLoop::refuse(Connection& c, int status, const std::string& code, const std::string& message,
                            const std::string& method, const std::string& uri,
                            const std::vector<std::pair<std::string, std::string>>& headers)
{
    if (c.counted) {
        c.counted = false; // answered: a stop need not wait for it any more
        --m_inFlight;
    }
    c.out += errorAnswer(status, code, message, headers);
    if (m_hooks.refused)
        m_hooks.refused(c.peerHost, method, uri, status, c.out.size() - c.outSent);
    c.keepAlive = false;
    if (c.sendAvailable()) {
        linger(&c);
    } else {
        c.since = Clock::now();
        c.windowStart = c.since;
        c.windowMark = c.outSent;
        waitFor(&c, State::Writing, EPOLLOUT);
    }
}

// Closes after an answer the client may still be sending into: our side is shut, what arrives is
// read and dropped for a moment, so that the client sees the answer rather than a reset.
void ConnectionLoop::linger(Connection* connection)
{
    ::shutdown(connection->fd, SHUT_WR);
    connection->in.clear();
    connection->inStart = 0;
    connection->outSent = 0;
    connection->since = Clock::now();
    waitFor(connection, State::Lingering, EPOLLIN);
}

void ConnectionLoop::sweep()
{
    const auto now = Clock::now();
    if (!m_listening && !m_stopping && now >= m_listenPausedUntil) {
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.ptr = &listenTag;
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_listen.impl()->sockfd(), &event);
        m_listening = true;
    }
    std::vector<Connection*> close;
    std::vector<Connection*> late;
    {
        std::lock_guard lock(m_mutex);
        for (auto& [pointer, c] : m_connections) {
            switch (c->state.load()) {
            case State::Reading:
                if (c->phase == Phase::Idle) {
                    if (m_stopping || now - c->since >= std::chrono::seconds(m_limits.keepAliveTimeoutSeconds))
                        close.push_back(pointer);
                } else if (c->phase == Phase::Head) {
                    if (now - c->since >= std::chrono::seconds(m_limits.headerTimeoutSeconds))
                        (c->unread() > 0 ? late : close).push_back(pointer);
                } else if (!keepsPace(*c, c->unread(), m_limits.timeoutSeconds, m_limits.minDataRate, now)) {
                    late.push_back(pointer);
                }
                break;
            case State::Writing:
                if (!keepsPace(*c, c->outSent, m_limits.timeoutSeconds, m_limits.minDataRate, now))
                    close.push_back(pointer);
                break;
            case State::Lingering:
                if (now - c->since >= kLingerTime)
                    close.push_back(pointer);
                break;
            case State::Dispatched:
                break;
            }
        }
    }
    for (auto* c : close)
        destroy(c);
    for (auto* c : late) {
        const bool inHead = c->phase == Phase::Head;
        const std::string method = !inHead && c->request ? c->request->getMethod() : "-";
        const std::string uri = !inHead && c->request ? c->request->getURI() : "-";
        c->request.reset();
        refuse(*c, 408, "request_timeout",
               inHead ? "The request header did not arrive in time." : "The request body arrives too slowly.", method,
               uri);
    }
}

} // namespace gh::http
