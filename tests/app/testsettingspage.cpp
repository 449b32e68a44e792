#include "AppTestSupport.h"
#include "MainWindow.h"
#include "Session.h"
#include "SettingsPage.h"

#include <QCheckBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>

using namespace Qt::StringLiterals;
using namespace AppTest;

// Settings: every setting in groups; cron fields checked by the server as typed; save; test email.
class TestSettingsPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void settingsAreGrouped();
    void cronIsCheckedAsTyped();
    void saveSendsOnlyWhatChanged();
    void sendTestEmail();

private:
    TestServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestSettingsPage::initTestCase()
{
    isolateSettings(u"testsettingspage"_s);
    QVERIFY(m_server.start());
    m_window = std::make_unique<MainWindow>(m_dir.filePath(u"w.sqlite"_s));
    m_window->show();
    m_window->signIn(m_server.url(), u"admin@demo.test"_s, u"Demo-Passw0rd"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->context().session->isSignedIn(), kTimeout);
    m_window->showPage(MainWindow::Settings);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->findChild<QLineEdit*>(u"setting_cron.import_customers"_s) != nullptr, kTimeout);
}

void TestSettingsPage::settingsAreGrouped()
{
    auto* tabs = m_window->findChild<QTabWidget*>(u"settingsTabs"_s);
    QStringList titles;
    for (int i = 0; i < tabs->count(); ++i)
        titles << tabs->tabText(i);
    for (const auto& group : {u"General"_s, u"Sync"_s, u"Schedules"_s, u"Email"_s, u"Portal"_s, u"Passwords"_s})
        QVERIFY2(titles.contains(group), qPrintable(titles.join(u", "_s)));
    QVERIFY(m_window->findChild<QWidget*>(u"setting_general.access_policy"_s));
    QVERIFY(m_window->findChild<QCheckBox*>(u"setting_sync.orders.enabled"_s));
}

void TestSettingsPage::cronIsCheckedAsTyped()
{
    auto* edit = m_window->findChild<QLineEdit*>(u"setting_cron.import_customers"_s);
    auto* preview = m_window->findChild<QLabel*>(u"cronPreview_cron.import_customers"_s);
    QVERIFY(edit && preview);
    edit->clear();
    QTest::keyClicks(edit, u"0 2 * * MON-FRI"_s);
    QTRY_VERIFY_WITH_TIMEOUT(preview->text().startsWith(u"Next runs:"_s), kTimeout);
    QCOMPARE(preview->text().count(u" · "_s), 4); // five run times
    edit->clear();
    QTest::keyClicks(edit, u"61 * * * *"_s);
    QTRY_VERIFY_WITH_TIMEOUT(preview->text().startsWith(u"Invalid"_s), kTimeout);
    edit->clear();
    QTRY_VERIFY_WITH_TIMEOUT(preview->text().contains(u"Disabled"_s), kTimeout);
}

void TestSettingsPage::saveSendsOnlyWhatChanged()
{
    auto* page = m_window->settingsPage();
    auto* edit = m_window->findChild<QLineEdit*>(u"setting_cron.import_orders"_s);
    edit->setText(u"30 3 * * *"_s);
    QCOMPARE(page->changedValues(), QJsonObject({{u"cron.import_orders"_s, u"30 3 * * *"_s}}));
    QTest::mouseClick(m_window->findChild<QPushButton*>(u"saveSettingsButton"_s), Qt::LeftButton);
    Client check(m_server.url());
    QVERIFY(check.signIn());
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const auto& item : check.get(u"/settings"_s).value(u"items"_s).toArray()) {
                if (item.toObject().value(u"key"_s).toString() == u"cron.import_orders"_s)
                    return item.toObject().value(u"value"_s).toString() == u"30 3 * * *"_s;
            }
            return false;
        }(),
        kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && page->changedValues().isEmpty(), kTimeout);
}

void TestSettingsPage::sendTestEmail()
{
    QTest::mouseClick(m_window->findChild<QPushButton*>(u"testEmailButton"_s), Qt::LeftButton);
    QInputDialog* dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<QInputDialog*>(u"testEmailDialog"_s)) != nullptr, kTimeout);
    QCOMPARE(dialog->textValue(), u"admin@demo.test"_s);
    dialog->setTextValue(u"it@example.com"_s);
    dialog->accept();
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = m_window->findChild<QMessageBox*>(u"infoBox"_s)) != nullptr, kTimeout);
    QVERIFY2(box->text().contains(u"it@example.com"_s) && box->text().contains(u"queued"_s), qPrintable(box->text()));
}

QTEST_MAIN(TestSettingsPage)
#include "testsettingspage.moc"
