#pragma once

#include <Poco/Net/SocketAddress.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace gh::http {

class ServerRequest;

// One client connection of the ConnectionLoop, on a non-blocking socket. The loop's thread owns it
// while it waits for a request, reads its head (and a small body), writes out an answer that did not
// fit the socket at once, or lingers before closing; a handler thread owns it from a complete request
// head to the end of its answer. `state` says which.
struct Connection
{
    using Clock = std::chrono::steady_clock;
    // Who owns the connection: the loop while Reading, Writing and Lingering, a handler thread while
    // Dispatched. Published under the loop's mutex.
    enum class State
    {
        Reading,
        Dispatched,
        Writing,
        Lingering
    };
    // Where a Reading connection is: waiting for a request, in its head, or in its (small) body.
    enum class Phase
    {
        Idle,
        Head,
        Body
    };

    Connection(int fd, const Poco::Net::SocketAddress& peer, std::string peerHost, bool fromTrustedProxy);
    ~Connection(); // closes the socket
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Reads what the socket has (without waiting) onto `in`. False when the peer closed or failed.
    bool receiveAvailable();
    // Writes what it can of `out` without waiting. True when all of it is out; throws nothing.
    bool sendAvailable();

    std::size_t unread() const { return in.size() - inStart; }
    // Drops what has been consumed from `in`, and gives back a large buffer's memory.
    void compact();

    const int fd;
    const Poco::Net::SocketAddress peer;
    const std::string peerHost; // the socket's peer as text (IPv4-mapped IPv6 as IPv4)
    const bool fromTrustedProxy;

    std::atomic<State> state{State::Reading};
    Phase phase = Phase::Head; // a new connection's first head gets the head deadline from accept
    Clock::time_point since; // the current phase's or state's start

    std::string in; // bytes read from the socket; the unread part starts at inStart
    std::size_t inStart = 0;
    std::size_t scanFrom = 0; // where the search for the head's end resumes
    std::string out; // the answer being written; the unsent part starts at outSent
    std::size_t outSent = 0;

    // The request being read or served.
    std::unique_ptr<ServerRequest> request;
    bool chunked = false;
    std::uint64_t contentLength = 0;
    bool bodyBuffered = false; // the whole body is in `in` (read by the loop)
    bool streamed = false; // the rest of the body is read from the socket on the handler thread
    // The minimum data rate is checked per window of `timeout` seconds: the bytes moved since
    // windowStart (body bytes read, or answer bytes written) must reach rate x window.
    Clock::time_point windowStart;
    std::uint64_t windowMark = 0;
    int requests = 0; // answered on this connection
    bool keepAlive = true; // decided by the answer
    bool peerClosed = false; // the client shut its side after sending: answer what came, then close
    bool counted = false; // counted in the loop's requests in flight
    Clock::time_point requestStarted;
};

} // namespace gh::http
