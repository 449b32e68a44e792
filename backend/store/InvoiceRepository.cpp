#include "InvoiceRepository.h"

namespace gh::store {

core::Id InvoiceRepository::insert(const core::Invoice& i)
{
    static const std::string sql = std::string(kInsertSql) + " RETURNING id";
    auto q = m_db.query(sql, i.customerId, i.number, i.orderNumber, i.poReference, i.invoiceDate, i.dueDate,
                        i.amount.cents(), i.openAmount.cents(), i.currency, core::toString(i.status), isOpen(i),
                        i.hasDocuments);
    q.next();
    return q.integer(0);
}

core::Invoice InvoiceRepository::read(Query& q)
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
    return i;
}

std::optional<core::Invoice> InvoiceRepository::findById(core::Id customerId, core::Id invoiceId)
{
    static const std::string sql = "SELECT " + std::string(kColumns)
        + ", c.number FROM invoices i JOIN customers c ON c.id = i.customer_id "
          "WHERE i.customer_id = ? AND i.id = ?";
    auto q = m_db.query(sql, customerId, invoiceId);
    if (!q.next())
        return std::nullopt;
    core::Invoice i = read(q);
    i.customerNumber = q.text(12);
    return i;
}

std::optional<core::Invoice> InvoiceRepository::find(core::Id customerId, const std::string& number)
{
    static const std::string sql = "SELECT " + std::string(kColumns)
        + ", c.number FROM invoices i JOIN customers c ON c.id = i.customer_id "
          "WHERE i.customer_id = ? AND i.number = ?";
    auto q = m_db.query(sql, customerId, number);
    if (!q.next())
        return std::nullopt;
    core::Invoice i = read(q);
    i.customerNumber = q.text(12);
    return i;
}

bool InvoiceRepository::isCustomers(core::Id customerId, core::Id invoiceId)
{
    return m_db.query("SELECT 1 FROM invoices WHERE id = ? AND customer_id = ?", invoiceId, customerId).next();
}

std::optional<core::Money> InvoiceRepository::amountOf(core::Id customerId, const std::string& number)
{
    auto q = m_db.query("SELECT amount FROM invoices WHERE customer_id = ? AND number = ?", customerId, number);
    if (!q.next())
        return std::nullopt;
    return core::Money(q.integer(0));
}

std::int64_t InvoiceRepository::countForCustomer(core::Id customerId)
{
    auto q = m_db.query("SELECT COUNT(*) FROM invoices WHERE customer_id = ?", customerId);
    q.next();
    return q.integer(0);
}

} // namespace gh::store
