#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class ConnectDialog;
}
class Session;
struct ApiError;

// Server URL (remembered list), staff email and password. Signs in without blocking: the dialog
// stays open with a busy bar until the server answers, and closes on success.
class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectDialog(Session* session, QWidget* parent = nullptr);
    ~ConnectDialog() override;

    void setServer(const QString& url);
    void setEmail(const QString& email);
    QString server() const;

    static QStringList rememberedServers();
    static void rememberServer(const QString& url);

public slots:
    void accept() override;
    // Cancel while signing in drops that attempt; the current connection stays as it was.
    void reject() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void setBusy(bool busy);
    void onFailed(const ApiError& error);

    std::unique_ptr<Ui::ConnectDialog> m_ui;
    Session* m_session;
    bool m_waiting = false;
};
