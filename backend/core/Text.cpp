#include "Text.h"

#include <Poco/UTF8Encoding.h>

namespace gh::core {

std::string_view trim(std::string_view text)
{
    auto isBlank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && isBlank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isBlank(text.back()))
        text.remove_suffix(1);
    return text;
}

std::string toLowerAscii(std::string_view text)
{
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool equalsIgnoreCaseAscii(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && toLowerAscii(a) == toLowerAscii(b);
}

bool isValidUtf8(std::string_view text)
{
    Poco::UTF8Encoding utf8;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    while (p < end) {
        const int remaining = static_cast<int>(end - p);
        const int length = utf8.sequenceLength(p, remaining);
        if (length <= 0 || length > remaining || !Poco::UTF8Encoding::isLegal(p, length))
            return false;
        p += length;
    }
    return true;
}

std::size_t utf8Length(std::string_view text)
{
    std::size_t count = 0;
    for (unsigned char c : text) {
        if ((c & 0xC0) != 0x80)
            ++count;
    }
    return count;
}

std::string prefixUpperBound(std::string_view prefix)
{
    std::string out(prefix);
    while (!out.empty()) {
        auto& last = reinterpret_cast<unsigned char&>(out.back());
        if (last < 0xFF) {
            ++last;
            return out;
        }
        out.pop_back();
    }
    return out;
}

bool looksLikeEmail(std::string_view text)
{
    if (text.empty() || text.size() > 254)
        return false;
    auto at = text.find('@');
    if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos)
        return false;
    auto domain = text.substr(at + 1);
    auto dot = domain.find('.');
    if (domain.empty() || dot == std::string_view::npos || dot == 0 || domain.back() == '.')
        return false;
    for (char c : text) {
        if (static_cast<unsigned char>(c) <= ' ')
            return false;
    }
    return true;
}

} // namespace gh::core
