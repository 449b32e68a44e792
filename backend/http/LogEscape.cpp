#include "LogEscape.h"

namespace gh::http {

std::string escapeForLog(std::string_view text)
{
    static const char digits[] = "0123456789abcdef";
    std::string escaped;
    escaped.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f || c == '\\' || c == '"') {
            escaped += "\\x";
            escaped += digits[byte >> 4];
            escaped += digits[byte & 0x0f];
        } else {
            escaped += c;
        }
    }
    return escaped;
}

} // namespace gh::http
