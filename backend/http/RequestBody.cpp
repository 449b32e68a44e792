#include "RequestBody.h"

#include <Poco/Exception.h>
#include <Poco/Net/NetException.h>
#include <Poco/NumberParser.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <poll.h>
#include <sys/socket.h>

namespace gh::http {

RequestBody::RequestBody(Connection& connection, Pace pace)
    : Poco::BufferedStreamBuf(16384, std::ios::in)
    , m_connection(connection)
    , m_pace(pace)
    , m_windowStart(Connection::Clock::now())
{
    if (m_connection.chunked)
        m_remaining = 0;
    else
        m_remaining = m_connection.contentLength;
    m_finished = !m_connection.chunked && m_remaining == 0;
}

int RequestBody::readFromDevice(char* buffer, std::streamsize length)
{
    if (m_finished || length <= 0)
        return 0;
    const auto size = static_cast<std::size_t>(length);
    return m_connection.chunked ? readChunked(buffer, size) : readFixed(buffer, size);
}

int RequestBody::readFixed(char* buffer, std::size_t length)
{
    const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(length, m_remaining));
    std::size_t n = 0;
    if (m_connection.unread() > 0) {
        n = std::min(want, m_connection.unread());
        std::memcpy(buffer, m_connection.in.data() + m_connection.inStart, n);
        m_connection.inStart += n;
    } else {
        n = receiveInto(buffer, want);
    }
    m_remaining -= n;
    if (m_remaining == 0)
        m_finished = true;
    return static_cast<int>(n);
}

int RequestBody::readChunked(char* buffer, std::size_t length)
{
    if (m_remaining == 0) {
        if (!m_firstChunk && !readLine().empty())
            throw Poco::DataFormatException("A chunk does not end with CRLF.");
        m_firstChunk = false;
        std::string line = readLine();
        const auto semicolon = line.find(';');
        if (semicolon != std::string::npos)
            line.resize(semicolon);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t'))
            line.pop_back();
        Poco::UInt64 size = 0;
        if (line.empty() || line.size() > 15 || !Poco::NumberParser::tryParseHex64(line, size))
            throw Poco::DataFormatException("A chunk size is malformed.");
        if (size == 0) {
            for (int trailers = 0; !readLine().empty(); ++trailers) {
                if (trailers > 100)
                    throw Poco::DataFormatException("Too many trailer fields.");
            }
            m_finished = true;
            return 0;
        }
        m_remaining = size;
    }
    fill();
    const auto n = static_cast<std::size_t>(
        std::min<std::uint64_t>({static_cast<std::uint64_t>(length), m_remaining, m_connection.unread()}));
    std::memcpy(buffer, m_connection.in.data() + m_connection.inStart, n);
    m_connection.inStart += n;
    m_remaining -= n;
    return static_cast<int>(n);
}

std::string RequestBody::readLine()
{
    std::string line;
    for (;;) {
        fill();
        const char c = m_connection.in[m_connection.inStart++];
        if (c == '\n')
            break;
        line.push_back(c);
        if (line.size() > 4096)
            throw Poco::DataFormatException("A chunk line is too long.");
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

void RequestBody::fill()
{
    if (m_connection.unread() > 0)
        return;
    m_connection.compact();
    char buffer[16384];
    const auto n = receiveInto(buffer, sizeof buffer);
    m_connection.in.append(buffer, n);
}

std::size_t RequestBody::receiveInto(char* buffer, std::size_t length)
{
    using namespace std::chrono;
    const auto window = seconds(std::max(1, m_pace.windowSeconds));
    const auto needed = m_pace.minBytesPerSecond * static_cast<std::uint64_t>(window.count());
    for (;;) {
        auto now = Connection::Clock::now();
        if (now - m_windowStart >= window) {
            if (m_windowBytes < needed)
                throw Poco::TimeoutException("The request body arrives too slowly.");
            m_windowStart = now;
            m_windowBytes = 0;
        }
        const ssize_t n = ::recv(m_connection.fd, buffer, length, 0);
        if (n > 0) {
            m_windowBytes += static_cast<std::uint64_t>(n);
            return static_cast<std::size_t>(n);
        }
        if (n == 0)
            throw Poco::Net::ConnectionResetException("The client closed the connection inside the request body.");
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK)
            throw Poco::Net::ConnectionResetException("The connection failed inside the request body.");
        const auto left = duration_cast<milliseconds>(m_windowStart + window - now).count();
        pollfd p{m_connection.fd, POLLIN, 0};
        ::poll(&p, 1, static_cast<int>(std::clamp<std::int64_t>(left, 1, 1000)));
    }
}

bool RequestBody::skipRest(std::uint64_t maxBytes)
{
    if (m_finished)
        return true;
    if (!m_connection.chunked && m_remaining <= m_connection.unread()) {
        m_connection.inStart += static_cast<std::size_t>(m_remaining);
        m_remaining = 0;
        m_finished = true;
        return true;
    }
    // What the stream buffered ahead counts as read already.
    char buffer[16384];
    std::uint64_t skipped = 0;
    try {
        while (!m_finished && skipped <= maxBytes) {
            const int n = readFromDevice(buffer, sizeof buffer);
            if (n <= 0)
                break;
            skipped += static_cast<std::uint64_t>(n);
        }
    } catch (const Poco::Exception&) {
        return false;
    }
    return m_finished;
}

RequestBodyStream::RequestBodyStream(Connection& connection, RequestBody::Pace pace)
    : std::istream(nullptr)
    , m_body(connection, pace)
{
    rdbuf(&m_body);
    exceptions(std::ios::badbit);
}

} // namespace gh::http
