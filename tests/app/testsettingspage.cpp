#include "AppTestSupport.h"
#include "JobsPage.h"
#include "MainWindow.h"
#include "Session.h"
#include "SettingsPage.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
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
    void sectionListIsEditedAsCheckBoxes_data();
    void sectionListIsEditedAsCheckBoxes();
    void sendTestEmail();
    void settingEditsArePendingAndCtrlSSaves();
    void leavingWithUnsavedSettingsAsks_data();
    void leavingWithUnsavedSettingsAsks();
    void saveErrorNamesTheSettingOnce();
    void dropDownsShowLabels_data();
    void dropDownsShowLabels();

private:
    QString storedValue(const QString& key);

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

QString TestSettingsPage::storedValue(const QString& key)
{
    Client check(m_server.url());
    if (!check.signIn())
        return u"(sign-in failed)"_s;
    for (const auto& item : check.get(u"/settings"_s).value(u"items"_s).toArray()) {
        if (item.toObject().value(u"key"_s).toString() == key)
            return item.toObject().value(u"value"_s).toString();
    }
    return u"(no such setting)"_s;
}

void TestSettingsPage::sectionListIsEditedAsCheckBoxes_data()
{
    QTest::addColumn<QStringList>("ticked");
    QTest::addColumn<QString>("stored");
    // Rows run in order on the same page: each ticks and unticks boxes to reach its set of sections.
    QTest::newRow("untick one") << QStringList{u"account.summary"_s,    u"account.addresses"_s, u"orders.view"_s,
                                               u"deliveries.view"_s,    u"invoices.view"_s,     u"quotes.view"_s,
                                               u"statements.download"_s}
                                << u"account.summary|account.addresses|orders.view|deliveries.view|invoices.view|"
                                   "statements.download|quotes.view"_s;
    QTest::newRow("only two") << QStringList{u"invoices.view"_s, u"account.summary"_s}
                              << u"account.summary|invoices.view"_s;
    QTest::newRow("none") << QStringList{} << QString();
    QTest::newRow("tick one again") << QStringList{u"payments.view"_s} << u"payments.view"_s;
}

void TestSettingsPage::sectionListIsEditedAsCheckBoxes()
{
    QFETCH(QStringList, ticked);
    QFETCH(QString, stored);
    const auto key = u"general.internal_allowed_sections"_s;
    auto* page = m_window->settingsPage();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), kTimeout);
    auto* tabs = m_window->findChild<QTabWidget*>(u"settingsTabs"_s);
    tabs->setCurrentIndex(0); // General
    auto* editor = m_window->findChild<QWidget*>(u"setting_"_s + key);
    QVERIFY(editor);
    QVERIFY(!editor->findChild<QLineEdit*>()); // no text to type section keys into
    const auto boxes = editor->findChildren<QCheckBox*>();
    QCOMPARE(boxes.size(), 8); // one per section of GET /sections
    auto* payments = editor->findChild<QCheckBox*>(u"section_payments.view"_s);
    QVERIFY(payments);
    QCOMPARE(payments->text(), u"View Payments"_s);
    // "&" in a label is shown, not taken as a keyboard mnemonic.
    QCOMPARE(editor->findChild<QCheckBox*>(u"section_quotes.view"_s)->text(), u"View Quotes && Enquiries"_s);
    for (auto* box : boxes) {
        const bool wanted = ticked.contains(box->objectName().mid(8));
        if (box->isChecked() != wanted)
            QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
        QCOMPARE(box->isChecked(), wanted);
    }
    QCOMPARE(page->changedValues(), QJsonObject({{key, stored}}));
    QTest::mouseClick(m_window->findChild<QPushButton*>(u"saveSettingsButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(storedValue(key), stored, kTimeout);
    // Reloaded from the server: the same boxes ticked, nothing pending.
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && page->changedValues().isEmpty(), kTimeout);
    editor = m_window->findChild<QWidget*>(u"setting_"_s + key);
    for (auto* box : editor->findChildren<QCheckBox*>())
        QCOMPARE(box->isChecked(), ticked.contains(box->objectName().mid(8)));
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

void TestSettingsPage::settingEditsArePendingAndCtrlSSaves()
{
    auto* page = m_window->settingsPage();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), kTimeout);
    // Boxes left open by earlier cases would block the shortcut.
    for (auto* box : m_window->findChildren<QMessageBox*>())
        box->close();
    auto* pending = m_window->findChild<QLabel*>(u"pendingLabel"_s);
    QTRY_COMPARE(pending->text(), u"No pending changes"_s);
    auto* edit = m_window->findChild<QLineEdit*>(u"setting_cron.import_invoices"_s);
    edit->setText(u"15 4 * * *"_s);
    QCOMPARE(pending->text(), u"1 unsaved setting"_s);
    QVERIFY(m_window->findChild<QAction*>(u"actionUpdate"_s)->isEnabled());
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(storedValue(u"cron.import_invoices"_s), u"15 4 * * *"_s, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(pending->text(), u"No pending changes"_s, kTimeout);
}

void TestSettingsPage::leavingWithUnsavedSettingsAsks_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<bool>("leaves");
    QTest::addColumn<QString>("stored");
    QTest::newRow("cancel stays with the edit") << u"cancelButton"_s << false << u"* * * * *"_s;
    QTest::newRow("discard leaves, nothing saved") << u"discardButton"_s << true << u"* * * * *"_s;
    QTest::newRow("save leaves, saved") << u"saveButton"_s << true << u"*/2 * * * *"_s;
}

void TestSettingsPage::leavingWithUnsavedSettingsAsks()
{
    QFETCH(QString, button);
    QFETCH(bool, leaves);
    QFETCH(QString, stored);
    auto* page = m_window->settingsPage();
    m_window->showPage(MainWindow::Settings);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), kTimeout);
    page->discardEdits();
    const auto key = u"cron.email_documents"_s;
    auto* edit = m_window->findChild<QLineEdit*>(u"setting_"_s + key);
    edit->setText(u"*/2 * * * *"_s);
    m_window->showPage(MainWindow::Jobs);
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = m_window->findChild<QMessageBox*>(u"unsavedSettingsBox"_s)) != nullptr, kTimeout);
    QCOMPARE(m_window->currentPage(), page); // not left before the answer
    QTest::mouseClick(box->findChild<QPushButton*>(button), Qt::LeftButton);
    if (leaves)
        QTRY_COMPARE_WITH_TIMEOUT(m_window->currentPage(), static_cast<Page*>(m_window->jobsPage()), kTimeout);
    else
        QCOMPARE(m_window->currentPage(), page);
    QTRY_COMPARE_WITH_TIMEOUT(storedValue(key), stored, kTimeout);
    // Put the schedule back for the next row.
    m_window->showPage(MainWindow::Settings);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), kTimeout);
    edit = m_window->findChild<QLineEdit*>(u"setting_"_s + key);
    if (edit->text() != u"* * * * *"_s) {
        edit->setText(u"* * * * *"_s);
        page->save();
        QTRY_COMPARE_WITH_TIMEOUT(storedValue(key), u"* * * * *"_s, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && page->pendingCount() == 0, kTimeout);
    }
}

void TestSettingsPage::saveErrorNamesTheSettingOnce()
{
    auto* page = m_window->settingsPage();
    m_window->showPage(MainWindow::Settings);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), kTimeout);
    auto* edit = m_window->findChild<QLineEdit*>(u"setting_cron.import_customers"_s);
    edit->setText(u"61 * * * *"_s);
    page->save();
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = m_window->findChild<QMessageBox*>(u"errorBox"_s)) != nullptr, kTimeout);
    const auto text = box->text();
    QVERIFY2(text.startsWith(u"Import customers: "_s), qPrintable(text));
    QVERIFY2(!text.contains(u"cron.import_customers"_s), qPrintable(text));
    QCOMPARE(text.count(u'\n'), 0); // one setting, one line
    box->close();
    page->discardEdits();
    QCOMPARE(page->pendingCount(), 0);
}

void TestSettingsPage::dropDownsShowLabels_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("otherValue");
    QTest::newRow("transport") << u"email.transport"_s << u"Outbox folder (nothing is sent)"_s << u"smtp"_s;
    QTest::newRow("access policy") << u"general.access_policy"_s << u"All customers"_s << u"allow_list"_s;
    QTest::newRow("selection mode") << u"general.customer_selection_mode"_s << u"Every assigned customer"_s
                                    << u"payer"_s;
}

void TestSettingsPage::dropDownsShowLabels()
{
    QFETCH(QString, key);
    QFETCH(QString, label);
    QFETCH(QString, otherValue);
    auto* page = m_window->settingsPage();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), kTimeout);
    auto* combo = m_window->findChild<QComboBox*>(u"setting_"_s + key);
    QVERIFY(combo);
    QCOMPARE(combo->currentText(), label);
    for (int i = 0; i < combo->count(); ++i)
        QVERIFY2(combo->itemText(i) != combo->itemData(i).toString(), qPrintable(combo->itemText(i)));
    combo->setCurrentIndex(combo->findData(otherValue));
    QCOMPARE(page->changedValues(), QJsonObject({{key, otherValue}}));
    page->discardEdits();
    QCOMPARE(combo->currentText(), label);
}

QTEST_MAIN(TestSettingsPage)
#include "testsettingspage.moc"
