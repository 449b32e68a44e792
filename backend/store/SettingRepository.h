#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <map>
#include <optional>
#include <vector>

namespace gh::store {

class SettingRepository
{
public:
    explicit SettingRepository(Connection& connection)
        : m_db(connection)
    {
    }
    // Stored values only; lay them over the defaults with core::SettingsCatalogue::effective().
    std::map<std::string, std::string> stored();
    std::vector<core::Setting> storedRecords();
    std::optional<std::string> get(const std::string& key);
    void set(const std::string& key, const std::string& value, const std::string& updatedBy);
    void remove(const std::string& key);

private:
    Connection& m_db;
};

class AuditRepository
{
public:
    explicit AuditRepository(Connection& connection)
        : m_db(connection)
    {
    }
    core::Id append(const core::AuditEvent& event);
    // Newest first.
    std::vector<core::AuditEvent> recent(int limit);
    std::vector<core::AuditEvent> forEntity(const std::string& entity, const std::string& key);

private:
    Connection& m_db;
};

class JobRepository
{
public:
    explicit JobRepository(Connection& connection)
        : m_db(connection)
    {
    }
    core::Id create(core::JobKind kind, const std::string& name);
    void update(const core::JobRun& job);
    std::optional<core::JobRun> find(core::Id id);
    std::vector<core::JobRun> recent(int limit);

private:
    Connection& m_db;
};

class StaffRepository
{
public:
    explicit StaffRepository(Connection& connection)
        : m_db(connection)
    {
    }
    core::Id insert(const core::StaffUser& staff); // throws DatabaseError(Constraint) on a duplicate email
    std::optional<core::StaffUser> findByEmail(const std::string& email);
    std::optional<core::StaffUser> findById(core::Id id);
    void setPasswordHash(core::Id id, const std::string& hash);

private:
    Connection& m_db;
};

} // namespace gh::store
