#include "DocumentRepository.h"

namespace gh::store {
namespace {

constexpr std::string_view kSelect =
    "SELECT id, customer_id, owner_kind, owner_id, kind, file_name, media_type, size FROM documents ";

core::Document read(Query& q)
{
    core::Document d;
    d.id = q.integer(0);
    d.customerId = q.integer(1);
    d.owner = core::parseEnum<core::DocumentOwner>(q.textView(2)).value_or(core::DocumentOwner::Invoice);
    d.ownerId = q.integer(3);
    d.kind = q.text(4);
    d.fileName = q.text(5);
    d.mediaType = q.text(6);
    d.size = q.integer(7);
    return d;
}

} // namespace

core::Id DocumentRepository::insert(const core::Document& d, std::string_view content)
{
    auto q = m_db.query("INSERT INTO documents (customer_id, owner_kind, owner_id, kind, file_name, media_type, size, "
                        "content) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                        d.customerId, core::toString(d.owner), d.ownerId, d.kind, d.fileName, d.mediaType,
                        static_cast<std::int64_t>(content.size()), Blob{content});
    q.next();
    return q.integer(0);
}

std::vector<core::Document> DocumentRepository::forOwner(core::Id customerId, core::DocumentOwner owner,
                                                         core::Id ownerId)
{
    static const std::string sql =
        std::string(kSelect) + "WHERE owner_kind = ? AND owner_id = ? AND customer_id = ? ORDER BY id";
    std::vector<core::Document> out;
    auto q = m_db.query(sql, core::toString(owner), ownerId, customerId);
    while (q.next())
        out.push_back(read(q));
    return out;
}

std::optional<core::Document> DocumentRepository::findForAttachment(core::Id documentId)
{
    static const std::string sql = std::string(kSelect) + "WHERE id = ?";
    auto q = m_db.query(sql, documentId);
    if (!q.next())
        return std::nullopt;
    return read(q);
}

std::optional<core::Document> DocumentRepository::find(core::Id customerId, core::Id documentId)
{
    static const std::string sql = std::string(kSelect) + "WHERE id = ? AND customer_id = ?";
    auto q = m_db.query(sql, documentId, customerId);
    if (!q.next())
        return std::nullopt;
    return read(q);
}

std::string DocumentRepository::content(core::Id documentId)
{
    auto q = m_db.query("SELECT content FROM documents WHERE id = ?", documentId);
    return q.next() ? q.text(0) : std::string();
}

} // namespace gh::store
