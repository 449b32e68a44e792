#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <optional>
#include <vector>

namespace gh::store {

class DocumentRepository
{
public:
    explicit DocumentRepository(Connection& connection)
        : m_db(connection)
    {
    }
    core::Id insert(const core::Document& document, std::string_view content);
    // The documents of one invoice/order/delivery, and only those of the given customer (the portal's
    // isolation rests on this as on find()).
    std::vector<core::Document> forOwner(core::Id customerId, core::DocumentOwner owner, core::Id ownerId);
    // The document only if it belongs to the customer (the portal's isolation rests on this).
    std::optional<core::Document> find(core::Id customerId, core::Id documentId);
    // Whoever's it is: for the email job's attachments only (the portal always asks with a customer).
    std::optional<core::Document> findForAttachment(core::Id documentId);
    std::string content(core::Id documentId);

private:
    Connection& m_db;
};

} // namespace gh::store
