#include "Connection.h"

#include "ServerRequest.h"

#include <cerrno>

#include <sys/socket.h>
#include <unistd.h>

namespace gh::http {

Connection::Connection(int fd_, const Poco::Net::SocketAddress& peer_, std::string peerHost_, bool fromTrustedProxy_)
    : fd(fd_)
    , peer(peer_)
    , peerHost(std::move(peerHost_))
    , fromTrustedProxy(fromTrustedProxy_)
    , since(Clock::now())
{
}

Connection::~Connection()
{
    ::close(fd);
}

bool Connection::receiveAvailable()
{
    char buffer[16384];
    for (;;) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            in.append(buffer, static_cast<std::size_t>(n));
            if (static_cast<std::size_t>(n) < sizeof buffer)
                return true;
            continue;
        }
        if (n == 0)
            return false;
        if (errno == EINTR)
            continue;
        return errno == EAGAIN || errno == EWOULDBLOCK;
    }
}

bool Connection::sendAvailable()
{
    while (outSent < out.size()) {
        const ssize_t n = ::send(fd, out.data() + outSent, out.size() - outSent, MSG_NOSIGNAL);
        if (n > 0) {
            outSent += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return false;
        outSent = out.size(); // the peer is gone: nothing more to write
        keepAlive = false;
    }
    out.clear();
    outSent = 0;
    if (out.capacity() > 256 * 1024)
        std::string().swap(out);
    return true;
}

void Connection::compact()
{
    if (inStart == in.size()) {
        in.clear();
        inStart = 0;
    } else if (inStart > 0) {
        in.erase(0, inStart);
        inStart = 0;
    }
    scanFrom = 0;
    if (in.capacity() > 64 * 1024 && in.size() < 16 * 1024)
        std::string(in).swap(in);
}

} // namespace gh::http
