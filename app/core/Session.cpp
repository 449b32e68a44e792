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
    m_client->setBaseUrl(server);
    m_client->setToken({});
    setState(State::SigningIn);
    auto* reply = m_client->post(u"/session"_s, {{u"email"_s, email}, {u"password"_s, password}});
    connect(reply, &ApiReply::finished, this, [this, reply] {
        const auto token = reply->object().value(u"token"_s).toString();
        if (!reply->isOk() || token.isEmpty()) {
            setState(State::SignedOut);
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
