// Scheduled jobs against the real server over HTTP: "run now" (POST /schedules/{key}/run, admin only,
// audited), the job runner claiming and running each kind (email delivers the outbox; the export queue
// and the ERP sync say honestly what they cannot do), exactly-once claims from two database handles
// as two server instances would have, and due schedules queued once.

#include "AdminTestSupport.h"

#include "core/SettingsCatalogue.h"
#include "core/Time.h"
#include "jobs/EmailJob.h"
#include "jobs/JobRunner.h"
#include "services/ScheduledJobs.h"
#include "store/JobRepository.h"
#include "store/SettingRepository.h"

#include <Poco/Net/ServerSocket.h>

#include <QDir>

#include <atomic>
#include <latch>
#include <set>
#include <thread>

using namespace gh;
using namespace gh::test;

namespace {

Poco::JSON::Object::Ptr runNow(HttpClient& client, const std::string& key, int expectedStatus = 202)
{
    auto r = client.post(kAdmin + "/schedules/" + key + "/run");
    if (r.status != expectedStatus)
        qWarning("POST /schedules/%s/run: %d %s", key.c_str(), r.status, r.body.c_str());
    return r.status == expectedStatus && expectedStatus == 202 ? r.json() : nullptr;
}

Poco::JSON::Object::Ptr job(HttpClient& client, std::int64_t id)
{
    return client.get(kAdmin + "/jobs/" + std::to_string(id)).json();
}

std::string str(const Poco::JSON::Object::Ptr& object, const std::string& name)
{
    return object->getValue<std::string>(name);
}

void setSetting(store::Connection& db, const std::string& key, const std::string& value)
{
    store::SettingRepository(db).set(key, value, "test");
}

void setSetting(services::Services& services, const std::string& key, const std::string& value)
{
    auto db = services.database().acquire();
    setSetting(*db, key, value);
}

std::int64_t at(const char* rfc3339)
{
    const std::string text = rfc3339;
    return *core::parseIsoDate(text.substr(0, 10)) * 86400 + std::stoi(text.substr(11, 2)) * 3600
        + std::stoi(text.substr(14, 2)) * 60 + std::stoi(text.substr(17, 2));
}

std::set<std::string> namesOf(store::Connection& db, const std::vector<core::Id>& ids)
{
    std::set<std::string> out;
    for (auto id : ids)
        out.insert(store::JobRepository(db).find(id)->name);
    return out;
}

} // namespace

class TestJobRunner : public QObject
{
    Q_OBJECT

private slots:
    void everyCronSettingIsAScheduledJob()
    {
        int cron = 0;
        for (const auto& def : core::SettingsCatalogue::definitions()) {
            if (def.type != core::SettingsCatalogue::Type::Cron)
                continue;
            ++cron;
            QVERIFY2(services::ScheduledJobs::find(def.key), std::string(def.key).c_str());
        }
        QCOMPARE(cron, int(services::ScheduledJobs::all().size()));
    }

    void runNowQueuesAnAuditedRun()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        auto queued = runNow(client, "cron.email_documents");
        QVERIFY(queued);
        const auto id = queued->getValue<std::int64_t>("id");
        QCOMPARE(q(str(queued, "status")), QStringLiteral("queued"));
        QCOMPARE(q(str(queued, "kind")), QStringLiteral("email"));
        QCOMPARE(q(str(queued, "name")), QStringLiteral("cron.email_documents"));
        QVERIFY(!str(queued, "createdAt").empty());
        // No runner in this in-process server: it stays queued until one claims it.
        QCOMPARE(q(str(job(client, id), "status")), QStringLiteral("queued"));
        QCOMPARE(total(client.get(kAdmin + "/jobs?status=queued")), std::int64_t(1));

        auto events = client.get(kAdmin + "/audit-events?entity=job_run").json()->getArray("items");
        QCOMPARE(events->size(), std::size_t(1));
        auto event = events->getObject(0);
        QCOMPARE(q(str(event, "key")), QString::number(id));
        QCOMPARE(q(str(event, "action")), QStringLiteral("run_now"));
        QCOMPARE(q(str(event, "actor")), QStringLiteral("admin@demo.test"));
        QCOMPARE(q(event->getObject("after")->getValue<std::string>("schedule")),
                 QStringLiteral("cron.email_documents"));

        QCOMPARE(client.get(kAdmin + "/jobs/999999").status, 404);
    }

    void runNowRefusals_data()
    {
        QTest::addColumn<QString>("staff");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("status");
        QTest::newRow("viewer may not run jobs") << "viewer@demo.test"
                                                 << "cron.email_documents" << 403;
        QTest::newRow("unknown schedule") << "admin@demo.test"
                                          << "cron.make_coffee" << 404;
        QTest::newRow("a setting that is no schedule") << "admin@demo.test"
                                                       << "general.access_policy" << 404;
        QTest::newRow("not signed in") << QString() << "cron.email_documents" << 401;
    }

    void runNowRefusals()
    {
        QFETCH(QString, staff);
        QFETCH(QString, key);
        QFETCH(int, status);
        TestServer server;
        HttpClient client(server.port());
        if (!staff.isEmpty())
            signInStaff(client, staff.toStdString());
        auto r = client.post(kAdmin + "/schedules/" + key.toStdString() + "/run");
        QCOMPARE(r.status, status);
        QVERIFY(!r.errorCode().empty());
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM job_runs"), std::int64_t(0));
    }

    void schedulesListTheirKindAndLastRun()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        auto before = client.get(kAdmin + "/schedules").json()->getArray("items");
        QCOMPARE(before->size(), services::ScheduledJobs::all().size());
        for (std::size_t i = 0; i < before->size(); ++i)
            QVERIFY(before->getObject(static_cast<unsigned>(i))->get("lastRun").isEmpty());
        const auto id = runNow(client, "cron.import_orders")->getValue<std::int64_t>("id");
        jobs::JobRunner::runQueued(server.services());
        const auto after = client.get(kAdmin + "/schedules").json()->getArray("items");
        for (const auto& value : *after) {
            auto item = value.extract<Poco::JSON::Object::Ptr>();
            if (str(item, "key") == "cron.import_orders") {
                QCOMPARE(q(str(item, "kind")), QStringLiteral("sync"));
                QCOMPARE(item->getObject("lastRun")->getValue<std::int64_t>("id"), id);
                QCOMPARE(q(item->getObject("lastRun")->getValue<std::string>("status")), QStringLiteral("failed"));
            } else {
                QVERIFY2(item->get("lastRun").isEmpty(), str(item, "key").c_str());
            }
        }
    }

    void emailRunDeliversTheOutbox()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        for (const char* to : {"it@example.com", "ops@example.com"})
            QCOMPARE(client.post(kAdmin + "/email/test", std::string(R"({"to":")") + to + "\"}").status, 202);
        const auto id = runNow(client, "cron.email_documents")->getValue<std::int64_t>("id");
        QCOMPARE(jobs::JobRunner::runQueued(server.services()), 1);

        auto run = job(client, id);
        QCOMPARE(q(str(run, "status")), QStringLiteral("done"));
        QCOMPARE(run->getValue<int>("progress"), 100);
        QCOMPARE(run->getObject("counts")->getValue<int>("sent"), 2);
        QCOMPARE(run->getObject("counts")->getValue<int>("failed"), 0);
        QCOMPARE(q(str(run, "errorReport")), QString());
        QVERIFY(!str(run, "startedAt").empty());
        QVERIFY(str(run, "finishedAt") >= str(run, "startedAt"));
        // The real effect: two messages in the outbox folder, none left queued.
        QCOMPARE(QDir(server.dir() + QStringLiteral("/var/outbox")).entryList({QStringLiteral("*.eml")}).size(), 2);
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM outbox WHERE status = 'queued'"), std::int64_t(0));
        // Nothing left to claim: a second pass runs nothing.
        QCOMPARE(jobs::JobRunner::runQueued(server.services()), 0);
    }

    // An every-minute schedule that finds nothing to do keeps only its newest such run; runs that did
    // something, and other schedules' runs, stay.
    void idleRunsKeepOnlyTheNewest()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        auto runs = [&](const char* name) {
            return sqlInt(server, std::string("SELECT COUNT(*) FROM job_runs WHERE name = '") + name + "'");
        };
        auto runOnce = [&](const std::string& key) {
            const auto id = runNow(client, key)->getValue<std::int64_t>("id");
            jobs::JobRunner::runQueued(server.services());
            return id;
        };
        std::int64_t newest = 0;
        for (int i = 0; i < 3; ++i)
            newest = runOnce("cron.email_documents");
        QCOMPARE(runs("cron.email_documents"), std::int64_t(1));
        QCOMPARE(q(str(job(client, newest), "status")), QStringLiteral("done"));

        QCOMPARE(client.post(kAdmin + "/email/test", R"({"to":"it@example.com"})").status, 202);
        const auto busy = runOnce("cron.email_documents");
        QCOMPARE(job(client, busy)->getObject("counts")->getValue<int>("sent"), 1);
        QCOMPARE(runs("cron.email_documents"), std::int64_t(2)); // the idle one and the one that sent

        runOnce("cron.email_documents");
        newest = runOnce("cron.email_documents");
        QCOMPARE(runs("cron.email_documents"), std::int64_t(2)); // the one that sent and the newest idle one
        QCOMPARE(q(str(job(client, busy), "status")), QStringLiteral("done"));
        QCOMPARE(q(str(job(client, newest), "status")), QStringLiteral("done"));

        runOnce("cron.export_queue");
        runOnce("cron.export_queue");
        QCOMPARE(runs("cron.export_queue"), std::int64_t(1));
        QCOMPARE(runs("cron.email_documents"), std::int64_t(2));
    }

    void emailRunThatDeliversNothingFails()
    {
        TestServer server;
        std::uint16_t closedPort = 0;
        {
            Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
            closedPort = socket.address().port();
        }
        setSetting(server.services(), "email.transport", "smtp");
        setSetting(server.services(), "email.smtp_host", "127.0.0.1");
        setSetting(server.services(), "email.smtp_port", std::to_string(closedPort)); // nobody listens
        HttpClient client(server.port());
        signInStaff(client);
        QCOMPARE(client.post(kAdmin + "/email/test", R"({"to":"it@example.com"})").status, 202);
        const auto id = runNow(client, "cron.email_documents")->getValue<std::int64_t>("id");
        jobs::JobRunner::runQueued(server.services());
        auto run = job(client, id);
        QCOMPARE(q(str(run, "status")), QStringLiteral("failed"));
        QCOMPARE(run->getObject("counts")->getValue<int>("sent"), 0);
        QCOMPARE(run->getObject("counts")->getValue<int>("failed"), 1);
        QVERIFY2(str(run, "errorReport").find("could not be delivered") != std::string::npos,
                 str(run, "errorReport").c_str());
        QVERIFY(!str(run, "finishedAt").empty());
        // The email itself stays queued for another attempt.
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM outbox WHERE status = 'queued' AND attempts = 1"),
                 std::int64_t(1));
    }

    void syncRunsFailWithoutAFeed_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("what");
        QTest::newRow("customers") << "cron.import_customers"
                                   << "customers";
        QTest::newRow("orders") << "cron.import_orders"
                                << "orders";
        QTest::newRow("invoices") << "cron.import_invoices"
                                  << "invoices";
    }

    void syncRunsFailWithoutAFeed()
    {
        QFETCH(QString, key);
        QFETCH(QString, what);
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        const auto customers = sqlInt(server, "SELECT COUNT(*) FROM customers");
        const auto invoices = sqlInt(server, "SELECT COUNT(*) FROM invoices");
        const auto id = runNow(client, key.toStdString())->getValue<std::int64_t>("id");
        QCOMPARE(jobs::JobRunner::runQueued(server.services()), 1);
        auto run = job(client, id);
        QCOMPARE(q(str(run, "kind")), QStringLiteral("sync"));
        QCOMPARE(q(str(run, "status")), QStringLiteral("failed"));
        const auto report = q(str(run, "errorReport"));
        QVERIFY2(report.startsWith(QStringLiteral("No ERP feed is configured")), qPrintable(report));
        QVERIFY2(report.contains(what) && report.contains(QStringLiteral("Nothing was imported or changed")),
                 qPrintable(report));
        QVERIFY(!str(run, "finishedAt").empty());
        // A failed run changes nothing: no data, and no "last successful run" stamp.
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM customers"), customers);
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM invoices"), invoices);
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM settings WHERE key = 'sync.last_success_at'"), std::int64_t(0));
    }

    void exportQueueRunIsHonest()
    {
        TestServer server;
        HttpClient client(server.port());
        signInStaff(client);
        // An empty queue: done, nothing exported.
        const auto empty = runNow(client, "cron.export_queue")->getValue<std::int64_t>("id");
        jobs::JobRunner::runQueued(server.services());
        auto run = job(client, empty);
        QCOMPARE(q(str(run, "kind")), QStringLiteral("export"));
        QCOMPARE(q(str(run, "status")), QStringLiteral("done"));
        QCOMPARE(run->getObject("counts")->getValue<int>("exported"), 0);
        QCOMPARE(run->getObject("counts")->getValue<int>("waiting"), 0);

        // An export waiting: this server cannot write it, so the run fails and leaves it queued.
        {
            auto db = server.services().database().acquire();
            db->query("INSERT INTO exports (entity, status, created_at) VALUES ('customers', 'queued', ?)",
                      core::nowRfc3339())
                .run();
        }
        const auto waiting = runNow(client, "cron.export_queue")->getValue<std::int64_t>("id");
        jobs::JobRunner::runQueued(server.services());
        run = job(client, waiting);
        QCOMPARE(q(str(run, "status")), QStringLiteral("failed"));
        QCOMPARE(run->getObject("counts")->getValue<int>("waiting"), 1);
        QVERIFY2(str(run, "errorReport").find("1 export(s) are waiting") != std::string::npos,
                 str(run, "errorReport").c_str());
        QCOMPARE(sqlInt(server, "SELECT COUNT(*) FROM exports WHERE status = 'queued'"), std::int64_t(1));
    }

    void runnerThreadStartsARunAtOnce()
    {
        TestServer server;
        // A long interval: only the wake-up from "run now" can start the run within the wait below.
        jobs::JobRunner::Options options;
        options.intervalMs = 600000;
        options.schedules = false;
        jobs::JobRunner runner(server.services(), options);
        server.services().setJobListener([&runner] { runner.trigger(); });
        auto resetListener = qScopeGuard([&server] { server.services().setJobListener({}); });
        runner.start();
        HttpClient client(server.port());
        signInStaff(client);
        QTest::qWait(300); // let the runner's first look pass, so it is asleep
        const auto id = runNow(client, "cron.export_queue")->getValue<std::int64_t>("id");
        QTRY_COMPARE_WITH_TIMEOUT(q(str(job(client, id), "status")), QStringLiteral("done"), 10000);
        runner.stop();
    }

    // Two database handles on one file, as two server instances have: whoever claims a run first gets
    // it, and every run is claimed exactly once.
    void claimsAreExactlyOnce()
    {
        TempDatabase temp;
        constexpr int kRuns = 1000;
        {
            auto db = temp.db().acquire();
            store::Transaction tx(*db);
            for (int i = 0; i < kRuns; ++i)
                store::JobRepository(*db).create(core::JobKind::Export, "cron.export_queue");
            tx.commit();
            store::JobRepository jobs(*db);
            const auto first = jobs.queued(0, 1).front().id;
            QVERIFY(jobs.claim(first, core::nowRfc3339(), core::nowSeconds() + 600));
            QVERIFY(!jobs.claim(first, core::nowRfc3339(),
                                core::nowSeconds() + 600)); // running now: nobody claims it again
            auto run = *jobs.find(first);
            QCOMPARE(q(std::string(core::toString(run.status))), QStringLiteral("running"));
            run.status = core::JobStatus::Queued; // back in the queue for the race below
            jobs.update(run);
        }
        store::SqliteDatabase other(temp.path());
        std::vector<core::Id> claimedA, claimedB;
        std::atomic<int> lost = 0;
        std::latch ready(2);
        auto claimAll = [&ready, &lost](store::Database& database, std::vector<core::Id>& claimed) {
            auto db = database.acquire();
            store::JobRepository jobs(*db);
            ready.arrive_and_wait(); // both start together
            while (true) {
                const auto runs = jobs.queued(0, 5);
                if (runs.empty())
                    return;
                for (const auto& run : runs) {
                    if (jobs.claim(run.id, core::nowRfc3339(), core::nowSeconds() + 600))
                        claimed.push_back(run.id);
                    else
                        ++lost;
                }
            }
        };
        std::thread a([&] { claimAll(temp.db(), claimedA); });
        std::thread b([&] { claimAll(other, claimedB); });
        a.join();
        b.join();
        std::set<core::Id> all(claimedA.begin(), claimedA.end());
        for (auto id : claimedB)
            QVERIFY2(all.insert(id).second, qPrintable(QStringLiteral("run %1 claimed twice").arg(id)));
        QCOMPARE(int(all.size()), kRuns);
        qInfo("claims: %d by one handle, %d by the other, %d lost to the other", int(claimedA.size()),
              int(claimedB.size()), lost.load());
    }

    // A run left "running" by a server that stopped ends failed once its lease runs out; a run whose
    // runner is alive (lease in the future) is left alone.
    void abandonedRunsEndFailed()
    {
        TestServer server;
        auto db = server.services().database().acquire();
        store::JobRepository jobs(*db);
        const auto abandoned = jobs.create(core::JobKind::Email, "cron.email_documents");
        const auto alive = jobs.create(core::JobKind::Email, "cron.email_documents");
        QVERIFY(jobs.claim(abandoned, core::nowRfc3339(), core::nowSeconds() - 1));
        QVERIFY(jobs.claim(alive, core::nowRfc3339(), core::nowSeconds() + 600));

        jobs::JobRunner::runQueued(server.services());
        const auto gone = jobs.find(abandoned);
        QVERIFY(gone->status == core::JobStatus::Failed);
        QVERIFY2(gone->errorReport.find("stopped before it finished") != std::string::npos, gone->errorReport.c_str());
        QVERIFY(!gone->finishedAt.empty());
        QVERIFY(jobs.find(alive)->status == core::JobStatus::Running);

        // A run that finishes gives its lease back.
        HttpClient client(server.port());
        signInStaff(client);
        const auto id = runNow(client, "cron.email_documents")->getValue<std::int64_t>("id");
        jobs::JobRunner::runQueued(server.services());
        QVERIFY(jobs.find(id)->status == core::JobStatus::Done);
        QCOMPARE(sqlInt(server, "SELECT lease_until FROM job_runs WHERE id = ?", id), std::int64_t(0));
    }

    // Two servers' runners at once over one database: together they run each queued run once.
    void twoRunnersRunEachRunOnce()
    {
        TempDatabase temp;
        const std::string path = temp.path();
        constexpr int kRuns = 60;
        {
            auto db = temp.db().acquire();
            store::Transaction tx(*db);
            for (int i = 0; i < kRuns; ++i)
                store::JobRepository(*db).create(core::JobKind::Export, "cron.export_queue");
            // An export waiting makes every run end failed, and failed runs are all kept (idle runs
            // that ended done would be pruned to the newest).
            db->query("INSERT INTO exports (entity, status, created_at) VALUES ('customers', 'queued', ?)",
                      core::nowRfc3339())
                .run();
            tx.commit();
        }
        services::Services first(temp.release(), {});
        services::Services second(std::make_unique<store::SqliteDatabase>(path), {});
        std::atomic<int> ranFirst = 0, ranSecond = 0;
        std::thread a([&] { ranFirst = jobs::JobRunner::runQueued(first); });
        std::thread b([&] { ranSecond = jobs::JobRunner::runQueued(second); });
        a.join();
        b.join();
        QCOMPARE(ranFirst + ranSecond, kRuns);
        auto db = first.database().acquire();
        auto q = db->query("SELECT COUNT(*) FROM job_runs WHERE status = 'failed' AND finished_at <> ''");
        q.next();
        QCOMPARE(q.integer(0), std::int64_t(kRuns));
    }

    // Due schedules are queued once, whichever of two instances looks first; disabled ones never.
    void dueSchedulesAreQueuedOnce()
    {
        TempDatabase temp;
        store::SqliteDatabase other(temp.path());
        auto dbA = temp.db().acquire();
        auto dbB = other.acquire();
        setSetting(*dbA, "cron.import_customers", "*/5 * * * *");
        // Defaults: email documents every minute, export queue every 5 minutes, the imports disabled.
        using services::ScheduledJobs;
        const auto t0 = at("2030-01-07T10:04:30Z"), t1 = at("2030-01-07T10:05:10Z");
        const auto queued = ScheduledJobs::queueDue(*dbA, t0, t1);
        QCOMPARE(namesOf(*dbA, queued),
                 (std::set<std::string>{"cron.email_documents", "cron.export_queue", "cron.import_customers"}));
        QCOMPARE(store::JobRepository(*dbA).find(queued.front())->createdAt, std::string("2030-01-07T10:05:10Z"));
        // The other instance, looking at the same moment a little later: already queued.
        QVERIFY(ScheduledJobs::queueDue(*dbB, t0, t1 + 20).empty());
        // The next minute: only the every-minute schedule.
        const auto next = ScheduledJobs::queueDue(*dbB, t1 + 20, at("2030-01-07T10:06:05Z"));
        QCOMPARE(namesOf(*dbB, next), (std::set<std::string>{"cron.email_documents"}));
        // A long pause (e.g. the server was stopped): one run each, not one per missed time.
        const auto later = ScheduledJobs::queueDue(*dbA, at("2030-01-07T10:06:05Z"), at("2030-01-07T10:31:00Z"));
        QCOMPARE(int(later.size()), 3);
        // Nothing is due in an empty window, and a disabled schedule never.
        QVERIFY(ScheduledJobs::queueDue(*dbA, t1, t1).empty());
        auto q
            = dbA->query("SELECT COUNT(*) FROM job_runs WHERE name IN ('cron.import_orders', 'cron.import_invoices')");
        q.next();
        QCOMPARE(q.integer(0), std::int64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestJobRunner)
#include "testjobrunner.moc"
