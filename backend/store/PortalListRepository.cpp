#include "PortalListRepository.h"

#include "core/Text.h"

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
    core::Invoice i;
    i.id = q.integer(0);
    i.customerId = q.integer(1);
    i.number = q.text(2);
    i.orderNumber = q.text(3);
    i.poReference = q.text(4);
    i.invoiceDate = q.text(5);
    i.dueDate = q.text(6);
    i.amount = core::Money(q.integer(7));
    i.openAmount = core::Money(q.integer(8));
    i.currency = q.text(9);
    i.status = core::parseEnum<core::InvoiceStatus>(q.textView(10)).value_or(core::InvoiceStatus::Open);
    i.hasDocuments = q.boolean(11);
    i.customerNumber = customerNumber;
    return i;
}

constexpr std::string_view kInvoiceColumns = "i.id, i.customer_id, i.number, i.order_number, i.po_reference, "
                                             "i.invoice_date, i.due_date, i.amount, i.open_amount, i.currency, "
                                             "i.status, i.has_documents";

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
    {
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
    const std::string sql = "SELECT " + std::string(kInvoiceColumns) + " FROM (SELECT i.id FROM invoices i WHERE "
        + where.sql + " ORDER BY " + order + " LIMIT ? OFFSET ?) AS page JOIN invoices i ON i.id = page.id ORDER BY "
        + order;
    const std::string customerNumber = customerNumberOf(m_db, f.customerId);
    auto q = Query(m_db.prepare(sql));
    int index = 0;
    bindAll(q, f.customerId, where.texts, index);
    q.bindOne(++index, f.pageSize);
    q.bindOne(++index, offset);
    while (q.next())
        out.push_back(readInvoice(q, customerNumber));
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
        // Same meaning as AccessRules::orderVisibleTo: placed_by equals the user's email, ASCII case ignored.
        where.sql += " AND lower(o.placed_by) = ?";
        where.texts.push_back(core::toLowerAscii(f.placedBy));
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
    const std::string sql
        = "SELECT o.id, o.customer_id, o.number, c.number, c.name, o.po_reference, o.order_date, o.status, o.delivery, "
          "o.placed_by, o.has_documents FROM (SELECT o.id FROM orders o WHERE "
        + where.sql + " ORDER BY o." + order + " LIMIT ? OFFSET ?) AS page JOIN orders o ON o.id = page.id "
        + "JOIN customers c ON c.id = o.customer_id ORDER BY o." + order;
    auto q = Query(m_db.prepare(sql));
    int index = 0;
    bindAll(q, f.customerId, where.texts, index);
    q.bindOne(++index, f.pageSize);
    q.bindOne(++index, offset);
    while (q.next()) {
        core::Order o;
        o.id = q.integer(0);
        o.customerId = q.integer(1);
        o.number = q.text(2);
        o.customerNumber = q.text(3);
        o.customerName = q.text(4);
        o.poReference = q.text(5);
        o.orderDate = q.text(6);
        o.status = core::parseEnum<core::OrderStatus>(q.textView(7)).value_or(core::OrderStatus::Open);
        o.delivery = q.text(8);
        o.placedBy = q.text(9);
        o.hasDocuments = q.boolean(10);
        out.push_back(std::move(o));
    }
    return out;
}

std::vector<core::Invoice> PortalListRepository::openInvoices(core::Id customerId)
{
    static const std::string sql = "SELECT " + std::string(kInvoiceColumns)
        + " FROM invoices i WHERE i.customer_id = ? AND i.is_open = 1 "
          "ORDER BY i.invoice_date DESC, i.id DESC";
    const std::string customerNumber = customerNumberOf(m_db, customerId);
    std::vector<core::Invoice> out;
    auto q = m_db.query(sql, customerId);
    while (q.next())
        out.push_back(readInvoice(q, customerNumber));
    return out;
}

} // namespace gh::store
