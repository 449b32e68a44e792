#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gh::store {

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

    // The one column list and row reader for audit events (the admin list reads them too).
    static constexpr std::string_view kColumns = "id, at, actor_kind, actor, entity, entity_key, action, before_json, "
                                                 "after_json, origin";
    static core::AuditEvent read(Query& q);

private:
    Connection& m_db;
};

} // namespace gh::store
