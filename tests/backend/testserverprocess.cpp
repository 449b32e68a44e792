// gatehouse-server as a person runs it: the command line of API.md, a configuration file, the
// migrate subcommand, the demo sign-ins, and a clean stop on SIGTERM that finishes the request in flight.

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/SocketStream.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

namespace {

const QString kServer = QStringLiteral(GATEHOUSE_SERVER_BINARY);

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runToEnd(const QStringList& args, const QString& workDir = {})
{
    QProcess process;
    if (!workDir.isEmpty())
        process.setWorkingDirectory(workDir);
    process.start(kServer, args);
    process.waitForFinished(60000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

// Starts the server and waits for its "Listening on URL" line; returns the port (0 on failure).
int startServer(QProcess& process, const QStringList& args, const QString& workDir, QString* output = nullptr)
{
    process.setWorkingDirectory(workDir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(kServer, args);
    QString seen;
    static const QRegularExpression listening(QStringLiteral("Listening on http://127\\.0\\.0\\.1:(\\d+)"));
    for (int i = 0; i < 600; ++i) {
        if (!process.waitForReadyRead(100) && process.state() != QProcess::Running)
            break;
        seen += QString::fromUtf8(process.readAll());
        const auto match = listening.match(seen);
        if (match.hasMatch()) {
            if (output)
                *output = seen;
            return match.captured(1).toInt();
        }
    }
    if (output)
        *output = seen;
    return 0;
}

int httpGet(int port, const std::string& path, std::string* body = nullptr)
{
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
    Poco::Net::HTTPRequest request("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::string text;
    Poco::StreamCopier::copyToString(session.receiveResponse(response), text);
    if (body)
        *body = text;
    return response.getStatus();
}

} // namespace

class TestServerProcess : public QObject
{
    Q_OBJECT

private slots:
    void versionAndHelp()
    {
        const Run version = runToEnd({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY2(version.out.startsWith(QStringLiteral("gatehouse-server ")), qPrintable(version.out));
        const Run help = runToEnd({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char* option : {"--config", "--listen", "--db", "--demo", "--demo-scale", "--version", "migrate"})
            QVERIFY2(help.out.contains(QLatin1String(option)), option);
    }

    void badCommandLinesFail_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown demo scale") << QStringList{"--demo", "--demo-scale", "huge"};
        QTest::newRow("unknown option") << QStringList{"--no-such-option"};
        QTest::newRow("stray argument") << QStringList{"serve-please"};
        QTest::newRow("listen without port") << QStringList{"--listen", "127.0.0.1"};
        QTest::newRow("unsupported database URL") << QStringList{"--db", "mysql://x"};
        QTest::newRow("migrate with unknown argument") << QStringList{"migrate", "--frobnicate"};
    }

    void badCommandLinesFail()
    {
        QFETCH(QStringList, args);
        QTemporaryDir dir;
        const Run run = runToEnd(args, dir.path());
        QVERIFY2(run.exitCode != 0, qPrintable(run.out + run.err));
    }

    void migrateSubcommand()
    {
        QTemporaryDir dir;
        const QString db = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("m.db"));
        const Run first = runToEnd({QStringLiteral("migrate"), QStringLiteral("--db"), db});
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.out.contains(QStringLiteral("Schema version 0 -> ")), qPrintable(first.out));
        const Run second = runToEnd({QStringLiteral("migrate"), QStringLiteral("--db"), db});
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(second.out.contains(QStringLiteral("(0 migration(s) applied)")), qPrintable(second.out));
    }

    void demoServerAnswersAndPrintsSignIns()
    {
        QTemporaryDir dir;
        QProcess server;
        QString output;
        const int port = startServer(server, {QStringLiteral("--demo"), QStringLiteral("--listen"),
                                              QStringLiteral("127.0.0.1:0")},
                                     dir.path(), &output);
        QVERIFY2(port > 0, qPrintable(output));
        for (const char* who : {"admin@demo.test", "viewer@demo.test", "alice@demo.test", "bob@demo.test",
                                "carol@demo.test", "Demo-Passw0rd"})
            QVERIFY2(output.contains(QLatin1String(who)), who);
        std::string body;
        QCOMPARE(httpGet(port, "/healthz", &body), 200);
        QCOMPARE(QString::fromStdString(body), QStringLiteral("{\"status\":\"ok\"}"));
        // The default database lives under var/ in the working directory.
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("var/gatehouse.db"))));
        server.terminate();
        QVERIFY(server.waitForFinished(20000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
    }

    void configurationFile()
    {
        QTemporaryDir dir;
        QFile config(dir.filePath(QStringLiteral("gatehouse.properties")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("gatehouse.listen = 127.0.0.1:0\n"
                     "gatehouse.db = sqlite:" + dir.filePath(QStringLiteral("fromconfig.db")).toUtf8() + "\n"
                     "gatehouse.http.maxHeaderBytes = 2048\n");
        config.close();
        QProcess server;
        QString output;
        const int port = startServer(server, {QStringLiteral("--config"), config.fileName()}, dir.path(), &output);
        QVERIFY2(port > 0, qPrintable(output));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("fromconfig.db"))));
        // The header limit from the file is in force: 3 KiB of header is refused, the server keeps serving.
        {
            Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
            Poco::Net::HTTPRequest request("GET", "/healthz", Poco::Net::HTTPMessage::HTTP_1_1);
            request.set("X-Filler", std::string(3000, 'a'));
            session.sendRequest(request);
            Poco::Net::HTTPResponse response;
            std::string ignored;
            Poco::StreamCopier::copyToString(session.receiveResponse(response), ignored);
            QCOMPARE(int(response.getStatus()), 431);
        }
        QCOMPARE(httpGet(port, "/healthz"), 200);
        server.terminate();
        QVERIFY(server.waitForFinished(20000));
        QCOMPARE(server.exitCode(), 0);
    }

    void sigtermFinishesTheRequestInFlight()
    {
        QTemporaryDir dir;
        QProcess server;
        QString output;
        const int port = startServer(server, {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}, dir.path(),
                                     &output);
        QVERIFY2(port > 0, qPrintable(output));

        // A request whose body is still on its way: the server has accepted it (100 Continue) when
        // SIGTERM arrives, and must read it to the end and answer before it exits.
        Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)));
        socket.setReceiveTimeout(Poco::Timespan(20, 0));
        Poco::Net::SocketStream stream(socket);
        stream << "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nExpect: 100-continue\r\n"
                  "Content-Type: text/plain\r\n\r\n"
               << std::flush;
        std::string line;
        std::getline(stream, line);
        QVERIFY2(line.find(" 100 ") != std::string::npos, line.c_str());
        std::getline(stream, line); // blank line after 100 Continue
        stream << "12345" << std::flush;

        ::kill(static_cast<pid_t>(server.processId()), SIGTERM);
        // The server must still be there, waiting for the rest of the body.
        QVERIFY(!server.waitForFinished(500));
        QCOMPARE(server.state(), QProcess::Running);

        stream << "67890" << std::flush;
        std::getline(stream, line);
        QVERIFY2(line.find(" 200 ") != std::string::npos, line.c_str());
        QVERIFY(server.waitForFinished(20000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
        output += QString::fromUtf8(server.readAll());
        QVERIFY2(output.contains(QStringLiteral("Stopped.")), qPrintable(output));
        // And it no longer accepts connections.
        QVERIFY_THROWS_EXCEPTION(Poco::Exception, httpGet(port, "/healthz"));
    }
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "testserverprocess.moc"
