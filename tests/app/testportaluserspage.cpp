#include "AppTestSupport.h"
#include "MainWindow.h"
#include "PortalUsersModel.h"
#include "PortalUsersPage.h"
#include "Session.h"

#include <QCheckBox>
#include <QDialog>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkReply>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>

using namespace Qt::StringLiterals;
using namespace AppTest;

// Portal users: disable (confirmed) and enable, invite, assigned customers and sections through the
// dialog; unlock a locked and throttled user, who can then sign in to the portal again; reset password
// sends the reset email, whose link really sets a new password; a viewer cannot change anything.
class TestPortalUsersPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void disableAfterConfirmationThenEnable();
    void inviteSendsTheEmail();
    void editAssignedCustomersAndSections();
    void viewerCannotChangeAnything();
    void unlockLetsALockedUserSignInAgain();
    void resetPasswordSendsAWorkingResetEmail();
    void newPortalUserThroughTheDialog();
    void newPortalUserWithATakenEmailStaysOpen();
    void inviteOfAnActiveUserOffersAResetInstead_data();
    void inviteOfAnActiveUserOffersAResetInstead();

private:
    std::unique_ptr<MainWindow> openWindow(const QString& email);
    void select(MainWindow& window, const QString& email);
    QJsonObject user(const QString& email);
    // The portal API itself, as a browser would call it: the HTTP status.
    int portalRequest(const QByteArray& verb, const QString& path, const QJsonObject& body);
    int portalSignIn(const QString& email, const QString& password);
    // The .eml files the server's outbox transport wrote, by file name.
    QStringList outboxFiles() const;

    QNetworkAccessManager m_portal;

    TestServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<Client> m_check;
};

void TestPortalUsersPage::initTestCase()
{
    isolateSettings(u"testportaluserspage"_s);
    QVERIFY(m_server.start());
    m_check = std::make_unique<Client>(m_server.url());
    QVERIFY(m_check->signIn());
}

std::unique_ptr<MainWindow> TestPortalUsersPage::openWindow(const QString& email)
{
    auto window = std::make_unique<MainWindow>(m_dir.filePath(email + u".sqlite"_s));
    window->show();
    window->signIn(m_server.url(), email, u"Demo-Passw0rd"_s);
    [&] { QTRY_VERIFY_WITH_TIMEOUT(window->context().session->isSignedIn(), kTimeout); }();
    window->showPage(MainWindow::PortalUsers);
    auto* model = window->portalUsersPage()->model();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(model->hasLoaded() && !model->isLoading() && model->rowCount() >= 3, kTimeout); }();
    return window;
}

void TestPortalUsersPage::select(MainWindow& window, const QString& email)
{
    auto* model = window.portalUsersPage()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->record(row).value(u"email"_s).toString() == email)
            window.findChild<QTableView*>(u"portalUsersView"_s)->setCurrentIndex(model->index(row, 0));
    }
}

QJsonObject TestPortalUsersPage::user(const QString& email)
{
    QUrlQuery query;
    query.addQueryItem(u"q"_s, email);
    return m_check->get(u"/portal-users"_s, query).value(u"items"_s).toArray().at(0).toObject();
}

void TestPortalUsersPage::disableAfterConfirmationThenEnable()
{
    auto window = openWindow(u"admin@demo.test"_s);
    select(*window, u"bob@demo.test"_s);
    auto* disable = window->findChild<QPushButton*>(u"disableButton"_s);
    auto* enable = window->findChild<QPushButton*>(u"enableButton"_s);
    QVERIFY(disable->isEnabled());
    QVERIFY(!enable->isEnabled());
    QTest::mouseClick(disable, Qt::LeftButton);
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = window->findChild<QMessageBox*>(u"disableConfirmBox"_s)) != nullptr, kTimeout);
    QCOMPARE(user(u"bob@demo.test"_s).value(u"status"_s).toString(), u"active"_s); // not before confirming
    QTest::mouseClick(box->findChild<QPushButton*>(u"confirmButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(user(u"bob@demo.test"_s).value(u"status"_s).toString(), u"disabled"_s, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(enable->isEnabled(), kTimeout); // the row was re-read
    QTest::mouseClick(enable, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(user(u"bob@demo.test"_s).value(u"status"_s).toString(), u"active"_s, kTimeout);
}

void TestPortalUsersPage::inviteSendsTheEmail()
{
    // Someone added without an invitation yet (the demo's three users are all active).
    int status = 0;
    m_check->post(u"/portal-users"_s,
                  {{u"email"_s, u"ivan@demo.test"_s},
                   {u"firstName"_s, u"Ivan"_s},
                   {u"customerNumber"_s, u"C100004"_s},
                   {u"assignedCustomers"_s, QJsonArray{u"C100004"_s}},
                   {u"sections"_s, QJsonArray{u"account.summary"_s}},
                   {u"invite"_s, false}},
                  &status);
    QCOMPARE(status, 201);
    QCOMPARE(user(u"ivan@demo.test"_s).value(u"status"_s).toString(), u"invited"_s);
    const auto before = outboxFiles();
    auto window = openWindow(u"admin@demo.test"_s);
    select(*window, u"ivan@demo.test"_s);
    QSignalSpy message(window->portalUsersPage(), &Page::statusMessage);
    QTest::mouseClick(window->findChild<QPushButton*>(u"inviteButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!message.isEmpty(), kTimeout);
    QVERIFY2(message.last().at(0).toString().contains(u"Invitation sent to ivan@demo.test"_s),
             qPrintable(message.last().at(0).toString()));
    QVERIFY(window->findChild<QMessageBox*>(u"errorBox"_s) == nullptr);
    QVERIFY(window->findChild<QMessageBox*>(u"inviteActiveBox"_s) == nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(outboxFiles().size() > before.size(), kTimeout);
}

void TestPortalUsersPage::editAssignedCustomersAndSections()
{
    auto window = openWindow(u"admin@demo.test"_s);
    select(*window, u"bob@demo.test"_s);
    const auto before = user(u"bob@demo.test"_s);
    QVERIFY(!before.value(u"assignedCustomers"_s).toArray().contains(QJsonValue(u"C100002"_s)));
    QTest::mouseClick(window->findChild<QPushButton*>(u"editUserButton"_s), Qt::LeftButton);
    QDialog* dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window->findChild<QDialog*>(u"portalUserDialog"_s)) != nullptr, kTimeout);
    // Per customer, staff see whose rights apply: at C100001 bob is a contact, so his contact's do.
    auto* access = dialog->findChild<QTableWidget*>(u"accessTable"_s);
    QVERIFY(access);
    QTRY_VERIFY_WITH_TIMEOUT(access->rowCount() >= 1, kTimeout);
    QCOMPARE(access->item(0, 0)->text(), u"C100001"_s);
    QVERIFY2(access->item(0, 1)->text().contains(u"Contact Bob Brown"_s), qPrintable(access->item(0, 1)->text()));
    QCOMPARE(access->item(0, 1)->data(Qt::UserRole).toString(), u"contact"_s);
    QVERIFY(access->item(0, 2)->text().contains(u"View Invoice History"_s));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(u"customerEdit"_s), u"c100002"_s);
    QTest::mouseClick(dialog->findChild<QPushButton*>(u"addCustomerButton"_s), Qt::LeftButton);
    auto* sections = dialog->findChild<QListWidget*>(u"sectionsList"_s);
    QListWidgetItem* payments = nullptr;
    for (int i = 0; i < sections->count(); ++i) {
        if (sections->item(i)->data(Qt::UserRole).toString() == u"payments.view"_s)
            payments = sections->item(i);
    }
    QVERIFY(payments);
    const bool had = payments->checkState() == Qt::Checked;
    payments->setCheckState(had ? Qt::Unchecked : Qt::Checked);
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(
        user(u"bob@demo.test"_s).value(u"assignedCustomers"_s).toArray().contains(QJsonValue(u"C100002"_s)), kTimeout);
    QCOMPARE(user(u"bob@demo.test"_s).value(u"sections"_s).toArray().contains(QJsonValue(u"payments.view"_s)), !had);
}

void TestPortalUsersPage::viewerCannotChangeAnything()
{
    auto window = openWindow(u"viewer@demo.test"_s);
    select(*window, u"alice@demo.test"_s);
    for (const auto* name : {"disableButton", "inviteButton", "resetPasswordButton", "editUserButton", "unlockButton"})
        QVERIFY2(!window->findChild<QPushButton*>(QString::fromLatin1(name))->isEnabled(), name);
    QVERIFY(window->findChild<QPushButton*>(u"previewButton"_s)->isEnabled()); // looking is allowed
}

int TestPortalUsersPage::portalRequest(const QByteArray& verb, const QString& path, const QJsonObject& body)
{
    QNetworkRequest request(m_server.url().resolved(QUrl(u"/api/portal/v1"_s + path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    auto* reply = m_portal.sendCustomRequest(request, verb, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(kTimeout))
        return 0;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

int TestPortalUsersPage::portalSignIn(const QString& email, const QString& password)
{
    return portalRequest("POST", u"/session"_s, {{u"email"_s, email}, {u"password"_s, password}});
}

QStringList TestPortalUsersPage::outboxFiles() const
{
    // The server runs in the test server's folder with the default data folder "var".
    return QDir(m_server.dir() + u"/var/outbox"_s).entryList({u"*.eml"_s}, QDir::Files, QDir::Name);
}

void TestPortalUsersPage::unlockLetsALockedUserSignInAgain()
{
    const auto email = u"bob@demo.test"_s;
    QCOMPARE(portalSignIn(email, u"Demo-Passw0rd"_s), 200);
    // Locked, as staff or an import lock an account (the server itself only throttles sign-ins) ...
    const auto before = user(email);
    int status = 0;
    m_check->post(u"/changesets"_s,
                  {{u"changes"_s,
                    QJsonArray{QJsonObject{{u"entity"_s, u"portal_user"_s},
                                           {u"key"_s, before.value(u"id"_s)},
                                           {u"version"_s, before.value(u"version"_s)},
                                           {u"set"_s, QJsonObject{{u"status"_s, u"locked"_s}}}}}}},
                  &status);
    QCOMPARE(status, 200);
    QCOMPARE(user(email).value(u"status"_s).toString(), u"locked"_s);
    // ... so the right password no longer signs in, and after repeated failures the portal throttles.
    QCOMPARE(portalSignIn(email, u"Demo-Passw0rd"_s), 401);
    int attempts = 0;
    while (portalSignIn(email, u"Wrong-Passw0rd"_s) == 401 && attempts < 20)
        ++attempts;
    QVERIFY2(attempts < 20, "the portal never throttled the failed sign-ins");
    QCOMPARE(portalSignIn(email, u"Demo-Passw0rd"_s), 429);

    auto window = openWindow(u"admin@demo.test"_s);
    select(*window, email);
    auto* unlock = window->findChild<QPushButton*>(u"unlockButton"_s);
    QVERIFY(unlock->isEnabled());
    QSignalSpy message(window->portalUsersPage(), &Page::statusMessage);
    QTest::mouseClick(unlock, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(user(email).value(u"status"_s).toString(), u"active"_s, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(!message.isEmpty(), kTimeout);
    QVERIFY2(message.last().at(0).toString().contains(u"unlocked"_s), qPrintable(message.last().at(0).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(!unlock->isEnabled(), kTimeout); // the row was re-read: no longer locked
    QVERIFY(window->findChild<QMessageBox*>(u"errorBox"_s) == nullptr);
    // The real effect: the failed sign-ins are forgotten and bob signs in with his password again.
    QCOMPARE(portalSignIn(email, u"Demo-Passw0rd"_s), 200);
}

void TestPortalUsersPage::resetPasswordSendsAWorkingResetEmail()
{
    const auto email = u"carol@demo.test"_s;
    const auto before = outboxFiles();
    auto window = openWindow(u"admin@demo.test"_s);
    select(*window, email);
    QTest::mouseClick(window->findChild<QPushButton*>(u"resetPasswordButton"_s), Qt::LeftButton);

    // The server's email job writes the message to its outbox folder.
    QString message;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const auto& name : outboxFiles()) {
                if (before.contains(name))
                    continue;
                QFile file(m_server.dir() + u"/var/outbox/"_s + name);
                if (file.open(QIODevice::ReadOnly)) {
                    const auto text = QString::fromUtf8(file.readAll());
                    if (text.contains(u"reset your password"_s))
                        message = text;
                }
            }
            return !message.isEmpty();
        }(),
        kTimeout);
    QVERIFY2(message.contains(u"To: "_s + email) || message.contains(u"<"_s + email + u">"_s), qPrintable(message));
    static const QRegularExpression linkPattern(u"/reset-password\\?token=(\\S+)"_s);
    const auto link = linkPattern.match(message);
    QVERIFY2(link.hasMatch(), qPrintable(message));
    const auto token = QUrl::fromPercentEncoding(link.captured(1).toLatin1());

    // Its link works: the token sets a new password, which then signs in.
    QCOMPARE(portalRequest("PUT", u"/password"_s, {{u"token"_s, token}, {u"password"_s, u"Fresh-Passw0rd-7"_s}}), 204);
    QCOMPARE(portalSignIn(email, u"Fresh-Passw0rd-7"_s), 200);
    QCOMPARE(portalSignIn(email, u"Demo-Passw0rd"_s), 401);
}

void TestPortalUsersPage::newPortalUserThroughTheDialog()
{
    const auto before = outboxFiles();
    auto window = openWindow(u"admin@demo.test"_s);
    auto* button = window->findChild<QPushButton*>(u"newUserButton"_s);
    QVERIFY(button && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QDialog* dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window->findChild<QDialog*>(u"newPortalUserDialog"_s)) != nullptr, kTimeout);
    QVERIFY(dialog->findChild<QCheckBox*>(u"inviteCheck"_s)->isChecked()); // invited unless staff say otherwise
    QTest::keyClicks(dialog->findChild<QLineEdit*>(u"emailEdit"_s), u"dora@customer.test"_s);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(u"firstNameEdit"_s), u"Dora"_s);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(u"lastNameEdit"_s), u"Diaz"_s);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(u"customerEdit"_s), u"c100005"_s);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(u"assignedEdit"_s), u"C100006"_s);
    QTest::mouseClick(dialog->findChild<QPushButton*>(u"addCustomerButton"_s), Qt::LeftButton);
    auto* sections = dialog->findChild<QListWidget*>(u"sectionsList"_s);
    for (int i = 0; i < sections->count(); ++i) {
        if (sections->item(i)->data(Qt::UserRole).toString() == u"orders.view"_s)
            sections->item(i)->setCheckState(Qt::Checked);
    }
    dialog->findChild<QCheckBox*>(u"makePaymentCheck"_s)->setChecked(true);
    QSignalSpy message(window->portalUsersPage(), &Page::statusMessage);
    QTest::mouseClick(dialog->findChild<QPushButton*>(u"createButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!user(u"dora@customer.test"_s).isEmpty(), kTimeout);
    const auto created = user(u"dora@customer.test"_s);
    QCOMPARE(created.value(u"firstName"_s).toString(), u"Dora"_s);
    QCOMPARE(created.value(u"customerNumber"_s).toString(), u"C100005"_s);
    QCOMPARE(created.value(u"assignedCustomers"_s).toArray(), QJsonArray({u"C100005"_s, u"C100006"_s}));
    QVERIFY(created.value(u"sections"_s).toArray().contains(QJsonValue(u"orders.view"_s)));
    QVERIFY(created.value(u"makePayment"_s).toBool());
    QCOMPARE(created.value(u"status"_s).toString(), u"invited"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!message.isEmpty(), kTimeout);
    QVERIFY2(message.last().at(0).toString().contains(u"invitation"_s), qPrintable(message.last().at(0).toString()));
    // The invitation really went out.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const auto& name : outboxFiles()) {
                QFile file(m_server.dir() + u"/var/outbox/"_s + name);
                if (!before.contains(name) && file.open(QIODevice::ReadOnly)
                    && QString::fromUtf8(file.readAll()).contains(u"dora@customer.test"_s))
                    return true;
            }
            return false;
        }(),
        kTimeout);
    // The list shows the new person.
    auto* model = window->portalUsersPage()->model();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() == 1
                                 && model->record(0).value(u"email"_s).toString() == u"dora@customer.test"_s,
                             kTimeout);
}

void TestPortalUsersPage::newPortalUserWithATakenEmailStaysOpen()
{
    auto window = openWindow(u"admin@demo.test"_s);
    window->portalUsersPage()->newUser();
    QDialog* dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window->findChild<QDialog*>(u"newPortalUserDialog"_s)) != nullptr, kTimeout);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(u"emailEdit"_s), u"ALICE@demo.test"_s);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(u"customerEdit"_s), u"C100001"_s);
    QTest::mouseClick(dialog->findChild<QPushButton*>(u"createButton"_s), Qt::LeftButton);
    auto* status = dialog->findChild<QLabel*>(u"statusLabel"_s);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"already exists"_s), kTimeout);
    QVERIFY(dialog->isVisible());
    dialog->reject();
}

void TestPortalUsersPage::inviteOfAnActiveUserOffersAResetInstead_data()
{
    QTest::addColumn<bool>("confirm");
    QTest::newRow("confirmed: a reset e-mail") << true;
    QTest::newRow("cancelled: nothing sent") << false;
}

void TestPortalUsersPage::inviteOfAnActiveUserOffersAResetInstead()
{
    QFETCH(bool, confirm);
    const auto email = u"alice@demo.test"_s;
    QCOMPARE(user(email).value(u"status"_s).toString(), u"active"_s);
    auto window = openWindow(u"admin@demo.test"_s);
    select(*window, email);
    QSignalSpy message(window->portalUsersPage(), &Page::statusMessage);
    const auto before = outboxFiles();
    QTest::mouseClick(window->findChild<QPushButton*>(u"inviteButton"_s), Qt::LeftButton);
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = window->findChild<QMessageBox*>(u"inviteActiveBox"_s)) != nullptr, kTimeout);
    QVERIFY2(box->text().contains(u"password-reset"_s), qPrintable(box->text()));
    QTest::mouseClick(box->findChild<QPushButton*>(confirm ? u"confirmButton"_s : u"cancelButton"_s), Qt::LeftButton);
    if (confirm) {
        QTRY_VERIFY_WITH_TIMEOUT(!message.isEmpty(), kTimeout);
        QVERIFY2(message.last().at(0).toString().startsWith(u"Password-reset email sent"_s),
                 qPrintable(message.last().at(0).toString()));
    } else {
        QTest::qWait(300);
        QVERIFY(message.isEmpty());
        QCOMPARE(outboxFiles(), before);
    }
    QCOMPARE(user(email).value(u"status"_s).toString(), u"active"_s);
}

QTEST_MAIN(TestPortalUsersPage)
#include "testportaluserspage.moc"
