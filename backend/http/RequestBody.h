#pragma once

#include "Connection.h"

#include <Poco/BufferedStreamBuf.h>

#include <cstdint>
#include <istream>

namespace gh::http {

// A request body as a stream: the bytes the loop has read already, then (for a large or chunked
// body) the socket, read on the handler thread. It never reads past the body's end, so a pipelined
// next request stays in the connection's buffer. A body that moves fewer than
// `minBytesPerSecond` x `windowSeconds` bytes in any window of `windowSeconds` ends with
// Poco::TimeoutException; a client that goes away mid-body with Poco::Net::ConnectionResetException.
class RequestBody : public Poco::BufferedStreamBuf
{
public:
    struct Pace
    {
        int windowSeconds = 30;
        std::uint64_t minBytesPerSecond = 1024;
    };

    RequestBody(Connection& connection, Pace pace);

    // Reads and drops the rest of the body, up to `maxBytes`; true when the body ended.
    bool skipRest(std::uint64_t maxBytes);
    bool finished() const { return m_finished; }

protected:
    int readFromDevice(char* buffer, std::streamsize length) override;

private:
    int readFixed(char* buffer, std::size_t length);
    int readChunked(char* buffer, std::size_t length);
    std::string readLine();
    void fill(); // at least one more unread byte in the connection's buffer
    std::size_t receiveInto(char* buffer, std::size_t length);

    Connection& m_connection;
    Pace m_pace;
    Connection::Clock::time_point m_windowStart;
    std::uint64_t m_windowBytes = 0;
    std::uint64_t m_remaining = 0; // fixed length: bytes left; chunked: bytes left in this chunk
    bool m_finished = false;
    bool m_firstChunk = true;
};

// The istream over a RequestBody; errors of the body (timeouts, resets) are thrown, not swallowed.
class RequestBodyStream : public std::istream
{
public:
    RequestBodyStream(Connection& connection, RequestBody::Pace pace);
    RequestBody& body() { return m_body; }

private:
    RequestBody m_body;
};

} // namespace gh::http
