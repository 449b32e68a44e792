#pragma once

#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gh::core {

// A cron schedule of SPEC §5: minute, hour, day of month, month, day of week and an optional year
// (1970-2099). Every field takes `*`, lists `,`, ranges `-` and steps `/`; day of month also `?`,
// `L` (last day), `LW` (last weekday) and `15W` (weekday nearest the 15th, within the month); day
// of week also `?`, `L` (Saturday), `5L` (last Friday) and `MON#2` (second Monday). Months take
// JAN-DEC, days SUN-SAT; day of week is 0-6 with 7 also Sunday. Letters are case-insensitive, and
// @yearly, @annually, @monthly, @weekly, @daily, @midnight and @hourly stand for their usual
// expressions. Times are UTC.
//
// When both day fields are restricted (neither `*` nor `?`), a day matches if either matches, as in
// Vixie cron; otherwise the restricted one decides.
class CronExpression
{
public:
    struct Error
    {
        std::string field; // "minute", "hour", "day of month", "month", "day of week", "year" or "expression"
        std::string reason;
        std::string message() const { return field + ": " + reason; }
    };

    // std::nullopt and the field and reason when the text is not a valid expression.
    static std::optional<CronExpression> parse(std::string_view text, Error* error = nullptr);

    // The first run strictly after `afterUnixSeconds` (whole minutes), or nothing before 2100.
    std::optional<std::int64_t> next(std::int64_t afterUnixSeconds) const;
    // Up to n runs after `fromUnixSeconds`, in order.
    std::vector<std::int64_t> nextRuns(std::int64_t fromUnixSeconds, int n) const;

    static constexpr int kMinYear = 1970;
    static constexpr int kMaxYear = 2099;

private:
    friend class CronParser;
    bool dayMatches(int year, unsigned month, unsigned day) const;

    std::bitset<60> m_minutes;
    std::bitset<24> m_hours;
    std::bitset<32> m_daysOfMonth; // 1..31
    std::bitset<13> m_months; // 1..12
    std::bitset<7> m_daysOfWeek; // 0 = Sunday
    std::bitset<kMaxYear - kMinYear + 1> m_years;
    bool m_lastDayOfMonth = false; // L
    bool m_lastWeekdayOfMonth = false; // LW
    std::vector<int> m_nearestWeekday; // 15W
    std::vector<int> m_lastWeekdayInMonth; // 5L: the last Friday
    std::vector<std::pair<int, int>> m_nthWeekday; // MON#2: (1, 2)
    bool m_dayOfMonthRestricted = false;
    bool m_dayOfWeekRestricted = false;
};

} // namespace gh::core
