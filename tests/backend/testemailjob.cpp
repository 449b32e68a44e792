// The email job delivering the outbox: .eml files (opened and parsed again: recipient, subject,
// link, PDF attachment) and SMTP against a real local SMTP server (aiosmtpd, started here), with
// AUTH LOGIN, failure bookkeeping and the background thread woken by the portal.

#include "AdminTestSupport.h"
#include "PortalTestSupport.h"

#include "core/Money.h"
#include "jobs/EmailJob.h"
#include "services/AccountMail.h"

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <atomic>
#include <fstream>
#include <latch>
#include <thread>

using namespace gh;
using namespace gh::test;

namespace {

class Parts : public Poco::Net::PartHandler
{
public:
    struct Part
    {
        std::string type, fileName, content;
    };
    std::vector<Part> parts;

    void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override
    {
        Part p;
        p.type = header.get("Content-Type", "");
        std::string disposition = header.get("Content-Disposition", "");
        const auto at = disposition.find("filename=");
        if (at != std::string::npos)
            p.fileName = disposition.substr(at + 9);
        Poco::StreamCopier::copyToString(stream, p.content);
        parts.push_back(std::move(p));
    }
};

std::string readFile(const QString& path)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::uint16_t freePort()
{
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    return socket.address().port();
}

struct OutboxState
{
    std::string status;
    int attempts = 0;
    std::string lastError;
};

OutboxState stateOf(services::Services& services, std::int64_t id)
{
    auto db = services.database().acquire();
    auto q = db->query("SELECT status, attempts, last_error FROM outbox WHERE id = ?", id);
    q.next();
    return {q.text(0), static_cast<int>(q.integer(1)), q.text(2)};
}

// Debian's python3-aiosmtpd lives under /usr/bin/python3; another python3 on PATH may lack it.
QString pythonWithAiosmtpd()
{
    for (const QString& candidate : {QStringLiteral("/usr/bin/python3"), QStringLiteral("python3")}) {
        QProcess probe;
        probe.start(candidate, {QStringLiteral("-c"), QStringLiteral("import aiosmtpd")});
        if (probe.waitForFinished(20000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0)
            return candidate;
    }
    return {};
}

} // namespace

class TestEmailJob : public QObject
{
    Q_OBJECT

private slots:
    void documentsGoOutAsEmlWithPdfAttachments()
    {
        TestServer server;
        HttpClient alice(server.port());
        QCOMPARE(signIn(alice, "alice@demo.test").status, 200);
        std::string number;
        {
            auto db = server.services().database().acquire();
            auto q = db->query("SELECT i.number FROM invoices i JOIN documents d ON d.owner_kind = 'invoice' AND "
                               "d.owner_id = i.id WHERE i.customer_id = 1 LIMIT 1");
            q.next();
            number = q.text(0);
        }
        QCOMPARE(
            alice.post(kPortal + "/customers/C100001/invoices/email", R"({"invoiceNumbers":[")" + number + R"("]})")
                .status,
            202);
        const auto row = outbox(server.services()).back();
        QCOMPARE(q(row.status), QStringLiteral("queued"));

        const auto result = jobs::EmailJob::runOnce(server.services());
        QCOMPARE(result.sent, 1);
        const auto state = stateOf(server.services(), row.id);
        QCOMPARE(q(state.status), QStringLiteral("sent"));
        QCOMPARE(state.attempts, 1);

        const QString file
            = server.dir() + QStringLiteral("/var/outbox/") + QString::number(row.id) + QStringLiteral(".eml");
        QVERIFY2(QFile::exists(file), qPrintable(file));
        std::ifstream in(file.toStdString(), std::ios::binary);
        Poco::Net::MailMessage message;
        Parts parts;
        message.read(in, parts);
        QCOMPARE(q(message.get("To", "")), QStringLiteral("<alice@demo.test>"));
        QVERIFY(message.getSubject().find("invoice documents") != std::string::npos);
        QCOMPARE(parts.parts.size(), 2u); // the text and one PDF
        QVERIFY(parts.parts[0].content.find(number) != std::string::npos);
        QVERIFY(parts.parts[1].type.find("application/pdf") == 0);
        QVERIFY(parts.parts[1].fileName.find("Invoice-" + number + ".pdf") != std::string::npos);
        QVERIFY(parts.parts[1].content.rfind("%PDF-", 0) == 0); // decoded from base64

        // Nothing left to send: a second run does nothing.
        QCOMPARE(jobs::EmailJob::runOnce(server.services()).sent, 0);
    }

    void setPasswordLinkFromTheEmlWorks()
    {
        TestServer server;
        HttpClient client(server.port());
        std::string number, amount;
        {
            auto db = server.services().database().acquire();
            auto q = db->query("SELECT number, amount FROM invoices WHERE customer_id = 10 LIMIT 1");
            q.next();
            number = q.text(0);
            amount = core::Money(q.integer(1)).toString();
        }
        Poco::JSON::Object body;
        body.set("firstName", "Erik");
        body.set("lastName", "Eng");
        body.set("customerNumber", "C100010");
        body.set("documentNumber", number);
        body.set("amount", amount);
        body.set("email", "erik@example.com");
        body.set("confirmEmail", "erik@example.com");
        QCOMPARE(client.post(kPortal + "/registrations", json(body)).status, 202);
        QCOMPARE(jobs::EmailJob::runOnce(server.services()).sent, 1);
        const QStringList files
            = QDir(server.dir() + QStringLiteral("/var/outbox")).entryList({QStringLiteral("*.eml")}, QDir::Files);
        QCOMPARE(files.size(), 1);
        const std::string eml = readFile(server.dir() + QStringLiteral("/var/outbox/") + files.front());
        QVERIFY(eml.find("To: <erik@example.com>") != std::string::npos);
        std::smatch m;
        const std::regex link(server.url() + "/set-password\\?token=([A-Za-z0-9_-]+)");
        QVERIFY2(std::regex_search(eml, m, link), eml.c_str());
        Poco::JSON::Object set;
        set.set("token", m[1].str());
        set.set("password", "Erik-Passw0rd");
        QCOMPARE(client.put(kPortal + "/password", json(set)).status, 204);
        QCOMPARE(signIn(client, "erik@example.com", "Erik-Passw0rd").status, 200);
    }

    void smtpDeliversToARealServerWithAuthLogin()
    {
        const QString python = pythonWithAiosmtpd();
        if (python.isEmpty())
            QFAIL("python3-aiosmtpd is needed for the SMTP test (apt-get install python3-aiosmtpd)");
        QTemporaryDir mailDir;
        const std::uint16_t port = freePort();
        QProcess smtp;
        auto stopSmtp = qScopeGuard([&smtp] {
            smtp.closeWriteChannel();
            if (!smtp.waitForFinished(10000))
                smtp.kill();
        });
        smtp.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        smtp.start(python,
                   {QStringLiteral(GATEHOUSE_SOURCE_DIR "/tests/backend/smtp_sink.py"), QString::number(port),
                    mailDir.path()});
        QVERIFY(smtp.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(smtp.canReadLine() || (smtp.waitForReadyRead(100) && smtp.canReadLine()), 20000);
        QCOMPARE(smtp.readLine().trimmed(), QByteArray("READY"));

        TestServer server;
        setSetting(server.services(), "email.transport", "smtp");
        setSetting(server.services(), "email.smtp_host", "127.0.0.1");
        setSetting(server.services(), "email.smtp_port", std::to_string(port));
        setSetting(server.services(), "email.smtp_username", "mailer");
        setSetting(server.services(), "email.smtp_password", "secret");
        HttpClient client(server.port());
        QCOMPARE(client.post(kPortal + "/password-resets", R"({"email":"carol@demo.test"})").status, 202);
        mailRequestedResets(server.services());
        const auto row = outbox(server.services()).back();
        jobs::EmailJob::runOnce(server.services());
        QCOMPARE(q(stateOf(server.services(), row.id).lastError), QString());
        QCOMPARE(q(stateOf(server.services(), row.id).status), QStringLiteral("sent"));

        const QString received = mailDir.filePath(QStringLiteral("1.eml"));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(received), 10000);
        const std::string mail = readFile(received);
        QVERIFY2(mail.find("X-Envelope-To: carol@demo.test") != std::string::npos, mail.c_str());
        QVERIFY(mail.find("X-Auth-User: mailer") != std::string::npos);
        QVERIFY(mail.find("reset your password") != std::string::npos);
        const std::string token = tokenFromOutbox(server.services(), "carol@demo.test", "/reset-password");
        QVERIFY(!token.empty());
        QVERIFY(mail.find("/reset-password?token=" + token) != std::string::npos);

        // Wrong credentials: the server refuses, the row records why and stays queued for a retry.
        setSetting(server.services(), "email.smtp_password", "wrong");
        QCOMPARE(client.post(kPortal + "/password-resets", R"({"email":"alice@demo.test"})").status, 202);
        mailRequestedResets(server.services());
        const auto second = outbox(server.services()).back();
        QCOMPARE(jobs::EmailJob::runOnce(server.services()).failed, 1);
        const auto state = stateOf(server.services(), second.id);
        QCOMPARE(q(state.status), QStringLiteral("queued"));
        QCOMPARE(state.attempts, 1);
        QVERIFY(!state.lastError.empty());
    }

    void unreachableSmtpFailsAfterThreeAttempts()
    {
        TestServer server;
        setSetting(server.services(), "email.transport", "smtp");
        setSetting(server.services(), "email.smtp_host", "127.0.0.1");
        setSetting(server.services(), "email.smtp_port", std::to_string(freePort())); // nobody listens
        HttpClient client(server.port());
        QCOMPARE(client.post(kPortal + "/password-resets", R"({"email":"carol@demo.test"})").status, 202);
        mailRequestedResets(server.services());
        const auto row = outbox(server.services()).back();
        for (int attempt = 1; attempt <= jobs::EmailJob::kMaxAttempts; ++attempt) {
            QCOMPARE(jobs::EmailJob::runOnce(server.services()).failed, 1);
            const auto state = stateOf(server.services(), row.id);
            QCOMPARE(state.attempts, attempt);
            QCOMPARE(q(state.status),
                     attempt < jobs::EmailJob::kMaxAttempts ? QStringLiteral("queued") : QStringLiteral("failed"));
            QVERIFY(!state.lastError.empty());
        }
        QCOMPARE(jobs::EmailJob::runOnce(server.services()).failed, 0); // failed rows are left alone
    }

    // Two server instances on one database deliver the outbox at the same time: every email goes out
    // exactly once, by one of them.
    void twoInstancesSendEachEmailOnce()
    {
        TempDatabase temp;
        const std::string path = temp.path();
        constexpr int kEmails = 400;
        {
            auto db = temp.db().acquire();
            store::Transaction tx(*db);
            for (int i = 0; i < kEmails; ++i) {
                services::AccountMail::Email email;
                email.to = "user" + std::to_string(i) + "@example.com";
                email.subject = "message " + std::to_string(i);
                email.body = "body";
                services::AccountMail::queue(*db, email);
            }
            tx.commit();
        }
        services::Options one, two;
        one.dataDir = (QFileInfo(QString::fromStdString(path)).absolutePath() + "/one").toStdString();
        two.dataDir = (QFileInfo(QString::fromStdString(path)).absolutePath() + "/two").toStdString();
        services::Services first(temp.release(), one);
        services::Services second(std::make_unique<store::SqliteDatabase>(path), two);
        std::atomic<int> sentFirst = 0, sentSecond = 0;
        std::latch start(2);
        auto deliver = [&start](services::Services& services, std::atomic<int>& sent) {
            start.arrive_and_wait();
            // Passes until one finds nothing: each pass takes up to 100 of the queued rows.
            while (true) {
                const int n = jobs::EmailJob::runOnce(services).sent;
                if (n == 0)
                    break;
                sent += n;
            }
        };
        std::thread a([&] { deliver(first, sentFirst); });
        std::thread b([&] { deliver(second, sentSecond); });
        a.join();
        b.join();
        qInfo("sent: %d by one instance, %d by the other", sentFirst.load(), sentSecond.load());
        QCOMPARE(sentFirst + sentSecond, kEmails);
        const auto files = QDir(QString::fromStdString(one.dataDir) + "/outbox").entryList({"*.eml"}).size()
            + QDir(QString::fromStdString(two.dataDir) + "/outbox").entryList({"*.eml"}).size();
        QCOMPARE(files, kEmails);
        auto db = first.database().acquire();
        auto q = db->query("SELECT COUNT(*) FROM outbox WHERE status = 'sent' AND attempts = 1 AND claimed_until = 0");
        q.next();
        QCOMPARE(q.integer(0), std::int64_t(kEmails));
    }

    // A lease held by another instance is left alone; one left by a crashed sender runs out.
    void leasedEmailsWaitForTheirLease()
    {
        TestServer server;
        HttpClient client(server.port());
        QCOMPARE(client.post(kPortal + "/password-resets", R"({"email":"carol@demo.test"})").status, 202);
        mailRequestedResets(server.services());
        const auto row = outbox(server.services()).back();
        {
            auto db = server.services().database().acquire();
            db->query("UPDATE outbox SET claimed_until = ? WHERE id = ?", core::nowSeconds() + 300, row.id).run();
        }
        QCOMPARE(jobs::EmailJob::runOnce(server.services()).sent, 0);
        QCOMPARE(q(stateOf(server.services(), row.id).status), QStringLiteral("queued"));
        {
            auto db = server.services().database().acquire();
            db->query("UPDATE outbox SET claimed_until = ? WHERE id = ?", core::nowSeconds() - 1, row.id).run();
        }
        QCOMPARE(jobs::EmailJob::runOnce(server.services()).sent, 1);
        QCOMPARE(q(stateOf(server.services(), row.id).status), QStringLiteral("sent"));
    }

    // Whoever queues an email wakes the background job: the portal, and staff through the admin API.
    void backgroundJobIsWokenWhenMailIsQueued_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("body");
        QTest::newRow("portal: forgot password")
            << "portal" << QString::fromStdString(kPortal + "/password-resets") << R"({"email":"carol@demo.test"})";
        QTest::newRow("staff: invite") << "staff"
                                       << "/portal-users/{carol}/invite"
                                       << "{}";
        QTest::newRow("staff: reset password") << "staff"
                                               << "/portal-users/{carol}/reset-password"
                                               << "{}";
        QTest::newRow("staff: test email") << "staff"
                                           << "/email/test"
                                           << R"({"to":"it@example.com"})";
    }

    void backgroundJobIsWokenWhenMailIsQueued()
    {
        QFETCH(QString, who);
        QFETCH(QString, path);
        QFETCH(QString, body);
        TestServer server;
        // A long poll interval: only the wake-up can deliver within the test's wait.
        jobs::EmailJob job(server.services(), 60 * 60 * 1000);
        server.services().setOutboxListener([&job] { job.trigger(); });
        job.start();
        HttpClient client(server.port());
        std::string target = path.toStdString();
        if (who == "staff") {
            signInStaff(client);
            // Only someone not yet active can be invited: carol waits for her invitation here.
            if (target.find("/invite") != std::string::npos) {
                auto db = server.services().database().acquire();
                db->execute("UPDATE portal_users SET status = 'invited' WHERE email = 'carol@demo.test'");
            }
            const auto at = target.find("{carol}");
            if (at != std::string::npos)
                target.replace(at, 7, std::to_string(userIdOf(server.services(), "carol@demo.test")));
            target = kAdmin + target;
        }
        const auto r = client.post(target, body.toStdString());
        QVERIFY2(r.status == 200 || r.status == 202, r.body.c_str());
        // A password reset request is turned into its email by the woken job itself.
        QTRY_VERIFY_WITH_TIMEOUT(!outbox(server.services()).empty(), 10000);
        const auto row = outbox(server.services()).back();
        QTRY_COMPARE_WITH_TIMEOUT(q(stateOf(server.services(), row.id).status), QStringLiteral("sent"), 10000);
        job.stop();
        server.services().setOutboxListener({});
    }
};

QTEST_GUILESS_MAIN(TestEmailJob)
#include "testemailjob.moc"
