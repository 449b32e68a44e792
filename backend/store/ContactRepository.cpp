#include "ContactRepository.h"

#include "core/Text.h"
#include "core/Time.h"

namespace gh::store {
namespace {

constexpr std::string_view kSelect
    = "SELECT k.id, k.customer_id, c.number, k.first_name, k.last_name, k.email, k.phone, k.title, k.can_register, "
      "k.sections, k.make_payment, k.is_account_admin, k.own_orders_only, k.version "
      "FROM contacts k JOIN customers c ON c.id = k.customer_id ";

core::Contact read(Query& q)
{
    core::Contact k;
    k.id = q.integer(0);
    k.customerId = q.integer(1);
    k.customerNumber = q.text(2);
    k.firstName = q.text(3);
    k.lastName = q.text(4);
    k.email = q.text(5);
    k.phone = q.text(6);
    k.title = q.text(7);
    k.canRegister = q.boolean(8);
    k.sections = core::SectionSet(static_cast<std::uint32_t>(q.integer(9)));
    k.makePayment = q.boolean(10);
    k.isAccountAdmin = q.boolean(11);
    k.ownOrdersOnly = q.boolean(12);
    k.version = q.integer(13);
    return k;
}

} // namespace

core::Id ContactRepository::insert(const core::Contact& k)
{
    auto q = m_db.query("INSERT INTO contacts (customer_id, first_name, last_name, email, phone, title, can_register, "
                        "sections, make_payment, is_account_admin, own_orders_only, version, updated_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) RETURNING id",
                        k.customerId, k.firstName, k.lastName, core::toLowerAscii(k.email), k.phone, k.title,
                        k.canRegister, k.sections.bits(), k.makePayment, k.isAccountAdmin, k.ownOrdersOnly,
                        core::nowRfc3339());
    q.next();
    return q.integer(0);
}

bool ContactRepository::update(const core::Contact& k)
{
    m_db.query("UPDATE contacts SET first_name = ?, last_name = ?, email = ?, phone = ?, title = ?, can_register = ?, "
               "sections = ?, make_payment = ?, is_account_admin = ?, own_orders_only = ?, version = version + 1, "
               "updated_at = ? WHERE id = ? AND version = ?",
               k.firstName, k.lastName, core::toLowerAscii(k.email), k.phone, k.title, k.canRegister, k.sections.bits(),
               k.makePayment, k.isAccountAdmin, k.ownOrdersOnly, core::nowRfc3339(), k.id, k.version)
        .run();
    return m_db.changes() == 1;
}

bool ContactRepository::remove(core::Id id)
{
    m_db.query("DELETE FROM contacts WHERE id = ?", id).run();
    return m_db.changes() == 1;
}

bool ContactRepository::exists(core::Id id)
{
    return m_db.query("SELECT 1 FROM contacts WHERE id = ?", id).next();
}

std::optional<core::Contact> ContactRepository::findById(core::Id id)
{
    static const std::string sql = std::string(kSelect) + "WHERE k.id = ?";
    auto q = m_db.query(sql, id);
    if (!q.next())
        return std::nullopt;
    return read(q);
}

std::optional<core::Contact> ContactRepository::findByEmail(core::Id customerId, const std::string& email)
{
    static const std::string sql = std::string(kSelect) + "WHERE k.customer_id = ? AND k.email = ?";
    auto q = m_db.query(sql, customerId, core::toLowerAscii(email));
    if (!q.next())
        return std::nullopt;
    return read(q);
}

std::vector<core::Contact> ContactRepository::withEmail(const std::string& email)
{
    // Stored in lower case (on the contacts_email index).
    static const std::string sql = std::string(kSelect) + "WHERE k.email = ? ORDER BY k.customer_id, k.id";
    std::vector<core::Contact> out;
    auto q = m_db.query(sql, core::toLowerAscii(email));
    while (q.next())
        out.push_back(read(q));
    return out;
}

std::vector<core::Contact> ContactRepository::forCustomer(core::Id customerId)
{
    static const std::string sql = std::string(kSelect) + "WHERE k.customer_id = ? ORDER BY k.last_name, k.id";
    std::vector<core::Contact> out;
    auto q = m_db.query(sql, customerId);
    while (q.next())
        out.push_back(read(q));
    return out;
}

} // namespace gh::store
