// The portal's data endpoints (API.md "Portal API"). Every handler passes the session door
// (portal::requireSession) and asks PortalContext::customerFor, i.e. AccessRules::mayView, for the
// customer and section; anything the user may not see is a 404 like a missing record.

#include "HttpError.h"
#include "JsonWriter.h"
#include "PortalSupport.h"
#include "Request.h"
#include "Response.h"
#include "Routes.h"
#include "core/CsvWriter.h"
#include "core/MediaTypes.h"
#include "core/SettingsCatalogue.h"
#include "core/Text.h"
#include "core/Time.h"
#include "services/PortalData.h"

#include <charconv>
#include <set>
#include <sstream>

namespace gh::http {
namespace {

using portal::notFound;
using portal::requireSession;
using Section = core::Section;

std::string path(const std::string& tail)
{
    return std::string(portal::kBase) + tail;
}

// --- list parameters -----------------------------------------------------------------------------

std::int64_t parseBoundedInt(const Request& request, const std::string& name, std::int64_t fallback, std::int64_t min,
                             std::int64_t max)
{
    const auto text = request.query(name);
    if (!text)
        return fallback;
    std::int64_t value = 0;
    const bool digits = !text->empty() && text->size() <= 10
        && std::all_of(text->begin(), text->end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || std::from_chars(text->data(), text->data() + text->size(), value).ec != std::errc())
        throw HttpError::badField(name, "must be a whole number");
    if (value < min || value > max)
        throw HttpError::badField(name, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return value;
}

services::PortalData::ListFilter parseListFilter(const Request& request, bool invoices)
{
    services::PortalData::ListFilter f;
    if (auto q = request.query("q")) {
        if (!core::isValidUtf8(*q) || core::utf8Length(*q) > 100)
            throw HttpError::badField("q", "must be text of at most 100 characters");
        f.prefix = std::string(core::trim(*q));
    }
    for (const char* name : {"from", "to"}) {
        if (auto date = request.query(name)) {
            if (!core::parseIsoDate(*date))
                throw HttpError::badField(name, "must be a date YYYY-MM-DD");
            (std::string(name) == "from" ? f.from : f.to) = *date;
        }
    }
    if (f.from && f.to && *f.from > *f.to)
        throw HttpError::badField("to", "must not be before from");
    if (auto status = request.query("status")) {
        const bool known
            = *status == "all" || *status == "open" || (invoices ? *status == "paid" : *status == "invoiced");
        if (!known)
            throw HttpError::badField(
                "status", invoices ? "must be one of: open, paid, all" : "must be one of: open, invoiced, all");
        f.status = *status;
    }
    if (auto sort = request.query("sort")) {
        if (*sort != "-date" && *sort != "date")
            throw HttpError::badField("sort", "must be -date or date");
        f.newestFirst = *sort == "-date";
    }
    f.page = parseBoundedInt(request, "page", 1, 1, 1000000000);
    f.pageSize = parseBoundedInt(request, "pageSize", 10, 1, 100);
    return f;
}

// --- JSON shapes -----------------------------------------------------------------------------------

// Invoice and order items, written straight to text: the lists are the portal's busiest answers.
void writeInvoice(JsonWriter& w, const core::Invoice& i)
{
    w.beginObject()
        .member("invoiceNumber", i.number)
        .member("orderNumber", i.orderNumber)
        .member("customerNumber", i.customerNumber)
        .member("poReference", i.poReference)
        .member("invoiceDate", i.invoiceDate)
        .member("dueDate", i.dueDate)
        .member("amount", i.amount.toString())
        .member("openAmount", i.openAmount.toString())
        .member("currency", i.currency)
        .member("status", core::toString(i.status))
        .member("hasDocuments", i.hasDocuments)
        .endObject();
}

void writeOrder(JsonWriter& w, const core::Order& order)
{
    w.beginObject()
        .member("orderNumber", order.number)
        .member("customerNumber", order.customerNumber)
        .member("customerName", order.customerName)
        .member("poReference", order.poReference)
        .member("orderDate", order.orderDate)
        .member("status", core::toString(order.status))
        .member("delivery", order.delivery)
        .member("hasDocuments", order.hasDocuments)
        .endObject();
}

// One record as a whole answer.
template <typename Record> std::string recordJson(void (*write)(JsonWriter&, const Record&), const Record& record)
{
    JsonWriter w(512);
    write(w, record);
    return w.take();
}

// API.md's list answer: {items, page, pageSize, total}.
template <typename Record>
std::string pageJson(void (*write)(JsonWriter&, const Record&), const std::vector<Record>& items,
                     const services::PortalData::ListFilter& filter, std::int64_t total)
{
    JsonWriter w(256 + 320 * items.size());
    w.beginObject().key("items").beginArray();
    for (const auto& item : items)
        write(w, item);
    w.endArray().member("page", filter.page).member("pageSize", filter.pageSize).member("total", total).endObject();
    return w.take();
}

Poco::JSON::Object::Ptr documentJson(const core::Document& d)
{
    Poco::JSON::Object::Ptr o(new Poco::JSON::Object);
    o->set("id", d.id);
    o->set("kind", d.kind);
    o->set("fileName", d.fileName);
    o->set("mediaType", core::MediaTypes::served(d.mediaType)); // what a download will be
    o->set("size", d.size);
    return o;
}

Poco::JSON::Object itemsJson(const Poco::JSON::Array::Ptr& items)
{
    Poco::JSON::Object body;
    body.set("items", items);
    return body;
}

// --- CSV -------------------------------------------------------------------------------------------

std::string safeFileName(const std::string& name)
{
    std::string out;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        out += (u < 0x20 || c == '"' || c == '\\' || c == '/' || u >= 0x7f) ? '_' : c;
    }
    return out.empty() ? "document" : out;
}

// Every download is an attachment in a sandbox: should a browser show it anyway, nothing in it runs
// with the portal's origin.
void sendDownload(Response& response, const std::string& mediaType, const std::string& fileName, std::string_view bytes)
{
    response.setHeader("Content-Disposition", "attachment; filename=\"" + safeFileName(fileName) + "\"");
    response.setHeader("Content-Security-Policy", "sandbox");
    response.send(200, mediaType, bytes);
}

// --- lookups behind the door -----------------------------------------------------------------------

const core::Customer& customerOr404(portal::Session& s, const Request& request, Section section)
{
    const auto* customer = s.ctx->customerFor(request.param("number"), section);
    if (!customer)
        notFound();
    return *customer;
}

core::Invoice invoiceOr404(portal::Session& s, const core::Customer& customer, const std::string& number)
{
    auto invoice = services::PortalData::invoice(s, customer, number);
    if (!invoice)
        notFound();
    return *invoice;
}

core::Order orderOr404(portal::Session& s, const core::Customer& customer, const std::string& number)
{
    auto order = services::PortalData::order(s, customer, number);
    if (!order)
        notFound();
    return *order;
}

std::vector<std::string> numbersField(const Poco::JSON::Object::Ptr& body, const std::string& field)
{
    if (!body->has(field) || !body->isArray(field))
        throw HttpError::badField(field, "must be a list of numbers");
    auto array = body->getArray(field);
    if (array->size() == 0 || array->size() > 100)
        throw HttpError::badField(field, "must name between 1 and 100 documents");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto value = array->get(static_cast<unsigned>(i));
        if (!value.isString())
            throw HttpError::badField(field, "must be a list of numbers");
        out.push_back(value.extract<std::string>());
    }
    return out;
}

// 202 with the message the portal shows and what was left out once the documents email is queued;
// 422 no_documents naming them when none has a document; 404 when one is not the user's to see.
void sendQueued(Response& response, const services::PortalData::DocumentsEmail& outcome)
{
    if (!outcome.found)
        notFound();
    if (outcome.emailed.empty()) {
        Poco::JSON::Array::Ptr details(new Poco::JSON::Array);
        for (const auto& number : outcome.leftOut) {
            Poco::JSON::Object::Ptr detail(new Poco::JSON::Object);
            detail->set("number", number);
            detail->set("message", std::string("has no document"));
            details->add(detail);
        }
        throw HttpError(422, "no_documents", "None of the chosen has a document to email.", details);
    }
    Poco::JSON::Object answer;
    answer.set("message", outcome.message);
    Poco::JSON::Array::Ptr emailed(new Poco::JSON::Array);
    for (const auto& number : outcome.emailed)
        emailed->add(number);
    answer.set("emailed", emailed);
    Poco::JSON::Array::Ptr leftOut(new Poco::JSON::Array);
    for (const auto& number : outcome.leftOut)
        leftOut->add(number);
    answer.set("leftOut", leftOut);
    response.sendJson(202, answer);
}

} // namespace

void registerPortalDataRoutes(Router& router, services::Services& services)
{
    auto& S = services;

    router.add("GET", path("/me"), [&S](Request& request, Response& response) {
        auto s = requireSession(S, request, false);
        auto me = portal::meJson(*s.ctx, s.current, s.row.csrfToken);
        // A staff member's "preview as contact": the pages show a read-only banner from the start.
        me->set("preview", s.row.readOnly);
        response.sendJson(200, *me);
    });

    router.add("PUT", path("/me/customer"), [&S](Request& request, Response& response) {
        auto s = requireSession(S, request, true);
        auto body = request.jsonBody();
        const auto number = portal::stringField(body, "number");
        if (!number)
            throw HttpError::badField("number", "is required");
        const auto* customer = s.ctx->selectableCustomer(*number);
        if (!customer)
            notFound();
        services::PortalSessions::setCustomer(s, customer->id);
        response.sendJson(200, *portal::meJson(*s.ctx, customer, s.row.csrfToken));
    });

    router.add("GET", path("/customers/{number}/account"), [&S](Request& request, Response& response) {
        auto s = requireSession(S, request, false);
        const auto& c = customerOr404(s, request, Section::AccountSummary);
        Poco::JSON::Object body;
        body.set("number", c.number);
        body.set("name", c.name);
        body.set("group", c.group);
        body.set("payerNumber", c.payerNumber);
        body.set("statId", c.statId);
        body.set("erpStatus", c.erpStatus);
        body.set("currency", c.currency);
        body.set("portalEnabled", c.portalEnabled);
        // Only the free fields staff labelled, with their labels.
        Poco::JSON::Object::Ptr free(new Poco::JSON::Object);
        Poco::JSON::Object::Ptr labels(new Poco::JSON::Object);
        for (const auto& field : services::PortalData::accountFreeFields(s, c)) {
            free->set(field.key, field.value);
            labels->set(field.key, field.label);
        }
        body.set("freeFields", free);
        body.set("freeFieldLabels", labels);
        response.sendJson(200, body);
    });

    router.add("GET", path("/customers/{number}/addresses"), [&S](Request& request, Response& response) {
        auto s = requireSession(S, request, false);
        const auto& c = customerOr404(s, request, Section::AccountAddresses);
        Poco::JSON::Array::Ptr items(new Poco::JSON::Array);
        for (const auto& a : services::PortalData::addresses(s, c)) {
            Poco::JSON::Object::Ptr o(new Poco::JSON::Object);
            o->set("kind", std::string(core::toString(a.kind)));
            o->set("line1", a.line1);
            o->set("line2", a.line2);
            o->set("line3", a.line3);
            o->set("city", a.city);
            o->set("postcode", a.postcode);
            o->set("country", a.country);
            items->add(o);
        }
        response.sendJson(200, itemsJson(items));
    });

    router.add("GET", path("/customers/{number}/invoices"), [&S](Request& request, Response& response) {
        auto s = requireSession(S, request, false);
        const auto& c = customerOr404(s, request, Section::InvoicesView);
        const auto filter = parseListFilter(request, true);
        std::int64_t total = 0;
        const auto items = services::PortalData::invoices(s, c, filter, total);
        response.sendJson(200, pageJson(writeInvoice, items, filter, total));
    });

    router.add("GET", path("/customers/{number}/invoices/{invoiceNumber}"), [&S](Request& request, Response& response) {
        auto s = requireSession(S, request, false);
        const auto& c = customerOr404(s, request, Section::InvoicesView);
        response.sendJson(200, recordJson(writeInvoice, invoiceOr404(s, c, request.param("invoiceNumber"))));
    });

    router.add("GET", path("/customers/{number}/invoices/{invoiceNumber}/documents"),
               [&S](Request& request, Response& response) {
                   auto s = requireSession(S, request, false);
                   const auto& c = customerOr404(s, request, Section::InvoicesView);
                   const auto invoice = invoiceOr404(s, c, request.param("invoiceNumber"));
                   Poco::JSON::Array::Ptr items(new Poco::JSON::Array);
                   for (const auto& d : services::PortalData::invoiceDocuments(s, c, invoice))
                       items->add(documentJson(d));
                   response.sendJson(200, itemsJson(items));
               });

    router.add("GET", path("/customers/{number}/documents/{id}"), [&S](Request& request, Response& response) {
        auto s = requireSession(S, request, false);
        core::Id id = 0;
        const std::string& text = request.param("id");
        if (text.empty() || text.size() > 18
            || std::from_chars(text.data(), text.data() + text.size(), id).ptr != text.data() + text.size())
            notFound();
        const auto download = services::PortalData::document(s, request.param("number"), id);
        if (!download)
            notFound();
        sendDownload(response, core::MediaTypes::served(download->document.mediaType), download->document.fileName,
                     download->bytes);
    });

    router.add("GET", path("/customers/{number}/statement.csv"), [&S](Request& request, Response& response) {
        auto s = requireSession(S, request, false);
        const auto& c = customerOr404(s, request, Section::StatementsDownload);
        std::string csv
            = core::CsvWriter::row({"Invoice Number", "Order Number", "Customer Number", "PO Reference", "Invoice Date",
                                    "Due Date", "Amount", "Open Amount", "Currency", "Status"});
        for (const auto& i : services::PortalData::openInvoices(s, c))
            csv += core::CsvWriter::row({i.number, i.orderNumber, i.customerNumber, i.poReference, i.invoiceDate,
                                         i.dueDate, i.amount.toString(), i.openAmount.toString(), i.currency,
                                         std::string(core::toString(i.status))});
        sendDownload(response, "text/csv; charset=utf-8", "statement-" + c.number + ".csv", csv);
    });

    router.add("POST", path("/customers/{number}/invoices/email"), [&S](Request& request, Response& response) {
        auto s = requireSession(S, request, true);
        const auto& c = customerOr404(s, request, Section::InvoicesView);
        const auto numbers = numbersField(request.jsonBody(), "invoiceNumbers");
        sendQueued(response, services::PortalData::emailInvoiceDocuments(S, s, c, numbers));
    });

    router.add("GET", path("/customers/{number}/orders"), [&S](Request& request, Response& response) {
        auto s = requireSession(S, request, false);
        const auto& c = customerOr404(s, request, Section::OrdersView);
        const auto filter = parseListFilter(request, false);
        std::int64_t total = 0;
        const auto items = services::PortalData::orders(s, c, filter, total);
        response.sendJson(200, pageJson(writeOrder, items, filter, total));
    });

    router.add("GET", path("/customers/{number}/orders/{orderNumber}"), [&S](Request& request, Response& response) {
        auto s = requireSession(S, request, false);
        const auto& c = customerOr404(s, request, Section::OrdersView);
        response.sendJson(200, recordJson(writeOrder, orderOr404(s, c, request.param("orderNumber"))));
    });

    // Not in API.md's table (the project's own addition): the order's documents, the order
    // confirmation under orders.view and delivery notes only with deliveries.view.
    router.add("GET", path("/customers/{number}/orders/{orderNumber}/documents"),
               [&S](Request& request, Response& response) {
                   auto s = requireSession(S, request, false);
                   const auto& c = customerOr404(s, request, Section::OrdersView);
                   const auto order = orderOr404(s, c, request.param("orderNumber"));
                   Poco::JSON::Array::Ptr items(new Poco::JSON::Array);
                   for (const auto& d : services::PortalData::orderDocuments(s, c, order))
                       items->add(documentJson(d));
                   response.sendJson(200, itemsJson(items));
               });

    router.add("GET", path("/customers/{number}/orders/{orderNumber}/shipments"),
               [&S](Request& request, Response& response) {
                   auto s = requireSession(S, request, false);
                   // API.md gates shipments by deliveries.view alone (SPEC: "shipments, delivery documents").
                   const auto& c = customerOr404(s, request, Section::DeliveriesView);
                   const auto order = orderOr404(s, c, request.param("orderNumber"));
                   Poco::JSON::Array::Ptr items(new Poco::JSON::Array);
                   for (const auto& sh : services::PortalData::shipments(s, order)) {
                       Poco::JSON::Object::Ptr o(new Poco::JSON::Object);
                       o->set("shipmentNumber", sh.shipmentNumber);
                       o->set("deliveryNumber", sh.deliveryNumber);
                       o->set("forwardingAgent", sh.forwardingAgent);
                       o->set("trackingReference", sh.trackingReference);
                       o->set("shipDate", sh.shipDate);
                       items->add(o);
                   }
                   response.sendJson(200, itemsJson(items));
               });

    router.add("POST", path("/customers/{number}/orders/email"), [&S](Request& request, Response& response) {
        auto s = requireSession(S, request, true);
        const auto& c = customerOr404(s, request, Section::OrdersView);
        const auto numbers = numbersField(request.jsonBody(), "orderNumbers");
        sendQueued(response, services::PortalData::emailOrderDocuments(S, s, c, numbers));
    });

    router.add("GET", path("/sub-accounts.csv"), [&S](Request& request, Response& response) {
        auto s = requireSession(S, request, false);
        const auto users = services::PortalData::subAccounts(s);
        if (!users)
            notFound();
        std::string csv = core::CsvWriter::row({"Name", "Email", "Allowed Sections", "Make Payment"});
        for (const auto& u : *users) {
            std::string name = u.firstName;
            if (!u.lastName.empty())
                name += (name.empty() ? "" : " ") + u.lastName;
            // API.md: the sections' labels ("View Invoice History"), joined by ", ".
            std::string labels;
            for (const auto& key : u.sections.keys())
                labels += (labels.empty() ? "" : ", ") + std::string(core::sectionLabel(key));
            csv += core::CsvWriter::row({name, u.email, labels, u.makePayment ? "Yes" : "No"});
        }
        sendDownload(response, "text/csv; charset=utf-8", "sub-accounts.csv", csv);
    });
}

} // namespace gh::http
