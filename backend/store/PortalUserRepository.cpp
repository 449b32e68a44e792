#include "PortalUserRepository.h"

#include "core/Text.h"
#include "core/Time.h"

namespace gh::store {
namespace {

constexpr std::string_view kSelect =
    "SELECT u.id, u.email, u.first_name, u.last_name, u.password_hash, u.status, u.kind, u.contact_id, "
    "COALESCE(c.number, ''), u.sections, u.is_admin, u.make_payment, COALESCE(k.own_orders_only, 0), u.version "
    "FROM portal_users u LEFT JOIN customers c ON c.id = u.customer_id "
    "LEFT JOIN contacts k ON k.id = u.contact_id ";

} // namespace

core::PortalUser PortalUserRepository::load(Query& q)
{
    core::PortalUser u;
    u.id = q.integer(0);
    u.email = q.text(1);
    u.firstName = q.text(2);
    u.lastName = q.text(3);
    u.passwordHash = q.text(4);
    u.status = core::parseEnum<core::PortalUserStatus>(q.textView(5)).value_or(core::PortalUserStatus::Disabled);
    u.kind = core::parseEnum<core::PortalUserKind>(q.textView(6)).value_or(core::PortalUserKind::External);
    if (!q.isNull(7))
        u.contactId = q.integer(7);
    u.customerNumber = q.text(8);
    u.sections = core::SectionSet(static_cast<std::uint32_t>(q.integer(9)));
    u.isAdmin = q.boolean(10);
    u.makePayment = q.boolean(11);
    u.ownOrdersOnly = q.boolean(12);
    u.version = q.integer(13);
    return u;
}

core::Id PortalUserRepository::insert(const core::PortalUser& u)
{
    const std::string now = core::nowRfc3339();
    auto q = m_db.query(
        "INSERT INTO portal_users (email, first_name, last_name, password_hash, status, kind, contact_id, customer_id, "
        "sections, is_admin, make_payment, version, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT id FROM customers WHERE number = ?), ?, ?, ?, 1, ?, ?) RETURNING id",
        core::toLowerAscii(u.email), u.firstName, u.lastName, u.passwordHash, core::toString(u.status),
        core::toString(u.kind), u.contactId, u.customerNumber, u.sections.bits(), u.isAdmin, u.makePayment, now, now);
    q.next();
    const core::Id id = q.integer(0);
    writeAssignments(u, id);
    return id;
}

void PortalUserRepository::writeAssignments(const core::PortalUser& u, core::Id id)
{
    m_db.query("DELETE FROM portal_user_customers WHERE user_id = ?", id).run();
    for (const auto& number : u.assignedCustomers) {
        m_db.query("INSERT INTO portal_user_customers (user_id, customer_id) "
                   "SELECT ?, id FROM customers WHERE number = ?",
                   id, number)
            .run();
        if (m_db.changes() != 1)
            throw DatabaseError(DatabaseError::Kind::Constraint, "unknown customer " + number);
    }
    m_db.query("DELETE FROM portal_user_roles WHERE user_id = ?", id).run();
    for (const auto& code : u.roles)
        m_db.query("INSERT INTO portal_user_roles (user_id, role_code) VALUES (?, ?)", id, code).run();
}

bool PortalUserRepository::update(const core::PortalUser& u)
{
    m_db.query("UPDATE portal_users SET email = ?, first_name = ?, last_name = ?, status = ?, kind = ?, contact_id = ?, "
               "customer_id = (SELECT id FROM customers WHERE number = ?), sections = ?, is_admin = ?, "
               "make_payment = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
               core::toLowerAscii(u.email), u.firstName, u.lastName, core::toString(u.status), core::toString(u.kind),
               u.contactId, u.customerNumber, u.sections.bits(), u.isAdmin, u.makePayment, core::nowRfc3339(), u.id,
               u.version)
        .run();
    if (m_db.changes() != 1)
        return false;
    writeAssignments(u, u.id);
    return true;
}

bool PortalUserRepository::remove(core::Id id)
{
    m_db.query("DELETE FROM portal_users WHERE id = ?", id).run();
    return m_db.changes() == 1;
}

std::optional<core::PortalUser> PortalUserRepository::findById(core::Id id)
{
    static const std::string sql = std::string(kSelect) + "WHERE u.id = ?";
    std::optional<core::PortalUser> user;
    {
        auto q = m_db.query(sql, id);
        if (!q.next())
            return std::nullopt;
        user = load(q);
    }
    auto customers = m_db.query("SELECT c.number FROM portal_user_customers pc JOIN customers c ON c.id = "
                                "pc.customer_id WHERE pc.user_id = ? ORDER BY c.number",
                                id);
    while (customers.next())
        user->assignedCustomers.push_back(customers.text(0));
    auto roles = m_db.query("SELECT role_code FROM portal_user_roles WHERE user_id = ? ORDER BY role_code", id);
    while (roles.next())
        user->roles.push_back(roles.text(0));
    return user;
}

std::optional<core::PortalUser> PortalUserRepository::findByEmail(const std::string& email)
{
    core::Id id = 0;
    {
        auto q = m_db.query("SELECT id FROM portal_users WHERE email = ?", core::toLowerAscii(email));
        if (!q.next())
            return std::nullopt;
        id = q.integer(0);
    }
    return findById(id);
}

void PortalUserRepository::setPasswordHash(core::Id id, const std::string& hash)
{
    m_db.query("UPDATE portal_users SET password_hash = ?, version = version + 1, updated_at = ? WHERE id = ?", hash,
               core::nowRfc3339(), id)
        .run();
}

void PortalUserRepository::setStatus(core::Id id, core::PortalUserStatus status)
{
    m_db.query("UPDATE portal_users SET status = ?, version = version + 1, updated_at = ? WHERE id = ?",
               core::toString(status), core::nowRfc3339(), id)
        .run();
}

bool PortalUserRepository::anyAssignedTo(core::Id customerId)
{
    return m_db.query("SELECT 1 FROM portal_user_customers WHERE customer_id = ? LIMIT 1", customerId).next();
}

std::vector<core::PortalUser> PortalUserRepository::assignedToCustomer(core::Id customerId)
{
    std::vector<core::Id> ids;
    {
        auto q = m_db.query("SELECT user_id FROM portal_user_customers WHERE customer_id = ? ORDER BY user_id",
                            customerId);
        while (q.next())
            ids.push_back(q.integer(0));
    }
    std::vector<core::PortalUser> out;
    for (auto id : ids) {
        if (auto user = findById(id))
            out.push_back(std::move(*user));
    }
    return out;
}

} // namespace gh::store
