#pragma once

#include "Database.h"
#include "core/Domain.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gh::store {

// Failed sign-ins (table sign_in_failures), portal and staff alike (staff accounts are "staff:" + email),
// counted per account and per client address. The one place that counts them.
class SignInFailureRepository
{
public:
    explicit SignInFailureRepository(Connection& connection)
        : m_db(connection)
    {
    }
    void record(const std::string& account, const std::string& client, std::int64_t now);
    // When the n-th most recent failure since `since` happened (1-based), if there are that many.
    // For the account (or the client when byClient).
    std::optional<std::int64_t> nthRecent(const std::string& key, bool byClient, std::int64_t since, int n);
    std::optional<std::int64_t> nthRecentForAccount(const std::string& account, std::int64_t since, int n)
    {
        return nthRecent(account, false, since, n);
    }
    std::optional<std::int64_t> nthRecentForClient(const std::string& client, std::int64_t since, int n)
    {
        return nthRecent(client, true, since, n);
    }
    // How many failures since `since` and when the oldest of them happened (0 when none), for the
    // account (or the client when byClient).
    std::pair<int, std::int64_t> countSince(const std::string& key, bool byClient, std::int64_t since);
    void clearAccount(const std::string& account);

private:
    Connection& m_db;
};

} // namespace gh::store
