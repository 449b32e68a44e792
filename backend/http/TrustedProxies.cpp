#include "TrustedProxies.h"

#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include <cstring>
#include <stdexcept>

namespace gh::http {
namespace {

bool samePrefix(const Poco::Net::IPAddress& a, const Poco::Net::IPAddress& b, unsigned prefix)
{
    if (a.family() != b.family())
        return false;
    const auto* x = static_cast<const unsigned char*>(a.addr());
    const auto* y = static_cast<const unsigned char*>(b.addr());
    const unsigned bytes = prefix / 8;
    if (std::memcmp(x, y, bytes) != 0)
        return false;
    const unsigned bits = prefix % 8;
    if (bits == 0)
        return true;
    const auto mask = static_cast<unsigned char>(0xff << (8 - bits));
    return (x[bytes] & mask) == (y[bytes] & mask);
}

// "1.2.3.4", "1.2.3.4:5678", "[::1]:5678", "::1" -> the address, or false.
bool parseForwardedEntry(std::string entry, Poco::Net::IPAddress& address)
{
    Poco::trimInPlace(entry);
    if (!entry.empty() && entry.front() == '[') {
        const auto close = entry.find(']');
        if (close == std::string::npos)
            return false;
        entry = entry.substr(1, close - 1);
    } else if (entry.find(':') != std::string::npos && entry.find(':') == entry.rfind(':')) {
        entry.resize(entry.find(':')); // IPv4 with a port
    }
    return Poco::Net::IPAddress::tryParse(entry, address);
}

} // namespace

TrustedProxies::TrustedProxies(const std::vector<std::string>& entries)
{
    for (std::string entry : entries) {
        Poco::trimInPlace(entry);
        if (entry.empty())
            continue;
        Range range;
        std::string address = entry;
        const auto slash = entry.find('/');
        if (slash != std::string::npos)
            address = entry.substr(0, slash);
        if (!Poco::Net::IPAddress::tryParse(address, range.network))
            throw std::invalid_argument("gatehouse.http.trustedProxies: '" + entry
                                        + "' is not an address or CIDR range");
        range.network = unmapped(range.network);
        const unsigned maxPrefix = range.network.family() == Poco::Net::IPAddress::IPv4 ? 32 : 128;
        range.prefix = maxPrefix;
        if (slash != std::string::npos) {
            unsigned prefix = 0;
            if (!Poco::NumberParser::tryParseUnsigned(entry.substr(slash + 1), prefix) || prefix > maxPrefix)
                throw std::invalid_argument("gatehouse.http.trustedProxies: '" + entry + "' has a bad prefix length");
            range.prefix = prefix;
        }
        m_ranges.push_back(range);
    }
}

Poco::Net::IPAddress TrustedProxies::unmapped(const Poco::Net::IPAddress& address)
{
    if (address.family() == Poco::Net::IPAddress::IPv6 && address.isIPv4Mapped()) {
        const auto* bytes = static_cast<const unsigned char*>(address.addr());
        return Poco::Net::IPAddress(bytes + 12, 4);
    }
    return address;
}

bool TrustedProxies::contains(const Poco::Net::IPAddress& address) const
{
    const auto plain = unmapped(address);
    for (const auto& range : m_ranges) {
        if (samePrefix(plain, range.network, range.prefix))
            return true;
    }
    return false;
}

bool TrustedProxies::contains(const std::string& address) const
{
    Poco::Net::IPAddress parsed;
    return !m_ranges.empty() && Poco::Net::IPAddress::tryParse(address, parsed) && contains(parsed);
}

std::string TrustedProxies::clientFromForwardedFor(const std::vector<std::string>& headerValues,
                                                   const std::string& peer) const
{
    std::vector<std::string> entries;
    for (const auto& value : headerValues) {
        std::size_t start = 0;
        while (start <= value.size()) {
            const auto comma = value.find(',', start);
            const auto end = comma == std::string::npos ? value.size() : comma;
            entries.push_back(value.substr(start, end - start));
            start = end + 1;
        }
    }
    std::string client = peer;
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
        Poco::Net::IPAddress address;
        if (!parseForwardedEntry(*it, address))
            break;
        address = unmapped(address);
        client = address.toString();
        if (!contains(address))
            break;
    }
    return client;
}

} // namespace gh::http
