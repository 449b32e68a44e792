#include "ApiClient.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSettings>
#include <QSslCertificate>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
const auto kApiPrefix = u"/api/admin/v1"_s;
}

QString ApiError::displayText() const
{
    QString text;
    switch (status) {
    case 0:
        if (code == u"timeout"_s)
            text = QCoreApplication::translate("ApiError", "The server did not answer in time.");
        else if (code == u"tls_untrusted"_s)
            text = QCoreApplication::translate("ApiError", "The server's certificate is not trusted.");
        else
            text = QCoreApplication::translate("ApiError", "The server cannot be reached.");
        break;
    case 400:
    case 422:
        text = QCoreApplication::translate("ApiError", "The server refused the input.");
        break;
    case 401:
        text = QCoreApplication::translate("ApiError", "You are not signed in (or your session expired).");
        break;
    case 403:
        text = QCoreApplication::translate("ApiError", "Your staff role does not allow this.");
        break;
    case 404:
        text = QCoreApplication::translate("ApiError", "Not found on the server.");
        break;
    case 409:
        text = QCoreApplication::translate("ApiError", "Someone else changed these records in the meantime.");
        break;
    case 429:
        text = QCoreApplication::translate("ApiError", "Too many attempts; wait a moment and try again.");
        break;
    default:
        if (status >= 500)
            text = QCoreApplication::translate("ApiError", "The server failed (HTTP %1).").arg(status);
        else
            text = QCoreApplication::translate("ApiError", "The request failed (HTTP %1).").arg(status);
    }
    if (!message.isEmpty())
        text += u' ' + message;
    QStringList fields;
    for (const auto& detail : details) {
        const auto object = detail.toObject();
        const auto field = object.value(u"field"_s).toString();
        const auto reason = object.value(u"message"_s).toString();
        if (!field.isEmpty() || !reason.isEmpty())
            fields << (field.isEmpty() ? reason : field + u": "_s + reason);
        else if (detail.isString())
            fields << detail.toString();
    }
    if (!fields.isEmpty())
        text += u"\n"_s + fields.join(u"\n"_s);
    return text;
}

ApiReply::ApiReply(QObject* parent)
    : QObject(parent)
{
}

void ApiReply::abort()
{
    m_aborted = true;
    if (auto* reply = m_reply.data())
        reply->abort();
}

ApiClient::ApiClient(QObject* parent)
    : QObject(parent)
{
    // Redirects could leak the bearer token to another host; the API never redirects.
    m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

void ApiClient::setBaseUrl(const QUrl& url)
{
    m_baseUrl = url;
    if (m_baseUrl.path().endsWith(u'/'))
        m_baseUrl.setPath(m_baseUrl.path().chopped(1));
}

QUrl ApiClient::resolve(const QString& path, const QUrlQuery& query) const
{
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + kApiPrefix + path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

ApiReply* ApiClient::get(const QString& path, const QUrlQuery& query)
{
    return send("GET", path, query, {});
}

ApiReply* ApiClient::post(const QString& path, const QJsonObject& body)
{
    return send("POST", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

ApiReply* ApiClient::put(const QString& path, const QJsonObject& body)
{
    return send("PUT", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

ApiReply* ApiClient::patch(const QString& path, const QJsonObject& body)
{
    return send("PATCH", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

ApiReply* ApiClient::deleteResource(const QString& path)
{
    return send("DELETE", path, {}, {});
}

QNetworkRequest ApiClient::request(const QString& path, const QUrlQuery& query) const
{
    QNetworkRequest request(resolve(path, query));
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("X-Gatehouse-Origin", "app");
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(m_timeoutMs);
    return request;
}

ApiReply* ApiClient::send(const QByteArray& verb, const QString& path, const QUrlQuery& query, const QByteArray& body)
{
    QNetworkRequest req = request(path, query);
    if (!body.isEmpty() || verb == "POST" || verb == "PUT" || verb == "PATCH")
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    QNetworkReply* reply = nullptr;
    if (verb == "GET")
        reply = m_nam.get(req);
    else if (verb == "DELETE")
        reply = m_nam.deleteResource(req);
    else
        reply = m_nam.sendCustomRequest(req, verb, body.isEmpty() ? QByteArray("{}") : body);
    return track(reply);
}

ApiReply* ApiClient::upload(const QString& path, const QUrlQuery& query, QIODevice* body, const QByteArray& contentType)
{
    QNetworkRequest req = request(path, query);
    req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    req.setHeader(QNetworkRequest::ContentLengthHeader, body->size());
    auto* apiReply = track(m_nam.post(req, body));
    connect(apiReply->m_reply, &QNetworkReply::uploadProgress, apiReply, &ApiReply::progress);
    return apiReply;
}

ApiReply* ApiClient::download(const QString& path, const QUrlQuery& query, QIODevice* target)
{
    auto* apiReply = track(m_nam.get(request(path, query)));
    apiReply->m_sink = target;
    QNetworkReply* reply = apiReply->m_reply;
    connect(reply, &QNetworkReply::downloadProgress, apiReply, &ApiReply::progress);
    connect(reply, &QNetworkReply::readyRead, apiReply, [apiReply, reply] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status > 0 && status < 400 && apiReply->m_sink)
            apiReply->m_sink->write(reply->readAll());
    });
    return apiReply;
}

ApiReply* ApiClient::track(QNetworkReply* reply)
{
    auto* apiReply = new ApiReply(this);
    apiReply->m_reply = reply;
    if (m_inFlight++ == 0)
        emit busyChanged(true);
    connect(reply, &QNetworkReply::sslErrors, this,
            [this, apiReply, reply](const QList<QSslError>& errors) { onSslErrors(apiReply, reply, errors); });
    connect(reply, &QNetworkReply::finished, this, [this, apiReply, reply] { onFinished(apiReply, reply); });
    return apiReply;
}

void ApiClient::onFinished(ApiReply* apiReply, QNetworkReply* reply)
{
    reply->deleteLater();
    const auto statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    apiReply->m_status = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    if (apiReply->m_sink && apiReply->m_status > 0 && apiReply->m_status < 400)
        apiReply->m_sink->write(reply->readAll());
    else
        apiReply->m_body = reply->readAll();
    if (!apiReply->m_body.isEmpty())
        apiReply->m_json = QJsonDocument::fromJson(apiReply->m_body);

    ApiError error;
    if (apiReply->m_status >= 400) {
        error.status = apiReply->m_status;
        const auto object = apiReply->m_json.object().value(u"error"_s).toObject();
        error.code = object.value(u"code"_s).toString(u"http_%1"_s.arg(apiReply->m_status));
        error.message = object.value(u"message"_s).toString();
        error.details = object.value(u"details"_s).toArray();
    } else if (apiReply->m_status == 0 || reply->error() != QNetworkReply::NoError) {
        if (apiReply->property("tlsUntrusted").toBool()) {
            error.code = u"tls_untrusted"_s;
        } else if (reply->error() == QNetworkReply::OperationCanceledError && !apiReply->m_aborted) {
            error.code = u"timeout"_s; // setTransferTimeout() aborts this way
        } else if (apiReply->m_aborted) {
            error.code = u"aborted"_s;
        } else if (reply->error() == QNetworkReply::TimeoutError) {
            error.code = u"timeout"_s;
        } else {
            error.code = u"network_error"_s;
        }
        error.message = reply->errorString();
    }
    apiReply->m_error = error;
    apiReply->m_finished = true;
    if (--m_inFlight == 0)
        emit busyChanged(false);
    if (error.status == 401 && !m_token.isEmpty())
        emit unauthorized();
    emit apiReply->finished();
    apiReply->deleteLater();
}

QString ApiClient::serverId(const QUrl& url)
{
    return u"%1:%2"_s.arg(url.host().toLower()).arg(url.port(url.scheme() == u"https"_s ? 443 : 80));
}

bool ApiClient::isCertificateTrusted(const QUrl& url, const QByteArray& sha256Hex) const
{
    QSettings settings;
    const auto trusted = settings.value(u"trustedCertificates/"_s + serverId(url)).toStringList();
    return trusted.contains(QString::fromLatin1(sha256Hex));
}

void ApiClient::trustCertificate(const QUrl& url, const QByteArray& sha256Hex)
{
    QSettings settings;
    const auto key = u"trustedCertificates/"_s + serverId(url);
    auto trusted = settings.value(key).toStringList();
    if (!trusted.contains(QString::fromLatin1(sha256Hex)))
        trusted << QString::fromLatin1(sha256Hex);
    settings.setValue(key, trusted);
}

void ApiClient::onSslErrors(ApiReply* apiReply, QNetworkReply* reply, const QList<QSslError>& errors)
{
    const auto certificate = reply->sslConfiguration().peerCertificate();
    const auto digest = certificate.digest(QCryptographicHash::Sha256).toHex();
    if (!certificate.isNull() && isCertificateTrusted(m_baseUrl, digest)) {
        // Trusted is this exact certificate only: every error must concern it.
        reply->ignoreSslErrors(errors);
        return;
    }
    apiReply->setProperty("tlsUntrusted", true);
    QStringList texts;
    for (const auto& error : errors)
        texts << error.errorString();
    emit certificateTrustRequired(m_baseUrl, digest, certificate.subjectDisplayName(), texts);
}
