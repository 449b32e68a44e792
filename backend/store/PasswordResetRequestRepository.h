#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <optional>
#include <string>
#include <vector>

namespace gh::store {

// Password reset requests (migration 8): every request is recorded alike, whether or not the address
// has an account; the email job handles them later. A handled request that sent nothing is deleted at
// once; one that sent a mail is kept for an hour, to count against the address's hourly limit.
class PasswordResetRequestRepository
{
public:
    struct Request
    {
        core::Id id = 0;
        std::string address;
        std::int64_t requestedAt = 0;
        std::string language; // of the page it was asked from: the mail's language
    };

    explicit PasswordResetRequestRepository(Connection& connection)
        : m_db(connection)
    {
    }
    void record(const std::string& address, std::int64_t now, std::string_view language);
    // The oldest unhandled requests.
    std::vector<Request> pending(int limit);
    // Claims an unhandled request inside the caller's write transaction; false when another took it.
    bool claim(core::Id id, std::int64_t now);
    // Mails sent for the address since `since`.
    std::int64_t mailedSince(const std::string& address, std::int64_t since);
    void markMailed(core::Id id);
    void remove(core::Id id);
    // Drops mailed requests that no longer count (older than `before`).
    void removeMailedBefore(std::int64_t before);

private:
    Connection& m_db;
};

} // namespace gh::store
