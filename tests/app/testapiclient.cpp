#include "AppTestSupport.h"
#include "Session.h"

#include <QTcpServer>

using namespace Qt::StringLiterals;
using namespace AppTest;

class TestApiClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void signInGivesAToken();
    void wrongPasswordIsAStructuredError();
    void badParameterNamesTheField();
    void notSignedInIs401();
    void timeoutIsReported();
    void unreachableServerIsANetworkError();
    void changesAreAuditedWithOriginApp();
    void signOutRevokesTheToken();
    void trustedCertificatesAreRememberedPerServer();

private:
    TestServer m_server;
};

void TestApiClient::initTestCase()
{
    isolateSettings(u"testapiclient"_s);
    QVERIFY(m_server.start());
}

void TestApiClient::signInGivesAToken()
{
    ApiClient client;
    Session session(&client);
    QSignalSpy signedIn(&session, &Session::signedIn);
    session.signIn(m_server.url(), u"admin@demo.test"_s, u"Demo-Passw0rd"_s);
    QCOMPARE(session.state(), Session::State::SigningIn);
    QVERIFY(signedIn.wait(kTimeout));
    QVERIFY(session.isSignedIn());
    QVERIFY(!client.token().isEmpty());
    QCOMPARE(session.email(), u"admin@demo.test"_s);
    QCOMPARE(session.role(), u"admin"_s);
    QVERIFY(session.canEdit());
}

void TestApiClient::wrongPasswordIsAStructuredError()
{
    ApiClient client;
    Session session(&client);
    QSignalSpy failed(&session, &Session::signInFailed);
    session.signIn(m_server.url(), u"admin@demo.test"_s, u"wrong-password"_s);
    QVERIFY(failed.wait(kTimeout));
    const auto error = failed.at(0).at(0).value<ApiError>();
    QCOMPARE(error.status, 401);
    QCOMPARE(error.code, u"invalid_credentials"_s);
    QVERIFY(!session.isSignedIn());
    QVERIFY(!error.displayText().isEmpty());
}

void TestApiClient::badParameterNamesTheField()
{
    Client client(m_server.url());
    QVERIFY(client.signIn());
    QUrlQuery query;
    query.addQueryItem(u"pageSize"_s, u"1000"_s);
    auto* reply = client.api().get(u"/customers"_s, query);
    QVERIFY(wait(reply));
    QCOMPARE(reply->status(), 400);
    QVERIFY(!reply->error().code.isEmpty());
    QVERIFY2(reply->error().displayText().contains(u"pageSize"_s), qPrintable(reply->error().displayText()));
}

void TestApiClient::notSignedInIs401()
{
    ApiClient client;
    client.setBaseUrl(m_server.url());
    auto* reply = client.get(u"/customers"_s);
    QVERIFY(wait(reply));
    QCOMPARE(reply->error().status, 401);
}

void TestApiClient::timeoutIsReported()
{
    // A server that accepts the connection and never answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    ApiClient client;
    client.setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(silent.serverPort())));
    client.setTimeout(300);
    auto* reply = client.get(u"/customers"_s);
    QVERIFY(wait(reply));
    QCOMPARE(reply->error().status, 0);
    QCOMPARE(reply->error().code, u"timeout"_s);
}

void TestApiClient::unreachableServerIsANetworkError()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const auto port = closed.serverPort();
    closed.close();
    ApiClient client;
    client.setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
    auto* reply = client.get(u"/customers"_s);
    QVERIFY(wait(reply));
    QCOMPARE(reply->error().code, u"network_error"_s);
    QVERIFY(!reply->isOk());
}

void TestApiClient::changesAreAuditedWithOriginApp()
{
    Client client(m_server.url());
    QVERIFY(client.signIn());
    const auto customer = client.get(u"/customers/C100005"_s);
    QVERIFY(customer.contains(u"version"_s));
    int status = 0;
    client.post(u"/changesets"_s,
                {{u"changes"_s,
                  QJsonArray{QJsonObject{
                      {u"entity"_s, u"customer"_s},
                      {u"key"_s, u"C100005"_s},
                      {u"version"_s, customer.value(u"version"_s)},
                      {u"set"_s, QJsonObject{{u"portalEnabled"_s, !customer.value(u"portalEnabled"_s).toBool()}}}}}}},
                &status);
    QCOMPARE(status, 200);
    QUrlQuery query;
    query.addQueryItem(u"entity"_s, u"customer"_s);
    query.addQueryItem(u"key"_s, u"C100005"_s);
    const auto events = client.get(u"/audit-events"_s, query).value(u"items"_s).toArray();
    QVERIFY(!events.isEmpty());
    QCOMPARE(events.at(0).toObject().value(u"origin"_s).toString(), u"app"_s);
}

void TestApiClient::signOutRevokesTheToken()
{
    ApiClient client;
    Session session(&client);
    QSignalSpy signedIn(&session, &Session::signedIn);
    session.signIn(m_server.url(), u"viewer@demo.test"_s, u"Demo-Passw0rd"_s);
    QVERIFY(signedIn.wait(kTimeout));
    QVERIFY(!session.canEdit());
    const auto token = client.token();
    session.signOut();
    QVERIFY(client.token().isEmpty());
    // The old token is dead on the server too.
    ApiClient other;
    other.setBaseUrl(m_server.url());
    other.setToken(token);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            auto* reply = other.get(u"/customers"_s);
            wait(reply);
            return reply->status() == 401;
        }(),
        kTimeout);
}

void TestApiClient::trustedCertificatesAreRememberedPerServer()
{
    ApiClient client;
    const QUrl a(u"https://gatehouse.example.com"_s);
    const QUrl b(u"https://other.example.com:8443"_s);
    QVERIFY(!client.isCertificateTrusted(a, "abc123"));
    client.trustCertificate(a, "abc123");
    QVERIFY(client.isCertificateTrusted(a, "abc123"));
    QVERIFY(!client.isCertificateTrusted(a, "def456")); // another certificate for the same server
    QVERIFY(!client.isCertificateTrusted(b, "abc123")); // the same certificate for another server
    QCOMPARE(ApiClient::serverId(b), u"other.example.com:8443"_s);
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "testapiclient.moc"
