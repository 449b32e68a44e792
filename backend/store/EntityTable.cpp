#include "EntityTable.h"

#include "ContactTable.h"
#include "CustomerTable.h"
#include "PortalUserTable.h"
#include "RoleTable.h"

namespace gh::store {

std::unique_ptr<EntityTable> EntityTable::open(Connection& connection, core::ImportEntityKind kind)
{
    switch (kind) {
    case core::ImportEntityKind::PortalUsers:
        return std::make_unique<PortalUserTable>(connection);
    case core::ImportEntityKind::Customers:
        return std::make_unique<CustomerTable>(connection);
    case core::ImportEntityKind::Contacts:
        return std::make_unique<ContactTable>(connection);
    case core::ImportEntityKind::Roles:
        return std::make_unique<RoleTable>(connection);
    }
    throw std::logic_error("unknown import entity");
}

void EntityTable::prepareBulkWrite(Connection& connection)
{
    if (connection.dialect() == "sqlite")
        connection.execute("PRAGMA cache_size = -65536"); // 64 MB
}

std::uint32_t EntityTable::sectionBits(const std::string& canonical)
{
    auto set = core::SectionSet::fromKeys(core::ImportEntity::splitCanonical(canonical));
    return set ? set->bits() : 0;
}

std::uint32_t EntityTable::processBits(const std::string& canonical)
{
    auto set = core::ProcessSet::fromKeys(core::ImportEntity::splitCanonical(canonical));
    return set ? set->bits() : 0;
}

std::string EntityTable::sectionsOf(std::int64_t bits)
{
    return core::ImportEntity::joinCanonical(core::SectionSet(static_cast<std::uint32_t>(bits)).keys());
}

std::string EntityTable::processesOf(std::int64_t bits)
{
    return core::ImportEntity::joinCanonical(core::ProcessSet(static_cast<std::uint32_t>(bits)).keys());
}

std::optional<core::Id> EntityTable::customerId(const std::string& number)
{
    if (auto it = m_customers.find(number); it != m_customers.end())
        return it->second;
    if (m_customers.size() > 200000)
        m_customers.clear(); // bounded memory on files naming very many customers
    std::optional<core::Id> id;
    auto q = m_db.query("SELECT id FROM customers WHERE number = ?", number);
    if (q.next())
        id = q.integer(0);
    m_customers.emplace(number, id);
    return id;
}

} // namespace gh::store
