#include "AdminListRepository.h"

#include "AuditRepository.h"
#include "ContactRepository.h"
#include "CustomerRepository.h"
#include "JobRepository.h"
#include "PortalUserRepository.h"
#include "core/Text.h"
#include "core/Time.h"

#include <map>
#include <variant>

namespace gh::store {
namespace {

using Arg = std::variant<std::int64_t, std::string>;

// Dynamic WHERE clauses with their arguments; the SQL text only ever holds fixed fragments.
struct Where
{
    std::string sql;
    std::vector<Arg> args;

    void add(const std::string& clause, std::vector<Arg> values = {})
    {
        sql += sql.empty() ? " WHERE " : " AND ";
        sql += "(" + clause + ")";
        for (auto& v : values)
            args.push_back(std::move(v));
    }
};

Query run(Connection& db, const std::string& sql, const std::vector<Arg>& args)
{
    Query q(db.prepare(sql));
    int index = 0;
    for (const auto& arg : args)
        std::visit([&](const auto& value) { q.bindOne(++index, value); }, arg);
    return q;
}

std::int64_t count(Connection& db, const std::string& sql, const std::vector<Arg>& args)
{
    auto q = run(db, sql, args);
    return q.next() ? q.integer(0) : 0;
}

// "%text%" for LIKE with the wildcards in the text escaped.
std::string containsPattern(std::string_view text)
{
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "%";
}

std::string upperAscii(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    return out;
}

std::string orderBy(const std::map<std::string, std::string>& columns, const SortKey& sort, const std::string& tie)
{
    auto it = columns.find(sort.field);
    const std::string column = it == columns.end() ? columns.begin()->second : it->second;
    return " ORDER BY " + column + (sort.descending ? " DESC" : " ASC") + ", " + tie;
}

std::vector<std::string> keysOf(const std::map<std::string, std::string>& map)
{
    std::vector<std::string> out;
    for (const auto& [key, value] : map)
        out.push_back(key);
    return out;
}

const std::map<std::string, std::string>& customerColumns()
{
    static const std::map<std::string, std::string> columns = {{"number", "c.number"},
                                                               {"name", "c.name"},
                                                               {"group", "c.customer_group"},
                                                               {"statId", "c.stat_id"},
                                                               {"erpStatus", "c.erp_status"},
                                                               {"portalEnabled", "c.portal_enabled"},
                                                               {"payerNumber", "c.payer_number"},
                                                               {"currency", "c.currency"}};
    return columns;
}

const std::map<std::string, std::string>& contactColumns()
{
    static const std::map<std::string, std::string> columns
        = {{"lastName", "k.last_name"}, {"firstName", "k.first_name"}, {"email", "k.email"}, {"id", "k.id"}};
    return columns;
}

const std::map<std::string, std::string>& portalUserColumns()
{
    static const std::map<std::string, std::string> columns
        = {{"email", "u.email"},   {"lastName", "u.last_name"}, {"firstName", "u.first_name"},
           {"status", "u.status"}, {"kind", "u.kind"},          {"id", "u.id"}};
    return columns;
}

std::string limitClause(PageRequest page, std::vector<Arg>& args)
{
    if (page.pageSize <= 0)
        return "";
    args.emplace_back(static_cast<std::int64_t>(page.pageSize));
    args.emplace_back(static_cast<std::int64_t>(page.page - 1) * page.pageSize);
    return " LIMIT ? OFFSET ?";
}

// Counts the matching records, selects one page of their ids from `from` (table and alias) and
// loads each with the repository's own finder, so a list shows exactly what a GET of one shows.
template <typename Record, typename Find>
Page<Record> pageOfIds(Connection& db, const std::string& from, const Where& where, const std::string& order,
                       PageRequest page, Find find)
{
    Page<Record> out;
    out.total = count(db, "SELECT COUNT(*) FROM " + from + where.sql, where.args);
    auto args = where.args;
    const std::string alias = from.substr(from.rfind(' ') + 1);
    const std::string sql = "SELECT " + alias + ".id FROM " + from + where.sql + order + limitClause(page, args);
    std::vector<core::Id> ids;
    {
        auto q = run(db, sql, args);
        while (q.next())
            ids.push_back(q.integer(0));
    }
    for (auto id : ids) {
        if (auto record = find(id))
            out.items.push_back(std::move(*record));
    }
    return out;
}

} // namespace

const std::vector<std::string>& AdminListRepository::customerSortFields()
{
    static const auto keys = keysOf(customerColumns());
    return keys;
}
const std::vector<std::string>& AdminListRepository::contactSortFields()
{
    static const auto keys = keysOf(contactColumns());
    return keys;
}
const std::vector<std::string>& AdminListRepository::portalUserSortFields()
{
    static const auto keys = keysOf(portalUserColumns());
    return keys;
}

Page<core::Customer> AdminListRepository::customers(const CustomerFilter& f, PageRequest page)
{
    Where where;
    if (!f.q.empty()) {
        // The number prefix uses the unique index as a range; the name match scans, which stays
        // fast enough for an interactive search over tens of thousands of rows.
        const std::string prefix = upperAscii(f.q);
        std::string upper = core::prefixUpperBound(prefix);
        if (upper.empty())
            upper = prefix + "\xff";
        where.add("(c.number >= ? AND c.number < ?) OR c.name LIKE ? ESCAPE '\\'",
                  {prefix, upper, containsPattern(f.q)});
    }
    if (f.group)
        where.add("c.customer_group = ?", {*f.group});
    if (f.erpStatus)
        where.add("c.erp_status = ?", {*f.erpStatus});
    if (f.statId)
        where.add("c.stat_id = ?", {*f.statId});
    if (f.portalEnabled)
        where.add("c.portal_enabled = ?", {std::int64_t(*f.portalEnabled ? 1 : 0)});

    CustomerRepository repository(m_db);
    return pageOfIds<core::Customer>(m_db, "customers c", where, orderBy(customerColumns(), f.sort, "c.number"), page,
                                     [&](core::Id id) { return repository.findById(id); });
}

Page<core::Contact> AdminListRepository::contacts(core::Id customerId, const ContactFilter& f, PageRequest page)
{
    Where where;
    where.add("k.customer_id = ?", {customerId});
    if (!f.q.empty()) {
        const std::string pattern = containsPattern(f.q);
        where.add("k.first_name LIKE ? ESCAPE '\\' OR k.last_name LIKE ? ESCAPE '\\' OR k.email LIKE ? ESCAPE '\\'",
                  {pattern, pattern, pattern});
    }
    if (f.email)
        where.add("k.email = ?", {core::toLowerAscii(*f.email)});
    if (f.canRegister)
        where.add("k.can_register = ?", {std::int64_t(*f.canRegister ? 1 : 0)});
    if (f.isAccountAdmin)
        where.add("k.is_account_admin = ?", {std::int64_t(*f.isAccountAdmin ? 1 : 0)});
    ContactRepository repository(m_db);
    return pageOfIds<core::Contact>(m_db, "contacts k", where, orderBy(contactColumns(), f.sort, "k.id"), page,
                                    [&](core::Id id) { return repository.findById(id); });
}

Page<core::PortalUser> AdminListRepository::portalUsers(const PortalUserFilter& f, PageRequest page)
{
    Where where;
    if (!f.q.empty()) {
        const std::string pattern = containsPattern(f.q);
        where.add("u.email LIKE ? ESCAPE '\\' OR u.first_name LIKE ? ESCAPE '\\' OR u.last_name LIKE ? ESCAPE '\\'",
                  {pattern, pattern, pattern});
    }
    if (f.status)
        where.add("u.status = ?", {*f.status});
    if (f.kind)
        where.add("u.kind = ?", {*f.kind});
    if (f.customer)
        where.add("EXISTS (SELECT 1 FROM portal_user_customers pc JOIN customers c ON c.id = pc.customer_id "
                  "WHERE pc.user_id = u.id AND c.number = ?)",
                  {*f.customer});
    if (f.role)
        where.add("EXISTS (SELECT 1 FROM portal_user_roles ur WHERE ur.user_id = u.id AND ur.role_code = ?)",
                  {*f.role});
    if (f.isAdmin)
        where.add("u.is_admin = ?", {std::int64_t(*f.isAdmin ? 1 : 0)});
    PortalUserRepository repository(m_db);
    return pageOfIds<core::PortalUser>(m_db, "portal_users u", where, orderBy(portalUserColumns(), f.sort, "u.id"),
                                       page, [&](core::Id id) { return repository.findById(id); });
}

Page<core::AuditEvent> AdminListRepository::auditEvents(const AuditFilter& f, PageRequest page)
{
    Where where;
    if (f.actor)
        where.add("actor IN (?, ?)", {*f.actor, core::toLowerAscii(*f.actor)}); // staff emails are lower case
    if (f.entity)
        where.add("entity = ?", {*f.entity});
    if (f.entityKey)
        where.add("entity_key = ?", {*f.entityKey});
    if (f.action)
        where.add("action = ?", {*f.action});
    if (f.origin)
        where.add("origin = ?", {*f.origin});
    if (f.fromAt)
        where.add("at >= ?", {*f.fromAt});
    if (f.toAt)
        where.add("at < ?", {*f.toAt});
    Page<core::AuditEvent> out;
    out.total = count(m_db, "SELECT COUNT(*) FROM audit_events" + where.sql, where.args);
    auto args = where.args;
    const std::string sql = "SELECT " + std::string(AuditRepository::kColumns) + " FROM audit_events" + where.sql
        + (f.oldestFirst ? " ORDER BY id ASC" : " ORDER BY id DESC") + limitClause(page, args);
    auto q = run(m_db, sql, args);
    while (q.next())
        out.items.push_back(AuditRepository::read(q));
    return out;
}

Page<JobRow> AdminListRepository::jobs(const JobFilter& f, PageRequest page)
{
    Where where;
    if (f.kind)
        where.add("kind = ?", {*f.kind});
    if (f.status)
        where.add("status = ?", {*f.status});
    Page<JobRow> out;
    out.total = count(m_db, "SELECT COUNT(*) FROM job_runs" + where.sql, where.args);
    auto args = where.args;
    const std::string sql = "SELECT " + std::string(JobRepository::kColumns) + " FROM job_runs" + where.sql
        + " ORDER BY id DESC" + limitClause(page, args);
    auto q = run(m_db, sql, args);
    while (q.next()) {
        JobRow row;
        row.run = JobRepository::read(q);
        row.name = row.run.name;
        row.createdAt = row.run.createdAt;
        out.items.push_back(std::move(row));
    }
    return out;
}

} // namespace gh::store
