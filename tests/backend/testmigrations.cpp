// Numbered migrations: a new database and one migrated step by step from an older version end
// identical; versions are recorded; the connection runs in WAL mode with foreign keys on.

#include "store/Migrations.h"
#include "store/SqliteDatabase.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace gh::store;

namespace {

// Every table, index and trigger definition, in a stable order.
QStringList schemaOf(Connection& connection)
{
    QStringList out;
    auto q = connection.query("SELECT type, name, COALESCE(sql, '') FROM sqlite_master "
                              "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
    while (q.next())
        out << QString::fromStdString(q.text(0) + " " + q.text(1) + ": " + q.text(2));
    return out;
}

QList<int> recordedVersions(Connection& connection)
{
    QList<int> out;
    auto q = connection.query("SELECT version FROM schema_migrations ORDER BY version");
    while (q.next())
        out << int(q.integer(0));
    return out;
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private slots:
    void versionsAreNumberedWithoutGaps()
    {
        int expected = 1;
        for (const auto& m : Migrations::all())
            QCOMPARE(m.version, expected++);
        QCOMPARE(Migrations::latestVersion(), expected - 1);
    }

    void stepwiseEqualsFresh_data()
    {
        QTest::addColumn<int>("startVersion");
        for (int v = 1; v < Migrations::latestVersion(); ++v)
            QTest::newRow(qPrintable(QStringLiteral("from version %1").arg(v))) << v;
    }

    void stepwiseEqualsFresh()
    {
        QFETCH(int, startVersion);
        QTemporaryDir dir;
        SqliteDatabase fresh(dir.filePath(QStringLiteral("fresh.db")).toStdString());
        SqliteDatabase old(dir.filePath(QStringLiteral("old.db")).toStdString());
        auto a = fresh.acquire();
        auto b = old.acquire();
        QCOMPARE(Migrations::apply(*a), Migrations::latestVersion());
        QCOMPARE(Migrations::apply(*b, startVersion), startVersion);
        QCOMPARE(Migrations::currentVersion(*b), startVersion);
        // An older database with data in it: the data must survive the later migrations.
        b->query("INSERT INTO customers (number, name) VALUES ('C1', 'Kept')").run();
        QCOMPARE(Migrations::apply(*b), Migrations::latestVersion() - startVersion);
        QCOMPARE(schemaOf(*b), schemaOf(*a));
        QCOMPARE(recordedVersions(*b), recordedVersions(*a));
        auto q = b->query("SELECT name FROM customers WHERE number = 'C1'");
        QVERIFY(q.next());
        QCOMPARE(QString::fromStdString(q.text(0)), QStringLiteral("Kept"));
    }

    void applyingTwiceChangesNothing()
    {
        QTemporaryDir dir;
        SqliteDatabase db(dir.filePath(QStringLiteral("g.db")).toStdString());
        auto c = db.acquire();
        Migrations::apply(*c);
        const auto before = schemaOf(*c);
        QCOMPARE(Migrations::apply(*c), 0);
        QCOMPARE(schemaOf(*c), before);
    }

    void refusesADatabaseFromTheFuture()
    {
        QTemporaryDir dir;
        SqliteDatabase db(dir.filePath(QStringLiteral("g.db")).toStdString());
        auto c = db.acquire();
        Migrations::apply(*c);
        c->query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', 'x')",
                 Migrations::latestVersion() + 1)
            .run();
        QVERIFY_THROWS_EXCEPTION(DatabaseError, Migrations::apply(*c));
    }

    void connectionSettings()
    {
        QTemporaryDir dir;
        SqliteDatabase db(dir.filePath(QStringLiteral("g.db")).toStdString());
        auto c = db.acquire();
        Migrations::apply(*c);
        {
            auto q = c->query("PRAGMA journal_mode");
            QVERIFY(q.next());
            QCOMPARE(QString::fromStdString(q.text(0)), QStringLiteral("wal"));
        }
        {
            auto q = c->query("PRAGMA foreign_keys");
            QVERIFY(q.next());
            QCOMPARE(q.integer(0), std::int64_t(1));
        }
        {
            auto q = c->query("PRAGMA busy_timeout");
            QVERIFY(q.next());
            QVERIFY(q.integer(0) >= 1000);
        }
        // Foreign keys are enforced: a contact of a missing customer is refused.
        QVERIFY_THROWS_EXCEPTION(DatabaseError,
                                 c->query("INSERT INTO contacts (customer_id, email) VALUES (999, 'x@y.z')").run());
    }

    void writeTransactionsTakeTheLockAtOnce()
    {
        // BEGIN IMMEDIATE: a second writer waits for the busy timeout and then gives up with a Busy error,
        // instead of both reading and one failing later at commit.
        QTemporaryDir dir;
        SqliteDatabase::Options options;
        options.busyTimeoutMs = 50;
        SqliteDatabase db(dir.filePath(QStringLiteral("g.db")).toStdString(), options);
        auto first = db.acquire();
        Migrations::apply(*first);
        auto second = db.acquire();
        Transaction tx(*first);
        try {
            second->begin(true);
            QFAIL("the second write transaction should not have started");
        } catch (const DatabaseError& e) {
            QCOMPARE(int(e.kind()), int(DatabaseError::Kind::Busy));
        }
    }

    void failedTransactionLeavesNothing()
    {
        QTemporaryDir dir;
        SqliteDatabase db(dir.filePath(QStringLiteral("g.db")).toStdString());
        auto c = db.acquire();
        Migrations::apply(*c);
        try {
            Transaction tx(*c);
            c->query("INSERT INTO customers (number, name) VALUES ('C1', 'One')").run();
            c->query("INSERT INTO customers (number, name) VALUES ('C1', 'Duplicate')").run(); // throws
            tx.commit();
        } catch (const DatabaseError&) {
        }
        auto q = c->query("SELECT COUNT(*) FROM customers");
        QVERIFY(q.next());
        QCOMPARE(q.integer(0), std::int64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "testmigrations.moc"
