#include "PortalData.h"

#include "AccountMail.h"
#include "core/AccessRules.h"
#include "core/SettingsCatalogue.h"
#include "core/Text.h"
#include "store/AddressRepository.h"
#include "store/ContactRepository.h"
#include "store/DocumentRepository.h"
#include "store/InvoiceRepository.h"
#include "store/OrderRepository.h"
#include "store/PortalUserRepository.h"
#include "store/RoleRepository.h"

#include <Poco/URI.h>

#include <set>

namespace gh::services {
namespace {

using core::AccessRules;

// Queues the email of the documents of these invoices or orders to the user; returns the message.
// Invoices are listed with a link to each in the portal (the /invoices/{number} deep link).
std::string queueDocumentsEmail(Services& services, PortalSession& s, const core::Customer& customer,
                                const std::string& what, const std::vector<std::string>& numbers,
                                const std::vector<std::string>& leftOut, const std::vector<core::Id>& documentIds)
{
    const auto& settings = *s.ctx->settings;
    const std::string portalName = settings.at(std::string(core::settings::kPortalName));
    const std::string& base = services.options().publicUrl;
    std::string list;
    for (const auto& n : numbers) {
        list += "  " + n;
        if (what == "invoice" && !base.empty()) {
            std::string encoded;
            Poco::URI::encode(n, "/?#&%+ ", encoded);
            list += "  " + base + "/invoices/" + encoded;
        }
        list += "\n";
    }
    std::string missing;
    for (const auto& n : leftOut)
        missing += (missing.empty() ? "" : ", ") + n;
    std::map<std::string, std::string> values
        = {{"name", s.ctx->user.firstName.empty() ? s.ctx->user.email : s.ctx->user.firstName},
           {"email", s.ctx->user.email},
           {"portal", portalName},
           {"customer", customer.number + " " + customer.name},
           {"documents", list},
           {"left_out", missing},
           {"link", base}};
    std::string subject = "{{portal}}: your " + what + " documents";
    std::string body = "Hello {{name}},\n\nas requested, here are the documents of these " + what + "s of "
        + "{{customer}}:\n\n{{documents}}\nThe documents are attached.\n"
        + (leftOut.empty() ? std::string() : "Not included, as they have no document: {{left_out}}.\n");
    const std::string& custom = settings.at("email.template.documents");
    if (!custom.empty()) {
        const auto split = custom.find("\n\n");
        if (split != std::string::npos) {
            subject = custom.substr(0, split);
            body = custom.substr(split + 2);
        } else {
            body = custom;
        }
    }
    AccountMail::Email email;
    email.to = s.ctx->user.email;
    email.from = AccountMail::senderFor(s.connection(), &s.ctx->user, &customer);
    email.subject = AccountMail::render(subject, values);
    email.body = AccountMail::render(body, values);
    email.attachmentDocumentIds = documentIds;
    AccountMail::queue(s.connection(), email);
    services.outboxChanged();
    std::string message = "The documents will be emailed to " + s.ctx->user.email + ".";
    if (!leftOut.empty())
        message += " Left out, as they have no document: " + missing + ".";
    return message;
}

// Sorts the numbers into those with documents (their ids collected) and those without, then queues.
template <typename Lookup>
PortalData::DocumentsEmail emailDocuments(Services& services, PortalSession& s, const core::Customer& customer,
                                          const std::string& what, const std::vector<std::string>& numbers,
                                          Lookup documentsOf)
{
    PortalData::DocumentsEmail out;
    std::vector<core::Id> documentIds;
    for (const auto& number : numbers) {
        const auto documents = documentsOf(number);
        if (!documents)
            return out; // not visible: 404, as if it did not exist
        if (documents->empty()) {
            out.leftOut.push_back(number);
            continue;
        }
        out.emailed.push_back(number);
        for (const auto& d : *documents)
            documentIds.push_back(d.id);
    }
    out.found = true;
    if (!out.emailed.empty())
        out.message = queueDocumentsEmail(services, s, customer, what, out.emailed, out.leftOut, documentIds);
    return out;
}

// May the user see documents of this owner kind of the customer? (AccessRules::documentSection)
bool documentsVisible(PortalSession& s, const core::Customer& customer, core::DocumentOwner owner)
{
    return s.ctx->customerFor(customer.number, AccessRules::documentSection(owner)) != nullptr;
}

// Own orders only hides the invoices of other people's orders too (AccessRules::invoiceVisibleTo).
bool invoiceVisible(PortalSession& s, const core::Customer& customer, const core::Invoice& invoice)
{
    const auto& rights = s.ctx->rightsAt(customer);
    if (!rights.ownOrdersOnly || invoice.orderNumber.empty())
        return true;
    const auto order = store::OrderRepository(s.connection()).find(customer.id, invoice.orderNumber);
    return AccessRules::invoiceVisibleTo(s.ctx->user, rights, order ? &*order : nullptr);
}

} // namespace

std::vector<PortalData::LabelledField> PortalData::accountFreeFields(PortalSession& s, const core::Customer& customer)
{
    std::vector<LabelledField> out;
    const auto& settings = *s.ctx->settings;
    const auto it = settings.find(std::string(core::settings::kAccountFreeFields));
    if (it == settings.end())
        return out;
    for (const auto& pair : core::splitList(it->second, ',')) {
        const auto equals = pair.find('=');
        if (equals == std::string::npos)
            continue;
        const std::string key(core::trim(std::string_view(pair).substr(0, equals)));
        const std::string label(core::trim(std::string_view(pair).substr(equals + 1)));
        const auto value = customer.freeFields.find(key);
        if (key.empty() || label.empty() || value == customer.freeFields.end())
            continue;
        out.push_back({key, label, value->second});
    }
    return out;
}

std::vector<core::Address> PortalData::addresses(PortalSession& s, const core::Customer& customer)
{
    return store::AddressRepository(s.connection()).forCustomer(customer.id);
}

std::vector<core::Invoice> PortalData::invoices(PortalSession& s, const core::Customer& customer, ListFilter filter,
                                                std::int64_t& total)
{
    filter.customerId = customer.id;
    filter.customerNumber = customer.number;
    filter.placedBy = s.ctx->ordersPlacedBy(customer); // own orders only: not the invoices of others' orders
    return store::PortalListRepository(s.connection()).invoices(filter, total);
}

std::vector<core::Order> PortalData::orders(PortalSession& s, const core::Customer& customer, ListFilter filter,
                                            std::int64_t& total)
{
    filter.customerId = customer.id;
    filter.placedBy = s.ctx->ordersPlacedBy(customer);
    return store::PortalListRepository(s.connection()).orders(filter, total);
}

std::vector<core::Invoice> PortalData::openInvoices(PortalSession& s, const core::Customer& customer)
{
    return store::PortalListRepository(s.connection()).openInvoices(customer.id, s.ctx->ordersPlacedBy(customer));
}

std::optional<core::Invoice> PortalData::invoice(PortalSession& s, const core::Customer& customer,
                                                 const std::string& number)
{
    auto found = store::InvoiceRepository(s.connection()).find(customer.id, number);
    if (!found || !invoiceVisible(s, customer, *found))
        return std::nullopt;
    return found;
}

std::optional<core::Order> PortalData::order(PortalSession& s, const core::Customer& customer,
                                             const std::string& number)
{
    auto order = store::OrderRepository(s.connection()).find(customer.id, number);
    if (!order || !s.ctx->orderVisible(*order))
        return std::nullopt;
    return order;
}

std::vector<core::Shipment> PortalData::shipments(PortalSession& s, const core::Order& order)
{
    return store::OrderRepository(s.connection()).shipments(order.id);
}

std::vector<core::Document> PortalData::invoiceDocuments(PortalSession& s, const core::Customer& customer,
                                                         const core::Invoice& invoice)
{
    return store::DocumentRepository(s.connection()).forOwner(customer.id, core::DocumentOwner::Invoice, invoice.id);
}

std::vector<core::Document> PortalData::orderDocuments(PortalSession& s, const core::Customer& customer,
                                                       const core::Order& order)
{
    store::DocumentRepository documents(s.connection());
    std::vector<core::Document> out;
    for (auto owner : {core::DocumentOwner::Order, core::DocumentOwner::Delivery}) {
        if (!documentsVisible(s, customer, owner))
            continue;
        for (auto& d : documents.forOwner(customer.id, owner, order.id))
            out.push_back(std::move(d));
    }
    return out;
}

std::optional<PortalData::Download> PortalData::document(PortalSession& s, const std::string& customerNumber,
                                                         core::Id id)
{
    const auto* customer = s.ctx->selectableCustomer(customerNumber);
    if (!customer)
        return std::nullopt;
    store::DocumentRepository documents(s.connection());
    auto document = documents.find(customer->id, id);
    if (!document)
        return std::nullopt;
    // The document's owner must be visible under the section that gates it.
    if (!documentsVisible(s, *customer, document->owner))
        return std::nullopt;
    bool visible = false;
    if (document->owner == core::DocumentOwner::Invoice) {
        visible = store::InvoiceRepository(s.connection()).isCustomers(customer->id, document->ownerId);
        if (visible && s.ctx->rightsAt(*customer).ownOrdersOnly) {
            const auto owner = store::InvoiceRepository(s.connection()).findById(customer->id, document->ownerId);
            visible = owner && invoiceVisible(s, *customer, *owner);
        }
    } else {
        auto order = store::OrderRepository(s.connection()).findById(customer->id, document->ownerId);
        visible = order && s.ctx->orderVisible(*order);
    }
    if (!visible)
        return std::nullopt;
    Download out{*document, documents.content(document->id)};
    return out;
}

PortalData::DocumentsEmail PortalData::emailInvoiceDocuments(Services& services, PortalSession& s,
                                                             const core::Customer& customer,
                                                             const std::vector<std::string>& numbers)
{
    return emailDocuments(services, s, customer, "invoice", numbers,
                          [&](const std::string& number) -> std::optional<std::vector<core::Document>> {
                              const auto found = invoice(s, customer, number);
                              if (!found)
                                  return std::nullopt;
                              return invoiceDocuments(s, customer, *found);
                          });
}

PortalData::DocumentsEmail PortalData::emailOrderDocuments(Services& services, PortalSession& s,
                                                           const core::Customer& customer,
                                                           const std::vector<std::string>& numbers)
{
    store::DocumentRepository documents(s.connection());
    return emailDocuments(services, s, customer, "order", numbers,
                          [&](const std::string& number) -> std::optional<std::vector<core::Document>> {
                              const auto found = order(s, customer, number);
                              if (!found)
                                  return std::nullopt;
                              // The order confirmations only (the route is gated by orders.view).
                              return documents.forOwner(customer.id, core::DocumentOwner::Order, found->id);
                          });
}

std::optional<std::vector<core::PortalUser>> PortalData::subAccounts(PortalSession& s)
{
    if (!s.current || !s.ctx->rules.privileges(s.ctx->rightsAt(*s.current), *s.current).downloadSubAccounts)
        return std::nullopt;
    // The current customer's STAT family, as far as the admin may see it.
    std::vector<const core::Customer*> scope;
    for (const auto& c : s.ctx->selectable) {
        if (c.id == s.current->id || (s.current->hasStatId() && c.statId == s.current->statId))
            scope.push_back(&c);
    }
    store::PortalUserRepository users(s.connection());
    std::set<core::Id> seen;
    std::vector<core::PortalUser> out;
    store::ContactRepository contacts(s.connection());
    store::RoleRepository roles(s.connection());
    for (const auto* c : scope) {
        for (auto& u : users.assignedToCustomer(c->id)) {
            if (!seen.insert(u.id).second)
                continue;
            // The rights each has at the admin's current customer (their contact's there, if any).
            const auto userRoles
                = u.kind == core::PortalUserKind::Internal ? roles.forUser(u.id) : std::vector<core::ErpRole>{};
            const auto rights = s.ctx->rules.rightsAt(u, userRoles, *s.current, contacts.withEmail(u.email));
            u.sections = rights.sections;
            u.makePayment = rights.makePayment;
            out.push_back(std::move(u));
        }
    }
    return out;
}

} // namespace gh::services
