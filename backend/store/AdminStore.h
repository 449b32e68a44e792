#pragma once

// The admin API's queries: filtered, sorted, paged lists over the big tables, staff bearer tokens,
// staff sign-in failures, preview sessions and the bulk switches. Filters arrive already validated;
// sort keys are the API's field names, mapped to columns here (unknown keys fall back to the default).

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

// Staff bearer tokens (stored as SHA-256 digests) and failed staff sign-ins.
class StaffTokenRepository
{
public:
    explicit StaffTokenRepository(Connection& connection)
        : m_db(connection)
    {
    }
    void create(const std::string& tokenHash, core::Id staffId, std::int64_t now, std::int64_t expiresAt);
    // The staff user of an unexpired token, unless the account is disabled.
    std::optional<core::StaffUser> findValid(const std::string& tokenHash, std::int64_t now);
    void revoke(const std::string& tokenHash);
    void removeExpired(std::int64_t now);

    // Failures are kept in sign_in_failures under account = "staff:" + email (portal sign-ins use
    // their own account keys; clearFailures serves both).
    void recordFailure(const std::string& account, const std::string& client, std::int64_t now);
    // Count and oldest time of failures since `since` for the account (or the client when byClient).
    std::pair<int, std::int64_t> failuresSince(const std::string& key, bool byClient, std::int64_t since);
    void clearFailures(const std::string& account);

private:
    Connection& m_db;
};

// Read-only portal sessions that staff open to see the portal as a user sees it.
class PreviewSessionRepository
{
public:
    explicit PreviewSessionRepository(Connection& connection)
        : m_db(connection)
    {
    }
    void create(const std::string& idHash, core::Id userId, std::optional<core::Id> customerId,
                const std::string& csrfToken, std::int64_t now, std::int64_t expiresAt, core::Id staffId);
    // True when the session exists, is a read-only preview and has not expired.
    bool isOpenPreview(const std::string& idHash, std::int64_t now);

private:
    Connection& m_db;
};

// The desktop app's "all customers / all contacts" switches.
class BulkRepository
{
public:
    explicit BulkRepository(Connection& connection)
        : m_db(connection)
    {
    }
    std::int64_t countPortalAccessChanges(bool enable);
    std::int64_t setPortalAccess(bool enable);
    // permission: "canRegister", "makePayment" or a section bit (sectionBit >= 0).
    std::int64_t countContactPermissionChanges(const std::string& column, int sectionBit, bool value);
    std::int64_t setContactPermission(const std::string& column, int sectionBit, bool value);

private:
    Connection& m_db;
};

} // namespace gh::store
