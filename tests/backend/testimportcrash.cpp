// An import run is all or nothing even when the server is killed with SIGKILL in the middle of it: the
// real server binary imports a large file, is killed while the run's transaction is open, and
// afterwards the database passes PRAGMA integrity_check, holds exactly what it held before, and the
// restarted server reports the import as failed.

#include "AdminTestSupport.h"

#include <QProcess>
#include <QRegularExpression>

using namespace gh;
using namespace gh::test;

namespace {

int startServer(QProcess& process, const QStringList& args)
{
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(GATEHOUSE_SERVER_BINARY), args);
    QString seen;
    static const QRegularExpression listening(QStringLiteral("Listening on http://127\\.0\\.0\\.1:(\\d+)"));
    for (int i = 0; i < 1200; ++i) {
        if (!process.waitForReadyRead(100) && process.state() != QProcess::Running)
            break;
        seen += QString::fromUtf8(process.readAll());
        const auto match = listening.match(seen);
        if (match.hasMatch())
            return match.captured(1).toInt();
    }
    qWarning("server did not start: %s", qPrintable(seen));
    return 0;
}

std::int64_t scalar(store::Connection& db, const std::string& sql)
{
    auto q = db.query(sql);
    return q.next() ? q.integer(0) : -1;
}

} // namespace

class TestImportCrash : public QObject
{
    Q_OBJECT

private slots:
    void killedMidRunLeavesTheDatabaseAsItWas()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("gatehouse.db"));
        const QStringList args{
            QStringLiteral("--db"),     QStringLiteral("sqlite:") + db,
            QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
            QStringLiteral("--set"),    QStringLiteral("gatehouse.dataDir=") + dir.filePath(QStringLiteral("var"))};
        QProcess server;
        const int port = startServer(server, QStringList(args) << QStringLiteral("--demo"));
        QVERIFY(port > 0);

        std::string csv = "email,first_name,last_name,customer_number,is_admin,make_payment,allowed_sections,"
                          "assigned_customers\n";
        for (int i = 0; i < 300000; ++i)
            csv += "user" + std::to_string(i)
                + "@crash.test,First,Last,C100001,No,No,invoices.view|orders.view,"
                  "C100001|C100002\n";
        csv += "bob@demo.test,Bob,Renamed,C100001,No,No,invoices.view,C100001\n";

        std::int64_t users = 0, assignments = 0, audit = 0;
        {
            store::SqliteDatabase database(db.toStdString());
            auto c = database.acquire();
            users = scalar(*c, "SELECT COUNT(*) FROM portal_users");
            assignments = scalar(*c, "SELECT COUNT(*) FROM portal_user_customers");
            audit = scalar(*c, "SELECT COUNT(*) FROM audit_events");
        }

        HttpClient client(static_cast<std::uint16_t>(port));
        signInStaff(client);
        auto up = client.request("POST", kAdmin + "/imports?entity=portal-users", csv, "text/csv");
        QCOMPARE(up.status, 201);
        const auto id = std::to_string(up.json()->getValue<std::int64_t>("id"));
        QCOMPARE(client.post(kAdmin + "/imports/" + id + "/run").status, 202);
        // Wait until the run is well inside its transaction, then kill the server outright.
        bool inside = false;
        for (int i = 0; i < 2000 && !inside; ++i) {
            auto status = client.get(kAdmin + "/imports/" + id).json();
            QVERIFY2(status->getValue<std::string>("status") != "done", "the run finished before it could be killed");
            inside = status->getValue<std::string>("status") == "running" && status->getValue<int>("progress") >= 10;
            if (!inside)
                QTest::qWait(10);
        }
        QVERIFY(inside);
        server.kill(); // SIGKILL
        QVERIFY(server.waitForFinished(10000));

        {
            store::SqliteDatabase database(db.toStdString());
            auto c = database.acquire();
            auto q = c->query("PRAGMA integrity_check");
            QVERIFY(q.next());
            QCOMPARE(q.text(0), std::string("ok"));
        }
        {
            store::SqliteDatabase database(db.toStdString());
            auto c = database.acquire();
            QCOMPARE(scalar(*c, "SELECT COUNT(*) FROM portal_users"), users);
            QCOMPARE(scalar(*c, "SELECT COUNT(*) FROM portal_user_customers"), assignments);
            QCOMPARE(scalar(*c, "SELECT COUNT(*) FROM audit_events WHERE action = 'import'"), 0);
            QCOMPARE(scalar(*c, "SELECT COUNT(*) FROM audit_events") >= audit, true);
            auto bob = c->query("SELECT last_name FROM portal_users WHERE email = 'bob@demo.test'");
            QVERIFY(bob.next());
            QCOMPARE(bob.text(0), std::string("Brown"));
        }

        QProcess again;
        const int port2 = startServer(again, args);
        QVERIFY(port2 > 0);
        HttpClient client2(static_cast<std::uint16_t>(port2));
        signInStaff(client2);
        auto status = client2.get(kAdmin + "/imports/" + id).json();
        QCOMPARE(q(status->getValue<std::string>("status")), QStringLiteral("failed"));
        QVERIFY(status->getValue<std::string>("message").find("stopped") != std::string::npos);
        again.terminate();
        QVERIFY(again.waitForFinished(20000));
    }
};

QTEST_GUILESS_MAIN(TestImportCrash)
#include "testimportcrash.moc"
