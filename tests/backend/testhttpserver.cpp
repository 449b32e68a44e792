// The HTTP front door against the real server on a loopback port: health, the JSON error format,
// method checks, header and body limits, keep-alive after a refused request, and the router itself.

#include "TestSupport.h"

#include "http/HttpError.h"
#include "http/Request.h"
#include "http/Response.h"

#include <Poco/Net/SocketStream.h>
#include <Poco/Net/StreamSocket.h>

#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <Poco/Net/NetException.h>

#include <future>
#include <mutex>
#include <thread>
#include <vector>

using namespace gh;
using namespace gh::test;

namespace {

// Everything the server sends until it closes the connection; timedOut when it kept it open.
struct RawAnswer
{
    std::string bytes;
    bool timedOut = false;
};

RawAnswer exchangeRaw(std::uint16_t port, const std::string& request, int timeoutSeconds = 5)
{
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
    socket.setReceiveTimeout(Poco::Timespan(timeoutSeconds, 0));
    socket.sendBytes(request.data(), static_cast<int>(request.size()));
    RawAnswer answer;
    char buffer[4096];
    try {
        int n = 0;
        while ((n = socket.receiveBytes(buffer, sizeof buffer)) > 0)
            answer.bytes.append(buffer, static_cast<std::size_t>(n));
    } catch (const Poco::TimeoutException&) {
        answer.timedOut = true;
    } catch (const Poco::Net::NetException&) {
    }
    return answer;
}

// Collects what a Poco logger writes, for the access-log tests.
class CollectingChannel : public Poco::Channel
{
public:
    void log(const Poco::Message& message) override
    {
        std::lock_guard lock(m_mutex);
        m_lines.push_back(message.getText());
    }
    std::vector<std::string> lines()
    {
        std::lock_guard lock(m_mutex);
        return m_lines;
    }

private:
    std::mutex m_mutex;
    std::vector<std::string> m_lines;
};

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private slots:
    void healthz()
    {
        TestServer server(false);
        HttpClient client(server.port());
        auto r = client.get("/healthz");
        QCOMPARE(r.status, 200);
        QCOMPARE(q(r.header("content-type")), QStringLiteral("application/json; charset=utf-8"));
        QCOMPARE(q(r.json()->getValue<std::string>("status")), QStringLiteral("ok"));
        QCOMPARE(q(r.header("x-content-type-options")), QStringLiteral("nosniff"));
    }

    void errorsUseTheJsonFormat_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown path") << "GET"
                                      << "/no/such/thing" << 404 << "not_found";
        QTest::newRow("unknown API path") << "GET"
                                          << "/api/portal/v1/nothing-here" << 404 << "not_found";
        QTest::newRow("wrong method") << "DELETE"
                                      << "/healthz" << 405 << "method_not_allowed";
        QTest::newRow("wrong method POST") << "POST"
                                           << "/healthz" << 405 << "method_not_allowed";
    }

    void errorsUseTheJsonFormat()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, code);
        TestServer server(false);
        HttpClient client(server.port());
        auto r = client.request(method.toStdString(), path.toStdString());
        QCOMPARE(r.status, status);
        auto error = r.json()->getObject("error");
        QVERIFY(error);
        QCOMPARE(q(error->getValue<std::string>("code")), code);
        QVERIFY(!error->getValue<std::string>("message").empty());
        QVERIFY(error->isArray("details"));
        if (status == 405)
            QCOMPARE(q(r.header("allow")), QStringLiteral("GET"));
    }

    void oversizedHeaderIsRefusedAndServerKeepsServing_data()
    {
        QTest::addColumn<int>("fields");
        QTest::addColumn<int>("fieldSize");
        QTest::newRow("one field over Poco's 8 KiB value limit") << 1 << 9000;
        QTest::newRow("many fields over the configured total") << 4 << 6000;
        QTest::newRow("too many fields") << 150 << 10;
    }

    void oversizedHeaderIsRefusedAndServerKeepsServing()
    {
        QFETCH(int, fields);
        QFETCH(int, fieldSize);
        TestServer server(false);
        {
            Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", server.port()));
            Poco::Net::SocketStream stream(socket);
            stream << "GET /healthz HTTP/1.1\r\nHost: localhost\r\n";
            for (int i = 0; i < fields; ++i)
                stream << "X-Filler-" << i << ": " << std::string(static_cast<std::size_t>(fieldSize), 'a') << "\r\n";
            stream << "\r\n" << std::flush;
            std::string statusLine;
            std::getline(stream, statusLine);
            QVERIFY2(statusLine.find(" 431 ") != std::string::npos, statusLine.c_str());
            std::string line, body;
            while (std::getline(stream, line) && line != "\r") { }
            std::getline(stream, body);
            QVERIFY2(body.find("\"request_header_fields_too_large\"") != std::string::npos, body.c_str());
        }
        HttpClient client(server.port());
        QCOMPARE(client.get("/healthz").status, 200);
    }

    void malformedRequestLineGetsJson400()
    {
        TestServer server(false);
        Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", server.port()));
        Poco::Net::SocketStream stream(socket);
        stream << "GARBAGE\r\n\r\n" << std::flush;
        std::string statusLine;
        std::getline(stream, statusLine);
        QVERIFY2(statusLine.find(" 400 ") != std::string::npos, statusLine.c_str());
        HttpClient client(server.port());
        QCOMPARE(client.get("/healthz").status, 200);
    }

    // Error texts are ours: Poco's own messages ("Attempt to set value on an empty stack", "Field value
    // too long", "No colon in header field") never reach an answer.
    void malformedJsonIsAnsweredInOurWords_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("closing bracket first") << QByteArray("]");
        QTest::newRow("mismatched close") << QByteArray("{]");
        QTest::newRow("one close too many") << QByteArray("{\"a\":1}}");
        QTest::newRow("array closed twice") << QByteArray("[1]]");
        QTest::newRow("missing value") << QByteArray("{\"a\":}");
        QTest::newRow("missing colon") << QByteArray("{\"a\" 1}");
        QTest::newRow("trailing comma") << QByteArray("{\"a\":1,}");
        QTest::newRow("unterminated string") << QByteArray("{\"a\":\"x");
        QTest::newRow("not UTF-8") << QByteArray("{\"a\":\"\xff\"}");
        QTest::newRow("bare word") << QByteArray("hello");
    }

    void malformedJsonIsAnsweredInOurWords()
    {
        QFETCH(QByteArray, body);
        TestServer server(false);
        HttpClient client(server.port());
        auto r = client.post("/api/portal/v1/session", body.toStdString());
        QCOMPARE(r.status, 400);
        QCOMPARE(q(r.errorCode()), QStringLiteral("invalid_json"));
        QCOMPARE(q(r.json()->getObject("error")->getValue<std::string>("message")),
                 QStringLiteral("The body is not valid JSON."));
        for (const char* poco : {"stack", "Syntax", "syntax", "JSON syntax", "Exception", "token", "Unexpected"})
            QVERIFY2(r.body.find(poco) == std::string::npos, r.body.c_str());
    }

    void malformedHeadersAreAnsweredInOurWords_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::newRow("no request line") << QByteArray("GARBAGE\r\n\r\n") << 400 << "The request is malformed.";
        QTest::newRow("field value too long")
            << (QByteArray("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Long: ") + QByteArray(9000, 'a') + "\r\n\r\n") << 431
            << "The request header is too large.";
        QTest::newRow("field name too long")
            << (QByteArray("GET /healthz HTTP/1.1\r\nHost: x\r\n") + QByteArray(300, 'N') + ": 1\r\n\r\n") << 431
            << "The request header is too large.";
    }

    void malformedHeadersAreAnsweredInOurWords()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QString, message);
        TestServer server(false);
        Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", server.port()));
        Poco::Net::SocketStream stream(socket);
        stream << request.toStdString() << std::flush;
        std::string statusLine;
        std::getline(stream, statusLine);
        QVERIFY2(statusLine.find(" " + std::to_string(status) + " ") != std::string::npos, statusLine.c_str());
        std::string line, body;
        while (std::getline(stream, line) && line != "\r") { }
        std::getline(stream, body);
        Poco::JSON::Parser parser;
        auto error = parser.parse(body).extract<Poco::JSON::Object::Ptr>()->getObject("error");
        QCOMPARE(q(error->getValue<std::string>("message")), message);
    }

    // Keep-alive: pipelined requests on one connection are all answered in order; the connection
    // closes after maxKeepAliveRequests answers, and an idle one after the keep-alive timeout.
    void keepAliveConnectionsServeAndClose()
    {
        http::Router router;
        router.add("GET", "/n/{n}", [](http::Request& request, http::Response& response) {
            response.send(200, "text/plain", request.param("n"));
        });
        http::ServerLimits limits;
        limits.keepAliveTimeoutSeconds = 1;
        limits.maxKeepAliveRequests = 3;
        http::HttpServer server(router, limits);
        server.start("127.0.0.1", 0);

        auto readAll = [](Poco::Net::StreamSocket& socket) {
            std::string all;
            char buffer[4096];
            int n = 0;
            while ((n = socket.receiveBytes(buffer, sizeof buffer)) > 0)
                all.append(buffer, static_cast<std::size_t>(n));
            return all;
        };
        {
            Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", server.port()));
            socket.setReceiveTimeout(Poco::Timespan(10, 0));
            const std::string three = "GET /n/1 HTTP/1.1\r\nHost: x\r\n\r\nGET /n/2 HTTP/1.1\r\nHost: x\r\n\r\n"
                                      "GET /n/3 HTTP/1.1\r\nHost: x\r\n\r\nGET /n/4 HTTP/1.1\r\nHost: x\r\n\r\n";
            socket.sendBytes(three.data(), static_cast<int>(three.size()));
            const std::string answers = readAll(socket); // ends when the server closes
            const auto one = answers.find("\r\n\r\n1");
            const auto two = answers.find("\r\n\r\n2");
            const auto three_ = answers.find("\r\n\r\n3");
            QVERIFY2(one != std::string::npos && two > one && three_ > two && three_ != std::string::npos,
                     answers.c_str());
            QVERIFY2(answers.find("\r\n\r\n4") == std::string::npos, "a fourth answer past maxKeepAliveRequests");
            QVERIFY2(QString::fromStdString(answers).contains("Connection: close", Qt::CaseInsensitive),
                     answers.c_str());
        }
        {
            Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", server.port()));
            socket.setReceiveTimeout(Poco::Timespan(10, 0));
            const std::string one = "GET /n/7 HTTP/1.1\r\nHost: x\r\n\r\n";
            socket.sendBytes(one.data(), static_cast<int>(one.size()));
            const auto started = std::chrono::steady_clock::now();
            const std::string answer = readAll(socket); // the server closes the idle connection
            const auto waited = std::chrono::steady_clock::now() - started;
            QVERIFY2(answer.find("\r\n\r\n7") != std::string::npos, answer.c_str());
            QVERIFY2(!QString::fromStdString(answer).contains("Connection: close", Qt::CaseInsensitive),
                     "kept alive, then closed when idle");
            QVERIFY(waited >= std::chrono::milliseconds(900));
            QVERIFY(waited < std::chrono::seconds(9));
        }
        server.stop();
    }

    void bodyLimitIs413BeforeReading()
    {
        http::Router router;
        router.add("POST", "/echo", [](http::Request& request, http::Response& response) {
            response.send(200, "text/plain", request.body());
        });
        http::ServerLimits limits;
        limits.maxBodyBytes = 1000;
        http::HttpServer server(router, limits);
        server.start("127.0.0.1", 0);
        HttpClient client(server.port());
        auto small = client.request("POST", "/echo", std::string(1000, 'x'), "text/plain");
        QCOMPARE(small.status, 200);
        QCOMPARE(small.body.size(), std::size_t(1000));
        HttpClient other(server.port());
        auto big = other.request("POST", "/echo", std::string(1001, 'x'), "text/plain");
        QCOMPARE(big.status, 413);
        QCOMPARE(q(big.errorCode()), QStringLiteral("payload_too_large"));
        server.stop();
    }

    void handlerErrorsBecomeJson()
    {
        http::Router router;
        router.add("GET", "/bad", [](http::Request&, http::Response&) {
            throw http::HttpError::badField("pageSize", "must be between 1 and 100");
        });
        router.add("GET", "/boom", [](http::Request&, http::Response&) { throw std::runtime_error("secret detail"); });
        http::HttpServer server(router, {});
        server.start("127.0.0.1", 0);
        HttpClient client(server.port());
        auto bad = client.get("/bad");
        QCOMPARE(bad.status, 400);
        auto details = bad.json()->getObject("error")->getArray("details");
        QCOMPARE(details->size(), std::size_t(1));
        QCOMPARE(q(details->getObject(0)->getValue<std::string>("field")), QStringLiteral("pageSize"));
        auto boom = client.get("/boom");
        QCOMPARE(boom.status, 500);
        QCOMPARE(q(boom.errorCode()), QStringLiteral("internal_error"));
        QVERIFY2(boom.body.find("secret detail") == std::string::npos, "internal details must not leak");
        server.stop();
    }

    void routerMatches_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("param");
        QTest::newRow("literal") << "GET"
                                 << "/imports/sample"
                                 << "/imports/sample"
                                 << "";
        QTest::newRow("literal beats parameter") << "GET"
                                                 << "/imports/sample/"
                                                 << "/imports/sample"
                                                 << "";
        QTest::newRow("parameter") << "GET"
                                   << "/imports/42"
                                   << "/imports/{id}"
                                   << "42";
        QTest::newRow("decoded parameter") << "GET"
                                           << "/imports/a%20b"
                                           << "/imports/{id}"
                                           << "a b";
        QTest::newRow("nested") << "GET"
                                << "/customers/C1/invoices/INV9"
                                << "/customers/{number}/invoices/{invoice}"
                                << "C1";
        QTest::newRow("HEAD uses GET") << "HEAD"
                                       << "/imports/7"
                                       << "/imports/{id}"
                                       << "7";
        QTest::newRow("catch-all") << "GET"
                                   << "/css/site.css"
                                   << "/{*path}"
                                   << "";
        QTest::newRow("no match for other method") << "PUT"
                                                   << "/css/site.css"
                                                   << ""
                                                   << "";
    }

    void routerMatches()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QString, pattern);
        QFETCH(QString, param);
        http::Router router;
        auto nothing = [](http::Request&, http::Response&) {};
        router.add("GET", "/{*path}", nothing);
        router.add("GET", "/imports/{id}", nothing);
        router.add("GET", "/imports/sample", nothing);
        router.add("GET", "/customers/{number}/invoices/{invoice}", nothing);
        auto match = router.match(method.toStdString(), path.toStdString());
        if (pattern.isEmpty()) {
            QVERIFY(!match.route);
            QVERIFY(match.allowedMethods.empty());
            return;
        }
        QVERIFY(match.route);
        QCOMPARE(q(match.route->pattern), pattern);
        if (!param.isEmpty()) {
            const auto it = match.params.find(pattern.contains(QStringLiteral("{id}")) ? "id" : "number");
            QVERIFY(it != match.params.end());
            QCOMPARE(q(it->second), param);
        }
    }

    void stopWaitsForRequestsInFlight()
    {
        std::promise<void> entered, release;
        http::Router router;
        router.add("GET", "/slow", [&](http::Request&, http::Response& response) {
            entered.set_value();
            release.get_future().wait();
            response.sendJson(200, std::string(R"({"done":true})"));
        });
        http::HttpServer server(router, {});
        server.start("127.0.0.1", 0);
        const auto port = server.port();
        HttpResult result;
        std::thread client([&] {
            HttpClient c(port);
            result = c.get("/slow");
        });
        entered.get_future().wait();
        QCOMPARE(server.requestsInFlight(), 1);
        std::atomic<bool> stopped{false};
        std::thread stopper([&] {
            server.stop();
            stopped = true;
        });
        // stop() must not return while the handler still runs.
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        QVERIFY(!stopped);
        release.set_value();
        stopper.join();
        client.join();
        QVERIFY(stopped);
        QCOMPARE(result.status, 200);
        QCOMPARE(q(result.body), QStringLiteral("{\"done\":true}"));
        QCOMPARE(server.requestsInFlight(), 0);
    }

    // Request smuggling (issue 9): a request whose length is ambiguous is a 400, and the connection
    // closes so that nothing after it is read as a second request.
    void ambiguousFramingIs400AndCloses_data()
    {
        QTest::addColumn<QString>("head");
        QTest::newRow("two Content-Length fields") << "Content-Length: 0\r\nContent-Length: 40\r\n";
        QTest::newRow("two equal Content-Length fields") << "Content-Length: 0\r\nContent-Length: 0\r\n";
        QTest::newRow("Content-Length and chunked") << "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n";
        QTest::newRow("chunked and Content-Length") << "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n";
        QTest::newRow("a list in Content-Length") << "Content-Length: 0, 0\r\n";
    }

    void ambiguousFramingIs400AndCloses()
    {
        QFETCH(QString, head);
        TestServer server(false);
        const std::string smuggled = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
        const std::string request
            = "POST /healthz HTTP/1.1\r\nHost: x\r\n" + head.toStdString() + "\r\n0\r\n\r\n" + smuggled + smuggled;
        const auto answer = exchangeRaw(server.port(), request);
        QVERIFY2(answer.bytes.rfind("HTTP/1.1 400 ", 0) == 0, answer.bytes.c_str());
        QVERIFY2(!answer.timedOut, "the connection must be closed after the 400");
        QVERIFY2(answer.bytes.find("HTTP/1.1", 5) == std::string::npos, answer.bytes.c_str());
        QVERIFY2(answer.bytes.find("\"bad_request\"") != std::string::npos, answer.bytes.c_str());
        HttpClient client(server.port());
        QCOMPARE(client.get("/healthz").status, 200);
    }

    // Access-log injection (issue 9): control characters in what a client sends never reach the
    // log as themselves; each line stays one line.
    void accessLogEscapesControlCharacters_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("escaped");
        QTest::newRow("newline") << "/x%0a1.2.3.4%20%22GET%20/admin%22%20200"
                                 << "\\x0a";
        QTest::newRow("carriage return") << "/x%0dforged"
                                         << "\\x0d";
        QTest::newRow("NUL") << "/x%00y"
                             << "\\x00";
        QTest::newRow("escape sequence") << "/x%1b[31mred"
                                         << "\\x1b";
        QTest::newRow("DEL") << "/x%7fy"
                             << "\\x7f";
        QTest::newRow("tab") << "/x%09y"
                             << "\\x09";
    }

    void accessLogEscapesControlCharacters()
    {
        QFETCH(QString, target);
        QFETCH(QString, escaped);
        Poco::AutoPtr<CollectingChannel> channel(new CollectingChannel);
        auto& accessLog
            = Poco::Logger::create("test.access." + target.toStdString(), channel, Poco::Message::PRIO_INFORMATION);
        http::Router router;
        http::HttpServer server(router, {}, &accessLog);
        server.start("127.0.0.1", 0);
        HttpClient client(server.port());
        QCOMPARE(client.get(target.toStdString()).status, 404);
        server.stop();
        const auto lines = channel->lines();
        QCOMPARE(lines.size(), std::size_t(1));
        const std::string& line = lines.front();
        for (const char c : line)
            QVERIFY2(static_cast<unsigned char>(c) >= 0x20 && c != 0x7f, line.c_str());
        QVERIFY2(q(line).contains(escaped), line.c_str());
    }

    // TLS behind a proxy (issue 9): X-Forwarded-For and X-Forwarded-Proto count only from an address
    // in gatehouse.http.trustedProxies; then the client address is the forwarded one (throttling, the
    // access log), the session cookie is Secure and answers carry Strict-Transport-Security.
    void forwardedHeadersOnlyFromTrustedProxies_data()
    {
        QTest::addColumn<QString>("trusted");
        QTest::addColumn<QString>("forwardedFor");
        QTest::addColumn<QString>("forwardedProto");
        QTest::addColumn<QString>("client");
        QTest::addColumn<bool>("secure");
        QTest::newRow("trusted proxy") << "127.0.0.1"
                                       << "203.0.113.7"
                                       << "https"
                                       << "203.0.113.7" << true;
        QTest::newRow("trusted CIDR, client-made entry left of the real one") << "127.0.0.0/8"
                                                                              << "198.51.100.1, 203.0.113.7"
                                                                              << "https"
                                                                              << "203.0.113.7" << true;
        QTest::newRow("a chain of trusted proxies") << "127.0.0.1, 10.0.0.0/8"
                                                    << "203.0.113.7, 10.1.2.3"
                                                    << "https"
                                                    << "203.0.113.7" << true;
        QTest::newRow("IPv6 range listed, IPv4 peer") << "::1, fd00::/8"
                                                      << "203.0.113.7"
                                                      << "https"
                                                      << "127.0.0.1" << false;
        QTest::newRow("proxy says http") << "127.0.0.1"
                                         << "203.0.113.7"
                                         << "http"
                                         << "203.0.113.7" << false;
        QTest::newRow("untrusted peer") << "10.0.0.0/8"
                                        << "203.0.113.7"
                                        << "https"
                                        << "127.0.0.1" << false;
        QTest::newRow("no proxies configured") << ""
                                               << "203.0.113.7"
                                               << "https"
                                               << "127.0.0.1" << false;
        QTest::newRow("garbage in X-Forwarded-For") << "127.0.0.1"
                                                    << "<script>"
                                                    << "https"
                                                    << "127.0.0.1" << true;
    }

    void forwardedHeadersOnlyFromTrustedProxies()
    {
        QFETCH(QString, trusted);
        QFETCH(QString, forwardedFor);
        QFETCH(QString, forwardedProto);
        QFETCH(QString, client);
        QFETCH(bool, secure);
        Poco::AutoPtr<CollectingChannel> channel(new CollectingChannel);
        auto& accessLog = Poco::Logger::create("test.proxy." + std::string(QTest::currentDataTag()), channel,
                                               Poco::Message::PRIO_INFORMATION);
        http::Router router;
        router.add("GET", "/who", [](http::Request& request, http::Response& response) {
            response.setCookie("gh_session", "abc", request.secure());
            response.send(200, "text/plain", request.clientAddress());
        });
        http::ServerLimits limits;
        for (const auto& entry : trusted.split(QLatin1Char(','), Qt::SkipEmptyParts))
            limits.trustedProxies.push_back(entry.trimmed().toStdString());
        http::HttpServer server(router, limits, &accessLog);
        server.start("127.0.0.1", 0);
        HttpClient http(server.port());
        http.setHeader("X-Forwarded-For", forwardedFor.toStdString());
        http.setHeader("X-Forwarded-Proto", forwardedProto.toStdString());
        const auto r = http.get("/who");
        server.stop();
        QCOMPARE(r.status, 200);
        QCOMPARE(q(r.body), client);
        const QString cookie = q(r.header("set-cookie"));
        QVERIFY2(cookie.startsWith(QStringLiteral("gh_session=abc")), qPrintable(cookie));
        QCOMPARE(cookie.contains(QStringLiteral("Secure"), Qt::CaseInsensitive), secure);
        QCOMPARE(!r.header("strict-transport-security").empty(), secure);
        const auto lines = channel->lines();
        QCOMPARE(lines.size(), std::size_t(1));
        QVERIFY2(q(lines.front()).startsWith(client + QStringLiteral(" \"GET /who\" 200")), lines.front().c_str());
    }

    void malformedTrustedProxyIsAConfigurationError()
    {
        http::Router router;
        http::ServerLimits limits;
        limits.trustedProxies = {"10.0.0.0/33"};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, http::HttpServer(router, limits));
        limits.trustedProxies = {"proxy.example"};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, http::HttpServer(router, limits));
    }

    void duplicateRouteIsAProgrammingError()
    {
        http::Router router;
        auto nothing = [](http::Request&, http::Response&) {};
        router.add("GET", "/a/{x}", nothing);
        QVERIFY_THROWS_EXCEPTION(std::logic_error, router.add("GET", "/a/{x}", nothing));
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "testhttpserver.moc"
