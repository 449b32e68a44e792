// Portal sign-in, sessions and the session door: cookie attributes, sign-out killing the session on
// the server, timeouts, CSRF, read-only (preview) sessions, throttling, /me and switching customer.

#include "PortalTestSupport.h"

using namespace gh;
using namespace gh::test;

namespace {

std::string signInWithCode(const std::string& email, const std::string& password, const std::string& code)
{
    Poco::JSON::Object body;
    body.set("email", email);
    body.set("password", password);
    body.set("code", code);
    return json(body);
}

// The newest one-time sign-in code mailed to `to`, or empty.
std::string signInCodeFromOutbox(services::Services& services, const std::string& to)
{
    std::string code;
    const std::regex digits("sign-in code is ([0-9]{8})");
    for (const auto& row : outbox(services)) {
        std::smatch m;
        if (row.to == to && std::regex_search(row.body, m, digits))
            code = m[1];
    }
    return code;
}

} // namespace

class TestPortalSession : public QObject
{
    Q_OBJECT

private slots:
    void signInAnswersUserCustomersAndCsrf()
    {
        TestServer server;
        HttpClient client(server.port());
        auto r = signIn(client, "alice@demo.test");
        QCOMPARE(r.status, 200);
        auto body = r.json();
        QCOMPARE(q(body->getObject("user")->getValue<std::string>("email")), QStringLiteral("alice@demo.test"));
        QVERIFY(body->getObject("user")->getValue<bool>("isAdmin"));
        QCOMPARE(body->getArray("customers")->size(), 2u);
        QVERIFY(!body->getValue<std::string>("csrfToken").empty());
        const std::string cookie = r.header("set-cookie");
        QVERIFY2(cookie.find("gh_session=") == 0, cookie.c_str());
        QVERIFY(cookie.find("HttpOnly") != std::string::npos);
        QVERIFY(cookie.find("SameSite=Lax") != std::string::npos);
        QVERIFY(cookie.find("Path=/") != std::string::npos);
        QVERIFY(cookie.find("Secure") == std::string::npos); // plain HTTP here
        QVERIFY(client.cookies().at("gh_session").size() >= 43); // 256 bits, base64url

        auto me = client.get(kPortal + "/me");
        QCOMPARE(me.status, 200);
        auto meBody = me.json();
        QCOMPARE(q(meBody->getValue<std::string>("currentCustomer")), QStringLiteral("C100001"));
        auto privileges = meBody->getObject("privileges");
        QVERIFY(privileges->getValue<bool>("myAccount"));
        QVERIFY(privileges->getValue<bool>("switchAccounts"));
        QVERIFY(privileges->getValue<bool>("downloadSubAccounts"));
        QCOMPARE(meBody->getValue<std::string>("csrfToken"), body->getValue<std::string>("csrfToken"));
        auto sections = meBody->getObject("user")->getArray("sections");
        QCOMPARE(sections->size(), 8u);
    }

    void privilegesFollowStatIdAndAdmin_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<bool>("switchAccounts");
        QTest::addColumn<bool>("downloadSubAccounts");
        QTest::newRow("alice: STAT, admin") << "alice@demo.test" << true << true;
        QTest::newRow("bob: STAT, not admin") << "bob@demo.test" << true << false;
        QTest::newRow("carol: no STAT") << "carol@demo.test" << false << false;
    }

    void privilegesFollowStatIdAndAdmin()
    {
        QFETCH(QString, email);
        QFETCH(bool, switchAccounts);
        QFETCH(bool, downloadSubAccounts);
        TestServer server;
        HttpClient client(server.port());
        QCOMPARE(signIn(client, email.toStdString()).status, 200);
        auto privileges = client.get(kPortal + "/me").json()->getObject("privileges");
        QCOMPARE(privileges->getValue<bool>("myAccount"), true);
        QCOMPARE(privileges->getValue<bool>("switchAccounts"), switchAccounts);
        QCOMPARE(privileges->getValue<bool>("downloadSubAccounts"), downloadSubAccounts);
    }

    void wrongPasswordAndUnknownEmailGetTheSameAnswer()
    {
        TestServer server;
        HttpClient client(server.port());
        auto wrong = signIn(client, "alice@demo.test", "Wrong-Passw0rd");
        auto unknown = signIn(client, "nobody@demo.test", "Wrong-Passw0rd");
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(q(wrong.errorCode()), QStringLiteral("invalid_credentials"));
        QCOMPARE(q(wrong.body), q(unknown.body));
        QVERIFY(client.cookies().empty());
    }

    void usersWhoMayNotSignInGetInvalidCredentials_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("disabled") << "UPDATE portal_users SET status = 'disabled' WHERE email = 'bob@demo.test'";
        QTest::newRow("locked") << "UPDATE portal_users SET status = 'locked' WHERE email = 'bob@demo.test'";
        QTest::newRow("invited") << "UPDATE portal_users SET status = 'invited' WHERE email = 'bob@demo.test'";
        QTest::newRow("customer switched off") << "UPDATE customers SET portal_enabled = 0 WHERE number = 'C100001'";
    }

    void usersWhoMayNotSignInGetInvalidCredentials()
    {
        QFETCH(QString, sql);
        TestServer server;
        {
            auto db = server.services().database().acquire();
            db->execute(sql.toStdString());
        }
        HttpClient client(server.port());
        auto r = signIn(client, "bob@demo.test");
        QCOMPARE(r.status, 401);
        QCOMPARE(q(r.errorCode()), QStringLiteral("invalid_credentials"));
    }

    void signOutKillsTheSessionOnTheServer()
    {
        TestServer server;
        HttpClient client(server.port());
        QCOMPARE(signIn(client, "alice@demo.test").status, 200);
        const std::string cookie = client.cookies().at("gh_session");
        auto out = client.del(kPortal + "/session");
        QCOMPARE(out.status, 204);
        QVERIFY(out.header("set-cookie").find("Max-Age=0") != std::string::npos);
        QVERIFY(client.cookies().empty());
        // Replaying the old cookie: the server has forgotten it.
        HttpClient replay(server.port());
        replay.cookies()["gh_session"] = cookie;
        QCOMPARE(replay.get(kPortal + "/me").status, 401);
        QCOMPARE(client.get(kPortal + "/me").status, 401);
    }

    void everySignInGetsANewSessionId()
    {
        TestServer server;
        HttpClient client(server.port());
        QCOMPARE(signIn(client, "alice@demo.test").status, 200);
        const std::string first = client.cookies().at("gh_session");
        QCOMPARE(signIn(client, "alice@demo.test").status, 200);
        const std::string second = client.cookies().at("gh_session");
        QVERIFY(first != second);
        HttpClient old(server.port());
        old.cookies()["gh_session"] = first;
        QCOMPARE(old.get(kPortal + "/me").status, 401); // the earlier session ended at the new sign-in
        QCOMPARE(client.get(kPortal + "/me").status, 200);
    }

    void expiredSessionsAre401_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("idle too long") << "UPDATE portal_sessions SET last_seen_at = last_seen_at - 31 * 60";
        QTest::newRow("older than the absolute timeout") << "UPDATE portal_sessions SET created_at = created_at - "
                                                            "13 * 3600";
        QTest::newRow("past expires_at") << "UPDATE portal_sessions SET expires_at = created_at - 1";
    }

    void expiredSessionsAre401()
    {
        QFETCH(QString, sql);
        TestServer server;
        HttpClient client(server.port());
        QCOMPARE(signIn(client, "alice@demo.test").status, 200);
        QCOMPARE(client.get(kPortal + "/me").status, 200);
        {
            auto db = server.services().database().acquire();
            db->execute(sql.toStdString());
        }
        auto r = client.get(kPortal + "/me");
        QCOMPARE(r.status, 401);
        QVERIFY(r.header("set-cookie").find("gh_session=; Path=/") == 0); // the dead cookie is cleared
        QVERIFY(client.cookies().empty());
        auto db = server.services().database().acquire();
        auto count = db->query("SELECT COUNT(*) FROM portal_sessions");
        count.next();
        QCOMPARE(count.integer(0), std::int64_t(0)); // and the row is gone
    }

    void idleTimeoutFollowsTheSetting()
    {
        TestServer server;
        setSetting(server.services(), "portal.session_idle_minutes", "5");
        HttpClient client(server.port());
        QCOMPARE(signIn(client, "alice@demo.test").status, 200);
        {
            auto db = server.services().database().acquire();
            db->execute("UPDATE portal_sessions SET last_seen_at = last_seen_at - 6 * 60");
        }
        QCOMPARE(client.get(kPortal + "/me").status, 401);
    }

    // A request that only reads still records the activity (at most once a minute), so the idle
    // timeout counts from the last request, not from the sign-in.
    void readingKeepsTheSessionAlive_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("me") << QString::fromStdString(kPortal + "/me");
        QTest::newRow("invoice list") << QString::fromStdString(kPortal + "/customers/C100001/invoices");
    }

    void readingKeepsTheSessionAlive()
    {
        QFETCH(QString, path);
        TestServer server;
        HttpClient client(server.port());
        QCOMPARE(signIn(client, "alice@demo.test").status, 200);
        auto lastSeen = [&] {
            auto db = server.services().database().acquire();
            auto q = db->query("SELECT last_seen_at FROM portal_sessions");
            return q.next() ? q.integer(0) : std::int64_t(0);
        };
        {
            auto db = server.services().database().acquire();
            db->execute("UPDATE portal_sessions SET last_seen_at = last_seen_at - 20 * 60");
        }
        const auto before = lastSeen();
        QCOMPARE(client.get(path.toStdString()).status, 200);
        QVERIFY(lastSeen() >= before + 20 * 60);
        {
            auto db = server.services().database().acquire();
            db->execute("UPDATE portal_sessions SET last_seen_at = last_seen_at - 20 * 60");
        }
        // 40 minutes after the sign-in, but only 20 after the last request: still signed in.
        QCOMPARE(client.get(path.toStdString()).status, 200);
    }

    void noCookieOrGarbageIs401()
    {
        TestServer server;
        HttpClient client(server.port());
        auto r = client.get(kPortal + "/me");
        QCOMPARE(r.status, 401);
        QVERIFY(r.json()->getObject("error"));
        client.cookies()["gh_session"] = "not-a-session";
        QCOMPARE(client.get(kPortal + "/customers/C100001/invoices").status, 401);
    }

    void stateChangesNeedTheCsrfHeader_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("body");
        QTest::newRow("switch customer") << "PUT"
                                         << "/me/customer"
                                         << R"({"number":"C100002"})";
        QTest::newRow("email invoices") << "POST"
                                        << "/customers/C100001/invoices/email"
                                        << R"({"invoiceNumbers":["INV10000040"]})";
        QTest::newRow("email orders") << "POST"
                                      << "/customers/C100001/orders/email"
                                      << R"({"orderNumbers":["SO5000001"]})";
        QTest::newRow("sign out") << "DELETE"
                                  << "/session"
                                  << "";
    }

    void stateChangesNeedTheCsrfHeader()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QString, body);
        TestServer server;
        HttpClient client(server.port());
        QCOMPARE(signIn(client, "alice@demo.test").status, 200);
        const std::string csrf = client.get(kPortal + "/me").json()->getValue<std::string>("csrfToken");
        const std::string type = body.isEmpty() ? std::string() : std::string("application/json");
        client.setCsrf("");
        auto none = client.request(method.toStdString(), kPortal + path.toStdString(), body.toStdString(), type);
        QCOMPARE(none.status, 403);
        QCOMPARE(q(none.errorCode()), QStringLiteral("csrf_failed"));
        client.setCsrf("wrong" + csrf);
        auto wrong = client.request(method.toStdString(), kPortal + path.toStdString(), body.toStdString(), type);
        QCOMPARE(wrong.status, 403);
        client.setCsrf(csrf);
        auto right = client.request(method.toStdString(), kPortal + path.toStdString(), body.toStdString(), type);
        QVERIFY2(right.status >= 200 && right.status < 300, right.body.c_str());
    }

    void readOnlySessionsRefuseEveryChange_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("body");
        QTest::newRow("switch customer") << "PUT"
                                         << "/me/customer"
                                         << R"({"number":"C100002"})";
        QTest::newRow("email invoices") << "POST"
                                        << "/customers/C100001/invoices/email"
                                        << R"({"invoiceNumbers":["INV10000040"]})";
        QTest::newRow("email orders") << "POST"
                                      << "/customers/C100001/orders/email"
                                      << R"({"orderNumbers":["SO5000001"]})";
        QTest::newRow("set password") << "PUT"
                                      << "/password"
                                      << R"({"token":"x","password":"Another-Passw0rd"})";
        QTest::newRow("password reset") << "POST"
                                        << "/password-resets"
                                        << R"({"email":"alice@demo.test"})";
        QTest::newRow("registration") << "POST"
                                      << "/registrations"
                                      << R"({"email":"x@example.com"})";
        QTest::newRow("sign in") << "POST"
                                 << "/session"
                                 << R"({"email":"alice@demo.test","password":"x"})";
        QTest::newRow("sign out") << "DELETE"
                                  << "/session"
                                  << "";
    }

    void readOnlySessionsRefuseEveryChange()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QString, body);
        TestServer server;
        const std::string csrf = core::SecureRandom::token(32);
        const std::string cookie
            = insertSession(server.services(), userIdOf(server.services(), "alice@demo.test"), true, csrf);
        HttpClient client(server.port());
        client.cookies()["gh_session"] = cookie;
        client.setCsrf(csrf);
        QCOMPARE(client.get(kPortal + "/customers/C100001/invoices").status, 200); // reading works
        auto me = client.get(kPortal + "/me");
        QCOMPARE(me.json()->getValue<bool>("preview"), true); // the pages show the preview banner
        const std::string type = body.isEmpty() ? std::string() : std::string("application/json");
        auto r = client.request(method.toStdString(), kPortal + path.toStdString(), body.toStdString(), type);
        QCOMPARE(r.status, 403);
        QCOMPARE(q(r.errorCode()), QStringLiteral("read_only_session"));
        QVERIFY(outbox(server.services()).empty());
    }

    void readOnlySessionsExpire()
    {
        TestServer server;
        const std::string cookie
            = insertSession(server.services(), userIdOf(server.services(), "alice@demo.test"), true, "c", -1);
        HttpClient client(server.port());
        client.cookies()["gh_session"] = cookie;
        QCOMPARE(client.get(kPortal + "/me").status, 401);
    }

    void switchCustomer()
    {
        TestServer server;
        HttpClient client(server.port());
        QCOMPARE(signIn(client, "alice@demo.test").status, 200);
        QCOMPARE(client.get(kPortal + "/me").json()->getValue<bool>("preview"), false);
        auto r = client.put(kPortal + "/me/customer", R"({"number":"C100002"})");
        QCOMPARE(r.status, 200);
        QCOMPARE(q(r.json()->getValue<std::string>("currentCustomer")), QStringLiteral("C100002"));
        QCOMPARE(q(client.get(kPortal + "/me").json()->getValue<std::string>("currentCustomer")),
                 QStringLiteral("C100002"));
        auto other = client.put(kPortal + "/me/customer", R"({"number":"C100003"})");
        QCOMPARE(other.status, 404);
        QCOMPARE(q(other.errorCode()), QStringLiteral("not_found"));
        QCOMPARE(client.put(kPortal + "/me/customer", R"({"number":"C999999"})").status, 404);
        QCOMPARE(q(client.get(kPortal + "/me").json()->getValue<std::string>("currentCustomer")),
                 QStringLiteral("C100002"));
    }

    void throttlingPerAccount()
    {
        TestServer server;
        HttpClient client(server.port());
        for (int i = 0; i < 10; ++i)
            QCOMPARE(signIn(client, "bob@demo.test", "Wrong-Passw0rd").status, 401);
        auto r = signIn(client, "bob@demo.test"); // even the right password now waits
        QCOMPARE(r.status, 429);
        QCOMPARE(q(r.errorCode()), QStringLiteral("too_many_attempts"));
        const int retry = std::stoi(r.header("retry-after"));
        QVERIFY2(retry > 0 && retry <= 15 * 60 + 1, r.header("retry-after").c_str());
        // Another account from another address is not affected; the failures are stored.
        auto db = server.services().database().acquire();
        auto count = db->query("SELECT COUNT(*) FROM sign_in_failures WHERE account = 'bob@demo.test'");
        count.next();
        QCOMPARE(count.integer(0), std::int64_t(10));
    }

    void throttlingPerClientAddress()
    {
        TestServer server;
        HttpClient client(server.port());
        for (int i = 0; i < 10; ++i)
            QCOMPARE(signIn(client, "user" + std::to_string(i) + "@nowhere.test", "x").status, 401);
        auto r = signIn(client, "alice@demo.test");
        QCOMPARE(r.status, 429);
        QVERIFY(!r.header("retry-after").empty());
    }

    // Others can lock an account (or a shared address) by failing on purpose, but not its owner out of
    // it: after the lock, the right password brings a one-time code by e-mail (and the same answer as a
    // wrong one), and the password with that code signs in. The code works once.
    void lockedOutOwnerSignsInWithPasswordAndEmailedCode_data()
    {
        QTest::addColumn<bool>("byAddress");
        QTest::newRow("account locked") << false;
        QTest::newRow("address blocked") << true;
    }

    void lockedOutOwnerSignsInWithPasswordAndEmailedCode()
    {
        QFETCH(bool, byAddress);
        TestServer server;
        HttpClient attacker(server.port());
        for (int i = 0; i < 10; ++i) {
            const std::string account = byAddress ? "user" + std::to_string(i) + "@nowhere.test" : "bob@demo.test";
            QCOMPARE(signIn(attacker, account, "Wrong-Passw0rd").status, 401);
        }
        auto wrong = signIn(attacker, "bob@demo.test", "Wrong-Passw0rd");
        QCOMPARE(wrong.status, 429);
        QVERIFY(outbox(server.services()).empty()); // a wrong password brings no code

        HttpClient owner(server.port());
        auto right = signIn(owner, "bob@demo.test");
        QCOMPARE(right.status, 429);
        QCOMPARE(q(right.body), q(wrong.body)); // the answer does not tell a right password from a wrong one
        const std::string code = signInCodeFromOutbox(server.services(), "bob@demo.test");
        QCOMPARE(code.size(), std::size_t(8));
        std::string other = code;
        other[0] = other[0] == '9' ? '0' : static_cast<char>(other[0] + 1);

        QCOMPARE(owner.post(kPortal + "/session", signInWithCode("bob@demo.test", "Wrong-Passw0rd", code)).status, 429);
        QCOMPARE(owner.post(kPortal + "/session", signInWithCode("bob@demo.test", kDemoPassword, other)).status, 429);
        if (byAddress) // bob's code is not alice's
            QCOMPARE(owner.post(kPortal + "/session", signInWithCode("alice@demo.test", kDemoPassword, code)).status,
                     429);
        auto in = owner.post(kPortal + "/session", signInWithCode("bob@demo.test", kDemoPassword, code));
        QCOMPARE(in.status, 200);
        owner.setCsrf(in.json()->getValue<std::string>("csrfToken"));
        QCOMPARE(owner.get(kPortal + "/me").status, 200);

        // Used once, the code is spent; while the lock holds it signs nobody in again.
        for (int i = 0; i < 10 && !byAddress; ++i)
            signIn(attacker, "bob@demo.test", "Wrong-Passw0rd");
        HttpClient later(server.port());
        QCOMPARE(later.post(kPortal + "/session", signInWithCode("bob@demo.test", kDemoPassword, code)).status, 429);
    }

    // Guessing the code is no way round the lock: after five wrong codes the mailed one is void.
    void wrongSignInCodesVoidTheCode()
    {
        TestServer server;
        HttpClient client(server.port());
        for (int i = 0; i < 10; ++i)
            signIn(client, "bob@demo.test", "Wrong-Passw0rd");
        QCOMPARE(signIn(client, "bob@demo.test").status, 429);
        const std::string code = signInCodeFromOutbox(server.services(), "bob@demo.test");
        QVERIFY(!code.empty());
        for (int i = 0; i < 5; ++i) {
            std::string guess = code;
            guess[7] = static_cast<char>('0' + (guess[7] - '0' + 1 + i) % 10);
            QCOMPARE(client.post(kPortal + "/session", signInWithCode("bob@demo.test", kDemoPassword, guess)).status,
                     429);
        }
        QCOMPARE(client.post(kPortal + "/session", signInWithCode("bob@demo.test", kDemoPassword, code)).status, 429);
    }

    void failuresOlderThanTheWindowDoNotCount()
    {
        TestServer server;
        {
            auto db = server.services().database().acquire();
            const auto old = core::nowSeconds() - 16 * 60;
            for (int i = 0; i < 20; ++i)
                db->query("INSERT INTO sign_in_failures (account, client, at) VALUES ('bob@demo.test', 'x', ?)", old)
                    .run();
        }
        HttpClient client(server.port());
        QCOMPARE(signIn(client, "bob@demo.test").status, 200);
    }

    void hourlyCapPerAccount_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<int>("status");
        QTest::newRow("99 in the hour") << 99 << 200;
        QTest::newRow("100 in the hour") << 100 << 429;
    }

    void hourlyCapPerAccount()
    {
        QFETCH(int, failures);
        QFETCH(int, status);
        TestServer server;
        {
            // Spread over the last hour but all older than 15 minutes, each from its own address:
            // only the hourly cap per account can refuse the next attempt.
            auto db = server.services().database().acquire();
            const auto now = core::nowSeconds();
            for (int i = 0; i < failures; ++i)
                db->query("INSERT INTO sign_in_failures (account, client, at) VALUES ('bob@demo.test', ?, ?)",
                          "10.0." + std::to_string(i / 250) + "." + std::to_string(i % 250), now - 3500 + i * 20)
                    .run();
            auto recent = db->query("SELECT COUNT(*) FROM sign_in_failures WHERE at > ?", now - 15 * 60);
            recent.next();
            QCOMPARE(recent.integer(0), std::int64_t(0));
        }
        HttpClient client(server.port());
        auto r = signIn(client, "bob@demo.test");
        QCOMPARE(r.status, status);
        if (status == 429) {
            const int retry = std::stoi(r.header("retry-after"));
            QVERIFY(retry > 0 && retry <= 3600);
        }
    }
};

QTEST_GUILESS_MAIN(TestPortalSession)
#include "testportalsession.moc"
