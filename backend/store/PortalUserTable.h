#pragma once

#include "EntityTable.h"

namespace gh::store {

// Portal users as import/export records: email (the key, lower case), names, primary customer,
// is_admin, make_payment, allowed_sections, assigned_customers (sorted), status. Kind, password,
// linked contact and ERP roles are left as they are; a new user is external and invited.
class PortalUserTable : public EntityTable
{
public:
    using EntityTable::EntityTable;
    std::optional<Stored> find(const Record& record) override;
    void insert(const Record& record) override;
    void update(const Stored& stored, const Record& record) override;
    void remove(const Stored& stored) override;
    void forEach(const std::function<bool(const Record&)>& visit) override;
    std::int64_t count() override;

private:
    void writeAssignments(core::Id id, const std::string& canonicalList);
};

} // namespace gh::store
