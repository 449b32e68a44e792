#include "Session.h"

using namespace Qt::StringLiterals;

Session::Session(ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
    connect(m_client, &ApiClient::unauthorized, this, [this] {
        if (m_state == State::SignedIn) {
            m_client->setToken({});
            m_user = {};
            setState(State::SignedOut);
            emit signedOut();
        }
    });
}

void Session::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void Session::signIn(const QUrl& server, const QString& email, const QString& password)
{
    if (m_attempt) {
        m_attempt->disconnect(this);
        m_attempt->abort();
    } else {
        m_previous = {m_state, m_client->baseUrl(), m_client->token(), m_user, m_expiresAt};
    }
    m_client->setBaseUrl(server);
    m_client->setToken({});
    setState(State::SigningIn);
    auto* reply = m_client->post(u"/session"_s, {{u"email"_s, email}, {u"password"_s, password}});
    m_attempt = reply;
    connect(reply, &ApiReply::finished, this, [this, reply] {
        m_attempt = nullptr;
        const auto token = reply->object().value(u"token"_s).toString();
        if (!reply->isOk() || token.isEmpty()) {
            restorePrevious();
            ApiError error = reply->error();
            if (error.isNull()) {
                error.status = reply->status();
                error.code = u"bad_answer"_s;
                error.message = tr("The server's answer holds no session token. Is this a Gatehouse server?");
            }
            emit signInFailed(error);
            return;
        }
        m_client->setToken(token);
        m_user = reply->object().value(u"user"_s).toObject();
        m_expiresAt = QDateTime::fromString(reply->object().value(u"expiresAt"_s).toString(), Qt::ISODate);
        setState(State::SignedIn);
        emit signedIn();
    });
}

void Session::restorePrevious()
{
    m_client->setBaseUrl(m_previous.baseUrl);
    m_client->setToken(m_previous.token);
    m_user = m_previous.user;
    m_expiresAt = m_previous.expiresAt;
    setState(m_previous.state);
    m_previous = {};
}

void Session::cancelSignIn()
{
    if (!m_attempt)
        return;
    m_attempt->disconnect(this);
    m_attempt->abort();
    m_attempt = nullptr;
    restorePrevious();
}

void Session::signOut()
{
    if (m_state != State::SignedIn)
        return;
    // Revoke on the server too; the local state goes at once whatever the answer.
    m_client->deleteResource(u"/session"_s);
    m_client->setToken({});
    m_user = {};
    setState(State::SignedOut);
    emit signedOut();
}
