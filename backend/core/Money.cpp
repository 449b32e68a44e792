#include "Money.h"

#include "Text.h"

#include <limits>

namespace gh::core {

std::optional<Money> Money::parse(std::string_view text)
{
    text = trim(text);
    bool negative = false;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    if (text.empty())
        return std::nullopt;
    std::int64_t units = 0;
    std::size_t i = 0;
    std::size_t digits = 0;
    constexpr std::int64_t kMaxUnits = std::numeric_limits<std::int64_t>::max() / 1000;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits) {
        units = units * 10 + (text[i] - '0');
        if (units > kMaxUnits)
            return std::nullopt;
    }
    if (digits == 0)
        return std::nullopt;
    std::int64_t fraction = 0;
    if (i < text.size()) {
        if (text[i] != '.')
            return std::nullopt;
        ++i;
        std::size_t fractionDigits = 0;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++fractionDigits) {
            if (fractionDigits >= 2)
                return std::nullopt; // more precision than the currency has
            fraction = fraction * 10 + (text[i] - '0');
        }
        if (fractionDigits == 0 || i != text.size())
            return std::nullopt;
        if (fractionDigits == 1)
            fraction *= 10;
    }
    std::int64_t cents = units * 100 + fraction;
    return Money(negative ? -cents : cents);
}

std::string Money::toString() const
{
    std::int64_t value = m_cents;
    std::string out;
    if (value < 0) {
        out += '-';
        value = -value;
    }
    out += std::to_string(value / 100);
    out += '.';
    std::int64_t fraction = value % 100;
    out += static_cast<char>('0' + fraction / 10);
    out += static_cast<char>('0' + fraction % 10);
    return out;
}

} // namespace gh::core
