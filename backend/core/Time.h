#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gh::core {

// Unix seconds, RFC 3339 UTC strings ("2026-11-23T04:46:53Z") and ISO dates ("2026-11-23").
std::int64_t nowSeconds();
std::string rfc3339(std::int64_t unixSeconds);
std::string nowRfc3339();
// Strictly YYYY-MM-DD with a real calendar day; the date's unix day number when valid.
std::optional<std::int64_t> parseIsoDate(std::string_view text);
std::string isoDateFromDays(std::int64_t daysSinceEpoch);

} // namespace gh::core
