#pragma once

#include "Database.h"
#include "core/Domain.h"
#include "core/ImportEntity.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace gh::store {

// One import/export entity's records in canonical form (core::ImportEntity: one string per column in
// file order). The import engine finds, inserts, updates and deletes through it inside its one
// transaction; an export walks every record in key order. Each entity's SQL lives in its own
// subclass (PortalUserTable, CustomerTable, ContactTable, RoleTable).
class EntityTable
{
public:
    using Record = std::vector<std::string>;
    struct Stored
    {
        core::Id id = 0;
        Record values;
    };

    explicit EntityTable(Connection& connection)
        : m_db(connection)
    {
    }
    virtual ~EntityTable() = default;
    EntityTable(const EntityTable&) = delete;
    EntityTable& operator=(const EntityTable&) = delete;

    static std::unique_ptr<EntityTable> open(Connection& connection, core::ImportEntityKind kind);
    // Before one transaction writes a whole file: a page cache big enough that the transaction's
    // dirty pages are not spilled to the WAL over and over (SQLite's default is 2 MB). The connection
    // keeps it; it goes back to the pool like that, which costs only memory that is already paid.
    static void prepareBulkWrite(Connection& connection);

    // The stored record with the key columns of `record`.
    virtual std::optional<Stored> find(const Record& record) = 0;
    virtual void insert(const Record& record) = 0;
    virtual void update(const Stored& stored, const Record& record) = 0;
    virtual void remove(const Stored& stored) = 0;
    // Every record in key order; stop by returning false.
    virtual void forEach(const std::function<bool(const Record&)>& visit) = 0;
    virtual std::int64_t count() = 0;

    // Customer numbers are checked against the customers table (cached for the table's lifetime, so a
    // file that names the same customers a million times asks once per customer).
    std::optional<core::Id> customerId(const std::string& number);
    // A customer the import itself creates or deletes changes the answer.
    void forgetCustomer(const std::string& number) { m_customers.erase(number); }

protected:
    // Canonical <-> stored forms shared by the subclasses.
    static bool yes(const std::string& canonical) { return canonical == "Yes"; }
    static std::string yesNo(bool value) { return value ? "Yes" : "No"; }
    static std::uint32_t sectionBits(const std::string& canonical);
    static std::uint32_t processBits(const std::string& canonical);
    static std::string sectionsOf(std::int64_t bits);
    static std::string processesOf(std::int64_t bits);

    Connection& m_db;

private:
    std::unordered_map<std::string, std::optional<core::Id>> m_customers;
};

} // namespace gh::store
