#pragma once

// The admin API's lists: filtered, sorted, paged lists over the big tables. Filters arrive already
// validated; sort keys are the API's field names, mapped to columns here (unknown keys fall back to the
// default).

#include "Database.h"
#include "core/Domain.h"

#include <optional>
#include <string>
#include <vector>

namespace gh::store {

struct PageRequest
{
    int page = 1; // 1-based
    int pageSize = 50;
};

template <typename T> struct Page
{
    std::vector<T> items;
    std::int64_t total = 0;
};

struct SortKey
{
    std::string field; // API field name, e.g. "name"
    bool descending = false;
};

struct CustomerFilter
{
    std::string q; // number prefix or name contains, both case-insensitive
    std::optional<std::string> group;
    std::optional<std::string> erpStatus;
    std::optional<std::string> statId;
    std::optional<bool> portalEnabled;
    SortKey sort{"number"};
};

struct ContactFilter
{
    std::string q; // first/last name or email contains
    std::optional<std::string> email;
    std::optional<bool> canRegister;
    std::optional<bool> isAccountAdmin;
    SortKey sort{"lastName"};
};

struct PortalUserFilter
{
    std::string q; // email, first or last name contains
    std::optional<std::string> status;
    std::optional<std::string> kind;
    std::optional<std::string> customer; // assigned customer number
    std::optional<std::string> role;
    std::optional<bool> isAdmin;
    SortKey sort{"email"};
};

struct AuditFilter
{
    std::optional<std::string> actor;
    std::optional<std::string> entity;
    std::optional<std::string> entityKey;
    std::optional<std::string> action;
    std::optional<std::string> origin;
    std::optional<std::string> fromAt; // inclusive, RFC 3339
    std::optional<std::string> toAt; // exclusive
    bool oldestFirst = false;
};

struct JobFilter
{
    std::optional<std::string> kind;
    std::optional<std::string> status;
};

struct JobRow
{
    core::JobRun run;
    std::string name;
    std::string createdAt;
};

class AdminListRepository
{
public:
    explicit AdminListRepository(Connection& connection)
        : m_db(connection)
    {
    }
    static const std::vector<std::string>& customerSortFields();
    static const std::vector<std::string>& contactSortFields();
    static const std::vector<std::string>& portalUserSortFields();

    Page<core::Customer> customers(const CustomerFilter& filter, PageRequest page);
    Page<core::Contact> contacts(core::Id customerId, const ContactFilter& filter, PageRequest page);
    Page<core::PortalUser> portalUsers(const PortalUserFilter& filter, PageRequest page);
    // pageSize 0: every match (CSV export), newest first unless oldestFirst.
    Page<core::AuditEvent> auditEvents(const AuditFilter& filter, PageRequest page);
    Page<JobRow> jobs(const JobFilter& filter, PageRequest page);

private:
    Connection& m_db;
};

} // namespace gh::store
