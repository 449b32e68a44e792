#pragma once

// Helpers for the admin API tests: staff sign-in and direct database checks beside the HTTP answers.

#include "TestSupport.h"

#include <string>

namespace gh::test {

inline const std::string kAdmin = "/api/admin/v1";

// Signs in as a demo staff user and sets the bearer token on the client; returns the token.
inline std::string signInStaff(HttpClient& client, const std::string& email = "admin@demo.test")
{
    auto r = client.post(kAdmin + "/session", R"({"email":")" + email + R"(","password":"Demo-Passw0rd"})");
    if (r.status != 200)
        qFatal("staff sign-in failed: %d %s", r.status, r.body.c_str());
    const std::string token = r.json()->getValue<std::string>("token");
    client.setBearer(token);
    return token;
}

// One integer from SQL against the server's database (for comparing API totals with the truth).
template <typename... Args> std::int64_t sqlInt(TestServer& server, const std::string& sql, const Args&... args)
{
    auto connection = server.services().database().acquire();
    auto q = connection->query(sql, args...);
    return q.next() ? q.integer(0) : -1;
}

inline std::int64_t total(const HttpResult& r)
{
    return r.json()->getValue<std::int64_t>("total");
}

inline Poco::JSON::Array::Ptr items(const HttpResult& r)
{
    return r.json()->getArray("items");
}

} // namespace gh::test
