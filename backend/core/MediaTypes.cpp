#include "MediaTypes.h"

#include "Text.h"

#include <array>

namespace gh::core {

std::string MediaTypes::served(std::string_view stored)
{
    static constexpr std::array<std::string_view, 5> kAllowed
        = {"application/pdf", "image/png", "image/jpeg", "text/plain", "text/csv"};
    const auto semicolon = stored.find(';');
    const std::string essence = toLowerAscii(trim(stored.substr(0, semicolon)));
    for (const auto allowed : kAllowed) {
        if (essence == allowed)
            return essence;
    }
    return "application/octet-stream";
}

} // namespace gh::core
