#include "core/PortalLanguage.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace gh::core {

namespace {

constexpr std::array<std::string_view, 2> kSupported{"en", "de"};

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

// "q=0.8" -> 800; anything unreadable -> -1 (the entry is ignored).
int quality(std::string_view parameters)
{
    int q = 1000;
    while (!parameters.empty()) {
        const auto semicolon = parameters.find(';');
        const auto parameter = trim(parameters.substr(0, semicolon));
        parameters = semicolon == std::string_view::npos ? std::string_view() : parameters.substr(semicolon + 1);
        if (parameter.size() < 2 || (parameter[0] != 'q' && parameter[0] != 'Q') || parameter[1] != '=')
            continue;
        const auto value = parameter.substr(2);
        if (value.empty() || value.size() > 5 || (value[0] != '0' && value[0] != '1'))
            return -1;
        int whole = value[0] - '0';
        int thousandths = 0;
        if (value.size() > 1) {
            if (value[1] != '.')
                return -1;
            auto digits = value.substr(2);
            int scale = 100;
            for (char c : digits) {
                if (c < '0' || c > '9')
                    return -1;
                thousandths += (c - '0') * scale;
                scale /= 10;
            }
        }
        q = std::min(1000, whole * 1000 + thousandths);
    }
    return q;
}

} // namespace

bool PortalLanguage::isSupported(std::string_view code)
{
    return std::find(kSupported.begin(), kSupported.end(), code) != kSupported.end();
}

std::string PortalLanguage::choose(std::string_view chosen, std::string_view acceptLanguage)
{
    const std::string own = lower(trim(chosen));
    if (isSupported(own))
        return own;
    std::string best(kDefault);
    int bestQuality = 0;
    // Only the first 64 entries: the header is the client's to make long.
    for (int entries = 0; !acceptLanguage.empty() && entries < 64; ++entries) {
        const auto comma = acceptLanguage.find(',');
        const auto entry = trim(acceptLanguage.substr(0, comma));
        acceptLanguage = comma == std::string_view::npos ? std::string_view() : acceptLanguage.substr(comma + 1);
        const auto semicolon = entry.find(';');
        const std::string tag = lower(trim(entry.substr(0, semicolon)));
        const int q = semicolon == std::string_view::npos ? 1000 : quality(entry.substr(semicolon + 1));
        const std::string primary = tag.substr(0, tag.find('-'));
        if (q > bestQuality && isSupported(primary)) {
            best = primary;
            bestQuality = q;
        }
    }
    return best;
}

} // namespace gh::core
