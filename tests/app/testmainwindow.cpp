#include "AppTestSupport.h"
#include "ConnectDialog.h"
#include "ContactsModel.h"
#include "CustomersPage.h"
#include "MainWindow.h"
#include "PendingChanges.h"
#include "Session.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace AppTest;

namespace {
// Stands in for a shipped German translation: the menu switch must retranslate what is on screen.
class FakeGerman : public QTranslator
{
public:
    QString translate(const char* context, const char* source, const char* disambiguation, int n) const override
    {
        Q_UNUSED(disambiguation)
        Q_UNUSED(n)
        if (qstrcmp(context, "MainWindow") == 0 && qstrcmp(source, "Customers & Contacts") == 0)
            return u"Kunden & Kontakte"_s;
        if (qstrcmp(context, "MainWindow") == 0 && qstrcmp(source, "&File") == 0)
            return u"&Datei"_s;
        return {};
    }
    bool isEmpty() const override { return false; }
};
} // namespace

// The main window: sign in through the connect dialog, status bar, remembered server, live language.
class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void signInThroughTheConnectDialog();
    void wrongPasswordIsShownInTheDialog();
    void languageSwitchesLive();
    void failedOrCancelledReconnectKeepsTheConnection_data();
    void failedOrCancelledReconnectKeepsTheConnection();
    void editingIsOffWhileDisconnected();
    void reconnectDoesNotClaimACrash();

private:
    TestServer m_server;
    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase()
{
    isolateSettings(u"testmainwindow"_s);
    QVERIFY(m_server.start());
}

void TestMainWindow::signInThroughTheConnectDialog()
{
    MainWindow window(m_dir.filePath(u"w1.sqlite"_s));
    window.show();
    auto* status = window.findChild<QLabel*>(u"connectionLabel"_s);
    QVERIFY(status->text().contains(u"Not connected"_s));
    auto* dialog = window.openConnectDialog();
    auto* server = dialog->findChild<QComboBox*>(u"serverCombo"_s);
    server->setCurrentText(m_server.url().toString());
    auto* email = dialog->findChild<QLineEdit*>(u"emailEdit"_s);
    email->clear();
    QTest::keyClicks(email, u"admin@demo.test"_s);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(u"passwordEdit"_s), u"Demo-Passw0rd"_s);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox*>(u"buttonBox"_s)->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(window.context().session->isSignedIn(), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"admin@demo.test"_s), kTimeout);
    QVERIFY(status->text().contains(u"(admin)"_s));
    // The server is remembered for next time.
    QCOMPARE(ConnectDialog::rememberedServers().value(0), m_server.url().toString());
    QCOMPARE(QSettings().value(u"connection/lastServer"_s).toString(), m_server.url().toString());
}

void TestMainWindow::wrongPasswordIsShownInTheDialog()
{
    MainWindow window(m_dir.filePath(u"w2.sqlite"_s));
    window.show();
    auto* dialog = window.openConnectDialog(m_server.url().toString(), u"admin@demo.test"_s);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(u"passwordEdit"_s), u"not-the-password"_s);
    dialog->accept();
    auto* status = dialog->findChild<QLabel*>(u"statusLabel"_s);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"not correct"_s), kTimeout);
    QVERIFY(dialog->isVisible()); // stays open to try again
    QVERIFY(!window.context().session->isSignedIn());
}

void TestMainWindow::languageSwitchesLive()
{
    MainWindow window(m_dir.filePath(u"w3.sqlite"_s));
    window.show();
    auto* navigation = window.findChild<QListWidget*>(u"navigationList"_s);
    QCOMPARE(navigation->item(0)->text(), u"Customers & Contacts"_s);
    auto* german = window.findChild<QAction*>(u"language_de"_s);
    QVERIFY(german && window.findChild<QAction*>(u"language_en"_s));
    german->trigger();
    QCOMPARE(QSettings().value(u"language"_s).toString(), u"de"_s);

    FakeGerman translation;
    QCoreApplication::installTranslator(&translation); // what loading a German .qm does
    QTRY_COMPARE(navigation->item(0)->text(), u"Kunden & Kontakte"_s);
    QCOMPARE(window.findChild<QMenu*>(u"menuFile"_s)->title(), u"&Datei"_s);
    QCoreApplication::removeTranslator(&translation);
    window.findChild<QAction*>(u"language_en"_s)->trigger();
    QTRY_COMPARE(navigation->item(0)->text(), u"Customers & Contacts"_s);
    QCOMPARE(QSettings().value(u"language"_s).toString(), u"en"_s);
}

void TestMainWindow::failedOrCancelledReconnectKeepsTheConnection_data()
{
    QTest::addColumn<bool>("cancel");
    QTest::newRow("wrong password, then Cancel at once") << true;
    QTest::newRow("wrong password, answer awaited") << false;
}

void TestMainWindow::failedOrCancelledReconnectKeepsTheConnection()
{
    QFETCH(bool, cancel);
    MainWindow window(m_dir.filePath(u"w4.sqlite"_s));
    window.show();
    window.signIn(m_server.url(), u"admin@demo.test"_s, u"Demo-Passw0rd"_s);
    QTRY_VERIFY_WITH_TIMEOUT(window.context().session->isSignedIn(), kTimeout);
    auto* status = window.findChild<QLabel*>(u"connectionLabel"_s);
    auto* dialog = window.openConnectDialog(m_server.url().toString(), u"admin@demo.test"_s);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(u"passwordEdit"_s), u"not-the-password"_s);
    dialog->accept();
    if (cancel) {
        dialog->reject();
        QTest::qWait(500); // the abandoned attempt's answer has arrived by now
    } else {
        auto* dialogStatus = dialog->findChild<QLabel*>(u"statusLabel"_s);
        QTRY_VERIFY_WITH_TIMEOUT(dialogStatus->text().contains(u"not correct"_s), kTimeout);
        dialog->reject();
    }
    QTRY_VERIFY_WITH_TIMEOUT(window.context().session->isSignedIn(), kTimeout);
    QVERIFY2(status->text().contains(u"Connected to"_s), qPrintable(status->text()));
    QVERIFY(window.customersPage()->isEnabled());
    // The kept token still works.
    auto* reply = window.context().client->get(u"/customers"_s);
    QVERIFY(wait(reply));
    QCOMPARE(reply->status(), 200);
}

void TestMainWindow::editingIsOffWhileDisconnected()
{
    MainWindow window(m_dir.filePath(u"w5.sqlite"_s));
    window.show();
    window.signIn(m_server.url(), u"admin@demo.test"_s, u"Demo-Passw0rd"_s);
    QTRY_VERIFY_WITH_TIMEOUT(window.context().session->isSignedIn(), kTimeout);
    auto* contacts = window.customersPage()->contactsModel();
    QTRY_VERIFY_WITH_TIMEOUT(contacts->rowCount() > 0, kTimeout);
    const int column = contacts->columnOfField(u"makePayment"_s);
    QVERIFY(contacts->flags(contacts->index(0, column)) & Qt::ItemIsUserCheckable);
    window.context().session->signOut();
    QVERIFY(!window.context().session->canEdit());
    QVERIFY(!contacts->isEditable());
    QVERIFY(!(contacts->flags(contacts->index(0, column)) & Qt::ItemIsUserCheckable));
    QVERIFY(!contacts->setData(contacts->index(0, column), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(!window.customersPage()->isEnabled());
    QVERIFY(!window.findChild<QAction*>(u"actionUpdate"_s)->isEnabled());
}

void TestMainWindow::reconnectDoesNotClaimACrash()
{
    MainWindow window(m_dir.filePath(u"w6.sqlite"_s));
    window.show();
    window.signIn(m_server.url(), u"admin@demo.test"_s, u"Demo-Passw0rd"_s);
    QTRY_VERIFY_WITH_TIMEOUT(window.context().session->isSignedIn(), kTimeout);
    auto* contacts = window.customersPage()->contactsModel();
    QTRY_VERIFY_WITH_TIMEOUT(contacts->rowCount() > 0, kTimeout);
    const int column = contacts->columnOfField(u"makePayment"_s);
    const auto index = contacts->index(0, column);
    const bool was = contacts->data(index, Qt::CheckStateRole).toInt() == Qt::Checked;
    QVERIFY(contacts->setData(index, was ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(window.context().pending->count(), 1);
    window.context().session->signOut();
    window.signIn(m_server.url(), u"admin@demo.test"_s, u"Demo-Passw0rd"_s);
    QTRY_VERIFY_WITH_TIMEOUT(window.context().session->isSignedIn(), kTimeout);
    QTest::qWait(200);
    QVERIFY(!window.findChild<QMessageBox*>(u"restorePendingBox"_s));
    QVERIFY2(window.statusBar()->currentMessage().contains(u"still there"_s),
             qPrintable(window.statusBar()->currentMessage()));
    QCOMPARE(window.context().pending->count(), 1);
}

QTEST_MAIN(TestMainWindow)
#include "testmainwindow.moc"
