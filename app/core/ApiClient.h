#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QUrl>
#include <QUrlQuery>

class QIODevice;
class QNetworkReply;
class QNetworkRequest;

// A server error as the Admin API reports it ({"error": {code, message, details}}), or a transport
// failure (status 0: network_error, timeout, tls_untrusted).
struct ApiError
{
    int status = 0;
    QString code;
    QString message;
    QJsonArray details;

    bool isNull() const { return code.isEmpty() && status == 0; }
    // One sentence a member of staff can act on, with the server's own message when it sent one.
    QString displayText() const;
};

// One request in flight. Emits finished() once, then deletes itself after the event loop turns.
class ApiReply : public QObject
{
    Q_OBJECT
public:
    bool isOk() const { return m_finished && m_error.isNull(); }
    bool isFinished() const { return m_finished; }
    int status() const { return m_status; }
    const ApiError& error() const { return m_error; }
    QJsonObject object() const { return m_json.object(); }
    QJsonArray array() const { return m_json.array(); }
    const QByteArray& body() const { return m_body; }
    void abort();

signals:
    void finished();
    // Bytes sent (upload) or received (download) so far; total -1 when unknown.
    void progress(qint64 done, qint64 total);

private:
    friend class ApiClient;
    explicit ApiReply(QObject* parent);
    QPointer<QIODevice> m_sink; // download(): the answer's body goes here as it arrives

    QPointer<QNetworkReply> m_reply;
    QJsonDocument m_json;
    QByteArray m_body;
    ApiError m_error;
    int m_status = 0;
    bool m_finished = false;
    bool m_aborted = false;
};

// Asynchronous client of the Admin API (/api/admin/v1): JSON in and out, bearer token, transfer
// timeouts, and TLS that verifies certificates. An untrusted certificate is refused unless the
// person trusted exactly that certificate (by SHA-256 digest) for that server before; the GUI is
// asked through certificateTrustRequired() and answers with trustCertificate().
class ApiClient : public QObject
{
    Q_OBJECT
public:
    explicit ApiClient(QObject* parent = nullptr);

    void setBaseUrl(const QUrl& url);
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString& token) { m_token = token; }
    QString token() const { return m_token; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeout() const { return m_timeoutMs; }

    ApiReply* get(const QString& path, const QUrlQuery& query = {});
    ApiReply* post(const QString& path, const QJsonObject& body = {});
    ApiReply* put(const QString& path, const QJsonObject& body);
    ApiReply* patch(const QString& path, const QJsonObject& body);
    ApiReply* deleteResource(const QString& path);
    // POST with a file as the body, streamed from the device (never read whole into memory); the
    // device must stay open until finished(). progress() reports the bytes sent.
    ApiReply* upload(const QString& path, const QUrlQuery& query, QIODevice* body, const QByteArray& contentType);
    // GET whose successful body is written into target as it arrives (body() stays empty then);
    // progress() reports the bytes received.
    ApiReply* download(const QString& path, const QUrlQuery& query, QIODevice* target);

    // A full URL under the admin API, e.g. for the preview session's answer being relative.
    QUrl resolve(const QString& path, const QUrlQuery& query = {}) const;

    // "host:port" → certificate digest choices remembered in QSettings.
    static QString serverId(const QUrl& url);
    bool isCertificateTrusted(const QUrl& url, const QByteArray& sha256Hex) const;
    void trustCertificate(const QUrl& url, const QByteArray& sha256Hex);

    QNetworkAccessManager* networkAccessManager() { return &m_nam; }

signals:
    // A certificate failed verification and the person has not trusted it; the request failed
    // with code "tls_untrusted". After trustCertificate() the caller may try again.
    void certificateTrustRequired(const QUrl& server, const QByteArray& sha256Hex, const QString& subject,
                                  const QStringList& errors);
    // The server answered 401 to a signed-in request (token expired or revoked).
    void unauthorized();
    void busyChanged(bool busy);

private:
    ApiReply* send(const QByteArray& verb, const QString& path, const QUrlQuery& query, const QByteArray& body);
    QNetworkRequest request(const QString& path, const QUrlQuery& query) const;
    ApiReply* track(QNetworkReply* reply);
    void onFinished(ApiReply* apiReply, QNetworkReply* reply);
    void onSslErrors(ApiReply* apiReply, QNetworkReply* reply, const QList<QSslError>& errors);

    QNetworkAccessManager m_nam;
    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMs = 30000;
    int m_inFlight = 0;
};
