#pragma once

// The portal's data behind the session door: the records of a customer the caller may view (the
// HTTP layer has asked PortalContext::customerFor, i.e. AccessRules::mayView, for customer and
// section), with the remaining access decisions taken by core::AccessRules (own orders only, which
// section gates which kind of document, sub-account downloads). nullopt / false: answer 404, exactly
// as for a record that does not exist.

#include "PortalSessions.h"
#include "Services.h"
#include "store/PortalListRepository.h"

#include <optional>
#include <string>
#include <vector>

namespace gh::services {

class PortalData
{
public:
    using ListFilter = store::PortalListRepository::Filter;

    static std::vector<core::Address> addresses(PortalSession& s, const core::Customer& customer);
    // The customer's ERP free fields that staff gave a label (setting portal.account_free_fields),
    // in the setting's order; codes without a label mean nothing to a customer and are left out.
    struct LabelledField
    {
        std::string key;
        std::string label;
        std::string value;
    };
    static std::vector<LabelledField> accountFreeFields(PortalSession& s, const core::Customer& customer);

    // The page of the customer's invoices / orders; total: all matches.
    static std::vector<core::Invoice> invoices(PortalSession& s, const core::Customer& customer, ListFilter filter,
                                               std::int64_t& total);
    static std::vector<core::Order> orders(PortalSession& s, const core::Customer& customer, ListFilter filter,
                                           std::int64_t& total);
    // Open invoices for the statement download.
    static std::vector<core::Invoice> openInvoices(PortalSession& s, const core::Customer& customer);

    static std::optional<core::Invoice> invoice(PortalSession& s, const core::Customer& customer,
                                                const std::string& number);
    // Only an order the user may see (own orders only).
    static std::optional<core::Order> order(PortalSession& s, const core::Customer& customer,
                                            const std::string& number);
    static std::vector<core::Shipment> shipments(PortalSession& s, const core::Order& order);

    static std::vector<core::Document> invoiceDocuments(PortalSession& s, const core::Customer& customer,
                                                        const core::Invoice& invoice);
    // The order confirmation, and delivery notes when the user may see deliveries.
    static std::vector<core::Document> orderDocuments(PortalSession& s, const core::Customer& customer,
                                                      const core::Order& order);

    struct Download
    {
        core::Document document;
        std::string bytes;
    };
    // One document of a selectable customer, if its owner is visible under the section that gates it.
    static std::optional<Download> document(PortalSession& s, const std::string& customerNumber, core::Id id);

    // What asking for a documents e-mail came to.
    struct DocumentsEmail
    {
        bool found = false; // false: one of the numbers is not visible to the user; nothing queued
        std::vector<std::string> emailed; // with their documents, in one e-mail
        std::vector<std::string> leftOut; // no document: not e-mailed (all of them: nothing queued)
        std::string message; // what the portal shows when something was queued
    };
    // Emails the documents of these invoices / orders to the user (queued; the email job is woken),
    // each invoice with a link to it in the portal. Those without a document are left out and named.
    static DocumentsEmail emailInvoiceDocuments(Services& services, PortalSession& s, const core::Customer& customer,
                                                const std::vector<std::string>& numbers);
    static DocumentsEmail emailOrderDocuments(Services& services, PortalSession& s, const core::Customer& customer,
                                              const std::vector<std::string>& numbers);

    // The portal users of the current customer's STAT family (as far as the user may see it), for the
    // sub-accounts download; nullopt when the user may not download it.
    static std::optional<std::vector<core::PortalUser>> subAccounts(PortalSession& s);
};

} // namespace gh::services
