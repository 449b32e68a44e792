#include "CronExpression.h"

#include "Text.h"
#include <algorithm>

#include <array>
#include <chrono>

namespace gh::core {
namespace {

using namespace std::chrono;

constexpr std::array<std::string_view, 12> kMonthNames{"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                       "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
constexpr std::array<std::string_view, 7> kDayNames{"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

struct FieldSpec
{
    std::string_view name;
    int min;
    int max;
    const std::string_view* names = nullptr; // names[i] is the value min + i (months) or i (days)
    int nameCount = 0;
};

class ParseFailure
{
public:
    std::string reason;
};

std::vector<std::string_view> splitOn(std::string_view text, char separator)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        const auto pos = text.find(separator, start);
        out.push_back(text.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
        if (pos == std::string_view::npos)
            break;
        start = pos + 1;
    }
    return out;
}

unsigned daysInMonth(int y, unsigned m)
{
    return unsigned(year_month_day_last{year{y} / month{m} / last}.day());
}

unsigned weekdayOf(int y, unsigned m, unsigned d)
{
    return weekday{sys_days{year{y} / month{m} / day{d}}}.c_encoding();
}

} // namespace

// Parses one field at a time into the expression's bit sets.
class CronParser
{
public:
    explicit CronParser(CronExpression& target)
        : m_target(target)
    {
    }

    int number(std::string_view token, const FieldSpec& spec)
    {
        if (token.empty())
            throw ParseFailure{"empty value"};
        const std::string upper = [&] {
            std::string u(token);
            for (char& c : u)
                c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
            return u;
        }();
        for (int i = 0; i < spec.nameCount; ++i) {
            if (spec.names[i] == upper)
                return spec.nameCount == 12 ? i + 1 : i;
        }
        int value = 0;
        for (char c : token) {
            if (c < '0' || c > '9')
                throw ParseFailure{"'" + std::string(token) + "' is not a number"
                                   + (spec.nameCount ? " or a name" : std::string())};
            value = value * 10 + (c - '0');
            if (value > 100000)
                break;
        }
        if (value < spec.min || value > spec.max)
            throw ParseFailure{std::string(token) + " is out of range " + std::to_string(spec.min) + "-"
                               + std::to_string(spec.max)};
        return value;
    }

    // `*`, `a`, `a-b`, each optionally `/step`; calls set(value) for each member.
    template <typename Set> void range(std::string_view item, const FieldSpec& spec, Set set)
    {
        std::string_view base = item;
        int step = 1;
        const auto slash = item.find('/');
        if (slash != std::string_view::npos) {
            base = item.substr(0, slash);
            const std::string_view stepText = item.substr(slash + 1);
            if (stepText.empty() || stepText.find_first_not_of("0123456789") != std::string_view::npos)
                throw ParseFailure{"step '" + std::string(stepText) + "' is not a positive number"};
            step = std::stoi(std::string(stepText.substr(0, 6)));
            if (step < 1 || step > spec.max - spec.min + 1)
                throw ParseFailure{"step " + std::string(stepText) + " is out of range 1-"
                                   + std::to_string(spec.max - spec.min + 1)};
        }
        int from = spec.min, to = spec.max;
        if (base == "*") {
        } else {
            const auto dash = base.find('-');
            if (dash != std::string_view::npos) {
                from = number(base.substr(0, dash), spec);
                to = number(base.substr(dash + 1), spec);
                if (from > to)
                    throw ParseFailure{"range " + std::string(base) + " starts after it ends"};
            } else {
                from = number(base, spec);
                // "5/15" means from 5 to the end in steps of 15; a plain "5" is just 5.
                to = slash != std::string_view::npos ? spec.max : from;
            }
        }
        for (int v = from; v <= to; v += step)
            set(v);
    }

    template <std::size_t N> void simpleField(std::string_view text, const FieldSpec& spec, std::bitset<N>& bits)
    {
        for (auto item : splitOn(text, ','))
            range(item, spec, [&](int v) { bits.set(static_cast<std::size_t>(v)); });
    }

    void yearField(std::string_view text, const FieldSpec& spec)
    {
        for (auto item : splitOn(text, ','))
            range(item, spec, [&](int v) { m_target.m_years.set(static_cast<std::size_t>(v - spec.min)); });
    }

    void dayOfMonth(std::string_view text, const FieldSpec& spec)
    {
        if (text == "?" || text == "*") {
            m_target.m_daysOfMonth.set();
            return;
        }
        m_target.m_dayOfMonthRestricted = true;
        for (auto item : splitOn(text, ',')) {
            if (item == "?")
                throw ParseFailure{"'?' must stand alone"};
            if (item == "L") {
                m_target.m_lastDayOfMonth = true;
            } else if (item == "LW" || item == "WL") {
                m_target.m_lastWeekdayOfMonth = true;
            } else if (item.size() > 1 && item.back() == 'W') {
                m_target.m_nearestWeekday.push_back(number(item.substr(0, item.size() - 1), spec));
            } else {
                range(item, spec, [&](int v) { m_target.m_daysOfMonth.set(static_cast<std::size_t>(v)); });
            }
        }
    }

    void dayOfWeek(std::string_view text, const FieldSpec& spec)
    {
        if (text == "?" || text == "*") {
            m_target.m_daysOfWeek.set();
            return;
        }
        m_target.m_dayOfWeekRestricted = true;
        auto weekdayNumber = [&](std::string_view token) { return number(token, spec) % 7; };
        for (auto item : splitOn(text, ',')) {
            if (item == "?")
                throw ParseFailure{"'?' must stand alone"};
            const auto hash = item.find('#');
            if (item == "L") {
                m_target.m_daysOfWeek.set(6); // Quartz: "L" alone is the last day of the week, Saturday
            } else if (hash != std::string_view::npos) {
                const int day = weekdayNumber(item.substr(0, hash));
                const std::string_view nth = item.substr(hash + 1);
                if (nth.size() != 1 || nth[0] < '1' || nth[0] > '5')
                    throw ParseFailure{"'#" + std::string(nth) + "' must be #1 to #5"};
                m_target.m_nthWeekday.emplace_back(day, nth[0] - '0');
            } else if (item.size() > 1 && item.back() == 'L') {
                m_target.m_lastWeekdayInMonth.push_back(weekdayNumber(item.substr(0, item.size() - 1)));
            } else {
                range(item, spec, [&](int v) { m_target.m_daysOfWeek.set(static_cast<std::size_t>(v % 7)); });
            }
        }
    }

private:
    CronExpression& m_target;
};

std::optional<CronExpression> CronExpression::parse(std::string_view text, Error* error)
{
    static const FieldSpec kMinute{"minute", 0, 59};
    static const FieldSpec kHour{"hour", 0, 23};
    static const FieldSpec kDayOfMonth{"day of month", 1, 31};
    static const FieldSpec kMonth{"month", 1, 12, kMonthNames.data(), 12};
    static const FieldSpec kDayOfWeek{"day of week", 0, 7, kDayNames.data(), 7};
    static const FieldSpec kYear{"year", kMinYear, kMaxYear};

    // Letters are case-insensitive everywhere (names, L, W).
    std::string upper(trim(text));
    for (char& c : upper)
        c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    // The predefined schedules of classic cron (LeanSwift's manual points to them).
    static const std::array<std::pair<std::string_view, std::string_view>, 7> kMacros{{{"@YEARLY", "0 0 1 1 *"},
                                                                                       {"@ANNUALLY", "0 0 1 1 *"},
                                                                                       {"@MONTHLY", "0 0 1 * *"},
                                                                                       {"@WEEKLY", "0 0 * * 0"},
                                                                                       {"@DAILY", "0 0 * * *"},
                                                                                       {"@MIDNIGHT", "0 0 * * *"},
                                                                                       {"@HOURLY", "0 * * * *"}}};
    if (!upper.empty() && upper.front() == '@') {
        for (const auto& [name, expansion] : kMacros) {
            if (upper == name)
                return parse(expansion, error);
        }
        if (error)
            *error = {"expression",
                      "unknown schedule '" + std::string(trim(text))
                          + "' (use @yearly, @monthly, @weekly, @daily or @hourly)"};
        return std::nullopt;
    }
    std::vector<std::string_view> fields;
    std::string_view rest = upper;
    while (!rest.empty()) {
        const auto end = rest.find_first_of(" \t");
        fields.push_back(rest.substr(0, end));
        if (end == std::string_view::npos)
            break;
        rest = trim(rest.substr(end));
    }
    if (fields.size() != 5 && fields.size() != 6) {
        if (error)
            *error = {"expression",
                      "expected 5 fields (minute hour day-of-month month day-of-week) and an optional "
                      "year, got "
                          + std::to_string(fields.size())};
        return std::nullopt;
    }
    CronExpression expression;
    CronParser parser(expression);
    const FieldSpec* current = &kMinute;
    try {
        parser.simpleField(fields[0], kMinute, expression.m_minutes);
        current = &kHour;
        parser.simpleField(fields[1], kHour, expression.m_hours);
        current = &kDayOfMonth;
        parser.dayOfMonth(fields[2], kDayOfMonth);
        current = &kMonth;
        parser.simpleField(fields[3], kMonth, expression.m_months);
        current = &kDayOfWeek;
        parser.dayOfWeek(fields[4], kDayOfWeek);
        current = &kYear;
        if (fields.size() == 6 && fields[5] != "*" && fields[5] != "?")
            parser.yearField(fields[5], kYear);
        else
            expression.m_years.set();
    } catch (const ParseFailure& failure) {
        if (error)
            *error = {std::string(current->name), failure.reason};
        return std::nullopt;
    } catch (const std::exception& e) { // std::stoi on absurd input
        if (error)
            *error = {std::string(current->name), e.what()};
        return std::nullopt;
    }
    return expression;
}

bool CronExpression::dayMatches(int y, unsigned m, unsigned d) const
{
    const unsigned dim = daysInMonth(y, m);
    const unsigned dow = weekdayOf(y, m, d);
    bool dom = m_daysOfMonth.test(d) || (m_lastDayOfMonth && d == dim);
    if (!dom && m_lastWeekdayOfMonth) {
        unsigned last = dim;
        while (weekdayOf(y, m, last) == 0 || weekdayOf(y, m, last) == 6)
            --last;
        dom = d == last;
    }
    for (std::size_t i = 0; !dom && i < m_nearestWeekday.size(); ++i) {
        unsigned target = std::min<unsigned>(static_cast<unsigned>(m_nearestWeekday[i]), dim);
        const unsigned wd = weekdayOf(y, m, target);
        if (wd == 6) // Saturday: Friday before, or Monday after when the 1st
            target = target == 1 ? 3 : target - 1;
        else if (wd == 0) // Sunday: Monday after, or Friday before when the last day
            target = target == dim ? target - 2 : target + 1;
        dom = d == target;
    }
    bool dowMatch = m_daysOfWeek.test(dow);
    for (std::size_t i = 0; !dowMatch && i < m_lastWeekdayInMonth.size(); ++i)
        dowMatch = static_cast<unsigned>(m_lastWeekdayInMonth[i]) == dow && d + 7 > dim;
    for (std::size_t i = 0; !dowMatch && i < m_nthWeekday.size(); ++i)
        dowMatch = static_cast<unsigned>(m_nthWeekday[i].first) == dow
            && static_cast<unsigned>(m_nthWeekday[i].second) == (d - 1) / 7 + 1;
    if (m_dayOfMonthRestricted && m_dayOfWeekRestricted)
        return dom || dowMatch;
    if (m_dayOfMonthRestricted)
        return dom;
    if (m_dayOfWeekRestricted)
        return dowMatch;
    return true;
}

std::optional<std::int64_t> CronExpression::next(std::int64_t after) const
{
    // Start at the next whole minute after `after`.
    std::int64_t start = (after / 60 + 1) * 60;
    if (start < 0)
        start = 0;
    sys_days day = floor<days>(sys_seconds{seconds{start}});
    int startMinuteOfDay = static_cast<int>((start - sys_seconds{day}.time_since_epoch().count()) / 60);
    while (true) {
        const year_month_day ymd{day};
        const int y = int(ymd.year());
        if (y > kMaxYear)
            return std::nullopt;
        if (y < kMinYear || !m_years.test(static_cast<std::size_t>(y - kMinYear))) {
            day = sys_days{year{y + 1} / January / 1};
            startMinuteOfDay = 0;
            continue;
        }
        const unsigned m = unsigned(ymd.month());
        if (!m_months.test(m)) {
            const auto firstOfNext = year_month_day{year{y} / month{m} / 1} + months{1};
            day = sys_days{firstOfNext};
            startMinuteOfDay = 0;
            continue;
        }
        if (dayMatches(y, m, unsigned(ymd.day()))) {
            for (int minuteOfDay = startMinuteOfDay; minuteOfDay < 24 * 60; ++minuteOfDay) {
                const int h = minuteOfDay / 60;
                if (!m_hours.test(static_cast<std::size_t>(h))) {
                    minuteOfDay = h * 60 + 59;
                    continue;
                }
                if (m_minutes.test(static_cast<std::size_t>(minuteOfDay % 60)))
                    return sys_seconds{day}.time_since_epoch().count() + minuteOfDay * 60;
            }
        }
        day += days{1};
        startMinuteOfDay = 0;
    }
}

std::vector<std::int64_t> CronExpression::nextRuns(std::int64_t from, int n) const
{
    std::vector<std::int64_t> out;
    std::int64_t cursor = from;
    for (int i = 0; i < n; ++i) {
        auto run = next(cursor);
        if (!run)
            break;
        out.push_back(*run);
        cursor = *run;
    }
    return out;
}

} // namespace gh::core
