#include "AddressRepository.h"

namespace gh::store {

core::Id AddressRepository::insert(const core::Address& a)
{
    auto q = m_db.query("INSERT INTO addresses (customer_id, kind, line1, line2, line3, city, postcode, country) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                        a.customerId, core::toString(a.kind), a.line1, a.line2, a.line3, a.city, a.postcode,
                        a.country);
    q.next();
    return q.integer(0);
}

std::vector<core::Address> AddressRepository::forCustomer(core::Id customerId)
{
    std::vector<core::Address> out;
    auto q = m_db.query("SELECT id, customer_id, kind, line1, line2, line3, city, postcode, country FROM addresses "
                        "WHERE customer_id = ? "
                        "ORDER BY CASE kind WHEN 'invoice' THEN 0 WHEN 'delivery' THEN 1 ELSE 2 END, id",
                        customerId);
    while (q.next()) {
        core::Address a;
        a.id = q.integer(0);
        a.customerId = q.integer(1);
        a.kind = core::parseEnum<core::AddressKind>(q.textView(2)).value_or(core::AddressKind::Other);
        a.line1 = q.text(3);
        a.line2 = q.text(4);
        a.line3 = q.text(5);
        a.city = q.text(6);
        a.postcode = q.text(7);
        a.country = q.text(8);
        out.push_back(std::move(a));
    }
    return out;
}

void AddressRepository::removeForCustomer(core::Id customerId)
{
    m_db.query("DELETE FROM addresses WHERE customer_id = ?", customerId).run();
}

} // namespace gh::store
