// The admin API's writes across records against the real server: changesets (all or nothing, 409
// listing every stale record, audit with before/after and origin), bulk switches with dry run,
// settings validation with cron checks, the audit log and its CSV, and preview sessions.

#include "AdminTestSupport.h"

#include "core/SecureRandom.h"
#include "core/SettingsCatalogue.h"
#include "core/Time.h"
#include "store/AuditRepository.h"
#include "store/SettingRepository.h"

using namespace gh;
using namespace gh::test;

namespace {

std::string customerName(HttpClient& client, const std::string& number)
{
    return client.get(kAdmin + "/customers/" + number).json()->getValue<std::string>("name");
}

} // namespace

class TestAdminChanges : public QObject
{
    Q_OBJECT

private slots:
    void changesetAppliesAllAndAuditsEach()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        client.setHeader("X-Gatehouse-Origin", "app");
        auto r = client.post(
            kAdmin + "/changesets",
            "{\"changes\":["
            R"({"entity":"customer","key":"C100005","version":1,"set":{"name":"Five","portalEnabled":false}},)"
            R"({"entity":"contact","key":"1","version":1,"set":{"sections":["invoices.view"]}},)"
            R"({"entity":"portal_user","key":2,"version":1,"set":{"makePayment":true}},)"
            R"({"entity":"role","key":"FIN01","version":1,"set":{"description":"Finance"}})"
            "]}");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()->getValue<int>("applied"), 4);
        QCOMPARE(q(customerName(client, "C100005")), QStringLiteral("Five"));
        QCOMPARE(client.get(kAdmin + "/roles/FIN01").json()->getValue<int>("version"), 2);
        QCOMPARE(client.get(kAdmin + "/portal-users/2").json()->getValue<bool>("makePayment"), true);

        auto audit = client.get(kAdmin + "/audit-events?entity=customer&key=C100005");
        QCOMPARE(total(audit), std::int64_t(1));
        auto event = items(audit)->getObject(0);
        QCOMPARE(q(event->getValue<std::string>("actor")), QStringLiteral("admin@demo.test"));
        QCOMPARE(q(event->getValue<std::string>("origin")), QStringLiteral("app"));
        QCOMPARE(q(event->getValue<std::string>("action")), QStringLiteral("update"));
        QVERIFY(!event->getValue<std::string>("at").empty());
        QCOMPARE(event->getObject("before")->getValue<bool>("portalEnabled"), true);
        QCOMPARE(event->getObject("after")->getValue<bool>("portalEnabled"), false);
        QCOMPARE(q(event->getObject("after")->getValue<std::string>("name")), QStringLiteral("Five"));
        QCOMPARE(total(client.get(kAdmin + "/audit-events?origin=app")), std::int64_t(4));
    }

    void changesetWithInvalidLastChangeAppliesNothing()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        const std::string before = customerName(client, "C100005");
        auto r = client.post(kAdmin + "/changesets",
                             "{\"changes\":["
                             R"({"entity":"customer","key":"C100005","version":1,"set":{"name":"Changed"}},)"
                             R"({"entity":"contact","key":"1","version":1,"set":{"phone":"1"}},)"
                             R"({"entity":"role","key":"FIN01","version":1,"set":{"modules":["no.such.section"]}})"
                             "]}");
        QCOMPARE(r.status, 422);
        auto detail = r.json()->getObject("error")->getArray("details")->getObject(0);
        QCOMPARE(detail->getValue<int>("index"), 2);
        QCOMPARE(q(detail->getValue<std::string>("field")), QStringLiteral("modules"));
        QCOMPARE(customerName(client, "C100005"), before);
        QCOMPARE(client.get(kAdmin + "/customers/C100005").json()->getValue<int>("version"), 1);
        QCOMPARE(client.get(kAdmin + "/contacts/1").json()->getValue<int>("version"), 1);
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM audit_events"), std::int64_t(0));
    }

    void changesetListsEveryStaleRecord()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        QCOMPARE(client.patch(kAdmin + "/customers/C100006", R"({"version":1,"name":"Other"})").status, 200);
        QCOMPARE(client.patch(kAdmin + "/roles/SUPPORT", R"({"version":1,"description":"Other"})").status, 200);
        auto r = client.post(kAdmin + "/changesets",
                             "{\"changes\":["
                             R"({"entity":"customer","key":"C100006","version":1,"set":{"name":"Mine"}},)"
                             R"({"entity":"customer","key":"C100007","version":1,"set":{"name":"Mine too"}},)"
                             R"({"entity":"role","key":"SUPPORT","version":1,"set":{"noAccess":true}},)"
                             R"({"entity":"contact","key":"999999","version":1,"set":{"phone":"1"}})"
                             "]}");
        QCOMPARE(r.status, 409);
        auto details = r.json()->getObject("error")->getArray("details");
        QCOMPARE(int(details->size()), 3);
        QCOMPARE(q(details->getObject(0)->getValue<std::string>("key")), QStringLiteral("C100006"));
        QCOMPARE(q(details->getObject(1)->getValue<std::string>("entity")), QStringLiteral("role"));
        QCOMPARE(q(details->getObject(2)->getValue<std::string>("key")), QStringLiteral("999999"));
        QVERIFY(customerName(client, "C100007") != "Mine too");
    }

    void changesetLargerThanTheDefaultBodyLimit()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        const std::string note(8000, 'x');
        std::string body = "{\"changes\":[";
        for (int i = 1; i <= 200; ++i) {
            if (i > 1)
                body += ",";
            body += "{\"entity\":\"customer\",\"key\":\"C" + std::to_string(100000 + i)
                + "\",\"version\":1,\"set\":{\"freeFields\":{\"NOTE\":\"" + note + "\"}}}";
        }
        body += "]}";
        QVERIFY(body.size() > 1024 * 1024);
        auto r = client.post(kAdmin + "/changesets", body);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()->getValue<int>("applied"), 200);
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM audit_events"), std::int64_t(200));
    }

    void changesetShapeErrors_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("no changes") << R"({"changes":[]})" << 400;
        QTest::newRow("not an array") << R"({"changes":{}})" << 400;
        QTest::newRow("unknown entity") << R"({"changes":[{"entity":"invoice","key":"1","version":1,"set":{}})"
                                           "]}"
                                        << 422;
        QTest::newRow("no version") << R"({"changes":[{"entity":"role","key":"FIN01","set":{}})"
                                       "]}"
                                    << 422;
        QTest::newRow("unknown field")
            << R"({"changes":[{"entity":"role","key":"FIN01","version":1,"set":{"colour":"red"}})"
               "]}"
            << 422;
        QTest::newRow("same record twice") << R"({"changes":[{"entity":"role","key":"FIN01","version":1,"set":{}},)"
                                              R"({"entity":"role","key":"FIN01","version":1,"set":{}}]})"
                                           << 422;
    }

    void changesetShapeErrors()
    {
        QFETCH(QString, body);
        QFETCH(int, status);
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        auto r = client.post(kAdmin + "/changesets", body.toStdString());
        QCOMPARE(r.status, status);
        QCOMPARE(client.get(kAdmin + "/roles/FIN01").json()->getValue<int>("version"), 1);
    }

    void bulkPortalAccessCountsAndDryRun()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        const auto enabled = sqlInt(server, "SELECT COUNT(*) FROM customers WHERE portal_enabled = 1");
        auto dry = client.post(kAdmin + "/bulk/portal-access", R"({"enable":false,"dryRun":true})");
        QCOMPARE(dry.status, 200);
        QCOMPARE(dry.json()->getValue<std::int64_t>("changed"), enabled);
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM customers WHERE portal_enabled = 1"), enabled);
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM audit_events"), std::int64_t(0));
        auto real = client.post(kAdmin + "/bulk/portal-access", R"({"enable":false})");
        QCOMPARE(real.json()->getValue<std::int64_t>("changed"), enabled);
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM customers WHERE portal_enabled = 1"), std::int64_t(0));
        QCOMPARE(client.post(kAdmin + "/bulk/portal-access", R"({"enable":false})").json()->getValue<int>("changed"),
                 0);
        auto audit = client.get(kAdmin + "/audit-events?action=bulk_portal_access");
        QCOMPARE(total(audit), std::int64_t(2));
        QCOMPARE(client.post(kAdmin + "/bulk/portal-access", R"({"enable":"yes"})").status, 400);
        QCOMPARE(client.post(kAdmin + "/bulk/portal-access", R"({})").status, 400);
    }

    void bulkContactPermission_data()
    {
        QTest::addColumn<QString>("permission");
        QTest::addColumn<QString>("differs");
        QTest::newRow("section on") << "invoices.view"
                                    << "(sections & 16) = 0";
        QTest::newRow("canRegister") << "canRegister"
                                     << "can_register <> 1";
        QTest::newRow("makePayment") << "makePayment"
                                     << "make_payment <> 1";
    }

    void bulkContactPermission()
    {
        QFETCH(QString, permission);
        QFETCH(QString, differs);
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        const auto expected = sqlInt(server, "SELECT COUNT(*) FROM contacts WHERE " + differs.toStdString());
        const std::string body = "{\"permission\":\"" + permission.toStdString() + "\",\"value\":true";
        auto dry = client.post(kAdmin + "/bulk/contact-permission", body + R"(,"dryRun":true})");
        QCOMPARE(dry.json()->getValue<std::int64_t>("changed"), expected);
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM contacts WHERE " + differs.toStdString()), expected);
        auto real = client.post(kAdmin + "/bulk/contact-permission", body + "}");
        QCOMPARE(real.json()->getValue<std::int64_t>("changed"), expected);
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM contacts WHERE " + differs.toStdString()), std::int64_t(0));
        QCOMPARE(client.post(kAdmin + "/bulk/contact-permission", body + "}").json()->getValue<int>("changed"), 0);
        QCOMPARE(client.post(kAdmin + "/bulk/contact-permission", R"({"permission":"fly","value":true})").status, 400);
    }

    void settingsListEveryKeyAndHideSecrets()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        {
            auto connection = server.services().database().acquire();
            store::SettingRepository(*connection).set("email.smtp_password", "hunter2", "test");
        }
        auto r = client.get(kAdmin + "/settings");
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.find("hunter2") == std::string::npos);
        auto list = items(r);
        QCOMPARE(int(list->size()), int(core::SettingsCatalogue::definitions().size()));
        bool sawSecret = false;
        for (std::size_t i = 0; i < list->size(); ++i) {
            auto item = list->getObject(static_cast<unsigned>(i));
            QVERIFY(item->has("type") && item->has("value") && item->has("label") && item->has("defaultValue"));
            if (item->getValue<std::string>("key") == "email.smtp_password") {
                sawSecret = true;
                QCOMPARE(item->getValue<bool>("isSet"), true);
                QCOMPARE(q(item->getValue<std::string>("value")), QString());
            }
            if (item->getValue<std::string>("key") == "portal.name")
                QCOMPARE(q(item->getValue<std::string>("value")), QStringLiteral("Gatehouse Demo Portal"));
        }
        QVERIFY(sawSecret);
    }

    void settingsValidation_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("reason");
        QTest::newRow("cron hour") << "cron.import_orders"
                                   << "0 24 * * *"
                                   << "hour";
        QTest::newRow("cron fields") << "cron.import_orders"
                                     << "* * *"
                                     << "expression";
        QTest::newRow("cron day of week") << "cron.export_queue"
                                          << "0 0 ? * MON#6"
                                          << "day of week";
        QTest::newRow("choice") << "general.customer_selection_mode"
                                << "everyone"
                                << "one of";
        QTest::newRow("integer range") << "portal.session_idle_minutes"
                                       << "0"
                                       << "between";
        QTest::newRow("bool") << "sync.orders.enabled"
                              << "yes"
                              << "true or false";
        QTest::newRow("unknown key") << "no.such.key"
                                     << "1"
                                     << "unknown";
    }

    void settingsValidation()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, reason);
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        // A valid value beside the invalid one is not saved either (all or nothing).
        auto r = client.put(kAdmin + "/settings",
                            R"({"values":{"portal.name":"Changed",")" + key.toStdString() + R"(":")"
                                + value.toStdString() + R"("}})");
        QCOMPARE(r.status, 422);
        auto detail = r.json()->getObject("error")->getArray("details")->getObject(0);
        QCOMPARE(q(detail->getValue<std::string>("field")), key);
        QVERIFY2(q(detail->getValue<std::string>("message")).contains(reason),
                 detail->getValue<std::string>("message").c_str());
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM settings WHERE value = 'Changed'"), std::int64_t(0));
    }

    void settingsSaveResetAndAudit()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        auto r = client.patch(kAdmin + "/settings",
                              R"({"values":{"cron.import_orders":"0 2 LW * ?","portal.session_idle_minutes":45,)"
                              R"("email.smtp_password":"s3cret","portal.name":null}})");
        QVERIFY2(r.status == 200, r.body.c_str());
        QVERIFY(r.body.find("s3cret") == std::string::npos);
        auto connection = server.services().database().acquire();
        store::SettingRepository settings(*connection);
        QCOMPARE(q(settings.get("portal.session_idle_minutes").value_or("")), QStringLiteral("45"));
        QCOMPARE(q(settings.get("email.smtp_password").value_or("")), QStringLiteral("s3cret"));
        QVERIFY(!settings.get("portal.name")); // back to its default
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM audit_events WHERE entity = 'setting'"), std::int64_t(4));
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM audit_events WHERE after_json LIKE '%s3cret%'"), std::int64_t(0));
    }

    void cronNextAnswersFiveRuns()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client, "viewer@demo.test");
        auto r = client.get(kAdmin + "/cron/next?expression=0+9+*+*+MON%232&from=2026-11-23");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()->getValue<bool>("valid"), true);
        auto next = r.json()->getArray("next");
        QCOMPARE(int(next->size()), 5);
        QCOMPARE(q(next->getElement<std::string>(0)), QStringLiteral("2026-12-14T09:00:00Z"));
        QCOMPARE(q(next->getElement<std::string>(1)), QStringLiteral("2027-01-11T09:00:00Z"));
        auto bad = client.get(kAdmin + "/cron/next?expression=61+*+*+*+*");
        QCOMPARE(bad.json()->getValue<bool>("valid"), false);
        QCOMPARE(q(bad.json()->getValue<std::string>("field")), QStringLiteral("minute"));
        QVERIFY(!bad.json()->getValue<std::string>("error").empty());
        QCOMPARE(client.get(kAdmin + "/cron/next").status, 400);
        auto schedules = client.get(kAdmin + "/schedules");
        QCOMPARE(schedules.status, 200);
        QVERIFY(items(schedules)->size() >= 5);
    }

    void auditFiltersAndCsv()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        {
            auto connection = server.services().database().acquire();
            store::AuditRepository audit(*connection);
            core::AuditEvent e;
            e.at = "2026-01-10T10:00:00Z";
            e.actor = "=HYPERLINK(\"http://evil\")";
            e.actorKind = "job";
            e.entity = "customer";
            e.entityKey = "C100001";
            e.action = "sync";
            e.after = "{\"name\":\"x\"}";
            e.origin = core::Origin::Sync;
            audit.append(e);
            e.at = "2026-02-10T10:00:00Z";
            e.actor = "importer";
            e.action = "import";
            e.origin = core::Origin::Import;
            audit.append(e);
        }
        QCOMPARE(client.patch(kAdmin + "/roles/FIN01", R"({"version":1,"noAccess":true})").status, 200);
        QCOMPARE(total(client.get(kAdmin + "/audit-events")), std::int64_t(3));
        QCOMPARE(total(client.get(kAdmin + "/audit-events?actor=admin@demo.test")), std::int64_t(1));
        QCOMPARE(total(client.get(kAdmin + "/audit-events?actor=Admin@Demo.test")), std::int64_t(1));
        QCOMPARE(total(client.get(kAdmin + "/audit-events?actor=importer")), std::int64_t(1));
        QCOMPARE(total(client.get(kAdmin + "/audit-events?entity=customer")), std::int64_t(2));
        QCOMPARE(total(client.get(kAdmin + "/audit-events?action=import")), std::int64_t(1));
        QCOMPARE(total(client.get(kAdmin + "/audit-events?from=2026-01-01&to=2026-01-31")), std::int64_t(1));
        QCOMPARE(total(client.get(kAdmin + "/audit-events?from=2026-02-10&to=2026-02-10")), std::int64_t(1));
        QCOMPARE(total(client.get(kAdmin + "/audit-events?to=2026-02-10T09:59:59Z")), std::int64_t(1));
        QCOMPARE(client.get(kAdmin + "/audit-events?from=yesterday").status, 400);
        auto oldest = client.get(kAdmin + "/audit-events?sort=at");
        QCOMPARE(q(items(oldest)->getObject(0)->getValue<std::string>("action")), QStringLiteral("sync"));

        auto csv = client.get(kAdmin + "/audit-events.csv?entity=customer");
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.header("content-type").rfind("text/csv", 0) == 0);
        QVERIFY(csv.body.rfind("id,at,actor,actorKind,origin,entity,key,action,before,after\r\n", 0) == 0);
        QVERIFY2(csv.body.find("\"'=HYPERLINK(\"\"http://evil\"\")\"") != std::string::npos, csv.body.c_str());
        QVERIFY(csv.body.find(",=HYPERLINK") == std::string::npos);
        QVERIFY(csv.body.find("FIN01") == std::string::npos);
    }

    void accessFollowsTheRules()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        const auto aliceId = sqlInt(server, "SELECT id FROM portal_users WHERE email = 'alice@demo.test'");
        auto alice = client.get(kAdmin + "/portal-users/" + std::to_string(aliceId) + "/access");
        QCOMPARE(alice.status, 200);
        QCOMPARE(q(alice.json()->getValue<std::string>("signIn")), QStringLiteral("allowed"));
        QCOMPARE(int(alice.json()->getArray("selectableCustomers")->size()), 2);
        QCOMPARE(int(alice.json()->getArray("effectiveSections")->size()), 8);
        QCOMPARE(alice.json()->getObject("privileges")->getValue<bool>("switchAccounts"), true);
        // An internal user with a no-access role may not sign in.
        auto created = client.post(kAdmin + "/portal-users",
                                   R"({"email":"int@demo.test","kind":"internal",)"
                                   R"("status":"active","assignedCustomers":["C100003"],)"
                                   R"("roles":["NOACC"]})");
        QCOMPARE(created.status, 201);
        auto internal
            = client.get(kAdmin + "/portal-users/" + std::to_string(created.json()->getValue<int>("id")) + "/access");
        QCOMPARE(q(internal.json()->getValue<std::string>("signIn")), QStringLiteral("no_access_role"));
        QCOMPARE(int(internal.json()->getArray("effectiveSections")->size()), 0);
        QCOMPARE(client.get(kAdmin + "/portal-users/99999/access").status, 404);
    }

    void previewSessionIsShortReadOnlyAndAudited()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        const auto bobId = sqlInt(server, "SELECT id FROM portal_users WHERE email = 'bob@demo.test'");
        auto r = client.post(kAdmin + "/preview-sessions", R"({"portalUserId":)" + std::to_string(bobId) + "}");
        QCOMPARE(r.status, 201);
        const std::string url = r.json()->getValue<std::string>("url");
        const std::string prefix = server.url() + "/preview/open?token=";
        QVERIFY2(url.rfind(prefix, 0) == 0, url.c_str());
        const std::string token = url.substr(prefix.size());

        // The link carries a one-off token of its own, not a session id: as a cookie it reaches nothing.
        QCOMPARE(
            sqlInt(server, "SELECT COUNT(*) FROM portal_sessions WHERE id_hash = ?", core::SecureRandom::digest(token)),
            std::int64_t(0));
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM portal_sessions WHERE id_hash = ?", token), std::int64_t(0));

        // Opening the URL exchanges the token for a new session cookie and sends the browser to the portal.
        HttpClient browser(server.port());
        auto open = browser.get("/preview/open?token=" + token);
        QCOMPARE(open.status, 303);
        QCOMPARE(q(open.header("location")), QStringLiteral("/"));
        const std::string cookie = open.header("set-cookie");
        QVERIFY2(cookie.rfind("gh_session=", 0) == 0, cookie.c_str());
        const std::string session = browser.cookies()["gh_session"];
        QVERIFY(session.size() >= 32);
        QVERIFY(session != token);
        const QString lower = q(cookie).toLower();
        QVERIFY2(lower.contains(QStringLiteral("httponly")), cookie.c_str());
        QVERIFY2(lower.contains(QStringLiteral("samesite=lax")), cookie.c_str());
        QVERIFY2(lower.contains(QStringLiteral("path=/")), cookie.c_str());

        // The session: read-only, opened by this staff member, on bob's first selectable customer, <= 5 minutes.
        {
            auto connection = server.services().database().acquire();
            auto row
                = connection->query("SELECT user_id, read_only, preview_staff_id, expires_at - created_at, "
                                    "expires_at - ?, customer_id, csrf_token FROM portal_sessions WHERE id_hash = ?",
                                    core::nowSeconds(), core::SecureRandom::digest(session));
            QVERIFY(row.next());
            QCOMPARE(row.integer(0), bobId);
            QCOMPARE(row.integer(1), std::int64_t(1));
            QCOMPARE(row.integer(2), sqlInt(server, "SELECT id FROM staff_users WHERE email = 'admin@demo.test'"));
            QVERIFY(row.integer(3) <= 300 && row.integer(3) > 0);
            QVERIFY(row.integer(4) <= 300);
            QCOMPARE(row.integer(5), sqlInt(server, "SELECT id FROM customers WHERE number = 'C100001'"));
            QVERIFY(row.text(6).size() >= 32);
        }
        auto me = browser.get("/api/portal/v1/me");
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json()->getValue<bool>("preview"), true);

        // The link works once: opened again (by anyone) it is refused, and the first session goes on.
        HttpClient again(server.port());
        QCOMPARE(again.get("/preview/open?token=" + token).status, 404);
        QVERIFY(again.cookies().empty());
        QCOMPARE(browser.get("/preview/open?token=" + token).status, 404);
        QCOMPARE(browser.get("/api/portal/v1/me").status, 200);
        QCOMPARE(browser.get("/preview/open?token=forged").status, 404);

        auto audit = client.get(kAdmin + "/audit-events?action=preview");
        QCOMPARE(total(audit), std::int64_t(1));
        QCOMPARE(q(items(audit)->getObject(0)->getValue<std::string>("actor")), QStringLiteral("admin@demo.test"));
        QCOMPARE(q(items(audit)->getObject(0)->getValue<std::string>("key")), q(std::to_string(bobId)));

        // A link not opened in time no longer opens.
        auto late = client.post(kAdmin + "/preview-sessions", R"({"portalUserId":)" + std::to_string(bobId) + "}");
        QCOMPARE(late.status, 201);
        const std::string lateToken = late.json()->getValue<std::string>("url").substr(prefix.size());
        {
            auto connection = server.services().database().acquire();
            connection->query("UPDATE preview_links SET expires_at = 1").run();
        }
        QCOMPARE(HttpClient(server.port()).get("/preview/open?token=" + lateToken).status, 404);
        QCOMPARE(client.post(kAdmin + "/preview-sessions", R"({"portalUserId":99999})").status, 404);
        QCOMPARE(client.post(kAdmin + "/preview-sessions", R"({})").status, 400);
    }
};

QTEST_GUILESS_MAIN(TestAdminChanges)
#include "testadminchanges.moc"
