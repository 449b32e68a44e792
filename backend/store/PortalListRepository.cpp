#include "PortalListRepository.h"

#include "InvoiceRepository.h"
#include "OrderRepository.h"

#include "core/Text.h"

#include <map>
#include <mutex>
#include <unordered_map>

namespace gh::store {
namespace {

// Builds the WHERE clause and its arguments; the SQL text varies only with which filters are
// present, so each variant is prepared once per connection and cached.
struct Where
{
    std::string sql;
    std::vector<std::string> texts; // bound in order after customer_id
};

void bindAll(Query& q, core::Id customerId, const std::vector<std::string>& texts, int& index)
{
    q.bindOne(++index, customerId);
    for (const auto& text : texts)
        q.bindOne(++index, text);
}

core::Invoice readInvoice(Query& q, const std::string& customerNumber)
{
    core::Invoice i = InvoiceRepository::read(q);
    i.customerNumber = customerNumber;
    return i;
}

constexpr std::string_view kInvoiceColumns = InvoiceRepository::kColumns;

// An invoice of "i" not raised for an order that someone other than ? (lower case) placed.
constexpr const char* kNotOthersOrder = "NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = i.customer_id "
                                        "AND o.number = i.order_number AND i.order_number <> '' "
                                        "AND lower(o.placed_by) <> ?)";

// Where rows sit in a list: (date, id) of the row just before position offset, per list (customer,
// filter, sort). Shared by all connections; an entry holds while the customer's invoice generation
// (bumped by triggers on every write, migration 4) is the one it was computed under.
class AnchorCache
{
public:
    struct Anchor
    {
        std::string date;
        core::Id id = 0;
    };

    // The remembered position nearest at or below offset: its offset and row.
    std::optional<std::pair<std::int64_t, Anchor>> nearest(const std::string& key, std::int64_t generation,
                                                           std::int64_t offset)
    {
        std::lock_guard lock(m_mutex);
        auto it = m_lists.find(key);
        if (it == m_lists.end() || it->second.generation != generation)
            return std::nullopt;
        auto anchor = it->second.anchors.upper_bound(offset);
        if (anchor == it->second.anchors.begin())
            return std::nullopt;
        --anchor;
        return *anchor;
    }

    void store(const std::string& key, std::int64_t generation, std::int64_t offset, Anchor anchor)
    {
        std::lock_guard lock(m_mutex);
        if (m_lists.size() > 10000)
            m_lists.clear(); // a crude bound; anchors are cheap to find again
        auto& list = m_lists[key];
        if (list.generation != generation) {
            list.generation = generation;
            list.anchors.clear();
        }
        list.anchors[offset] = std::move(anchor);
    }

private:
    struct List
    {
        std::int64_t generation = -1;
        std::map<std::int64_t, Anchor> anchors;
    };
    std::mutex m_mutex;
    std::unordered_map<std::string, List> m_lists;
};

AnchorCache& anchorCache()
{
    static AnchorCache cache;
    return cache;
}

std::string customerNumberOf(Connection& db, core::Id customerId)
{
    auto q = db.query("SELECT number FROM customers WHERE id = ?", customerId);
    return q.next() ? q.text(0) : std::string();
}

} // namespace

std::vector<core::Invoice> PortalListRepository::invoices(const Filter& f, std::int64_t& total)
{
    Where where{"i.customer_id = ?", {}};
    if (f.status == "open")
        where.sql += " AND i.is_open = 1";
    else if (f.status == "paid")
        where.sql += " AND i.is_open = 0";
    if (f.from) {
        where.sql += " AND i.invoice_date >= ?";
        where.texts.push_back(*f.from);
    }
    if (f.to) {
        where.sql += " AND i.invoice_date <= ?";
        where.texts.push_back(*f.to);
    }
    if (!f.prefix.empty()) {
        // Index ranges on (customer_id, number) and (customer_id, po_reference), not LIKE.
        const std::string upper = core::prefixUpperBound(f.prefix);
        if (upper.empty()) {
            where.sql += " AND (i.number >= ? OR i.po_reference >= ?)";
            where.texts.insert(where.texts.end(), {f.prefix, f.prefix});
        } else {
            where.sql += " AND ((i.number >= ? AND i.number < ?) OR (i.po_reference >= ? AND i.po_reference < ?))";
            where.texts.insert(where.texts.end(), {f.prefix, upper, f.prefix, upper});
        }
    }
    if (!f.placedBy.empty()) {
        where.sql += std::string(" AND ") + kNotOthersOrder;
        where.texts.push_back(f.placedBy);
    }
    // One snapshot for the generation, the total and the page.
    ReadSnapshot snapshot(m_db);
    if (where.texts.empty()) {
        // No date or number filter: the total is kept per customer and open flag (migration 4).
        static const std::string all = "SELECT COALESCE(SUM(n), 0) FROM invoice_counts WHERE customer_id = ?";
        static const std::string byOpen
            = "SELECT COALESCE(SUM(n), 0) FROM invoice_counts WHERE customer_id = ? AND is_open = ?";
        auto q = f.status == "all" ? m_db.query(all, f.customerId)
                                   : m_db.query(byOpen, f.customerId, f.status == "open" ? 1 : 0);
        q.next();
        total = q.integer(0);
    } else {
        auto q = Query(m_db.prepare("SELECT COUNT(*) FROM invoices i WHERE " + where.sql));
        int index = 0;
        bindAll(q, f.customerId, where.texts, index);
        q.next();
        total = q.integer(0);
    }
    std::vector<core::Invoice> out;
    const std::int64_t offset = (f.page - 1) * f.pageSize;
    if (offset >= total)
        return out;
    const std::string order = f.newestFirst ? "i.invoice_date DESC, i.id DESC" : "i.invoice_date ASC, i.id ASC";
    // The rows after a remembered one in list order; bound by bindAfter.
    const std::string after = f.newestFirst ? " AND i.invoice_date <= ? AND (i.invoice_date < ? OR i.id < ?)"
                                            : " AND i.invoice_date >= ? AND (i.invoice_date > ? OR i.id > ?)";
    auto bindAfter = [](Query& q, int& index, const AnchorCache::Anchor& a) {
        q.bindOne(++index, a.date);
        q.bindOne(++index, a.date);
        q.bindOne(++index, a.id);
    };

    // Deep pages start after the remembered row at the nearest lower multiple of kAnchorEvery. Lists
    // searched by number prefix are short and use other indexes; they always count from the start.
    std::int64_t skip = offset;
    std::optional<AnchorCache::Anchor> anchor;
    if (offset >= kAnchorEvery && f.prefix.empty()) {
        const std::int64_t anchorOffset = offset / kAnchorEvery * kAnchorEvery;
        std::int64_t generation = 0;
        {
            auto q = m_db.query("SELECT generation FROM invoice_generations WHERE customer_id = ?", f.customerId);
            if (q.next())
                generation = q.integer(0);
        }
        std::string key = std::to_string(f.customerId) + '\x1f' + where.sql + '\x1f' + order;
        for (const auto& text : where.texts)
            key += '\x1f' + text;
        auto known = anchorCache().nearest(key, generation, anchorOffset);
        if (known && known->first == anchorOffset) {
            anchor = known->second;
        } else {
            // Found by walking on from the nearest remembered position below it (or from the start),
            // so paging on through a long list never counts from the beginning again.
            auto q
                = Query(m_db.prepare("SELECT i.invoice_date, i.id FROM invoices i WHERE " + where.sql
                                     + (known ? after : std::string()) + " ORDER BY " + order + " LIMIT 1 OFFSET ?"));
            int index = 0;
            bindAll(q, f.customerId, where.texts, index);
            if (known)
                bindAfter(q, index, known->second);
            q.bindOne(++index, anchorOffset - 1 - (known ? known->first : 0));
            if (q.next()) {
                anchor = AnchorCache::Anchor{q.text(0), q.integer(1)};
                anchorCache().store(key, generation, anchorOffset, *anchor);
            }
        }
        if (anchor)
            skip = offset - anchorOffset;
    }
    const std::string pageWhere = where.sql + (anchor ? after : std::string());
    const std::string sql = "SELECT " + std::string(kInvoiceColumns) + " FROM (SELECT i.id FROM invoices i WHERE "
        + pageWhere + " ORDER BY " + order + " LIMIT ? OFFSET ?) AS page JOIN invoices i ON i.id = page.id ORDER BY "
        + order;
    const std::string customerNumber
        = f.customerNumber.empty() ? customerNumberOf(m_db, f.customerId) : f.customerNumber;
    {
        auto q = Query(m_db.prepare(sql));
        int index = 0;
        bindAll(q, f.customerId, where.texts, index);
        if (anchor)
            bindAfter(q, index, *anchor);
        q.bindOne(++index, f.pageSize);
        q.bindOne(++index, skip);
        while (q.next())
            out.push_back(readInvoice(q, customerNumber));
    }
    return out;
}

std::vector<core::Order> PortalListRepository::orders(const Filter& f, std::int64_t& total)
{
    Where where{"o.customer_id = ?", {}};
    if (f.status == "open")
        where.sql += " AND o.is_open = 1";
    else if (f.status == "invoiced")
        where.sql += " AND o.is_open = 0 AND o.status = 'invoiced'"; // invoiced orders are never open
    if (f.from) {
        where.sql += " AND o.order_date >= ?";
        where.texts.push_back(*f.from);
    }
    if (f.to) {
        where.sql += " AND o.order_date <= ?";
        where.texts.push_back(*f.to);
    }
    if (!f.prefix.empty()) {
        const std::string upper = core::prefixUpperBound(f.prefix);
        if (upper.empty()) {
            where.sql += " AND o.po_reference >= ?";
            where.texts.push_back(f.prefix);
        } else {
            where.sql += " AND o.po_reference >= ? AND o.po_reference < ?";
            where.texts.insert(where.texts.end(), {f.prefix, upper});
        }
    }
    if (!f.placedBy.empty()) {
        // AccessRules::ordersPlacedBy decided it (lower case); placed_by is compared ignoring ASCII case.
        where.sql += " AND lower(o.placed_by) = ?";
        where.texts.push_back(f.placedBy);
    }
    {
        auto q = Query(m_db.prepare("SELECT COUNT(*) FROM orders o WHERE " + where.sql));
        int index = 0;
        bindAll(q, f.customerId, where.texts, index);
        q.next();
        total = q.integer(0);
    }
    std::vector<core::Order> out;
    const std::int64_t offset = (f.page - 1) * f.pageSize;
    if (offset >= total)
        return out;
    const std::string order = f.newestFirst ? "order_date DESC, o.id DESC" : "order_date ASC, o.id ASC";
    const std::string sql = "SELECT " + std::string(OrderRepository::kColumns)
        + " FROM (SELECT o.id FROM orders o WHERE " + where.sql + " ORDER BY o." + order
        + " LIMIT ? OFFSET ?) AS page JOIN orders o ON o.id = page.id "
        + "JOIN customers c ON c.id = o.customer_id ORDER BY o." + order;
    auto q = Query(m_db.prepare(sql));
    int index = 0;
    bindAll(q, f.customerId, where.texts, index);
    q.bindOne(++index, f.pageSize);
    q.bindOne(++index, offset);
    while (q.next())
        out.push_back(OrderRepository::read(q));
    return out;
}

std::vector<core::Invoice> PortalListRepository::openInvoices(core::Id customerId, const std::string& placedBy)
{
    static const std::string sql = "SELECT " + std::string(kInvoiceColumns)
        + " FROM invoices i WHERE i.customer_id = ? AND i.is_open = 1 "
          "ORDER BY i.invoice_date DESC, i.id DESC";
    static const std::string own = "SELECT " + std::string(kInvoiceColumns)
        + " FROM invoices i WHERE i.customer_id = ? AND i.is_open = 1 AND " + kNotOthersOrder
        + " ORDER BY i.invoice_date DESC, i.id DESC";
    const std::string customerNumber = customerNumberOf(m_db, customerId);
    std::vector<core::Invoice> out;
    auto q = placedBy.empty() ? m_db.query(sql, customerId) : m_db.query(own, customerId, placedBy);
    while (q.next())
        out.push_back(readInvoice(q, customerNumber));
    return out;
}

} // namespace gh::store
