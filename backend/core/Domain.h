#pragma once

// Plain domain records of SPEC §1. They carry data only; the rules live in AccessRules,
// PasswordPolicy and the services.

#include "Money.h"
#include "Sections.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gh::core {

enum class AddressKind { Invoice, Delivery, Other };
enum class PortalUserStatus { Invited, Active, Disabled, Locked };
enum class PortalUserKind { External, Internal };
enum class InvoiceStatus { Open, Paid, PartiallyPaid, Credit };
enum class OrderStatus { Open, PartiallyDelivered, Delivered, Invoiced };
enum class DocumentOwner { Invoice, Order, Delivery };
enum class Origin { App, Api, Import, Sync, Portal };
enum class StaffRole { Admin, Viewer };
enum class JobKind { Import, Export, Sync, Email };
enum class JobStatus { Queued, Running, Done, Failed };

std::string_view toString(AddressKind value);
std::string_view toString(PortalUserStatus value);
std::string_view toString(PortalUserKind value);
std::string_view toString(InvoiceStatus value);
std::string_view toString(OrderStatus value);
std::string_view toString(DocumentOwner value);
std::string_view toString(Origin value);
std::string_view toString(StaffRole value);
std::string_view toString(JobKind value);
std::string_view toString(JobStatus value);

// parseEnum<AddressKind>("invoice") etc.; std::nullopt for anything else.
template <typename Enum> std::optional<Enum> parseEnum(std::string_view text);

using Id = std::int64_t;

struct Customer
{
    Id id = 0;
    std::string number;
    std::string name;
    std::string group;
    std::string payerNumber;
    std::string statId;
    std::string erpStatus;
    bool portalEnabled = true;
    std::string currency = "EUR";
    std::map<std::string, std::string> freeFields;
    std::int64_t version = 1;

    // A customer pays its own invoices when it names no other payer (or names itself).
    bool isPayer() const { return payerNumber.empty() || payerNumber == number; }
    bool hasStatId() const { return !statId.empty(); }
};

struct Address
{
    Id id = 0;
    Id customerId = 0;
    AddressKind kind = AddressKind::Other;
    std::string line1;
    std::string line2;
    std::string line3;
    std::string city;
    std::string postcode;
    std::string country;
};

struct Contact
{
    Id id = 0;
    Id customerId = 0;
    std::string customerNumber;
    std::string firstName;
    std::string lastName;
    std::string email;
    std::string phone;
    std::string title;
    bool canRegister = false;
    SectionSet sections;
    bool makePayment = false;
    bool isAccountAdmin = false;
    bool ownOrdersOnly = false;
    std::int64_t version = 1;
};

struct PortalUser
{
    Id id = 0;
    std::string email;
    std::string firstName;
    std::string lastName;
    std::string passwordHash; // empty until a password is set
    PortalUserStatus status = PortalUserStatus::Invited;
    PortalUserKind kind = PortalUserKind::External;
    std::optional<Id> contactId;
    std::string customerNumber; // primary customer
    std::vector<std::string> assignedCustomers; // customer numbers
    SectionSet sections;
    bool isAdmin = false;
    bool makePayment = false;
    bool ownOrdersOnly = false; // from the linked contact (Lentune)
    std::vector<std::string> roles; // ERP role codes (internal users)
    std::int64_t version = 1;
};

struct ErpRole
{
    std::string code;
    std::string description;
    ProcessSet processes;
    SectionSet modules;
    bool noAccess = false;
    std::int64_t version = 1;
};

struct Invoice
{
    Id id = 0;
    Id customerId = 0;
    std::string number;
    std::string orderNumber;
    std::string customerNumber;
    std::string poReference;
    std::string invoiceDate; // YYYY-MM-DD
    std::string dueDate;
    Money amount;
    Money openAmount;
    std::string currency;
    InvoiceStatus status = InvoiceStatus::Open;
    bool hasDocuments = false;
};

struct Order
{
    Id id = 0;
    Id customerId = 0;
    std::string number;
    std::string customerNumber;
    std::string customerName;
    std::string poReference;
    std::string orderDate;
    OrderStatus status = OrderStatus::Open;
    std::string delivery; // summary, e.g. "2 of 3 lines delivered"
    std::string placedBy; // email of the person who placed it
    bool hasDocuments = false;
};

struct Shipment
{
    Id id = 0;
    Id orderId = 0;
    std::string shipmentNumber;
    std::string deliveryNumber;
    std::string forwardingAgent;
    std::string trackingReference;
    std::string shipDate;
};

struct Document
{
    Id id = 0;
    Id customerId = 0;
    DocumentOwner owner = DocumentOwner::Invoice;
    Id ownerId = 0;
    std::string kind; // "invoice", "order_confirmation", "delivery_note"
    std::string fileName;
    std::string mediaType;
    std::int64_t size = 0;
};

struct Setting
{
    std::string key;
    std::string value;
    std::string updatedBy;
    std::string updatedAt;
};

struct AuditEvent
{
    Id id = 0;
    std::string at; // RFC 3339 UTC
    std::string actor; // staff email, portal user email or job name
    std::string actorKind; // "staff", "portal_user", "job", "system"
    std::string entity;
    std::string entityKey;
    std::string action;
    std::string before; // JSON
    std::string after; // JSON
    Origin origin = Origin::Api;
};

struct JobRun
{
    Id id = 0;
    JobKind kind = JobKind::Import;
    std::string name; // a scheduled job's run: the schedule's setting key (cron.email_documents)
    JobStatus status = JobStatus::Queued;
    int progress = 0; // percent
    std::string counts; // JSON object
    std::string errorReport;
    std::string file;
    std::string createdAt; // when it was queued
    std::string startedAt;
    std::string finishedAt;
};

struct StaffUser
{
    Id id = 0;
    std::string email;
    std::string passwordHash;
    StaffRole role = StaffRole::Viewer;
    bool disabled = false;
};

} // namespace gh::core
