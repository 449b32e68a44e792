// The demo data set of API.md: its sign-ins, numbering, the invoices/orders/shipments/PDFs the
// portal needs, determinism, and that it only ever goes into an empty database.

#include "TestSupport.h"

#include "core/AccessRules.h"
#include "core/SettingsCatalogue.h"
#include "store/CustomerRepository.h"
#include "store/PortalUserRepository.h"
#include "store/SettingRepository.h"
#include "store/StaffRepository.h"

#include <QFile>

using namespace gh;
using namespace gh::core;
using namespace gh::store;
using gh::services::DemoData;
using gh::test::q;
using gh::test::TempDatabase;

namespace {

std::int64_t scalar(Connection& db, const std::string& sql)
{
    auto query = db.query(sql);
    query.next();
    return query.integer(0);
}

// Every row of the data tables, as text, for comparing two generated databases.
QStringList dump(Connection& db)
{
    QStringList out;
    const char* queries[] = {
        "SELECT number || '|' || name || '|' || customer_group || '|' || payer_number || '|' || stat_id || '|' || "
        "erp_status || '|' || portal_enabled || '|' || currency || '|' || free_fields FROM customers ORDER BY id",
        "SELECT customer_id || '|' || kind || '|' || line1 || '|' || line2 || '|' || city || '|' || postcode || '|' "
        "|| country FROM addresses ORDER BY id",
        "SELECT customer_id || '|' || email || '|' || first_name || '|' || last_name || '|' || sections || '|' || "
        "is_account_admin FROM contacts ORDER BY id",
        "SELECT customer_id || '|' || number || '|' || order_number || '|' || po_reference || '|' || invoice_date || "
        "'|' || amount || '|' || open_amount || '|' || status || '|' || has_documents FROM invoices ORDER BY id",
        "SELECT customer_id || '|' || number || '|' || po_reference || '|' || order_date || '|' || status || '|' || "
        "placed_by FROM orders ORDER BY id",
        "SELECT order_id || '|' || shipment_number || '|' || delivery_number || '|' || forwarding_agent || '|' || "
        "ship_date FROM shipments ORDER BY id",
        "SELECT owner_kind || '|' || owner_id || '|' || file_name || '|' || size || '|' || hex(content) FROM "
        "documents ORDER BY id",
        "SELECT email || '|' || status || '|' || sections || '|' || is_admin FROM portal_users ORDER BY id",
        "SELECT email || '|' || role FROM staff_users ORDER BY id",
    };
    for (const char* sql : queries) {
        auto query = db.query(sql);
        while (query.next())
            out << QString::fromStdString(query.text(0));
    }
    return out;
}

} // namespace

class TestDemoData : public QObject
{
    Q_OBJECT

private:
    TempDatabase m_temp;

private slots:
    void initTestCase()
    {
        auto db = m_temp.db().acquire();
        QVERIFY(DemoData::isEmpty(*db));
        const auto counts = DemoData::generate(*db, DemoData::Scale::Small, PasswordHasher{});
        QCOMPARE(counts.customers, std::int64_t(200));
        QCOMPARE(counts.invoices, std::int64_t(2000));
        QCOMPARE(counts.orders, std::int64_t(800));
        QVERIFY(counts.shipments > 0);
        QVERIFY(counts.documents > 0);
    }

    void customersAreNumberedFromC100001()
    {
        auto db = m_temp.db().acquire();
        QCOMPARE(scalar(*db, "SELECT COUNT(*) FROM customers"), std::int64_t(200));
        QCOMPARE(scalar(*db, "SELECT MIN(number) = 'C100001' AND MAX(number) = 'C100200' FROM customers"),
                 std::int64_t(1));
    }

    void signInsExistWithTheDemoPassword_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("kind");
        QTest::newRow("admin") << "admin@demo.test"
                               << "staff:admin";
        QTest::newRow("viewer") << "viewer@demo.test"
                                << "staff:viewer";
        QTest::newRow("alice") << "alice@demo.test"
                               << "portal";
        QTest::newRow("bob") << "bob@demo.test"
                             << "portal";
        QTest::newRow("carol") << "carol@demo.test"
                               << "portal";
    }

    void signInsExistWithTheDemoPassword()
    {
        QFETCH(QString, email);
        QFETCH(QString, kind);
        auto db = m_temp.db().acquire();
        PasswordHasher hasher;
        std::string hash;
        if (kind.startsWith(QStringLiteral("staff"))) {
            auto staff = StaffRepository(*db).findByEmail(email.toStdString());
            QVERIFY(staff);
            QCOMPARE(QStringLiteral("staff:") + q(std::string(toString(staff->role))), kind);
            hash = staff->passwordHash;
        } else {
            auto user = PortalUserRepository(*db).findByEmail(email.toStdString());
            QVERIFY(user);
            QCOMPARE(int(user->status), int(PortalUserStatus::Active));
            hash = user->passwordHash;
        }
        QVERIFY(hasher.verify(hash, DemoData::kPassword));
        QVERIFY(!hasher.verify(hash, "demo-passw0rd"));
    }

    void portalUsersMatchApiMd()
    {
        auto db = m_temp.db().acquire();
        PortalUserRepository users(*db);
        CustomerRepository customers(*db);
        AccessRules rules(AccessSettings::fromSettings(SettingsCatalogue::effective(SettingRepository(*db).stored())));

        auto alice = users.findByEmail("alice@demo.test");
        QVERIFY(alice->isAdmin);
        QCOMPARE(alice->assignedCustomers, (std::vector<std::string>{"C100001", "C100002"}));
        const auto c1 = customers.findByNumber("C100001");
        const auto c2 = customers.findByNumber("C100002");
        QVERIFY(c1->hasStatId());
        QCOMPARE(c1->statId, c2->statId); // one STAT family
        const auto alicePrivileges = rules.privileges(*alice, *c1);
        QVERIFY(alicePrivileges.myAccount && alicePrivileges.switchAccounts && alicePrivileges.downloadSubAccounts);

        auto bob = users.findByEmail("bob@demo.test");
        QVERIFY(!bob->isAdmin);
        QCOMPARE(bob->assignedCustomers, (std::vector<std::string>{"C100001"}));
        QVERIFY(!bob->sections.contains(Section::StatementsDownload)); // a normal user: limited sections
        const auto bobPrivileges = rules.privileges(*bob, *c1);
        QVERIFY(bobPrivileges.switchAccounts && !bobPrivileges.downloadSubAccounts);

        auto carol = users.findByEmail("carol@demo.test");
        QCOMPARE(carol->assignedCustomers, (std::vector<std::string>{"C100003"}));
        const auto c3 = customers.findByNumber("C100003");
        QVERIFY(!c3->hasStatId());
        const auto carolPrivileges = rules.privileges(*carol, *c3);
        QVERIFY(carolPrivileges.myAccount && !carolPrivileges.switchAccounts && !carolPrivileges.downloadSubAccounts);

        for (const auto& email : {"alice@demo.test", "bob@demo.test", "carol@demo.test"}) {
            auto user = users.findByEmail(email);
            QCOMPARE(int(rules.maySignIn(*user, {}, customers.assignedTo(user->id))),
                     int(AccessRules::SignIn::Allowed));
        }
    }

    void bigAccountHasWhatThePortalShows()
    {
        auto db = m_temp.db().acquire();
        const std::string c1 = "(SELECT id FROM customers WHERE number = 'C100001')";
        QVERIFY(scalar(*db, "SELECT COUNT(*) FROM invoices WHERE customer_id = " + c1) >= 25);
        QVERIFY(scalar(*db, "SELECT COUNT(*) FROM invoices WHERE is_open = 1 AND customer_id = " + c1) > 0);
        QVERIFY(scalar(*db, "SELECT COUNT(*) FROM invoices WHERE status = 'paid' AND customer_id = " + c1) > 0);
        QVERIFY(scalar(*db, "SELECT COUNT(*) FROM invoices WHERE has_documents = 1 AND customer_id = " + c1) > 0);
        QVERIFY(scalar(*db, "SELECT COUNT(*) FROM invoices WHERE has_documents = 0 AND customer_id = " + c1) > 0);
        QVERIFY(scalar(*db,
                       "SELECT COUNT(*) FROM orders o WHERE o.customer_id = " + c1
                           + " AND EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id)")
                >= 12);
        const std::string c3 = "(SELECT id FROM customers WHERE number = 'C100003')";
        QVERIFY(scalar(*db, "SELECT COUNT(*) FROM invoices WHERE customer_id = " + c3) > 0);
        QVERIFY(scalar(*db, "SELECT COUNT(*) FROM orders WHERE customer_id = " + c3) > 0);
        // has_documents agrees with the documents table.
        QCOMPARE(scalar(*db,
                        "SELECT COUNT(*) FROM invoices i WHERE has_documents = 1 AND NOT EXISTS (SELECT 1 FROM "
                        "documents d WHERE d.owner_kind = 'invoice' AND d.owner_id = i.id)"),
                 std::int64_t(0));
        // Both alice and bob placed orders (for "own orders only").
        QVERIFY(scalar(*db, "SELECT COUNT(DISTINCT placed_by) FROM orders WHERE customer_id = " + c1) >= 2);
    }

    void countTablesAreFilledAndTriggersBack()
    {
        auto db = m_temp.db().acquire();
        QCOMPARE(scalar(*db,
                        "SELECT COUNT(*) FROM (SELECT customer_id, is_open, COUNT(*) AS n FROM invoices "
                        "GROUP BY customer_id, is_open EXCEPT SELECT customer_id, is_open, n FROM invoice_counts)"),
                 std::int64_t(0));
        QCOMPARE(scalar(*db, "SELECT SUM(n) FROM invoice_counts"), std::int64_t(2000));
        for (const auto& trigger : Migrations::bulkTriggers()) {
            QCOMPARE(scalar(*db,
                            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = '"
                                + std::string(trigger.name) + "'"),
                     std::int64_t(1));
        }
        // The access generation's triggers are never dropped: 6 tables x 3 events (migration 5) and the
        // contacts' insert, update and delete (migration 9).
        QCOMPARE(scalar(*db,
                        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE "
                        "'access_generation_%'"),
                 std::int64_t(21));
        // The triggers work again after the bulk load: a new open invoice moves the count and the generation.
        const auto before = scalar(*db, "SELECT n FROM invoice_counts WHERE customer_id = 1 AND is_open = 1");
        const auto generation = scalar(*db, "SELECT generation FROM invoice_generations WHERE customer_id = 1");
        {
            Transaction tx(*db);
            db->query("INSERT INTO invoices (customer_id, number, invoice_date, status, is_open) "
                      "VALUES (1, 'INV-TEST', '2026-11-01', 'open', 1)")
                .run();
            QCOMPARE(scalar(*db, "SELECT n FROM invoice_counts WHERE customer_id = 1 AND is_open = 1"), before + 1);
            QVERIFY(scalar(*db, "SELECT generation FROM invoice_generations WHERE customer_id = 1") > generation);
            // rolled back: the other tests see the data as generated
        }
    }

    void documentsAreValidPdfs()
    {
        auto db = m_temp.db().acquire();
        auto query = db->query("SELECT content, size, media_type FROM documents ORDER BY id LIMIT 20");
        int seen = 0;
        while (query.next()) {
            const std::string pdf = query.text(0);
            QCOMPARE(std::int64_t(pdf.size()), query.integer(1));
            QCOMPARE(q(query.text(2)), QStringLiteral("application/pdf"));
            QVERIFY(pdf.rfind("%PDF-1.4\n", 0) == 0);
            QVERIFY(pdf.size() > 300);
            QVERIFY(pdf.find("/Type /Catalog") != std::string::npos);
            QVERIFY(pdf.substr(pdf.size() - 6) == "%%EOF\n");
            // The xref offset points at the xref table.
            const auto startxref = pdf.rfind("startxref\n");
            const auto offset = std::stoul(pdf.substr(startxref + 10));
            QVERIFY(pdf.compare(offset, 4, "xref") == 0);
            ++seen;
        }
        QCOMPARE(seen, 20);
    }

    void deterministic()
    {
        TempDatabase other;
        auto a = m_temp.db().acquire();
        auto b = other.db().acquire();
        DemoData::generate(*b, DemoData::Scale::Small, gh::test::fastHasher());
        const QStringList first = dump(*a), second = dump(*b);
        QVERIFY(first.size() > 5000);
        QCOMPARE(second, first);
    }

    void refusesANonEmptyDatabase()
    {
        auto db = m_temp.db().acquire();
        QVERIFY(!DemoData::isEmpty(*db));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, DemoData::generate(*db, DemoData::Scale::Small, PasswordHasher{}));
        QCOMPARE(scalar(*db, "SELECT COUNT(*) FROM customers"), std::int64_t(200));
    }

    void buildFileReplacesAnEmptyDatabaseInWalMode()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("g.db")).toStdString();
        const auto counts = DemoData::buildFile(path, DemoData::Scale::Small, gh::test::fastHasher());
        QCOMPARE(counts.customers, std::int64_t(200));
        QVERIFY(!QFile::exists(QString::fromStdString(path + ".demo-building")));
        SqliteDatabase db(path);
        auto c = db.acquire();
        QCOMPARE(scalar(*c, "SELECT COUNT(*) FROM invoices"), std::int64_t(2000));
        auto mode = c->query("PRAGMA journal_mode");
        QVERIFY(mode.next());
        QCOMPARE(q(mode.text(0)), QStringLiteral("wal"));
        // Every portal index exists after the bulk load.
        for (const auto& index : Migrations::bulkIndexes())
            QCOMPARE(scalar(*c,
                            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = '"
                                + std::string(index.name) + "'"),
                     std::int64_t(1));
        // A second build into the now-filled database is refused and leaves it as it is.
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 DemoData::buildFile(path, DemoData::Scale::Small, gh::test::fastHasher()));
        QCOMPARE(scalar(*c, "SELECT COUNT(*) FROM customers"), std::int64_t(200));
    }
};

QTEST_GUILESS_MAIN(TestDemoData)
#include "testdemodata.moc"
