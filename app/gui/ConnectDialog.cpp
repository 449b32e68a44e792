#include "ConnectDialog.h"
#include "ui_ConnectDialog.h"

#include "Session.h"

#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

using namespace Qt::StringLiterals;

ConnectDialog::ConnectDialog(Session* session, QWidget* parent)
    : QDialog(parent)
    , m_ui(new Ui::ConnectDialog)
    , m_session(session)
{
    m_ui->setupUi(this);
    m_ui->busyBar->hide();
    m_ui->serverCombo->addItems(rememberedServers());
    QSettings settings;
    const auto last = settings.value(u"connection/lastServer"_s).toString();
    m_ui->serverCombo->setCurrentText(last.isEmpty() ? u"http://127.0.0.1:8080"_s : last);
    m_ui->emailEdit->setText(settings.value(u"connection/lastEmail"_s).toString());
    m_ui->serverCombo->lineEdit()->setPlaceholderText(tr("https://gatehouse.example.com"));
    m_ui->emailEdit->setPlaceholderText(tr("you@example.com"));
    if (!m_ui->emailEdit->text().isEmpty())
        m_ui->passwordEdit->setFocus();

    connect(m_session, &Session::signedIn, this, [this] {
        if (!m_waiting)
            return;
        m_waiting = false;
        setBusy(false);
        rememberServer(server());
        QSettings s;
        s.setValue(u"connection/lastServer"_s, server());
        s.setValue(u"connection/lastEmail"_s, m_ui->emailEdit->text().trimmed());
        QDialog::accept();
    });
    connect(m_session, &Session::signInFailed, this, &ConnectDialog::onFailed);
    connect(m_session->client(), &ApiClient::certificateTrustRequired, this,
            [this](const QUrl& url, const QByteArray& digest, const QString& subject, const QStringList& errors) {
                if (!m_waiting)
                    return;
                // Explicit choice, never automatic: show what is wrong and the exact fingerprint.
                auto* box = new QMessageBox(
                    QMessageBox::Warning, tr("Untrusted certificate"),
                    tr("The certificate of %1 could not be verified:\n%2\n\n"
                       "Subject: %3\nSHA-256 fingerprint:\n%4\n\n"
                       "Trust this certificate for this server only if you "
                       "have checked the fingerprint with your IT department.")
                        .arg(ApiClient::serverId(url), errors.join(u"\n"_s), subject, QString::fromLatin1(digest)),
                    QMessageBox::NoButton, this);
                box->setObjectName(u"trustCertificateBox"_s);
                box->setAttribute(Qt::WA_DeleteOnClose);
                auto* trust = box->addButton(tr("&Trust this certificate"), QMessageBox::AcceptRole);
                box->addButton(QMessageBox::Cancel);
                box->setDefaultButton(QMessageBox::Cancel);
                connect(box, &QMessageBox::buttonClicked, this, [this, trust, url, digest](QAbstractButton* b) {
                    if (b == trust) {
                        m_session->client()->trustCertificate(url, digest);
                        accept(); // try again with the certificate now trusted
                    }
                });
                box->open();
            });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);
}

ConnectDialog::~ConnectDialog() = default;

void ConnectDialog::setServer(const QString& url)
{
    m_ui->serverCombo->setCurrentText(url);
}

void ConnectDialog::setEmail(const QString& email)
{
    m_ui->emailEdit->setText(email);
}

QString ConnectDialog::server() const
{
    return m_ui->serverCombo->currentText().trimmed();
}

QStringList ConnectDialog::rememberedServers()
{
    return QSettings().value(u"connection/servers"_s).toStringList();
}

void ConnectDialog::rememberServer(const QString& url)
{
    QSettings settings;
    auto servers = settings.value(u"connection/servers"_s).toStringList();
    servers.removeAll(url);
    servers.prepend(url);
    while (servers.size() > 10)
        servers.removeLast();
    settings.setValue(u"connection/servers"_s, servers);
}

void ConnectDialog::accept()
{
    const QUrl url = QUrl::fromUserInput(server());
    if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty()) {
        m_ui->statusLabel->setText(tr("Enter the server's address, e.g. https://gatehouse.example.com"));
        m_ui->serverCombo->setFocus();
        return;
    }
    if (m_ui->emailEdit->text().trimmed().isEmpty() || m_ui->passwordEdit->text().isEmpty()) {
        m_ui->statusLabel->setText(tr("Enter your email and password."));
        return;
    }
    if (url.scheme() == u"http"_s && url.host() != u"127.0.0.1"_s && url.host() != u"localhost"_s)
        m_ui->statusLabel->setText(tr("Warning: this connection is not encrypted."));
    else
        m_ui->statusLabel->setText(tr("Signing in…"));
    m_waiting = true;
    setBusy(true);
    m_session->signIn(url, m_ui->emailEdit->text().trimmed(), m_ui->passwordEdit->text());
}

void ConnectDialog::reject()
{
    if (m_waiting) {
        m_waiting = false;
        m_session->cancelSignIn();
    }
    QDialog::reject();
}

void ConnectDialog::onFailed(const ApiError& error)
{
    if (!m_waiting)
        return;
    m_waiting = false;
    setBusy(false);
    if (error.code == u"tls_untrusted"_s) {
        m_ui->statusLabel->setText(tr("The server's certificate is not trusted. Nothing was sent."));
        return;
    }
    if (error.status == 401)
        m_ui->statusLabel->setText(tr("The email or password is not correct."));
    else if (error.status == 404)
        m_ui->statusLabel->setText(tr("This server does not offer the Gatehouse Admin API (not found)."));
    else
        m_ui->statusLabel->setText(error.displayText());
    m_ui->passwordEdit->selectAll();
    m_ui->passwordEdit->setFocus();
}

void ConnectDialog::setBusy(bool busy)
{
    m_ui->busyBar->setVisible(busy);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    m_ui->serverCombo->setEnabled(!busy);
    m_ui->emailEdit->setEnabled(!busy);
    m_ui->passwordEdit->setEnabled(!busy);
}

void ConnectDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        m_ui->retranslateUi(this);
    QDialog::changeEvent(event);
}
