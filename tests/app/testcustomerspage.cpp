#include "AppTestSupport.h"
#include "ContactsModel.h"
#include "CustomersModel.h"
#include "CustomersPage.h"
#include "MainWindow.h"
#include "PendingChanges.h"
#include "Session.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>

using namespace Qt::StringLiterals;
using namespace AppTest;

// The Customers & Contacts screen driven like a person would, against the real server.
class TestCustomersPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tickPermissionUpdateAndConfirmThroughTheApi();
    void conflictIsShownPerRowWithReload();
    void bulkDisableAccessAfterConfirmation();
    void bulkPermissionCancelledChangesNothing();
    void pendingEditsAreOfferedBackAfterACrash();
    void viewerCannotEdit();
    void nameAndEmailStayWhenScrolledRight();
    void customersWithPendingEditsAreMarked();

private:
    std::unique_ptr<MainWindow> openWindow(const QString& workspace);
    QModelIndex tickCanRegister(MainWindow& window, const QString& customer);

    TestServer m_server;
    QTemporaryDir m_dir;
};

void TestCustomersPage::initTestCase()
{
    isolateSettings(u"testcustomerspage"_s);
    QVERIFY(m_server.start());
}

std::unique_ptr<MainWindow> TestCustomersPage::openWindow(const QString& workspace)
{
    auto window = std::make_unique<MainWindow>(m_dir.filePath(workspace));
    window->show();
    window->activateWindow();
    [&] { QVERIFY(QTest::qWaitForWindowActive(window.get())); }();
    window->signIn(m_server.url(), u"admin@demo.test"_s, u"Demo-Passw0rd"_s);
    auto* view = window->findChild<QTableView*>(u"customersView"_s);
    [&] { QTRY_VERIFY_WITH_TIMEOUT(window->context().session->isSignedIn(), kTimeout); }();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(view && view->model()->rowCount() > 0, kTimeout); }();
    return window;
}

// Selects the customer, waits for its contacts and ticks "Can Register" of the first with the keyboard.
QModelIndex TestCustomersPage::tickCanRegister(MainWindow& window, const QString& customer)
{
    auto* customers = window.findChild<QTableView*>(u"customersView"_s);
    auto* contacts = window.findChild<QTableView*>(u"contactsView"_s);
    auto* customersModel = window.customersPage()->customersModel();
    auto* contactsModel = window.customersPage()->contactsModel();
    customers->setCurrentIndex(customersModel->index(customersModel->rowOfKey(customer), 0));
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(contactsModel->customer() == customer && contactsModel->hasLoaded()
                                     && !contactsModel->isLoading() && contactsModel->rowCount() > 0,
                                 kTimeout);
    }();
    const auto cell = contactsModel->index(0, contactsModel->columnOfField(u"canRegister"_s));
    contacts->setFocus();
    contacts->setCurrentIndex(cell);
    QTest::keyClick(contacts, Qt::Key_Space);
    return cell;
}

void TestCustomersPage::tickPermissionUpdateAndConfirmThroughTheApi()
{
    auto window = openWindow(u"w1.sqlite"_s);
    Client check(m_server.url());
    QVERIFY(check.signIn());
    const auto before = check.firstContact(u"C100001"_s);
    QVERIFY(before.contains(u"canRegister"_s));

    const auto cell = tickCanRegister(*window, u"C100001"_s);
    QCOMPARE(cell.data(Qt::CheckStateRole).toInt() == Qt::Checked, !before.value(u"canRegister"_s).toBool());
    QVERIFY(cell.data(RemoteTableModel::PendingRole).toBool()); // highlighted until Update
    QCOMPARE(window->context().pending->count(), 1);
    auto* pendingLabel = window->findChild<QLabel*>(u"pendingLabel"_s);
    QVERIFY2(pendingLabel->text().contains(u"1 pending change"_s), qPrintable(pendingLabel->text()));
    // Nothing reached the server yet.
    QCOMPARE(check.firstContact(u"C100001"_s).value(u"canRegister"_s), before.value(u"canRegister"_s));

    QTest::keyClick(window.get(), Qt::Key_S, Qt::ControlModifier); // Update
    QTRY_COMPARE_WITH_TIMEOUT(window->context().pending->count(), 0, kTimeout);
    const auto after = check.firstContact(u"C100001"_s);
    QCOMPARE(after.value(u"canRegister"_s).toBool(), !before.value(u"canRegister"_s).toBool());
    QVERIFY(after.value(u"version"_s).toInteger() > before.value(u"version"_s).toInteger());
    QVERIFY(pendingLabel->text().contains(u"No pending"_s));
    // The row is re-read: no longer highlighted, and it shows the saved value.
    QTRY_VERIFY_WITH_TIMEOUT(!cell.data(RemoteTableModel::PendingRole).toBool(), kTimeout);
    QCOMPARE(cell.data(Qt::CheckStateRole).toInt() == Qt::Checked, after.value(u"canRegister"_s).toBool());
}

void TestCustomersPage::conflictIsShownPerRowWithReload()
{
    auto window = openWindow(u"w2.sqlite"_s);
    const auto cell = tickCanRegister(*window, u"C100003"_s);
    auto* contactsModel = window->customersPage()->contactsModel();
    const auto key = contactsModel->keyOf(0);

    // Someone else changes the same contact in the meantime.
    Client other(m_server.url());
    QVERIFY(other.signIn());
    const auto contact = other.get(u"/contacts/"_s + key);
    int status = 0;
    other.post(u"/changesets"_s,
               {{u"changes"_s,
                 QJsonArray{QJsonObject{{u"entity"_s, u"contact"_s},
                                        {u"key"_s, contact.value(u"id"_s)},
                                        {u"version"_s, contact.value(u"version"_s)},
                                        {u"set"_s, QJsonObject{{u"title"_s, u"Head of Buying"_s}}}}}}},
               &status);
    QCOMPARE(status, 200);

    window->findChild<QAction*>(u"actionUpdate"_s)->trigger();
    auto* bar = window->findChild<QWidget*>(u"conflictBar"_s);
    QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), kTimeout);
    QVERIFY(cell.data(RemoteTableModel::ConflictRole).toBool()); // shown on its row
    QCOMPARE(window->context().pending->count(), 1); // nothing saved, nothing lost yet
    QCOMPARE(other.get(u"/contacts/"_s + key).value(u"canRegister"_s), contact.value(u"canRegister"_s));

    QTest::mouseClick(window->findChild<QPushButton*>(u"reloadConflictsButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!cell.data(RemoteTableModel::ConflictRole).toBool(), kTimeout);
    QVERIFY(!bar->isVisible());
    QCOMPARE(window->context().pending->count(), 0);
    QCOMPARE(contactsModel->record(0).value(u"title"_s).toString(), u"Head of Buying"_s);
}

void TestCustomersPage::bulkDisableAccessAfterConfirmation()
{
    auto window = openWindow(u"w3.sqlite"_s);
    Client check(m_server.url());
    QVERIFY(check.signIn());
    int status = 0;
    const int expected = check.post(u"/bulk/portal-access"_s, {{u"enable"_s, false}, {u"dryRun"_s, true}}, &status)
                             .value(u"changed"_s)
                             .toInt();
    QCOMPARE(status, 200);
    QVERIFY(expected > 0);

    window->findChild<QAction*>(u"actionDisableAllAccess"_s)->trigger();
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = window->findChild<QMessageBox*>(u"bulkConfirmBox"_s)) != nullptr, kTimeout);
    QVERIFY2(box->text().contains(u"This changes %1 records"_s.arg(expected)), qPrintable(box->text()));
    QUrlQuery enabled;
    enabled.addQueryItem(u"portalEnabled"_s, u"true"_s);
    QCOMPARE(check.get(u"/customers"_s, enabled).value(u"total"_s).toInt(), expected); // dry run changed nothing
    QTest::mouseClick(box->findChild<QPushButton*>(u"confirmButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(check.get(u"/customers"_s, enabled).value(u"total"_s).toInt(), 0, kTimeout);
}

void TestCustomersPage::bulkPermissionCancelledChangesNothing()
{
    auto window = openWindow(u"w4.sqlite"_s);
    Client check(m_server.url());
    QVERIFY(check.signIn());
    const auto dryRun = check.post(u"/bulk/contact-permission"_s,
                                   {{u"permission"_s, u"invoices.view"_s}, {u"value"_s, false}, {u"dryRun"_s, true}});
    const int expected = dryRun.value(u"changed"_s).toInt();
    QVERIFY(expected > 0);
    window->customersPage()->bulkContactPermission(u"invoices.view"_s, false);
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = window->findChild<QMessageBox*>(u"bulkConfirmBox"_s)) != nullptr, kTimeout);
    QVERIFY2(box->text().contains(u"This changes %1 records"_s.arg(expected)), qPrintable(box->text()));
    QTest::mouseClick(box->findChild<QPushButton*>(u"cancelButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(window->findChild<QMessageBox*>(u"bulkConfirmBox"_s) == nullptr, kTimeout);
    const auto again = check.post(u"/bulk/contact-permission"_s,
                                  {{u"permission"_s, u"invoices.view"_s}, {u"value"_s, false}, {u"dryRun"_s, true}});
    QCOMPARE(again.value(u"changed"_s).toInt(), expected);
}

void TestCustomersPage::pendingEditsAreOfferedBackAfterACrash()
{
    QString key;
    {
        auto window = openWindow(u"crash.sqlite"_s);
        tickCanRegister(*window, u"C100002"_s);
        key = window->customersPage()->contactsModel()->keyOf(0);
        QCOMPARE(window->context().pending->count(), 1);
        // "Crash": the window goes away without Update and without closeEvent.
    }
    auto window = openWindow(u"crash.sqlite"_s);
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = window->findChild<QMessageBox*>(u"restorePendingBox"_s)) != nullptr, kTimeout);
    QVERIFY(box->text().contains(u"1 edit"_s));
    QTest::mouseClick(box->findChild<QPushButton*>(u"keepButton"_s), Qt::LeftButton);
    QCOMPARE(window->context().pending->count(), 1);
    QVERIFY(window->context().pending->containsRecord(u"contact"_s, key));
    // And it shows highlighted on its row again.
    auto* customers = window->findChild<QTableView*>(u"customersView"_s);
    auto* customersModel = window->customersPage()->customersModel();
    customers->setCurrentIndex(customersModel->index(customersModel->rowOfKey(u"C100002"_s), 0));
    auto* contactsModel = window->customersPage()->contactsModel();
    QTRY_VERIFY_WITH_TIMEOUT(contactsModel->customer() == u"C100002"_s && contactsModel->rowOfKey(key) >= 0, kTimeout);
    const auto cell
        = contactsModel->index(contactsModel->rowOfKey(key), contactsModel->columnOfField(u"canRegister"_s));
    QVERIFY(cell.data(RemoteTableModel::PendingRole).toBool());
}

void TestCustomersPage::viewerCannotEdit()
{
    auto window = std::make_unique<MainWindow>(m_dir.filePath(u"viewer.sqlite"_s));
    window->show();
    window->signIn(m_server.url(), u"viewer@demo.test"_s, u"Demo-Passw0rd"_s);
    QTRY_VERIFY_WITH_TIMEOUT(window->context().session->isSignedIn(), kTimeout);
    auto* customers = window->findChild<QTableView*>(u"customersView"_s);
    QTRY_VERIFY_WITH_TIMEOUT(customers->model()->rowCount() > 0, kTimeout);
    auto* contactsModel = window->customersPage()->contactsModel();
    QTRY_VERIFY_WITH_TIMEOUT(contactsModel->rowCount() > 0, kTimeout);
    const auto cell = contactsModel->index(0, contactsModel->columnOfField(u"canRegister"_s));
    QVERIFY(!(contactsModel->flags(cell) & Qt::ItemIsUserCheckable));
    QVERIFY(!contactsModel->setData(cell, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(window->context().pending->count(), 0);
    QVERIFY(!window->findChild<QAction*>(u"actionUpdate"_s)->isEnabled());
    QVERIFY(!window->findChild<QMenu*>(u"menuBulk"_s)->isEnabled());
}

void TestCustomersPage::nameAndEmailStayWhenScrolledRight()
{
    auto window = openWindow(u"w8.sqlite"_s);
    window->resize(1000, 760);
    tickCanRegister(*window, u"C100001"_s);
    window->customersPage()->revertChanges();
    auto* contacts = window->findChild<QTableView*>(u"contactsView"_s);
    auto* frozen = contacts->findChild<QTableView*>(u"frozenColumns"_s);
    QVERIFY(frozen);
    QTRY_VERIFY(contacts->horizontalScrollBar()->maximum() > 0); // too wide for the window: it scrolls
    contacts->horizontalScrollBar()->setValue(contacts->horizontalScrollBar()->maximum());
    QVERIFY(frozen->isVisible());
    auto* model = contacts->model();
    // The frozen part shows exactly first name, last name and e-mail, at the left edge, over the scrolled part.
    for (int column = 0; column < model->columnCount(); ++column)
        QCOMPARE(frozen->isColumnHidden(column), column >= 3);
    QCOMPARE(frozen->width(), contacts->columnWidth(0) + contacts->columnWidth(1) + contacts->columnWidth(2));
    QVERIFY(frozen->geometry().left() <= contacts->frameWidth());
    const auto email = model->index(0, 2);
    const auto rect = frozen->visualRect(email);
    QVERIFY(frozen->viewport()->rect().contains(rect.center()));
    QCOMPARE(frozen->indexAt(rect.center()), email);
    QVERIFY(email.data().toString().contains(u'@'));
    // ...and the last permission column is in view beside it.
    const auto last = model->index(0, model->columnCount() - 1);
    QVERIFY(contacts->viewport()->rect().contains(contacts->visualRect(last).center()));
    QVERIFY(contacts->visualRect(last).left() >= frozen->width());
    // Headers are short; the tool tip has the full name.
    const int statement = [&] {
        for (int column = 0; column < model->columnCount(); ++column) {
            if (model->headerData(column, Qt::Horizontal).toString() == u"Statement"_s)
                return column;
        }
        return -1;
    }();
    QVERIFY(statement >= 0);
    QVERIFY(model->headerData(statement, Qt::Horizontal, Qt::ToolTipRole).toString().contains(u"Download Statement"_s));
}

void TestCustomersPage::customersWithPendingEditsAreMarked()
{
    auto window = openWindow(u"w9.sqlite"_s);
    auto* customersModel = window->customersPage()->customersModel();
    const int row = customersModel->rowOfKey(u"C100001"_s);
    const int other = customersModel->rowOfKey(u"C100002"_s);
    QVERIFY(row >= 0 && other >= 0);
    QVERIFY(!customersModel->index(row, 0).data(RemoteTableModel::PendingRole).toBool());
    tickCanRegister(*window, u"C100001"_s);
    // Another customer selected: the one whose contact was edited stays marked in the upper list.
    window->findChild<QTableView*>(u"customersView"_s)->setCurrentIndex(customersModel->index(other, 0));
    const auto number = customersModel->index(row, 0);
    QVERIFY(number.data(RemoteTableModel::PendingRole).toBool());
    QVERIFY(number.data(Qt::BackgroundRole).isValid());
    QVERIFY(number.data(Qt::ToolTipRole).toString().contains(u"not yet saved"_s));
    QVERIFY(!customersModel->index(other, 0).data(RemoteTableModel::PendingRole).toBool());
    // Marked after a restart too: the workspace keeps which customer the edit belongs to.
    window.reset();
    window = openWindow(u"w9.sqlite"_s);
    customersModel = window->customersPage()->customersModel();
    if (auto* box = window->findChild<QMessageBox*>(u"restorePendingBox"_s))
        QTest::mouseClick(box->findChild<QPushButton*>(u"keepButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        customersModel->index(customersModel->rowOfKey(u"C100001"_s), 0).data(RemoteTableModel::PendingRole).toBool(),
        kTimeout);
    window->customersPage()->revertChanges();
    QVERIFY(
        !customersModel->index(customersModel->rowOfKey(u"C100001"_s), 0).data(RemoteTableModel::PendingRole).toBool());
}

QTEST_MAIN(TestCustomersPage)
#include "testcustomerspage.moc"
