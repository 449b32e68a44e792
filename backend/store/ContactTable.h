#pragma once

#include "EntityTable.h"

namespace gh::store {

// Contacts as import/export records, keyed by customer_number + email: names, phone, title,
// can_register, allowed_sections, make_payment, is_account_admin, own_orders_only.
class ContactTable : public EntityTable
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
