#include "Domain.h"

#include <array>
#include <utility>

namespace gh::core {
namespace {

template <typename Enum, std::size_t N>
using Names = std::array<std::pair<Enum, std::string_view>, N>;

constexpr Names<AddressKind, 3> kAddressKinds{
    {{AddressKind::Invoice, "invoice"}, {AddressKind::Delivery, "delivery"}, {AddressKind::Other, "other"}}};
constexpr Names<PortalUserStatus, 4> kUserStatuses{{{PortalUserStatus::Invited, "invited"},
                                                    {PortalUserStatus::Active, "active"},
                                                    {PortalUserStatus::Disabled, "disabled"},
                                                    {PortalUserStatus::Locked, "locked"}}};
constexpr Names<PortalUserKind, 2> kUserKinds{
    {{PortalUserKind::External, "external"}, {PortalUserKind::Internal, "internal"}}};
constexpr Names<InvoiceStatus, 4> kInvoiceStatuses{{{InvoiceStatus::Open, "open"},
                                                    {InvoiceStatus::Paid, "paid"},
                                                    {InvoiceStatus::PartiallyPaid, "partially_paid"},
                                                    {InvoiceStatus::Credit, "credit"}}};
constexpr Names<OrderStatus, 4> kOrderStatuses{{{OrderStatus::Open, "open"},
                                                {OrderStatus::PartiallyDelivered, "partially_delivered"},
                                                {OrderStatus::Delivered, "delivered"},
                                                {OrderStatus::Invoiced, "invoiced"}}};
constexpr Names<DocumentOwner, 3> kDocumentOwners{
    {{DocumentOwner::Invoice, "invoice"}, {DocumentOwner::Order, "order"}, {DocumentOwner::Delivery, "delivery"}}};
constexpr Names<Origin, 5> kOrigins{{{Origin::App, "app"},
                                     {Origin::Api, "api"},
                                     {Origin::Import, "import"},
                                     {Origin::Sync, "sync"},
                                     {Origin::Portal, "portal"}}};
constexpr Names<StaffRole, 2> kStaffRoles{{{StaffRole::Admin, "admin"}, {StaffRole::Viewer, "viewer"}}};
constexpr Names<JobKind, 4> kJobKinds{
    {{JobKind::Import, "import"}, {JobKind::Export, "export"}, {JobKind::Sync, "sync"}, {JobKind::Email, "email"}}};
constexpr Names<JobStatus, 4> kJobStatuses{{{JobStatus::Queued, "queued"},
                                            {JobStatus::Running, "running"},
                                            {JobStatus::Done, "done"},
                                            {JobStatus::Failed, "failed"}}};

template <typename Enum, std::size_t N> std::string_view nameOf(const Names<Enum, N>& names, Enum value)
{
    for (const auto& [member, name] : names) {
        if (member == value)
            return name;
    }
    return {};
}

template <typename Enum, std::size_t N> std::optional<Enum> valueOf(const Names<Enum, N>& names, std::string_view text)
{
    for (const auto& [member, name] : names) {
        if (name == text)
            return member;
    }
    return std::nullopt;
}

} // namespace

#define GH_ENUM_NAMES(Enum, table)                                                                                     \
    std::string_view toString(Enum value) { return nameOf(table, value); }                                             \
    template <> std::optional<Enum> parseEnum<Enum>(std::string_view text) { return valueOf(table, text); }

GH_ENUM_NAMES(AddressKind, kAddressKinds)
GH_ENUM_NAMES(PortalUserStatus, kUserStatuses)
GH_ENUM_NAMES(PortalUserKind, kUserKinds)
GH_ENUM_NAMES(InvoiceStatus, kInvoiceStatuses)
GH_ENUM_NAMES(OrderStatus, kOrderStatuses)
GH_ENUM_NAMES(DocumentOwner, kDocumentOwners)
GH_ENUM_NAMES(Origin, kOrigins)
GH_ENUM_NAMES(StaffRole, kStaffRoles)
GH_ENUM_NAMES(JobKind, kJobKinds)
GH_ENUM_NAMES(JobStatus, kJobStatuses)

#undef GH_ENUM_NAMES

} // namespace gh::core
