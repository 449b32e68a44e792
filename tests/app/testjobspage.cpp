#include "AppTestSupport.h"
#include "JobsModel.h"
#include "JobsPage.h"
#include "MainWindow.h"
#include "Session.h"

#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace AppTest;

// Jobs: "Run now" in the GUI queues a run of the selected schedule on the real server, the page follows
// it to its end and the API shows the run done (email) or failed with its reason (ERP sync without a
// feed); Ctrl+R does the same; server refusals are shown; a viewer cannot run jobs.
class TestJobsPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void runNowButtonRunsTheEmailJob();
    void shortcutRunsTheSelectedScheduleAndShowsItsFailure();
    void serverRefusalIsShown();
    void viewerCannotRunJobs();

private:
    std::unique_ptr<MainWindow> openWindow(const QString& email);
    void clickSchedule(MainWindow& window, const QString& key);
    QJsonObject run(qint64 id);
    qint64 newestRunId();

    TestServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<Client> m_check;
};

void TestJobsPage::initTestCase()
{
    isolateSettings(u"testjobspage"_s);
    // No runs from the cron settings during the test: every run here comes from a click.
    QVERIFY(m_server.start({u"--set"_s, u"gatehouse.jobs.schedules=false"_s}));
    m_check = std::make_unique<Client>(m_server.url());
    QVERIFY(m_check->signIn());
}

std::unique_ptr<MainWindow> TestJobsPage::openWindow(const QString& email)
{
    auto window = std::make_unique<MainWindow>(m_dir.filePath(email + u".sqlite"_s));
    window->show();
    window->signIn(m_server.url(), email, u"Demo-Passw0rd"_s);
    [&] { QTRY_VERIFY_WITH_TIMEOUT(window->context().session->isSignedIn(), kTimeout); }();
    window->showPage(MainWindow::Jobs);
    auto* page = window->jobsPage();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(page->model()->hasLoaded() && !page->isBusy(), kTimeout); }();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(page->schedules()->topLevelItemCount() == 5, kTimeout); }();
    return window;
}

void TestJobsPage::clickSchedule(MainWindow& window, const QString& key)
{
    auto* tree = window.findChild<QTreeWidget*>(u"schedulesView"_s);
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        auto* item = tree->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toString() == key) {
            tree->scrollToItem(item);
            QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(item).center());
            QCOMPARE(tree->currentItem(), item);
            return;
        }
    }
    QFAIL(qPrintable(u"no schedule "_s + key));
}

QJsonObject TestJobsPage::run(qint64 id)
{
    return m_check->get(u"/jobs/"_s + QString::number(id));
}

qint64 TestJobsPage::newestRunId()
{
    QUrlQuery query;
    query.addQueryItem(u"pageSize"_s, u"1"_s);
    return m_check->get(u"/jobs"_s, query).value(u"items"_s).toArray().at(0).toObject().value(u"id"_s).toInteger();
}

void TestJobsPage::runNowButtonRunsTheEmailJob()
{
    auto window = openWindow(u"admin@demo.test"_s);
    auto* page = window->jobsPage();
    const auto before = newestRunId();
    clickSchedule(*window, u"cron.email_documents"_s);
    auto* button = window->findChild<QPushButton*>(u"runNowButton"_s);
    QVERIFY(button->isEnabled());
    QSignalSpy finished(page, &JobsPage::runFinished);
    QTest::mouseClick(button, Qt::LeftButton);

    // The page follows the run it started until the server says it ended.
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeout);
    const auto tracked = page->trackedRun();
    const auto id = tracked.value(u"id"_s).toInteger();
    QVERIFY(id > before);
    QCOMPARE(tracked.value(u"status"_s).toString(), u"done"_s);
    auto* status = window->findChild<QLabel*>(u"runStatusLabel"_s);
    QVERIFY2(status->text().contains(u"run %1 done"_s.arg(id)), qPrintable(status->text()));
    QVERIFY(!window->findChild<QProgressBar*>(u"runProgress"_s)->isVisible());

    // Through the API: the run exists, is the email job's, and ended with its counts.
    const auto stored = run(id);
    QCOMPARE(stored.value(u"name"_s).toString(), u"cron.email_documents"_s);
    QCOMPARE(stored.value(u"kind"_s).toString(), u"email"_s);
    QCOMPARE(stored.value(u"status"_s).toString(), u"done"_s);
    QCOMPARE(stored.value(u"progress"_s).toInt(), 100);
    QVERIFY(stored.value(u"counts"_s).toObject().contains(u"sent"_s));
    QVERIFY(stored.value(u"counts"_s).toObject().contains(u"failed"_s));
    QVERIFY(!stored.value(u"finishedAt"_s).toString().isEmpty());
    // Started from the app by this staff member, as the audit log says.
    QUrlQuery audit;
    audit.addQueryItem(u"entity"_s, u"job_run"_s);
    const auto event = m_check->get(u"/audit-events"_s, audit).value(u"items"_s).toArray().at(0).toObject();
    QCOMPARE(event.value(u"key"_s).toString(), QString::number(id));
    QCOMPARE(event.value(u"origin"_s).toString(), u"app"_s);
    QCOMPARE(event.value(u"actor"_s).toString(), u"admin@demo.test"_s);

    // The list shows it, selected, with its status in words; the schedule row shows its last run.
    auto* model = page->model();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowOfKey(QString::number(id)) >= 0 && !model->isLoading(), kTimeout);
    const int row = model->rowOfKey(QString::number(id));
    QCOMPARE(model->index(row, model->columnOfField(u"status"_s)).data().toString(), u"Done"_s);
    QCOMPARE(model->index(row, model->columnOfField(u"name"_s)).data().toString(), u"Email documents"_s);
    QTRY_COMPARE_WITH_TIMEOUT(window->findChild<QTableView*>(u"jobsView"_s)->currentIndex().row(), row, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(page->schedules()->currentItem()->text(4).contains(u"run %1"_s.arg(id)), kTimeout);
}

void TestJobsPage::shortcutRunsTheSelectedScheduleAndShowsItsFailure()
{
    auto window = openWindow(u"admin@demo.test"_s);
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    auto* page = window->jobsPage();
    clickSchedule(*window, u"cron.import_customers"_s);
    QSignalSpy finished(page, &JobsPage::runFinished);
    QTest::keyClick(window.get(), Qt::Key_R, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kTimeout);
    const auto id = page->trackedRun().value(u"id"_s).toInteger();

    const auto stored = run(id);
    QCOMPARE(stored.value(u"name"_s).toString(), u"cron.import_customers"_s);
    QCOMPARE(stored.value(u"kind"_s).toString(), u"sync"_s);
    QCOMPARE(stored.value(u"status"_s).toString(), u"failed"_s);
    const auto report = stored.value(u"errorReport"_s).toString();
    QVERIFY2(report.startsWith(u"No ERP feed is configured"_s), qPrintable(report));
    // The page says so in words, with the server's reason.
    auto* status = window->findChild<QLabel*>(u"runStatusLabel"_s);
    QVERIFY2(status->text().contains(u"failed"_s) && status->text().contains(report), qPrintable(status->text()));
}

void TestJobsPage::serverRefusalIsShown()
{
    // A schedule the server does not know (e.g. the list is older than the server's): the server's 404
    // and its message reach the person.
    auto window = openWindow(u"admin@demo.test"_s);
    auto* tree = window->findChild<QTreeWidget*>(u"schedulesView"_s);
    auto* stale = new QTreeWidgetItem(tree, {u"Retired job"_s});
    stale->setData(0, Qt::UserRole, u"cron.retired"_s);
    const auto before = newestRunId();
    clickSchedule(*window, u"cron.retired"_s);
    QTest::mouseClick(window->findChild<QPushButton*>(u"runNowButton"_s), Qt::LeftButton);
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = window->findChild<QMessageBox*>(u"errorBox"_s)) != nullptr, kTimeout);
    QVERIFY2(box->text().contains(u"cron.retired"_s), qPrintable(box->text()));
    QVERIFY2(window->findChild<QLabel*>(u"runStatusLabel"_s)->text().contains(u"could not be started"_s),
             qPrintable(window->findChild<QLabel*>(u"runStatusLabel"_s)->text()));
    QCOMPARE(newestRunId(), before);
    box->close();
}

void TestJobsPage::viewerCannotRunJobs()
{
    auto window = openWindow(u"viewer@demo.test"_s);
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    clickSchedule(*window, u"cron.email_documents"_s);
    QVERIFY(!window->findChild<QPushButton*>(u"runNowButton"_s)->isEnabled());
    const auto before = newestRunId();
    QTest::keyClick(window.get(), Qt::Key_R, Qt::ControlModifier);
    QTest::qWait(500);
    QCOMPARE(newestRunId(), before);
    QVERIFY(window->jobsPage()->trackedRun().isEmpty());
}

QTEST_MAIN(TestJobsPage)
#include "testjobspage.moc"
