#include "Time.h"

#include <chrono>

namespace gh::core {

std::int64_t nowSeconds()
{
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

std::string rfc3339(std::int64_t unixSeconds)
{
    using namespace std::chrono;
    const sys_seconds tp{seconds{unixSeconds}};
    const auto day = floor<days>(tp);
    const year_month_day ymd{day};
    const hh_mm_ss hms{tp - day};
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(ymd.year()), unsigned(ymd.month()),
                  unsigned(ymd.day()), int(hms.hours().count()), int(hms.minutes().count()),
                  int(hms.seconds().count()));
    return buffer;
}

std::string nowRfc3339() { return rfc3339(nowSeconds()); }

std::optional<std::int64_t> parseIsoDate(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    auto number = [&](std::size_t from, std::size_t count) -> int {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9')
                return -1;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const int y = number(0, 4), m = number(5, 2), d = number(8, 2);
    if (y < 1 || m < 1 || d < 1)
        return std::nullopt;
    using namespace std::chrono;
    const year_month_day ymd{year{y}, month{unsigned(m)}, day{unsigned(d)}};
    if (!ymd.ok())
        return std::nullopt;
    return sys_days{ymd}.time_since_epoch().count();
}

std::string isoDateFromDays(std::int64_t daysSinceEpoch)
{
    using namespace std::chrono;
    const year_month_day ymd{sys_days{days{daysSinceEpoch}}};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
    return buffer;
}

} // namespace gh::core
