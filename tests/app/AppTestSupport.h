#pragma once

// Shared by the app tests: the REAL gatehouse-server with demo data on an ephemeral port and a
// temporary database (never backend code linked in), and small synchronous helpers over the
// asynchronous ApiClient for checking what the server holds.

#include "ApiClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace AppTest {

using namespace Qt::StringLiterals;

// Generous: two cores are shared by several builds while the tests run.
constexpr int kTimeout = 30000;

class TestServer
{
public:
    ~TestServer() { stop(); }

    bool start(const QStringList& extra = {})
    {
        if (!m_dir.isValid())
            return false;
        m_process.setWorkingDirectory(m_dir.path());
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        QStringList args{u"--demo"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--db"_s,
                         u"sqlite:"_s + m_dir.filePath(u"g.db"_s)};
        args << extra;
        m_process.start(QString::fromLocal8Bit(GATEHOUSE_SERVER_BINARY), args);
        if (!m_process.waitForStarted(kTimeout))
            return false;
        static const QRegularExpression listening(u"Listening on (http://127\\.0\\.0\\.1:\\d+)"_s);
        QByteArray output;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 120000 && m_process.state() == QProcess::Running) {
            m_process.waitForReadyRead(500);
            output += m_process.readAllStandardOutput();
            const auto match = listening.match(QString::fromUtf8(output));
            if (match.hasMatch()) {
                m_url = QUrl(match.captured(1));
                return true;
            }
        }
        qWarning("server did not start: %s %s", output.constData(), m_process.readAllStandardError().constData());
        return false;
    }

    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(10000)) {
                m_process.kill();
                m_process.waitForFinished(5000);
            }
        }
    }

    QUrl url() const { return m_url; }
    QString dir() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QUrl m_url;
};

// Isolated QSettings and AppDataLocation for one test executable.
inline void isolateSettings(const QString& name)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"GatehouseTest"_s);
    QCoreApplication::setApplicationName(name);
    QSettings().clear();
}

// Waits for an ApiReply (the test's own event loop runs meanwhile).
inline bool wait(ApiReply* reply)
{
    QSignalSpy spy(reply, &ApiReply::finished);
    return spy.wait(kTimeout) || reply->isFinished();
}

// A second, independent client: how the tests check what the server holds.
class Client
{
public:
    explicit Client(const QUrl& server) { m_client.setBaseUrl(server); }

    bool signIn(const QString& email = u"admin@demo.test"_s)
    {
        auto* reply = m_client.post(u"/session"_s, {{u"email"_s, email}, {u"password"_s, u"Demo-Passw0rd"_s}});
        if (!wait(reply) || !reply->isOk())
            return false;
        m_client.setToken(reply->object().value(u"token"_s).toString());
        return true;
    }

    // Finished replies; status() 0 if the wait timed out.
    QJsonObject get(const QString& path, const QUrlQuery& query = {}, int* status = nullptr)
    {
        auto* reply = m_client.get(path, query);
        wait(reply);
        if (status)
            *status = reply->status();
        return reply->object();
    }

    QJsonObject post(const QString& path, const QJsonObject& body, int* status = nullptr)
    {
        auto* reply = m_client.post(path, body);
        wait(reply);
        if (status)
            *status = reply->status();
        return reply->object();
    }

    QJsonObject firstContact(const QString& customer)
    {
        return get(u"/customers/"_s + customer + u"/contacts"_s).value(u"items"_s).toArray().at(0).toObject();
    }

    ApiClient& api() { return m_client; }

private:
    ApiClient m_client;
};

} // namespace AppTest
