#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gh::core {

// An amount in minor units (cents). Gatehouse shows and exchanges money as decimal strings with two
// places ("1234.50"), so it is stored as an exact integer, never as a floating-point number.
class Money
{
public:
    constexpr Money() = default;
    constexpr explicit Money(std::int64_t cents)
        : m_cents(cents)
    {
    }

    // Accepts "1234", "1234.5", "1234.50", "-12.30", optionally with surrounding blanks.
    static std::optional<Money> parse(std::string_view text);

    constexpr std::int64_t cents() const { return m_cents; }
    std::string toString() const; // always two decimals

    constexpr auto operator<=>(const Money&) const = default;

private:
    std::int64_t m_cents = 0;
};

} // namespace gh::core
