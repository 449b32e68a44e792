#pragma once

#include <Poco/Net/IPAddress.h>

#include <string>
#include <vector>

namespace gh::http {

// gatehouse.http.trustedProxies: the addresses and CIDR ranges of the proxies in front of the server.
// Only for a request from one of them are X-Forwarded-For and X-Forwarded-Proto believed.
class TrustedProxies
{
public:
    TrustedProxies() = default;
    // Entries like "127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8"; throws std::invalid_argument on a
    // malformed one.
    explicit TrustedProxies(const std::vector<std::string>& entries);

    bool empty() const { return m_ranges.empty(); }
    bool contains(const Poco::Net::IPAddress& address) const;
    bool contains(const std::string& address) const;

    // The client behind the proxies: the right-most X-Forwarded-For entry that is not itself a trusted
    // proxy (entries left of it could be made up by the client). `peer` when the header is absent or
    // unusable. Call only for a request whose peer is trusted.
    std::string clientFromForwardedFor(const std::vector<std::string>& headerValues, const std::string& peer) const;

    // An IPv4 address mapped into IPv6 (::ffff:a.b.c.d) as the IPv4 address; others unchanged.
    static Poco::Net::IPAddress unmapped(const Poco::Net::IPAddress& address);

private:
    struct Range
    {
        Poco::Net::IPAddress network;
        unsigned prefix = 0;
    };
    std::vector<Range> m_ranges;
};

} // namespace gh::http
