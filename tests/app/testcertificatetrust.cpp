#include "AppTestSupport.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>

using namespace Qt::StringLiterals;
using namespace AppTest;

// TLS: an untrusted certificate is refused unless the person trusts exactly that certificate for
// that server; the choice is remembered (QSettings) by SHA-256 digest.
class TestCertificateTrust : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void untrustedCertificateIsRefusedUntilTrusted();

private:
    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QSslServer m_server;
};

void TestCertificateTrust::initTestCase()
{
    isolateSettings(u"testcertificatetrust"_s);
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    // A self-signed certificate, as a server set up without a public CA would have.
    QProcess openssl;
    openssl.start(u"openssl"_s,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s, u"2"_s, u"-subj"_s,
                   u"/CN=127.0.0.1"_s, u"-keyout"_s, m_dir.filePath(u"key.pem"_s), u"-out"_s,
                   m_dir.filePath(u"cert.pem"_s)});
    if (!openssl.waitForStarted(kTimeout))
        QSKIP("the openssl command is needed to make a test certificate");
    QVERIFY(openssl.waitForFinished(kTimeout));
    QCOMPARE(openssl.exitCode(), 0);
    const auto certificates = QSslCertificate::fromPath(m_dir.filePath(u"cert.pem"_s));
    QCOMPARE(certificates.size(), 1);
    m_certificate = certificates.first();
    QFile keyFile(m_dir.filePath(u"key.pem"_s));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    m_key = QSslKey(&keyFile, QSsl::Rsa);
    QVERIFY(!m_key.isNull());

    auto configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(m_certificate);
    configuration.setPrivateKey(m_key);
    m_server.setSslConfiguration(configuration);
    // A minimal HTTPS server answering every request with {"items": []}.
    connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
        while (auto* socket = m_server.nextPendingConnection()) {
            connect(socket, &QIODevice::readyRead, socket, [socket] {
                socket->readAll();
                const QByteArray body = "{\"items\":[],\"page\":1,\"pageSize\":50,\"total\":0}";
                socket->write(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
            connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    QVERIFY(m_server.listen(QHostAddress::LocalHost));
}

void TestCertificateTrust::untrustedCertificateIsRefusedUntilTrusted()
{
    const QUrl url(u"https://127.0.0.1:%1"_s.arg(m_server.serverPort()));
    ApiClient client;
    client.setBaseUrl(url);
    QSignalSpy trustRequired(&client, &ApiClient::certificateTrustRequired);

    auto* refused = client.get(u"/customers"_s);
    QVERIFY(wait(refused));
    QCOMPARE(refused->error().code, u"tls_untrusted"_s);
    QCOMPARE(trustRequired.size(), 1);
    const auto digest = trustRequired.at(0).at(1).toByteArray();
    QCOMPARE(digest, m_certificate.digest(QCryptographicHash::Sha256).toHex());
    QVERIFY(!trustRequired.at(0).at(3).toStringList().isEmpty()); // the reasons are shown to the person

    // Never automatic: trusting is the person's explicit choice, remembered for this server.
    client.trustCertificate(url, digest);
    ApiClient later; // e.g. the next start of the app
    later.setBaseUrl(url);
    QVERIFY(later.isCertificateTrusted(url, digest));
    auto* accepted = later.get(u"/customers"_s);
    QVERIFY(wait(accepted));
    QVERIFY2(accepted->isOk(), qPrintable(accepted->error().displayText()));
    QCOMPARE(accepted->object().value(u"total"_s).toInt(), 0);

    // Another certificate digest for the same server is still refused.
    QSettings().remove(u"trustedCertificates"_s);
    client.trustCertificate(url, QByteArray(64, 'a'));
    ApiClient other;
    other.setBaseUrl(url);
    auto* again = other.get(u"/customers"_s);
    QVERIFY(wait(again));
    QCOMPARE(again->error().code, u"tls_untrusted"_s);
}

QTEST_GUILESS_MAIN(TestCertificateTrust)
#include "testcertificatetrust.moc"
