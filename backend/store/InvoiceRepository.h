#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <optional>
#include <vector>

namespace gh::store {

class InvoiceRepository
{
public:
    explicit InvoiceRepository(Connection& connection)
        : m_db(connection)
    {
    }
    core::Id insert(const core::Invoice& invoice);
    std::optional<core::Invoice> find(core::Id customerId, const std::string& number);
    std::optional<core::Invoice> findById(core::Id customerId, core::Id invoiceId);
    std::int64_t countForCustomer(core::Id customerId);
    // Whether the invoice with this id is the customer's.
    bool isCustomers(core::Id customerId, core::Id invoiceId);
    // The amount of the customer's invoice with this number, if there is one.
    std::optional<core::Money> amountOf(core::Id customerId, const std::string& number);

    static constexpr std::string_view kInsertSql
        = "INSERT INTO invoices (customer_id, number, order_number, po_reference, invoice_date, due_date, amount, "
          "open_amount, currency, status, is_open, has_documents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // open/partially paid and credits with an open amount are "open"; the portal filter reads is_open.
    static bool isOpen(const core::Invoice& invoice) { return invoice.openAmount.cents() != 0; }

    // The one column list (alias i) and row reader for invoices; customerNumber is left to the caller.
    static constexpr std::string_view kColumns = "i.id, i.customer_id, i.number, i.order_number, i.po_reference, "
                                                 "i.invoice_date, i.due_date, i.amount, i.open_amount, i.currency, "
                                                 "i.status, i.has_documents";
    static core::Invoice read(Query& q);

private:
    Connection& m_db;
};

} // namespace gh::store
