#include "AppTestSupport.h"
#include "MainWindow.h"
#include "RolesModel.h"
#include "RoleDialog.h"
#include "RolesPage.h"
#include "Session.h"

#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace AppTest;

// ERP Roles: filters by keyword, process, module and no access; page sizes; add/delete dialogs.
class TestRolesPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void filters_data();
    void filters();
    void pageSizes_data();
    void pageSizes();
    void customPageSizeUpTo999();
    void addAndDeleteThroughDialogs();
    void hideAColumn();
    void dialogTitleSurvivesALanguageChange();

private:
    void waitLoaded();
    void choose(const char* objectName, const QString& data);

    TestServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    RolesModel* m_model = nullptr;
};

void TestRolesPage::initTestCase()
{
    isolateSettings(u"testrolespage"_s);
    QVERIFY(m_server.start());
    // 41 more roles, so that paging has pages: 45 in all.
    Client client(m_server.url());
    QVERIFY(client.signIn());
    for (int i = 1; i <= 41; ++i) {
        int status = 0;
        client.post(u"/roles"_s,
                    {{u"code"_s, u"GEN%1"_s.arg(i, 2, 10, QChar(u'0'))},
                     {u"description"_s, u"Generated role %1"_s.arg(i)},
                     {u"processes"_s, QJsonArray{}},
                     {u"modules"_s, QJsonArray{u"account.summary"_s}},
                     {u"noAccess"_s, false}},
                    &status);
        QCOMPARE(status, 201);
    }
    m_window = std::make_unique<MainWindow>(m_dir.filePath(u"w.sqlite"_s));
    m_window->show();
    m_window->signIn(m_server.url(), u"admin@demo.test"_s, u"Demo-Passw0rd"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->context().session->isSignedIn(), kTimeout);
    m_window->showPage(MainWindow::Roles);
    m_model = m_window->rolesPage()->model();
    QTRY_VERIFY_WITH_TIMEOUT(m_model->hasLoaded() && !m_model->isLoading(), kTimeout);
}

void TestRolesPage::waitLoaded()
{
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isLoading() && m_model->hasLoaded(), kTimeout);
}

void TestRolesPage::choose(const char* objectName, const QString& data)
{
    auto* combo = m_window->findChild<QComboBox*>(QString::fromLatin1(objectName));
    QVERIFY(combo);
    const int index = data.isEmpty() ? 0 : combo->findData(data);
    QVERIFY2(index >= 0, objectName);
    combo->setCurrentIndex(index);
    emit combo->activated(index);
}

void TestRolesPage::filters_data()
{
    QTest::addColumn<QString>("keyword");
    QTest::addColumn<QString>("process");
    QTest::addColumn<QString>("module");
    QTest::addColumn<QString>("noAccess");
    QTest::addColumn<QStringList>("codes");
    QTest::newRow("keyword on description")
        << u"finance"_s << QString() << QString() << QString() << QStringList{u"FIN01"_s};
    QTest::newRow("keyword on code") << u"SUPP"_s << QString() << QString() << QString() << QStringList{u"SUPPORT"_s};
    QTest::newRow("process") << QString() << u"pay_on_account"_s << QString() << QString() << QStringList{u"FIN01"_s};
    QTest::newRow("module") << QString() << QString() << u"quotes.view"_s << QString() << QStringList{u"SALES01"_s};
    QTest::newRow("no access") << QString() << QString() << QString() << u"true"_s << QStringList{u"NOACC"_s};
    QTest::newRow("process and module") << QString() << u"email_documents"_s << u"invoices.view"_s << QString()
                                        << QStringList{u"FIN01"_s, u"SUPPORT"_s};
}

void TestRolesPage::filters()
{
    QFETCH(QString, keyword);
    QFETCH(QString, process);
    QFETCH(QString, module);
    QFETCH(QString, noAccess);
    QFETCH(QStringList, codes);
    auto* search = m_window->findChild<QLineEdit*>(u"roleSearch"_s);
    search->clear();
    choose("processFilter", process);
    choose("moduleFilter", module);
    choose("noAccessFilter", noAccess);
    if (!keyword.isEmpty())
        QTest::keyClicks(search, keyword);
    QTRY_COMPARE_WITH_TIMEOUT(m_model->filter(u"q"_s), keyword, kTimeout);
    waitLoaded();
    QStringList shown;
    for (int row = 0; row < m_model->rowCount(); ++row)
        shown << m_model->keyOf(row);
    QCOMPARE(shown, codes);
    QCOMPARE(m_model->filter(u"process"_s), process);
    QCOMPARE(m_model->filter(u"module"_s), module);
    QCOMPARE(m_model->filter(u"noAccess"_s), noAccess);
}

void TestRolesPage::pageSizes_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("rowsOnFirstPage");
    QTest::addColumn<int>("pages");
    QTest::newRow("20") << 20 << 20 << 3;
    QTest::newRow("30") << 30 << 30 << 2;
    QTest::newRow("50") << 50 << 45 << 1;
    QTest::newRow("100") << 100 << 45 << 1;
    QTest::newRow("200") << 200 << 45 << 1;
}

void TestRolesPage::pageSizes()
{
    QFETCH(int, size);
    QFETCH(int, rowsOnFirstPage);
    QFETCH(int, pages);
    m_window->findChild<QLineEdit*>(u"roleSearch"_s)->clear();
    choose("processFilter", {});
    choose("moduleFilter", {});
    choose("noAccessFilter", {});
    waitLoaded();
    auto* combo = m_window->findChild<QComboBox*>(u"pageSizeCombo"_s);
    combo->setCurrentIndex(combo->findData(size));
    QTRY_COMPARE_WITH_TIMEOUT(m_model->pageSize(), size, kTimeout);
    waitLoaded();
    QCOMPARE(m_model->total(), 45);
    QCOMPARE(m_model->rowCount(), rowsOnFirstPage);
    QCOMPARE(m_model->pageCount(), pages);
    auto* next = m_window->findChild<QPushButton*>(u"nextPageButton"_s);
    QCOMPARE(next->isEnabled(), pages > 1);
    if (pages > 1) {
        QTest::mouseClick(next, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_model->page(), 2, kTimeout);
        waitLoaded();
        QCOMPARE(m_model->rowCount(), std::min(size, 45 - size));
        const auto pageText = m_window->findChild<QLabel*>(u"pageLabel"_s)->text();
        QVERIFY2(pageText.contains(u"Page 2 of %1"_s.arg(pages)), qPrintable(pageText));
        QTest::mouseClick(m_window->findChild<QPushButton*>(u"previousPageButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_model->page(), 1, kTimeout);
        waitLoaded();
    }
}

void TestRolesPage::customPageSizeUpTo999()
{
    auto* combo = m_window->findChild<QComboBox*>(u"pageSizeCombo"_s);
    auto* spin = m_window->findChild<QSpinBox*>(u"customPageSizeSpin"_s);
    combo->setCurrentIndex(combo->count() - 1); // Custom…
    QVERIFY(spin->isVisible());
    QCOMPARE(spin->maximum(), 999);
    spin->setValue(7);
    emit spin->editingFinished();
    QTRY_COMPARE_WITH_TIMEOUT(m_model->pageSize(), 7, kTimeout);
    waitLoaded();
    QCOMPARE(m_model->rowCount(), 7);
    QCOMPARE(m_model->pageCount(), 7);
    spin->setValue(5000); // clamped by the spin box: never more than the API allows
    QCOMPARE(spin->value(), 999);
    emit spin->editingFinished();
    QTRY_COMPARE_WITH_TIMEOUT(m_model->pageSize(), 999, kTimeout);
    waitLoaded();
    QCOMPARE(m_model->rowCount(), 45);
    QVERIFY(m_model->lastError().isNull());
}

void TestRolesPage::addAndDeleteThroughDialogs()
{
    QTest::mouseClick(m_window->findChild<QPushButton*>(u"addRoleButton"_s), Qt::LeftButton);
    QDialog* dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<QDialog*>(u"roleDialog"_s)) != nullptr, kTimeout);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(u"codeEdit"_s), u"WH01"_s);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(u"descriptionEdit"_s), u"Warehouse"_s);
    auto* processes = dialog->findChild<QListWidget*>(u"processesList"_s);
    auto* modules = dialog->findChild<QListWidget*>(u"modulesList"_s);
    QVERIFY(processes->count() >= 3);
    QVERIFY(modules->count() >= 8);
    processes->item(2)->setCheckState(Qt::Checked);
    modules->item(2)->setCheckState(Qt::Checked);
    modules->item(3)->setCheckState(Qt::Checked);
    dialog->accept();
    Client check(m_server.url());
    QVERIFY(check.signIn());
    int status = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            check.get(u"/roles/WH01"_s, {}, &status);
            return status == 200;
        }(),
        kTimeout);
    const auto role = check.get(u"/roles/WH01"_s);
    QCOMPARE(role.value(u"description"_s).toString(), u"Warehouse"_s);
    QCOMPARE(role.value(u"processes"_s).toArray().size(), 1);
    QCOMPARE(role.value(u"modules"_s).toArray().size(), 2);

    // Delete it again: select, Delete, confirm.
    QTest::keyClicks(m_window->findChild<QLineEdit*>(u"roleSearch"_s), u"WH01"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_model->filter(u"q"_s) == u"WH01"_s && !m_model->isLoading() && m_model->rowCount() == 1,
                             kTimeout);
    auto* view = m_window->findChild<QTableView*>(u"rolesView"_s);
    view->setCurrentIndex(m_model->index(0, 0));
    QTest::mouseClick(m_window->findChild<QPushButton*>(u"deleteRoleButton"_s), Qt::LeftButton);
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = m_window->findChild<QMessageBox*>(u"deleteRoleBox"_s)) != nullptr, kTimeout);
    QTest::mouseClick(box->findChild<QPushButton*>(u"confirmButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            check.get(u"/roles/WH01"_s, {}, &status);
            return status == 404;
        }(),
        kTimeout);
    m_window->findChild<QLineEdit*>(u"roleSearch"_s)->clear();
}

void TestRolesPage::hideAColumn()
{
    auto* view = m_window->findChild<QTableView*>(u"rolesView"_s);
    auto* button = m_window->findChild<QToolButton*>(u"columnsButton"_s);
    QVERIFY(button->menu());
    emit button->menu()->aboutToShow();
    const auto actions = button->menu()->actions();
    QCOMPARE(actions.size(), m_model->columnCount());
    QVERIFY(!actions.at(0)->isEnabled()); // the role code always stays
    const int column = m_model->columnOfField(u"processes"_s);
    QVERIFY(!view->isColumnHidden(column));
    actions.at(column)->toggle();
    QVERIFY(view->isColumnHidden(column));
    actions.at(column)->toggle();
    QVERIFY(!view->isColumnHidden(column));
}

// The form's retranslateUi sets its generic title; the dialog's own ("Edit ERP role CODE") must stay.
void TestRolesPage::dialogTitleSurvivesALanguageChange()
{
    RoleDialog edit({{u"code"_s, u"SALES"_s}, {u"description"_s, u"Sales"_s}}, m_window->context().catalogue);
    RoleDialog add({}, m_window->context().catalogue);
    const QString editTitle = edit.windowTitle();
    QVERIFY2(editTitle.contains(u"SALES"_s), qPrintable(editTitle));
    QVERIFY(!add.windowTitle().contains(u"SALES"_s));
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(&edit, &change);
    QCoreApplication::sendEvent(&add, &change);
    QCOMPARE(edit.windowTitle(), editTitle);
    QCOMPARE(add.windowTitle(), RoleDialog::tr("Add ERP role"));
}

QTEST_MAIN(TestRolesPage)
#include "testrolespage.moc"
