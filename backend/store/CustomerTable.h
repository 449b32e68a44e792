#pragma once

#include "EntityTable.h"

namespace gh::store {

// Customers as import/export records: number (the key), name, group, payer_number, stat_id,
// erp_status, portal_enabled, currency. Free fields and addresses come from the ERP and are left alone;
// deleting a customer deletes what hangs on it (contacts, invoices, orders, assignments).
class CustomerTable : public EntityTable
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
