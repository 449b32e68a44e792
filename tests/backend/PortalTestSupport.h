#pragma once

// Helpers for the portal API tests (on top of TestSupport.h).

#include "TestSupport.h"

#include "core/SecureRandom.h"
#include "core/Time.h"
#include "services/PasswordResets.h"

#include <regex>
#include <string>
#include <vector>

namespace gh::test {

inline const std::string kPortal = "/api/portal/v1";
inline const std::string kDemoPassword = "Demo-Passw0rd";

inline std::string signInBody(const std::string& email, const std::string& password = kDemoPassword)
{
    Poco::JSON::Object body;
    body.set("email", email);
    body.set("password", password);
    std::ostringstream out;
    body.stringify(out);
    return out.str();
}

// Signs in and sets the CSRF header for later requests; the answer of POST /session.
inline HttpResult signIn(HttpClient& client, const std::string& email, const std::string& password = kDemoPassword)
{
    auto r = client.post(kPortal + "/session", signInBody(email, password));
    if (r.status == 200)
        client.setCsrf(r.json()->getValue<std::string>("csrfToken"));
    return r;
}

inline std::string json(const Poco::JSON::Object& object)
{
    std::ostringstream out;
    object.stringify(out);
    return out.str();
}

struct OutboxRow
{
    std::int64_t id = 0;
    std::string to, from, subject, body, attachments, status;
};

inline std::vector<OutboxRow> outbox(services::Services& services)
{
    std::vector<OutboxRow> rows;
    auto db = services.database().acquire();
    auto q = db->query("SELECT id, to_address, from_address, subject, body_text, attachments_json, status FROM outbox "
                       "ORDER BY id");
    while (q.next())
        rows.push_back({q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), q.text(6)});
    return rows;
}

// The token of the newest link to `path` ("/set-password", "/reset-password") in a mail to `to`.
inline std::string tokenFromOutbox(services::Services& services, const std::string& to, const std::string& path)
{
    std::string token;
    const std::regex link(path + "\\?token=([A-Za-z0-9_%-]+)");
    for (const auto& row : outbox(services)) {
        std::smatch m;
        if (row.to == to && std::regex_search(row.body, m, link))
            token = m[1];
    }
    return token;
}

// What the email job does first on each pass: mail the password resets asked for since its last pass
// (the request itself only records the wish, the same work for every address).
inline int mailRequestedResets(services::Services& services)
{
    auto db = services.database().acquire();
    return services::PasswordResets::mailRequested(services, *db);
}

inline std::int64_t userIdOf(services::Services& services, const std::string& email)
{
    auto db = services.database().acquire();
    auto q = db->query("SELECT id FROM portal_users WHERE email = ?", email);
    return q.next() ? q.integer(0) : 0;
}

// A session row made directly (as the admin API's preview does); returns the cookie value.
inline std::string insertSession(services::Services& services, std::int64_t userId, bool readOnly,
                                 const std::string& csrf, std::int64_t expiresIn = 300)
{
    const std::string value = core::SecureRandom::token(32);
    const auto now = core::nowSeconds();
    auto db = services.database().acquire();
    db->query("INSERT INTO portal_sessions (id_hash, user_id, customer_id, csrf_token, created_at, last_seen_at, "
              "expires_at, read_only) VALUES (?, ?, NULL, ?, ?, ?, ?, ?)",
              core::SecureRandom::digest(value), userId, csrf, now, now, now + expiresIn, readOnly)
        .run();
    return value;
}

inline void setSetting(services::Services& services, const std::string& key, const std::string& value)
{
    auto db = services.database().acquire();
    db->query("INSERT INTO settings (key, value, updated_by, updated_at) VALUES (?, ?, 'test', '') "
              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
              key, value)
        .run();
}

} // namespace gh::test
