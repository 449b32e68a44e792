// The portal keeps each signed-in user's access (user, customers, roles, settings) in memory while
// the database's access generation holds (services::PortalContextCache, migration 5). These tests
// change that access the way another server instance, a sync or an administrator would, through a
// separate connection to the same database file, and check that the very next request obeys it.

#include "PortalTestSupport.h"

#include "core/SettingsCatalogue.h"
#include "store/AccessGeneration.h"
#include "store/SqliteDatabase.h"

using namespace gh;
using namespace gh::test;

namespace {

std::string dbPath(TestServer& server)
{
    return (server.dir() + QStringLiteral("/gatehouse.db")).toStdString();
}

// Runs SQL through a connection of its own, as another process would.
void runElsewhere(TestServer& server, const std::string& sql)
{
    store::SqliteDatabase other(dbPath(server));
    auto connection = other.acquire();
    connection->execute(sql);
}

} // namespace

class TestPortalAccessCache : public QObject
{
    Q_OBJECT

private slots:
    void changesCountAtTheNextRequest_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("change");
        QTest::addColumn<int>("status");

        const QString invoices = QString::fromStdString(kPortal + "/customers/C100001/invoices");
        const QString me = QString::fromStdString(kPortal + "/me");
        const QString alice = QStringLiteral("alice@demo.test");
        QTest::newRow("user disabled") << alice << me
                                       << "UPDATE portal_users SET status = 'disabled' WHERE email = 'alice@demo.test'"
                                       << 401;
        QTest::newRow("user deleted") << alice << me << "DELETE FROM portal_users WHERE email = 'alice@demo.test'"
                                      << 401;
        QTest::newRow("customer unassigned")
            << alice << invoices
            << "DELETE FROM portal_user_customers WHERE user_id = (SELECT id FROM portal_users WHERE email = "
               "'alice@demo.test') AND customer_id = (SELECT id FROM customers WHERE number = 'C100001')"
            << 404;
        // At C100002 no contact has alice's e-mail: her own sections apply there.
        QTest::newRow("sections removed")
            << alice << QString::fromStdString(kPortal + "/customers/C100002/invoices")
            << "UPDATE portal_users SET sections = 0 WHERE email = 'alice@demo.test'" << 404;
        // At C100001 she is a contact: that contact's check boxes are her rights there.
        QTest::newRow("contact's sections removed")
            << alice << invoices << "UPDATE contacts SET sections = 0 WHERE email = 'alice@demo.test'" << 404;
        QTest::newRow("contact gone: the user's own sections apply again")
            << alice << invoices
            << "UPDATE portal_users SET sections = 0 WHERE email = 'alice@demo.test'; "
               "DELETE FROM contacts WHERE email = 'alice@demo.test'"
            << 404;
        QTest::newRow("contact moved to another e-mail")
            << alice << invoices
            << "UPDATE portal_users SET sections = 0 WHERE email = 'alice@demo.test'; "
               "UPDATE contacts SET email = 'someone.else@demo.test' WHERE email = 'alice@demo.test'"
            << 404;
        QTest::newRow("customer portal off")
            << alice << invoices << "UPDATE customers SET portal_enabled = 0 WHERE number = 'C100001'" << 404;
        QTest::newRow("customer denied by setting")
            << alice << invoices
            << QString::fromStdString("INSERT INTO settings (key, value, updated_by, updated_at) VALUES ('"
                                      + std::string(core::settings::kAccessPolicy) + "', 'all_except', 't', ''), ('"
                                      + std::string(core::settings::kDenyList) + "', 'C100001', 't', '')")
            << 404;
        // C100002, alice's other customer, is in the same group: no usable customer is left, so
        // the session ends.
        QTest::newRow("customer group restricted")
            << alice << invoices
            << QString::fromStdString("INSERT INTO settings (key, value, updated_by, updated_at) SELECT '"
                                      + std::string(core::settings::kRestrictedGroups)
                                      + "', customer_group, 't', '' FROM customers WHERE number = 'C100001'")
            << 401;
        QTest::newRow("internal user's role set to no access")
            << "ines@test.example" << me << "UPDATE erp_roles SET no_access = 1 WHERE code = 'CACHE-TEST'" << 401;
        QTest::newRow("internal user's role taken away")
            << "ines@test.example" << me << "DELETE FROM portal_user_roles WHERE role_code = 'CACHE-TEST'" << 401;
    }

    void changesCountAtTheNextRequest()
    {
        QFETCH(QString, email);
        QFETCH(QString, path);
        QFETCH(QString, change);
        QFETCH(int, status);

        TestServer server;
        auto& services = server.services();
        {
            // An internal user (ERP roles decide) with one customer, signed in through a session row.
            auto db = services.database().acquire();
            db->execute("INSERT INTO erp_roles (code, description) VALUES ('CACHE-TEST', 'cache test role');"
                        "INSERT INTO portal_users (email, status, kind, customer_id, sections) SELECT "
                        "'ines@test.example', 'active', 'internal', id, 0 FROM customers WHERE number = 'C100001';"
                        "INSERT INTO portal_user_customers (user_id, customer_id) SELECT u.id, c.id FROM "
                        "portal_users u, customers c WHERE u.email = 'ines@test.example' AND c.number = 'C100001';"
                        "INSERT INTO portal_user_roles (user_id, role_code) SELECT id, 'CACHE-TEST' FROM portal_users "
                        "WHERE email = 'ines@test.example';");
        }
        HttpClient client(server.port());
        const std::string user = email.toStdString();
        if (user == "ines@test.example")
            client.cookies()["gh_session"] = insertSession(services, userIdOf(services, user), false, "csrf");
        else
            QCOMPARE(signIn(client, user).status, 200);

        // Twice, so the second answer comes from the cached context.
        QCOMPARE(client.get(path.toStdString()).status, 200);
        QCOMPARE(client.get(path.toStdString()).status, 200);
        QVERIFY(services.portalContexts().size() >= 1);

        runElsewhere(server, change.toStdString());
        const auto after = client.get(path.toStdString());
        QVERIFY2(after.status == status, after.body.c_str());
    }

    // The cache hands out the same context while nothing changed, and a new one after any write to
    // an access input; a write elsewhere (invoices) leaves the generation alone.
    void generationDecidesReuse()
    {
        TestServer server;
        auto& services = server.services();
        const auto alice = userIdOf(services, "alice@demo.test");
        auto db = services.database().acquire();
        const auto first = services.portalContexts().get(*db, alice);
        QVERIFY(first);
        QCOMPARE(services.portalContexts().get(*db, alice), first);

        const auto before = store::accessGeneration(*db);
        runElsewhere(server, "UPDATE invoices SET po_reference = po_reference || 'x' WHERE id = 1");
        QCOMPARE(store::accessGeneration(*db), before);
        QCOMPARE(services.portalContexts().get(*db, alice), first);

        runElsewhere(server, "UPDATE customers SET name = name || ' (renamed)' WHERE number = 'C100001'");
        QVERIFY(store::accessGeneration(*db) > before);
        const auto second = services.portalContexts().get(*db, alice);
        QVERIFY(second != first);
        QVERIFY(second->selectableCustomer("C100001"));
        QVERIFY(QString::fromStdString(second->selectableCustomer("C100001")->name).endsWith(" (renamed)"));
        QVERIFY(!services.portalContexts().get(*db, 999999999));
    }

    // A contact's change alone, from another connection, moves the access generation (migration 9).
    void contactChangesMoveTheGeneration()
    {
        TestServer server;
        auto db = server.services().database().acquire();
        auto before = store::accessGeneration(*db);
        runElsewhere(server, "UPDATE contacts SET make_payment = 1 - make_payment WHERE email = 'bob@demo.test'");
        QVERIFY(store::accessGeneration(*db) > before);
        before = store::accessGeneration(*db);
        runElsewhere(server, "UPDATE contacts SET phone = phone || '0' WHERE email = 'bob@demo.test'");
        QCOMPARE(store::accessGeneration(*db), before); // not an access input
        runElsewhere(server,
                     "INSERT INTO contacts (customer_id, email) SELECT id, 'new@demo.test' FROM customers "
                     "WHERE number = 'C100002'");
        QVERIFY(store::accessGeneration(*db) > before);
    }

    // Bounded: more users than entries never grows the cache beyond its size.
    void cacheIsBounded()
    {
        TestServer server;
        services::PortalContextCache cache(2);
        auto db = server.services().database().acquire();
        for (const char* email : {"alice@demo.test", "bob@demo.test", "carol@demo.test"})
            QVERIFY(cache.get(*db, userIdOf(server.services(), email)));
        QCOMPARE(cache.size(), std::size_t(2));
    }
};

QTEST_MAIN(TestPortalAccessCache)
#include "testportalaccesscache.moc"
