#pragma once

#include "ApiClient.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

// The staff member's sign-in: POST /session gives a bearer token that the ApiClient then carries.
class Session : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        SignedOut,
        SigningIn,
        SignedIn
    };
    Q_ENUM(State)

    explicit Session(ApiClient* client, QObject* parent = nullptr);

    // Tries a sign-in; the current connection (server, token, user) stays in use until the new one
    // succeeds, and comes back as it was when the attempt fails or is cancelled.
    void signIn(const QUrl& server, const QString& email, const QString& password);
    void cancelSignIn();
    void signOut();

    State state() const { return m_state; }
    bool isSignedIn() const { return m_state == State::SignedIn; }
    QJsonObject user() const { return m_user; }
    QString email() const { return m_user.value(QStringLiteral("email")).toString(); }
    QString role() const { return m_user.value(QStringLiteral("role")).toString(); }
    // Nothing is editable while not signed in (or while a sign-in is under way).
    bool canEdit() const { return isSignedIn() && role() != QStringLiteral("viewer"); }
    QDateTime expiresAt() const { return m_expiresAt; }
    ApiClient* client() const { return m_client; }

signals:
    void stateChanged(Session::State state);
    void signedIn();
    void signInFailed(const ApiError& error);
    void signedOut();

private:
    void setState(State state);
    void restorePrevious();

    struct Previous
    {
        State state = State::SignedOut;
        QUrl baseUrl;
        QString token;
        QJsonObject user;
        QDateTime expiresAt;
    };

    ApiClient* m_client;
    QPointer<ApiReply> m_attempt;
    Previous m_previous;
    State m_state = State::SignedOut;
    QJsonObject m_user;
    QDateTime m_expiresAt;
};
