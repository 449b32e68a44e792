#include "CustomerRepository.h"

#include "core/Time.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

namespace gh::store {
namespace {

constexpr std::string_view kColumns =
    "c.id, c.number, c.name, c.customer_group, c.payer_number, c.stat_id, c.erp_status, c.portal_enabled, "
    "c.currency, c.free_fields, c.version";

std::string freeFieldsToJson(const std::map<std::string, std::string>& fields)
{
    Poco::JSON::Object object;
    for (const auto& [key, value] : fields)
        object.set(key, value);
    std::ostringstream out;
    object.stringify(out);
    return out.str();
}

std::map<std::string, std::string> freeFieldsFromJson(const std::string& json)
{
    std::map<std::string, std::string> out;
    if (json.empty() || json == "{}")
        return out;
    try {
        Poco::JSON::Parser parser;
        auto object = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
        for (const auto& [key, value] : *object)
            out[key] = value.toString();
    } catch (const Poco::Exception&) {
        // A malformed value is shown as no free fields rather than failing the whole read.
    }
    return out;
}

core::Customer read(Query& q)
{
    core::Customer c;
    c.id = q.integer(0);
    c.number = q.text(1);
    c.name = q.text(2);
    c.group = q.text(3);
    c.payerNumber = q.text(4);
    c.statId = q.text(5);
    c.erpStatus = q.text(6);
    c.portalEnabled = q.boolean(7);
    c.currency = q.text(8);
    c.freeFields = freeFieldsFromJson(q.text(9));
    c.version = q.integer(10);
    return c;
}

std::string select(std::string_view tail)
{
    return "SELECT " + std::string(kColumns) + " FROM customers c " + std::string(tail);
}

} // namespace

core::Id CustomerRepository::insert(const core::Customer& c)
{
    auto q = m_db.query("INSERT INTO customers (number, name, customer_group, payer_number, stat_id, erp_status, "
                        "portal_enabled, currency, free_fields, version, updated_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) RETURNING id",
                        c.number, c.name, c.group, c.payerNumber, c.statId, c.erpStatus, c.portalEnabled, c.currency,
                        freeFieldsToJson(c.freeFields), core::nowRfc3339());
    q.next();
    return q.integer(0);
}

bool CustomerRepository::update(const core::Customer& c)
{
    m_db.query("UPDATE customers SET name = ?, customer_group = ?, payer_number = ?, stat_id = ?, erp_status = ?, "
               "portal_enabled = ?, currency = ?, free_fields = ?, version = version + 1, updated_at = ? "
               "WHERE number = ? AND version = ?",
               c.name, c.group, c.payerNumber, c.statId, c.erpStatus, c.portalEnabled, c.currency,
               freeFieldsToJson(c.freeFields), core::nowRfc3339(), c.number, c.version)
        .run();
    return m_db.changes() == 1;
}

bool CustomerRepository::remove(const std::string& number)
{
    m_db.query("DELETE FROM customers WHERE number = ?", number).run();
    return m_db.changes() == 1;
}

bool CustomerRepository::exists(const std::string& number)
{
    return m_db.query("SELECT 1 FROM customers WHERE number = ?", number).next();
}

std::optional<core::Customer> CustomerRepository::findByNumber(const std::string& number)
{
    static const std::string sql = select("WHERE c.number = ?");
    auto q = m_db.query(sql, number);
    if (!q.next())
        return std::nullopt;
    return read(q);
}

std::optional<core::Customer> CustomerRepository::findById(core::Id id)
{
    static const std::string sql = select("WHERE c.id = ?");
    auto q = m_db.query(sql, id);
    if (!q.next())
        return std::nullopt;
    return read(q);
}

std::vector<core::Customer> CustomerRepository::assignedTo(core::Id portalUserId)
{
    static const std::string sql =
        select("JOIN portal_user_customers pc ON pc.customer_id = c.id WHERE pc.user_id = ? ORDER BY c.number");
    std::vector<core::Customer> out;
    auto q = m_db.query(sql, portalUserId);
    while (q.next())
        out.push_back(read(q));
    return out;
}

std::vector<core::Customer> CustomerRepository::statFamily(const std::string& statId)
{
    static const std::string sql = select("WHERE c.stat_id = ? ORDER BY c.number");
    std::vector<core::Customer> out;
    if (statId.empty())
        return out;
    auto q = m_db.query(sql, statId);
    while (q.next())
        out.push_back(read(q));
    return out;
}

std::int64_t CustomerRepository::count()
{
    auto q = m_db.query("SELECT COUNT(*) FROM customers");
    q.next();
    return q.integer(0);
}

} // namespace gh::store
