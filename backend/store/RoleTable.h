#pragma once

#include "EntityTable.h"

namespace gh::store {

// ERP role mappings as import/export records: code (the key), description, processes, modules,
// no_access. Deleting a role takes it off the users that had it.
class RoleTable : public EntityTable
{
public:
    using EntityTable::EntityTable;
    std::optional<Stored> find(const Record& record) override;
    void insert(const Record& record) override;
    void update(const Stored& stored, const Record& record) override;
    void remove(const Stored& stored) override;
    void forEach(const std::function<bool(const Record&)>& visit) override;
    std::int64_t count() override;
};

} // namespace gh::store
