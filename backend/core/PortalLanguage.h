#pragma once

#include <string>
#include <string_view>

namespace gh::core {

// The language of a portal page or email: "en" (the source) or "de". The person's own choice (the
// gh_lang cookie the page's language switch sets) wins; otherwise the best supported language of the
// browser's Accept-Language (RFC 9110 §12.5.4: quality values, "de-AT" counts as "de"); else English.
class PortalLanguage
{
public:
    static constexpr std::string_view kDefault = "en";
    static bool isSupported(std::string_view code);
    static std::string choose(std::string_view chosen, std::string_view acceptLanguage);
};

} // namespace gh::core
