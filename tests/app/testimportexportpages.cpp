// The app's Import and Export pages against the real server (offscreen): Check Data lists errors by
// row and column with an "errors only" filter; Import uploads the file, follows the run to its counts
// and saves the change report; the sample file downloads; Export queues a job with exclude and filter,
// follows it to done, downloads the file to disk and deletes it; a viewer cannot import.

#include "AppTestSupport.h"
#include "ExportPage.h"
#include "ImportPage.h"
#include "MainWindow.h"
#include "Session.h"

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>

using namespace AppTest;
using namespace Qt::StringLiterals;

class TestImportExportPages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        isolateSettings(u"testimportexportpages"_s);
        QVERIFY(m_server.start());
        m_check = std::make_unique<Client>(m_server.url());
        QVERIFY(m_check->signIn());
    }

    void checkDataListsErrorsByRowAndColumn()
    {
        auto window = openWindow(u"admin@demo.test"_s, MainWindow::Import);
        auto* page = window->importPage();
        page->setEntity(u"customers"_s);
        const QString file
            = writeFile(u"bad.csv"_s, "number,name,portal_enabled\r\nC500001,Good,Yes\r\nC500002,Bad,perhaps\r\n");
        page->setFile(file);
        QVERIFY(page->findChild<QLabel*>(u"fileSizeLabel"_s)->text().contains(u"67"_s)); // bytes
        QSignalSpy checked(page, &ImportPage::checkFinished);
        QTest::mouseClick(page->findChild<QPushButton*>(u"checkButton"_s), Qt::LeftButton);
        QVERIFY(checked.wait(kTimeout));
        const auto report = checked.takeFirst().at(0).toJsonObject();
        QCOMPARE(report.value(u"errorCount"_s).toInt(), 1);
        auto* table = page->findChild<QTableWidget*>(u"resultsTable"_s);
        QCOMPARE(table->rowCount(), 2); // the summary line and the error
        QCOMPARE(table->item(1, 0)->text(), u"3"_s);
        QCOMPARE(table->item(1, 1)->text(), u"portal_enabled"_s);
        QVERIFY(table->item(1, 2)->text().contains(u"perhaps"_s));
        page->findChild<QCheckBox*>(u"errorsOnlyCheck"_s)->setChecked(true);
        QVERIFY(table->isRowHidden(0));
        QVERIFY(!table->isRowHidden(1));
        // Nothing was written by the check.
        int status = 0;
        m_check->get(u"/customers/C500001"_s, {}, &status);
        QCOMPARE(status, 404);
    }

    void importRunsWithProgressAndSavesTheChangeReport()
    {
        auto window = openWindow(u"admin@demo.test"_s, MainWindow::Import);
        auto* page = window->importPage();
        page->setEntity(u"roles"_s);
        page->setFile(writeFile(u"roles.csv"_s, "code,description,modules\r\nGUI01,From the app,invoices.view\r\n"));
        QSignalSpy done(page, &ImportPage::importFinished);
        QTest::mouseClick(page->findChild<QPushButton*>(u"importButton"_s), Qt::LeftButton);
        QVERIFY(done.wait(kTimeout));
        const auto status = done.takeFirst().at(0).toJsonObject();
        QCOMPARE(status.value(u"status"_s).toString(), u"done"_s);
        QCOMPARE(status.value(u"created"_s).toInt(), 1);
        QVERIFY(page->findChild<QLabel*>(u"countsLabel"_s)->text().contains(u"Created 1"_s));
        QCOMPARE(m_check->get(u"/roles/GUI01"_s).value(u"description"_s).toString(), u"From the app"_s);
        QVERIFY(page->findChild<QPushButton*>(u"reportButton"_s)->isEnabled());
        QSignalSpy saved(page, &ImportPage::fileSaved);
        const QString reportPath = m_dir.filePath(u"changes.csv"_s);
        page->saveReport(reportPath);
        QVERIFY(saved.wait(kTimeout));
        QVERIFY(saved.takeFirst().at(1).toBool());
        QFile report(reportPath);
        QVERIFY(report.open(QIODevice::ReadOnly));
        QVERIFY(report.readAll().contains("2,GUI01,created,"));
    }

    void sampleFileDownloads()
    {
        auto window = openWindow(u"admin@demo.test"_s, MainWindow::Import);
        auto* page = window->importPage();
        page->setEntity(u"contacts"_s);
        QSignalSpy saved(page, &ImportPage::fileSaved);
        const QString path = m_dir.filePath(u"sample.csv"_s);
        page->saveSample(path);
        QVERIFY(saved.wait(kTimeout));
        QFile sample(path);
        QVERIFY(sample.open(QIODevice::ReadOnly));
        QVERIFY(sample.readLine().startsWith("customer_number,email,first_name"));
    }

    void exportQueuesFollowsDownloadsAndDeletes()
    {
        auto window = openWindow(u"admin@demo.test"_s, MainWindow::Export);
        auto* page = window->exportPage();
        page->setEntity(u"portal-users"_s);
        page->setExcluded(u"status"_s, true);
        page->setFilter(u"email"_s, u"bob"_s);
        QSignalSpy queued(page, &ExportPage::exportQueued);
        QTest::mouseClick(page->findChild<QPushButton*>(u"exportButton"_s), Qt::LeftButton);
        QVERIFY(queued.wait(kTimeout));
        const qint64 id = queued.takeFirst().at(0).toLongLong();
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(*page, id) == u"done"_s, kTimeout);
        QVERIFY(page->selectExport(id));
        QVERIFY(page->findChild<QPushButton*>(u"downloadButton"_s)->isEnabled());
        QSignalSpy downloaded(page, &ExportPage::downloaded);
        const QString path = m_dir.filePath(u"export.csv"_s);
        page->download(path);
        QVERIFY(downloaded.wait(kTimeout));
        QVERIFY(downloaded.takeFirst().at(1).toBool());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("email,first_name,last_name,customer_number,is_admin,make_payment,allowed_sections,"
                                 "assigned_customers\r\n"));
        QVERIFY(bytes.contains("bob@demo.test"));
        QVERIFY(!bytes.contains("alice@demo.test"));
        QSignalSpy loaded(page, &ExportPage::exportsLoaded);
        page->deleteSelected();
        QVERIFY(loaded.wait(kTimeout));
        int status = 0;
        m_check->get(u"/exports/%1"_s.arg(id), {}, &status);
        QCOMPARE(status, 404);
    }

    void viewerCannotImportOrExport()
    {
        auto window = openWindow(u"viewer@demo.test"_s, MainWindow::Import);
        auto* page = window->importPage();
        page->setFile(writeFile(u"v.csv"_s, "code\r\nV1\r\n"));
        QVERIFY(!page->findChild<QPushButton*>(u"importButton"_s)->isEnabled());
        QVERIFY(!page->findChild<QPushButton*>(u"checkButton"_s)->isEnabled());
        window->showPage(MainWindow::Export);
        QTRY_VERIFY_WITH_TIMEOUT(!window->exportPage()->isBusy(), kTimeout);
        QVERIFY(!window->exportPage()->findChild<QPushButton*>(u"exportButton"_s)->isEnabled());
    }

private:
    std::unique_ptr<MainWindow> openWindow(const QString& email, MainWindow::PageIndex index)
    {
        auto window = std::make_unique<MainWindow>(m_dir.filePath(email + u".sqlite"_s));
        window->show();
        window->signIn(m_server.url(), email, u"Demo-Passw0rd"_s);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(window->context().session->isSignedIn(), kTimeout); }();
        window->showPage(index);
        return window;
    }

    QString writeFile(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        file.write(bytes);
        return path;
    }

    static QString statusOf(ExportPage& page, qint64 id)
    {
        for (const auto& value : page.exports()) {
            if (value.toObject().value(u"id"_s).toInteger() == id)
                return value.toObject().value(u"status"_s).toString();
        }
        return {};
    }

    TestServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<Client> m_check;
};

QTEST_MAIN(TestImportExportPages)
#include "testimportexportpages.moc"
