// The admin API against the real server: staff sign-in and roles, token revocation, throttling,
// paging limits, every list filter, record updates and their 409 paths.

#include "AdminTestSupport.h"

#include "core/Text.h"
#include "store/StaffRepository.h"

#include <QProcess>

#include <set>

using namespace gh;
using namespace gh::test;

class TestAdminApi : public QObject
{
    Q_OBJECT

private slots:
    void signInAnswersTokenAndUser()
    {
        TestServer server;
        HttpClient client(server.port());
        auto r = client.post(kAdmin + "/session", R"({"email":"Admin@Demo.test","password":"Demo-Passw0rd"})");
        QCOMPARE(r.status, 200);
        auto body = r.json();
        QVERIFY(body->getValue<std::string>("token").size() >= 40);
        QVERIFY(body->getValue<std::string>("expiresAt").back() == 'Z');
        QCOMPARE(q(body->getObject("user")->getValue<std::string>("email")), QStringLiteral("admin@demo.test"));
        QCOMPARE(q(body->getObject("user")->getValue<std::string>("role")), QStringLiteral("admin"));
        // Only the digest is stored.
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM staff_tokens WHERE token_hash = ?",
                        body->getValue<std::string>("token")),
                 std::int64_t(0));
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM staff_tokens"), std::int64_t(1));
        client.setBearer(body->getValue<std::string>("token"));
        QCOMPARE(client.get(kAdmin + "/customers").status, 200);
    }

    void badCredentialsAre401_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("password");
        QTest::newRow("wrong password") << "admin@demo.test"
                                        << "Wrong-Passw0rd";
        QTest::newRow("unknown email") << "nobody@demo.test"
                                       << "Demo-Passw0rd";
        QTest::newRow("portal user's credentials") << "alice@demo.test"
                                                   << "Demo-Passw0rd";
    }

    void badCredentialsAre401()
    {
        QFETCH(QString, email);
        QFETCH(QString, password);
        TestServer server;
        HttpClient client(server.port());
        auto r = client.post(kAdmin + "/session",
                             R"({"email":")" + email.toStdString() + R"(","password":")" + password.toStdString()
                                 + R"("})");
        QCOMPARE(r.status, 401);
        QCOMPARE(q(r.errorCode()), QStringLiteral("invalid_credentials"));
    }

    void withoutTokenIs401()
    {
        TestServer server;
        HttpClient client(server.port());
        QCOMPARE(client.get(kAdmin + "/customers").status, 401);
        client.setBearer("not-a-token");
        auto r = client.get(kAdmin + "/customers");
        QCOMPARE(r.status, 401);
        QCOMPARE(q(r.header("www-authenticate")), QStringLiteral("Bearer"));
    }

    void repeatedFailuresAreThrottled()
    {
        TestServer server;
        HttpClient client(server.port());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(client.post(kAdmin + "/session", R"({"email":"admin@demo.test","password":"nope"})").status, 401);
        auto r = client.post(kAdmin + "/session", R"({"email":"admin@demo.test","password":"Demo-Passw0rd"})");
        QCOMPARE(r.status, 429);
        QVERIFY(std::stoi(r.header("retry-after")) > 0);
    }

    void signOutRevokesAtOnce()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        QCOMPARE(client.get(kAdmin + "/session").status, 200);
        QCOMPARE(client.del(kAdmin + "/session").status, 204);
        QCOMPARE(client.get(kAdmin + "/customers").status, 401);
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM staff_tokens"), std::int64_t(0));
    }

    void expiredTokenIsRefused()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        {
            auto connection = server.services().database().acquire();
            connection->query("UPDATE staff_tokens SET expires_at = 0").run();
        }
        QCOMPARE(client.get(kAdmin + "/customers").status, 401);
    }

    // Every registered admin route that changes something answers a viewer 403 (signing out excepted).
    void viewerGets403OnEveryChange()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client, "viewer@demo.test");
        int checked = 0;
        for (const auto& route : server.router().routes()) {
            if (route.pattern.rfind(kAdmin, 0) != 0 || route.method == "GET")
                continue;
            if (route.pattern == kAdmin + "/session")
                continue;
            std::string path = route.pattern;
            auto replace = [&path](const std::string& from, const std::string& to) {
                auto pos = path.find(from);
                if (pos != std::string::npos)
                    path.replace(pos, from.size(), to);
            };
            replace("{number}", "C100001");
            replace("{id}", "1");
            replace("{code}", "FIN01");
            auto r = client.request(route.method, path, "{}", "application/json");
            QVERIFY2(r.status == 403, (route.method + " " + path + " -> " + std::to_string(r.status)).c_str());
            ++checked;
        }
        QVERIFY(checked >= 20);
        // Reads work, and the viewer may sign out.
        QCOMPARE(client.get(kAdmin + "/customers").status, 200);
        QCOMPARE(client.del(kAdmin + "/session").status, 204);
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM audit_events"), std::int64_t(0));
    }

    void pagingLimits_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        QTest::newRow("pageSize 999") << "pageSize=999" << 200 << "";
        QTest::newRow("pageSize 1") << "pageSize=1" << 200 << "";
        QTest::newRow("pageSize 1000") << "pageSize=1000" << 400 << "pageSize";
        QTest::newRow("pageSize 0") << "pageSize=0" << 400 << "pageSize";
        QTest::newRow("pageSize abc") << "pageSize=abc" << 400 << "pageSize";
        QTest::newRow("pageSize negative") << "pageSize=-5" << 400 << "pageSize";
        QTest::newRow("page 0") << "page=0" << 400 << "page";
        QTest::newRow("page abc") << "page=x1" << 400 << "page";
        QTest::newRow("unknown sort") << "sort=password" << 400 << "sort";
        QTest::newRow("portalEnabled maybe") << "portalEnabled=maybe" << 400 << "portalEnabled";
    }

    void pagingLimits()
    {
        QFETCH(QString, query);
        QFETCH(int, status);
        QFETCH(QString, field);
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        for (const std::string list : {"/customers", "/portal-users", "/roles", "/audit-events"}) {
            if (list != "/customers" && field == "portalEnabled")
                continue;
            if ((list == "/audit-events") && field == "sort")
                continue;
            auto r = client.get(kAdmin + list + "?" + query.toStdString());
            QVERIFY2(r.status == status, (list + " " + r.body).c_str());
            if (status == 400) {
                QCOMPARE(
                    q(r.json()->getObject("error")->getArray("details")->getObject(0)->getValue<std::string>("field")),
                    field);
            }
        }
    }

    void customersPageAndSort()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        auto r = client.get(kAdmin + "/customers?pageSize=999");
        QCOMPARE(total(r), sqlInt(server, "SELECT COUNT(*) FROM customers"));
        QCOMPARE(int(items(r)->size()), int(total(r)));
        auto first = items(r)->getObject(0);
        for (const char* field :
             {"number", "name", "group", "payerNumber", "statId", "erpStatus", "portalEnabled", "currency", "version"})
            QVERIFY2(first->has(field), field);
        QCOMPARE(q(first->getValue<std::string>("number")), QStringLiteral("C100001"));

        auto page2 = client.get(kAdmin + "/customers?pageSize=10&page=2");
        QCOMPARE(page2.json()->getValue<int>("page"), 2);
        QCOMPARE(page2.json()->getValue<int>("pageSize"), 10);
        QCOMPARE(q(items(page2)->getObject(0)->getValue<std::string>("number")), QStringLiteral("C100011"));

        auto desc = client.get(kAdmin + "/customers?sort=-number&pageSize=1");
        QCOMPARE(q(items(desc)->getObject(0)->getValue<std::string>("number")),
                 q("C" + std::to_string(100000 + sqlInt(server, "SELECT COUNT(*) FROM customers"))));
        auto byName = client.get(kAdmin + "/customers?sort=name&pageSize=2");
        QVERIFY(items(byName)->getObject(0)->getValue<std::string>("name")
                <= items(byName)->getObject(1)->getValue<std::string>("name"));
        QCOMPARE(client.get(kAdmin + "/customers/C100001").json()->getValue<std::string>("number"),
                 std::string("C100001"));
        QCOMPARE(client.get(kAdmin + "/customers/C999999").status, 404);
    }

    void customerFilters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("argument");
        QTest::newRow("q number prefix") << "q=c10001"
                                         << "number LIKE ?"
                                         << "C10001%";
        QTest::newRow("group") << "group=Y10"
                               << "customer_group = ?"
                               << "Y10";
        QTest::newRow("erpStatus") << "erpStatus=20"
                                   << "erp_status = ?"
                                   << "20";
        QTest::newRow("status alias") << "status=20"
                                      << "erp_status = ?"
                                      << "20";
        QTest::newRow("portalEnabled") << "portalEnabled=true"
                                       << "portal_enabled = 1 AND ? = ''"
                                       << "";
        QTest::newRow("statId") << "statId=STAT0001"
                                << "stat_id = ?"
                                << "STAT0001";
    }

    void customerFilters()
    {
        QFETCH(QString, query);
        QFETCH(QString, where);
        QFETCH(QString, argument);
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        auto r = client.get(kAdmin + "/customers?pageSize=999&" + query.toStdString());
        QCOMPARE(r.status, 200);
        const auto expected
            = sqlInt(server, "SELECT COUNT(*) FROM customers WHERE " + where.toStdString(), argument.toStdString());
        QCOMPARE(total(r), expected);
        QVERIFY(expected > 0);
        QVERIFY(expected < sqlInt(server, "SELECT COUNT(*) FROM customers") || query.startsWith("portalEnabled"));
    }

    void customerNameSearchIsContainsAndCaseInsensitive()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        std::string name;
        {
            auto connection = server.services().database().acquire();
            auto qn = connection->query("SELECT name FROM customers WHERE number = 'C100007'");
            qn.next();
            name = qn.text(0);
        }
        const std::string middle = core::toLowerAscii(name.substr(2, 5));
        auto r = client.get(kAdmin + "/customers?pageSize=999&q=" + middle);
        bool found = false;
        for (std::size_t i = 0; i < items(r)->size(); ++i)
            found
                = found || items(r)->getObject(static_cast<unsigned>(i))->getValue<std::string>("number") == "C100007";
        QVERIFY2(found, middle.c_str());
        QCOMPARE(total(r),
                 sqlInt(server, "SELECT COUNT(*) FROM customers WHERE name LIKE ? OR number LIKE ?", "%" + middle + "%",
                        middle + "%"));
    }

    void customerUpdateAndStaleVersion()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        auto r = client.patch(kAdmin + "/customers/C100004", R"({"version":1,"portalEnabled":false,"name":"Renamed"})");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()->getValue<int>("version"), 2);
        QCOMPARE(r.json()->getValue<bool>("portalEnabled"), false);
        auto stale = client.put(kAdmin + "/customers/C100004", R"({"version":1,"name":"Again"})");
        QCOMPARE(stale.status, 409);
        auto detail = stale.json()->getObject("error")->getArray("details")->getObject(0);
        QCOMPARE(q(detail->getValue<std::string>("entity")), QStringLiteral("customer"));
        QCOMPARE(q(detail->getValue<std::string>("key")), QStringLiteral("C100004"));
        QCOMPARE(q(client.get(kAdmin + "/customers/C100004").json()->getValue<std::string>("name")),
                 QStringLiteral("Renamed"));
        // Validation: 422 naming the field; missing version: 400.
        auto bad = client.patch(kAdmin + "/customers/C100004", R"({"version":2,"currency":"euro"})");
        QCOMPARE(bad.status, 422);
        QCOMPARE(q(bad.json()->getObject("error")->getArray("details")->getObject(0)->getValue<std::string>("field")),
                 QStringLiteral("currency"));
        QCOMPARE(client.patch(kAdmin + "/customers/C100004", R"({"name":"x"})").status, 400);
        QCOMPARE(client.patch(kAdmin + "/customers/C100004", R"({"version":2,"number":"C1"})").status, 422);
    }

    void contactsCrud()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        auto list = client.get(kAdmin + "/customers/C100001/contacts");
        QCOMPARE(total(list),
                 sqlInt(server,
                        "SELECT COUNT(*) FROM contacts k JOIN customers c ON c.id = "
                        "k.customer_id WHERE c.number = 'C100001'"));
        auto created = client.post(kAdmin + "/customers/C100001/contacts",
                                   R"({"firstName":"Dora","lastName":"Diaz","email":"Dora@Example.test",)"
                                   R"("sections":["invoices.view"],"canRegister":true})");
        QCOMPARE(created.status, 201);
        auto contact = created.json();
        for (const char* field :
             {"id", "customerNumber", "firstName", "lastName", "email", "phone", "title", "canRegister", "sections",
              "makePayment", "isAccountAdmin", "ownOrdersOnly", "version"})
            QVERIFY2(contact->has(field), field);
        QCOMPARE(q(contact->getValue<std::string>("email")), QStringLiteral("dora@example.test"));
        const std::string id = std::to_string(contact->getValue<int>("id"));
        QCOMPARE(client.post(kAdmin + "/customers/C100001/contacts", R"({"email":"dora@example.test"})").status, 409);
        QCOMPARE(client.post(kAdmin + "/customers/C100001/contacts", R"({"email":"not-an-email"})").status, 422);
        QCOMPARE(
            client.post(kAdmin + "/customers/C100001/contacts", R"({"email":"x@y.test","sections":["nope"]})").status,
            422);
        QCOMPARE(client.get(kAdmin + "/customers/C100001/contacts?q=dora").json()->getValue<int>("total"), 1);
        auto updated = client.patch(kAdmin + "/contacts/" + id, R"({"version":1,"makePayment":true})");
        QCOMPARE(updated.status, 200);
        QCOMPARE(updated.json()->getValue<bool>("makePayment"), true);
        QCOMPARE(client.patch(kAdmin + "/contacts/" + id, R"({"version":1,"makePayment":false})").status, 409);
        QCOMPARE(client.del(kAdmin + "/contacts/" + id).status, 204);
        QCOMPARE(client.get(kAdmin + "/contacts/" + id).status, 404);
        QCOMPARE(client.get(kAdmin + "/contacts/abc").status, 404);
    }

    void portalUserFilters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("emails");
        QTest::newRow("all") << "" << QStringList{"alice@demo.test", "bob@demo.test", "carol@demo.test"};
        QTest::newRow("q") << "q=ali" << QStringList{"alice@demo.test"};
        QTest::newRow("customer") << "customer=C100002" << QStringList{"alice@demo.test"};
        QTest::newRow("status") << "status=active"
                                << QStringList{"alice@demo.test", "bob@demo.test", "carol@demo.test"};
        QTest::newRow("status none") << "status=locked" << QStringList{};
        QTest::newRow("isAdmin") << "isAdmin=false" << QStringList{"bob@demo.test"};
        QTest::newRow("kind") << "kind=internal" << QStringList{};
        QTest::newRow("sorted descending")
            << "sort=-email" << QStringList{"carol@demo.test", "bob@demo.test", "alice@demo.test"};
    }

    void portalUserFilters()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, emails);
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        auto r = client.get(kAdmin + "/portal-users?" + query.toStdString());
        QCOMPARE(r.status, 200);
        QStringList got;
        for (std::size_t i = 0; i < items(r)->size(); ++i)
            got << q(items(r)->getObject(static_cast<unsigned>(i))->getValue<std::string>("email"));
        QCOMPARE(got, emails);
        QCOMPARE(total(r), std::int64_t(emails.size()));
    }

    void portalUserLifecycle()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        auto created = client.post(kAdmin + "/portal-users",
                                   R"({"email":"dave@demo.test","firstName":"Dave","kind":"internal",)"
                                   R"("assignedCustomers":["C100003"],"roles":["SALES01"],"invite":true})");
        QCOMPARE(created.status, 201);
        auto user = created.json();
        for (const char* field :
             {"id", "email", "firstName", "lastName", "kind", "status", "contactId", "customerNumber",
              "assignedCustomers", "sections", "isAdmin", "makePayment", "roles", "version"})
            QVERIFY2(user->has(field), field);
        QCOMPARE(q(user->getValue<std::string>("status")), QStringLiteral("invited"));
        QCOMPARE(q(user->getValue<std::string>("customerNumber")), QStringLiteral("C100003"));
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM outbox WHERE to_address = 'dave@demo.test'"), std::int64_t(1));
        const std::string id = std::to_string(user->getValue<int>("id"));
        QCOMPARE(client.get(kAdmin + "/portal-users?role=SALES01").json()->getValue<int>("total"), 1);

        const auto taken = client.post(kAdmin + "/portal-users", R"({"email":"DAVE@demo.test"})");
        QCOMPARE(taken.status, 409);
        QCOMPARE(q(taken.json()->getObject("error")->getValue<std::string>("code")), QStringLiteral("duplicate"));
        // Without "invite" the set-password e-mail goes out too (API.md: invite by default); with
        // invite false it does not.
        auto byDefault
            = client.post(kAdmin + "/portal-users", R"({"email":"fay@demo.test","assignedCustomers":["C100004"]})");
        QCOMPARE(byDefault.status, 201);
        QCOMPARE(q(byDefault.json()->getValue<std::string>("status")), QStringLiteral("invited"));
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM outbox WHERE to_address = 'fay@demo.test'"), std::int64_t(1));
        QCOMPARE(client
                     .post(kAdmin + "/portal-users",
                           R"({"email":"gus@demo.test","assignedCustomers":["C100004"],"invite":false})")
                     .status,
                 201);
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM outbox WHERE to_address = 'gus@demo.test'"), std::int64_t(0));
        auto unknown = client.post(kAdmin + "/portal-users", R"({"email":"eve@demo.test","assignedCustomers":["X1"]})");
        QCOMPARE(unknown.status, 422);

        auto disabled = client.post(kAdmin + "/portal-users/" + id + "/disable");
        QCOMPARE(q(disabled.json()->getValue<std::string>("status")), QStringLiteral("disabled"));
        auto enabled = client.post(kAdmin + "/portal-users/" + id + "/enable");
        QCOMPARE(q(enabled.json()->getValue<std::string>("status")), QStringLiteral("invited"));
        {
            auto connection = server.services().database().acquire();
            connection->query("UPDATE portal_users SET status = 'locked' WHERE email = 'bob@demo.test'").run();
        }
        auto bob = client.get(kAdmin + "/portal-users?q=bob").json()->getArray("items")->getObject(0);
        const std::string bobId = std::to_string(bob->getValue<int>("id"));
        QCOMPARE(q(client.post(kAdmin + "/portal-users/" + bobId + "/unlock").json()->getValue<std::string>("status")),
                 QStringLiteral("active"));
        // Unlocking a user who is not locked changes no status (a disabled user stays disabled).
        QCOMPARE(q(client.post(kAdmin + "/portal-users/" + id + "/disable").json()->getValue<std::string>("status")),
                 QStringLiteral("disabled"));
        QCOMPARE(q(client.post(kAdmin + "/portal-users/" + id + "/unlock").json()->getValue<std::string>("status")),
                 QStringLiteral("disabled"));
        QCOMPARE(q(client.post(kAdmin + "/portal-users/" + id + "/enable").json()->getValue<std::string>("status")),
                 QStringLiteral("invited"));
        // bob is active: inviting him is refused (409 already_active, nothing sent); a reset is the way.
        const auto again = client.post(kAdmin + "/portal-users/" + bobId + "/invite");
        QCOMPARE(again.status, 409);
        QCOMPARE(q(again.json()->getObject("error")->getValue<std::string>("code")), QStringLiteral("already_active"));
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM outbox WHERE to_address = 'bob@demo.test'"), std::int64_t(0));
        QCOMPARE(client.post(kAdmin + "/portal-users/" + bobId + "/reset-password").status, 200);
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM outbox WHERE to_address = 'bob@demo.test'"), std::int64_t(1));
        QCOMPARE(client.post(kAdmin + "/portal-users/" + id + "/invite").status, 200);
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM outbox WHERE to_address = 'dave@demo.test'"), std::int64_t(2));
        QCOMPARE(client.post(kAdmin + "/portal-users/99999/disable").status, 404);

        const int version = client.get(kAdmin + "/portal-users/" + id).json()->getValue<int>("version");
        auto updated
            = client.patch(kAdmin + "/portal-users/" + id,
                           R"({"version":)" + std::to_string(version)
                               + R"(,"sections":["invoices.view"],"assignedCustomers":["C100003","C100004"]})");
        QCOMPARE(updated.status, 200);
        QCOMPARE(int(updated.json()->getArray("assignedCustomers")->size()), 2);
        QCOMPARE(client.patch(kAdmin + "/portal-users/" + id, R"({"version":1,"isAdmin":true})").status, 409);
        // Every action is audited with the staff actor (fay: create and invite, gus: create; the
        // refused invite of bob changed nothing and is not).
        QCOMPARE(sqlInt(server,
                        "SELECT COUNT(*) FROM audit_events WHERE entity = 'portal_user' AND actor = "
                        "'admin@demo.test'"),
                 std::int64_t(14));
    }

    void roleFilters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("codes");
        QTest::newRow("all") << "" << QStringList{"FIN01", "NOACC", "SALES01", "SUPPORT"};
        QTest::newRow("q code") << "q=sal" << QStringList{"SALES01"};
        QTest::newRow("q description") << "q=credit" << QStringList{"FIN01"};
        QTest::newRow("process") << "process=pay_invoices" << QStringList{"FIN01"};
        QTest::newRow("module") << "module=orders.view" << QStringList{"SALES01", "SUPPORT"};
        QTest::newRow("noAccess true") << "noAccess=true" << QStringList{"NOACC"};
        QTest::newRow("noAccess false") << "noAccess=false" << QStringList{"FIN01", "SALES01", "SUPPORT"};
        QTest::newRow("code") << "code=SUPPORT" << QStringList{"SUPPORT"};
        QTest::newRow("sorted") << "sort=-code" << QStringList{"SUPPORT", "SALES01", "NOACC", "FIN01"};
        QTest::newRow("paged") << "pageSize=2&page=2" << QStringList{"SALES01", "SUPPORT"};
    }

    void roleFilters()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, codes);
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        auto r = client.get(kAdmin + "/roles?" + query.toStdString());
        QCOMPARE(r.status, 200);
        QStringList got;
        for (std::size_t i = 0; i < items(r)->size(); ++i)
            got << q(items(r)->getObject(static_cast<unsigned>(i))->getValue<std::string>("code"));
        QCOMPARE(got, codes);
    }

    void roleCrud()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        QCOMPARE(client.get(kAdmin + "/roles?process=fly").status, 400);
        auto created = client.post(kAdmin + "/roles",
                                   R"({"code":"OPS","description":"Operations",)"
                                   R"("processes":["email_documents"],"modules":["orders.view"]})");
        QCOMPARE(created.status, 201);
        for (const char* field : {"code", "description", "processes", "modules", "noAccess", "version"})
            QVERIFY2(created.json()->has(field), field);
        QCOMPARE(client.post(kAdmin + "/roles", R"({"code":"OPS"})").status, 409);
        QCOMPARE(client.post(kAdmin + "/roles", R"({"code":"X","modules":["nope"]})").status, 422);
        QCOMPARE(client.post(kAdmin + "/roles", R"({"code":""})").status, 422);
        auto updated = client.put(kAdmin + "/roles/OPS", R"({"version":1,"noAccess":true})");
        QCOMPARE(updated.status, 200);
        QCOMPARE(updated.json()->getValue<bool>("noAccess"), true);
        auto stale = client.put(kAdmin + "/roles/OPS", R"({"version":1,"noAccess":false})");
        QCOMPARE(stale.status, 409);
        QCOMPARE(q(stale.json()->getObject("error")->getArray("details")->getObject(0)->getValue<std::string>("key")),
                 QStringLiteral("OPS"));
        QCOMPARE(client.del(kAdmin + "/roles/OPS").status, 204);
        QCOMPARE(client.get(kAdmin + "/roles/OPS").status, 404);
    }

    void catalogues()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client, "viewer@demo.test");
        auto sections = client.get(kAdmin + "/sections");
        QCOMPARE(int(items(sections)->size()), 8);
        QCOMPARE(q(items(sections)->getObject(0)->getValue<std::string>("key")), QStringLiteral("account.summary"));
        QCOMPARE(q(items(sections)->getObject(0)->getValue<std::string>("label")), QStringLiteral("Account Summary"));
        auto processes = client.get(kAdmin + "/processes");
        QCOMPARE(int(items(processes)->size()), 3);
        QCOMPARE(q(items(processes)->getObject(0)->getValue<std::string>("key")), QStringLiteral("pay_invoices"));
    }

    void testEmailIsQueued()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        auto r = client.post(kAdmin + "/email/test", R"({"to":"ops@example.test"})");
        QCOMPARE(r.status, 202);
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM outbox WHERE to_address = 'ops@example.test'"), std::int64_t(1));
        QCOMPARE(client.post(kAdmin + "/email/test", R"({"to":"nobody"})").status, 400);
    }

    void adminCreateSubcommand()
    {
        QTemporaryDir dir;
        const QString db = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("staff.db"));
        auto run = [&db](const QStringList& args, const QByteArray& input, QByteArray* output = nullptr) {
            QProcess process;
            process.start(QStringLiteral(GATEHOUSE_SERVER_BINARY), args + QStringList{QStringLiteral("--db"), db});
            process.write(input);
            process.closeWriteChannel();
            process.waitForFinished(60000);
            if (output)
                *output = process.readAllStandardOutput() + process.readAllStandardError();
            return process.exitCode();
        };
        const QStringList create{QStringLiteral("admin"),   QStringLiteral("create"),
                                 QStringLiteral("--email"), QStringLiteral("boss@example.test"),
                                 QStringLiteral("--role"),  QStringLiteral("viewer")};
        QByteArray output;
        QVERIFY(run(create, "weak\n", &output) != 0);
        QVERIFY2(output.contains("too weak"), output.constData());
        QVERIFY(run(create + QStringList{QStringLiteral("--password"), QStringLiteral("Str0ng-Passw0rd")}, "") != 0);
        QCOMPARE(run(create, "Str0ng-Passw0rd\n", &output), 0);
        QVERIFY2(output.contains("Created"), output.constData());
        QVERIFY(run(create, "Str0ng-Passw0rd\n") != 0); // duplicate
        QVERIFY(run({QStringLiteral("admin"), QStringLiteral("create"), QStringLiteral("--email"),
                     QStringLiteral("x@example.test"), QStringLiteral("--role"), QStringLiteral("boss")},
                    "Str0ng-Passw0rd\n")
                != 0);

        // The account signs in to the admin API with the role given, the password never on a command line.
        auto database = store::openDatabase(db.toStdString());
        auto connection = database->acquire();
        auto staff = store::StaffRepository(*connection).findByEmail("boss@example.test");
        QVERIFY(staff);
        QVERIFY(staff->role == core::StaffRole::Viewer);
        QVERIFY(core::PasswordHasher().verify(staff->passwordHash, "Str0ng-Passw0rd"));
    }

    void jobsList()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        {
            auto connection = server.services().database().acquire();
            connection
                ->query("INSERT INTO job_runs (kind, name, status, created_at) VALUES "
                        "('import', 'customers.csv', 'done', '2026-11-01T00:00:00Z'), "
                        "('sync', 'orders', 'failed', '2026-11-02T00:00:00Z')")
                .run();
        }
        auto all = client.get(kAdmin + "/jobs");
        QCOMPARE(total(all), std::int64_t(2));
        QCOMPARE(q(items(all)->getObject(0)->getValue<std::string>("kind")), QStringLiteral("sync"));
        QCOMPARE(total(client.get(kAdmin + "/jobs?kind=import")), std::int64_t(1));
        QCOMPARE(total(client.get(kAdmin + "/jobs?status=failed")), std::int64_t(1));
        QCOMPARE(client.get(kAdmin + "/jobs?kind=dance").status, 400);
    }
};

QTEST_GUILESS_MAIN(TestAdminApi)
#include "testadminapi.moc"
