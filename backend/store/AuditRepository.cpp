#include "AuditRepository.h"

#include "core/Time.h"

namespace gh::store {

namespace {
const std::string kAuditSelect = "SELECT " + std::string(AuditRepository::kColumns) + " FROM audit_events ";
} // namespace

core::AuditEvent AuditRepository::read(Query& q)
{
    core::AuditEvent e;
    e.id = q.integer(0);
    e.at = q.text(1);
    e.actorKind = q.text(2);
    e.actor = q.text(3);
    e.entity = q.text(4);
    e.entityKey = q.text(5);
    e.action = q.text(6);
    e.before = q.text(7);
    e.after = q.text(8);
    e.origin = core::parseEnum<core::Origin>(q.textView(9)).value_or(core::Origin::Api);
    return e;
}

core::Id AuditRepository::append(const core::AuditEvent& e)
{
    auto q = m_db.query("INSERT INTO audit_events (at, actor_kind, actor, entity, entity_key, action, before_json, "
                        "after_json, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                        e.at.empty() ? core::nowRfc3339() : e.at, e.actorKind, e.actor, e.entity, e.entityKey, e.action,
                        e.before, e.after, core::toString(e.origin));
    q.next();
    return q.integer(0);
}

std::vector<core::AuditEvent> AuditRepository::recent(int limit)
{
    static const std::string sql = kAuditSelect + "ORDER BY id DESC LIMIT ?";
    std::vector<core::AuditEvent> out;
    auto q = m_db.query(sql, limit);
    while (q.next())
        out.push_back(read(q));
    return out;
}

std::vector<core::AuditEvent> AuditRepository::forEntity(const std::string& entity, const std::string& key)
{
    static const std::string sql = kAuditSelect + "WHERE entity = ? AND entity_key = ? ORDER BY id";
    std::vector<core::AuditEvent> out;
    auto q = m_db.query(sql, entity, key);
    while (q.next())
        out.push_back(read(q));
    return out;
}

} // namespace gh::store
