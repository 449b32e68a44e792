#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gh::core {

std::string_view trim(std::string_view text);
std::string toLowerAscii(std::string_view text);
bool equalsIgnoreCaseAscii(std::string_view a, std::string_view b);
bool isValidUtf8(std::string_view text);
// Number of Unicode code points in valid UTF-8 text.
std::size_t utf8Length(std::string_view text);
// The smallest string greater than every string that starts with prefix (for index-friendly prefix
// ranges: prefix <= x < prefixUpperBound(prefix)). Empty when there is none.
std::string prefixUpperBound(std::string_view prefix);
// A plausible email: one @, non-empty local part, a dot in the domain, no spaces, at most 254 bytes.
bool looksLikeEmail(std::string_view text);

} // namespace gh::core
