#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gh::core {

// The portal's fixed catalogue of sections (SPEC §1). The numeric value is the bit position used in
// storage, so it must never change; add new sections at the end.
enum class Section : std::uint8_t
{
    AccountSummary = 0,
    AccountAddresses,
    OrdersView,
    DeliveriesView,
    InvoicesView,
    StatementsDownload,
    QuotesView,
    PaymentsView,
};

// Processes that an ERP role mapping can authorise (SPEC §1). Same storage rule as Section.
enum class Process : std::uint8_t
{
    PayInvoices = 0,
    PayOnAccount,
    EmailDocuments,
};

struct CatalogueEntry
{
    std::string_view key;
    std::string_view label;
};

inline constexpr std::array<CatalogueEntry, 8> kSectionCatalogue{{
    {"account.summary", "Account Summary"},
    {"account.addresses", "Addresses"},
    {"orders.view", "View Order History"},
    {"deliveries.view", "View Deliveries"},
    {"invoices.view", "View Invoice History"},
    {"statements.download", "Download Statement"},
    {"quotes.view", "View Quotes & Enquiries"},
    {"payments.view", "View Payments"},
}};

inline constexpr std::array<CatalogueEntry, 3> kProcessCatalogue{{
    {"pay_invoices", "Pay Invoices"},
    {"pay_on_account", "Pay on Account"},
    {"email_documents", "Email Documents"},
}};

template <typename Enum> struct CatalogueOf;
template <> struct CatalogueOf<Section>
{
    static constexpr const auto& entries = kSectionCatalogue;
};
template <> struct CatalogueOf<Process>
{
    static constexpr const auto& entries = kProcessCatalogue;
};

// A set of catalogue members stored as a bit mask (one INTEGER column in the database).
template <typename Enum> class FlagSet
{
public:
    static constexpr std::size_t kSize = CatalogueOf<Enum>::entries.size();

    constexpr FlagSet() = default;
    constexpr explicit FlagSet(std::uint32_t bits)
        : m_bits(bits & allBits())
    {
    }
    constexpr FlagSet(std::initializer_list<Enum> members)
    {
        for (Enum m : members)
            insert(m);
    }

    static constexpr FlagSet all() { return FlagSet(allBits()); }
    static constexpr std::uint32_t allBits() { return (1u << kSize) - 1u; }

    // Parses catalogue keys; returns std::nullopt and the offending key when one is unknown.
    static std::optional<FlagSet> fromKeys(const std::vector<std::string>& keys, std::string* unknownKey = nullptr)
    {
        FlagSet set;
        for (const auto& key : keys) {
            auto member = parse(key);
            if (!member) {
                if (unknownKey)
                    *unknownKey = key;
                return std::nullopt;
            }
            set.insert(*member);
        }
        return set;
    }

    static std::optional<Enum> parse(std::string_view key)
    {
        const auto& entries = CatalogueOf<Enum>::entries;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (entries[i].key == key)
                return static_cast<Enum>(i);
        }
        return std::nullopt;
    }

    static std::string_view keyOf(Enum member)
    {
        return CatalogueOf<Enum>::entries[static_cast<std::size_t>(member)].key;
    }

    std::vector<std::string> keys() const
    {
        std::vector<std::string> out;
        const auto& entries = CatalogueOf<Enum>::entries;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (m_bits & (1u << i))
                out.emplace_back(entries[i].key);
        }
        return out;
    }

    constexpr void insert(Enum member) { m_bits |= bit(member); }
    constexpr void erase(Enum member) { m_bits &= ~bit(member); }
    constexpr bool contains(Enum member) const { return (m_bits & bit(member)) != 0; }
    constexpr bool empty() const { return m_bits == 0; }
    constexpr std::uint32_t bits() const { return m_bits; }

    constexpr FlagSet operator&(FlagSet other) const { return FlagSet(m_bits & other.m_bits); }
    constexpr FlagSet operator|(FlagSet other) const { return FlagSet(m_bits | other.m_bits); }
    constexpr bool operator==(const FlagSet&) const = default;

private:
    static constexpr std::uint32_t bit(Enum member) { return 1u << static_cast<std::uint32_t>(member); }
    std::uint32_t m_bits = 0;
};

using SectionSet = FlagSet<Section>;
using ProcessSet = FlagSet<Process>;

// Splits "a|b|c" (any single-character separator), trimming blanks and dropping empty items.
std::vector<std::string> splitList(std::string_view text, char separator);
std::string joinList(const std::vector<std::string>& items, char separator);
// A section's label as people read it ("View Invoice History"); the key itself when unknown.
std::string_view sectionLabel(std::string_view key);

} // namespace gh::core
