#include "RegistrationFailureRepository.h"

namespace gh::store {

core::Id RegistrationFailureRepository::record(const std::string& customerNumber, const std::string& client,
                                               std::int64_t now, std::int64_t keepSince)
{
    m_db.query("DELETE FROM registration_failures WHERE customer_number = ? AND at < ?", customerNumber, keepSince)
        .run();
    m_db.query("DELETE FROM registration_failures WHERE client = ? AND at < ?", client, keepSince).run();
    auto q = m_db.query("INSERT INTO registration_failures (customer_number, client, at) VALUES (?, ?, ?) RETURNING id",
                        customerNumber, client, now);
    q.next();
    return q.integer(0);
}

void RegistrationFailureRepository::remove(core::Id id)
{
    m_db.query("DELETE FROM registration_failures WHERE id = ?", id).run();
}

std::optional<std::int64_t> RegistrationFailureRepository::nthRecentForCustomer(const std::string& customerNumber,
                                                                                std::int64_t since, int n)
{
    auto q = m_db.query("SELECT at FROM registration_failures WHERE customer_number = ? AND at > ? "
                        "ORDER BY at DESC LIMIT 1 OFFSET ?",
                        customerNumber, since, n - 1);
    if (!q.next())
        return std::nullopt;
    return q.integer(0);
}

std::optional<std::int64_t> RegistrationFailureRepository::nthRecentForClient(const std::string& client,
                                                                              std::int64_t since, int n)
{
    auto q = m_db.query("SELECT at FROM registration_failures WHERE client = ? AND at > ? "
                        "ORDER BY at DESC LIMIT 1 OFFSET ?",
                        client, since, n - 1);
    if (!q.next())
        return std::nullopt;
    return q.integer(0);
}

std::int64_t RegistrationFailureRepository::countForCustomer(const std::string& customerNumber, std::int64_t since)
{
    auto q = m_db.query("SELECT COUNT(*) FROM registration_failures WHERE customer_number = ? AND at > ?",
                        customerNumber, since);
    q.next();
    return q.integer(0);
}

std::int64_t RegistrationFailureRepository::countForClient(const std::string& client, std::int64_t since)
{
    auto q = m_db.query("SELECT COUNT(*) FROM registration_failures WHERE client = ? AND at > ?", client, since);
    q.next();
    return q.integer(0);
}

} // namespace gh::store
