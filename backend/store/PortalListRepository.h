#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <optional>
#include <string>
#include <vector>

namespace gh::store {

// The portal's paged invoice and order lists. Designed for the big account on the large data set
// (C100001: 12,000 invoices among 5,000,000): every filter maps onto the indexes of
// Migrations::bulkIndexes, the sort (date, id) follows the index order, and a page first picks only
// ids from the index with LIMIT/OFFSET and then reads just those rows, so a deep page costs an index
// walk rather than reading every skipped row.
class PortalListRepository
{
public:
    struct Filter
    {
        core::Id customerId = 0;
        std::string customerNumber; // copied into the items; the caller has it already
        std::string prefix; // q: prefix match, empty = none
        std::optional<std::string> from; // YYYY-MM-DD, inclusive
        std::optional<std::string> to;
        std::string status = "all"; // invoices: open|paid|all; orders: open|invoiced|all
        bool newestFirst = true;
        std::int64_t page = 1;
        std::int64_t pageSize = 10;
        // "Own orders only", as AccessRules::ordersPlacedBy decided: only orders whose placed_by equals
        // this lower-case email, ASCII case ignored, and only invoices not raised for someone else's
        // order. Empty = no restriction.
        std::string placedBy;
    };

    // A deep page starts from the remembered position of the kAnchorEvery-th row at or before it, so
    // it skips fewer than that many index entries instead of all rows before it. A position not yet
    // remembered is found from the nearest remembered one below it.
    static constexpr std::int64_t kAnchorEvery = 100;

    explicit PortalListRepository(Connection& connection)
        : m_db(connection)
    {
    }

    std::vector<core::Invoice> invoices(const Filter& filter, std::int64_t& total);
    std::vector<core::Order> orders(const Filter& filter, std::int64_t& total);
    // The open invoices of a customer, newest first (the statement CSV); placedBy as in Filter.
    std::vector<core::Invoice> openInvoices(core::Id customerId, const std::string& placedBy = {});

private:
    Connection& m_db;
};

} // namespace gh::store
