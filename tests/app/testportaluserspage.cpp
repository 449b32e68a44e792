#include "AppTestSupport.h"
#include "MainWindow.h"
#include "PortalUsersModel.h"
#include "PortalUsersPage.h"
#include "Session.h"

#include <QDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>

using namespace Qt::StringLiterals;
using namespace AppTest;

// Portal users: disable (confirmed) and enable, invite, assigned customers and sections through the
// dialog; a viewer cannot change anything.
class TestPortalUsersPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void disableAfterConfirmationThenEnable();
    void inviteSendsTheEmail();
    void editAssignedCustomersAndSections();
    void viewerCannotChangeAnything();

private:
    std::unique_ptr<MainWindow> openWindow(const QString& email);
    void select(MainWindow& window, const QString& email);
    QJsonObject user(const QString& email);

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
    auto window = openWindow(u"admin@demo.test"_s);
    select(*window, u"carol@demo.test"_s);
    QSignalSpy status(window->portalUsersPage(), &Page::statusMessage);
    QTest::mouseClick(window->findChild<QPushButton*>(u"inviteButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!status.isEmpty(), kTimeout);
    QVERIFY2(status.last().at(0).toString().contains(u"carol@demo.test"_s), qPrintable(status.last().at(0).toString()));
    QVERIFY(window->findChild<QMessageBox*>(u"errorBox"_s) == nullptr);
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

QTEST_MAIN(TestPortalUsersPage)
#include "testportaluserspage.moc"
