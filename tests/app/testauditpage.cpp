#include "AppTestSupport.h"
#include "AuditModel.h"
#include "AuditPage.h"
#include "DateTimeText.h"
#include "JobsPage.h"
#include "MainWindow.h"
#include "Session.h"

#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QTableWidget>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace AppTest;

// Audit log: filter by entity, see before/after, export what matches as CSV.
class TestAuditPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void filterDetailsAndExport();
    void recordsAreNamedAndChangesShownSideBySide();
    void timesHaveOneFormatWithTimeZone();

private:
    QString m_contactEmail;
    QString m_contactId;
    TestServer m_server;
    QTemporaryDir m_dir;
};

void TestAuditPage::initTestCase()
{
    isolateSettings(u"testauditpage"_s);
    QVERIFY(m_server.start());
    Client client(m_server.url());
    QVERIFY(client.signIn());
    const auto customer = client.get(u"/customers/C100042"_s);
    int status = 0;
    client.post(u"/changesets"_s,
                {{u"changes"_s,
                  QJsonArray{QJsonObject{{u"entity"_s, u"customer"_s},
                                         {u"key"_s, u"C100042"_s},
                                         {u"version"_s, customer.value(u"version"_s)},
                                         {u"set"_s, QJsonObject{{u"name"_s, u"=Formula Ltd"_s}}}}}}},
                &status);
    QCOMPARE(status, 200);
    // A contact's permission changed: the audit must name it by customer number and e-mail.
    const auto contact = client.firstContact(u"C100007"_s);
    m_contactEmail = contact.value(u"email"_s).toString();
    m_contactId = QString::number(contact.value(u"id"_s).toInteger());
    client.post(u"/changesets"_s,
                {{u"changes"_s,
                  QJsonArray{QJsonObject{
                      {u"entity"_s, u"contact"_s},
                      {u"key"_s, contact.value(u"id"_s)},
                      {u"version"_s, contact.value(u"version"_s)},
                      {u"set"_s, QJsonObject{{u"makePayment"_s, !contact.value(u"makePayment"_s).toBool()}}}}}}},
                &status);
    QCOMPARE(status, 200);
}

void TestAuditPage::filterDetailsAndExport()
{
    MainWindow window(m_dir.filePath(u"w.sqlite"_s));
    window.show();
    window.signIn(m_server.url(), u"admin@demo.test"_s, u"Demo-Passw0rd"_s);
    QTRY_VERIFY_WITH_TIMEOUT(window.context().session->isSignedIn(), kTimeout);
    window.showPage(MainWindow::Audit);
    auto* model = window.auditPage()->model();
    auto* entity = window.findChild<QComboBox*>(u"auditEntity"_s);
    const int customers = entity->findData(u"customer"_s);
    entity->setCurrentIndex(customers);
    emit entity->activated(customers);
    QTRY_VERIFY_WITH_TIMEOUT(model->filter(u"entity"_s) == u"customer"_s && model->hasLoaded() && !model->isLoading(),
                             kTimeout);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->record(0).value(u"key"_s).toString(), u"C100042"_s);

    window.findChild<QTableView*>(u"auditView"_s)->setCurrentIndex(model->index(0, 0));
    auto* changes = window.findChild<QTableWidget*>(u"auditChanges"_s);
    QVERIFY(changes->rowCount() > 0);
    QCOMPARE(changes->item(0, 0)->text(), u"name"_s); // the changed field comes first
    QCOMPARE(changes->item(0, 2)->text(), u"=Formula Ltd"_s);

    const auto path = m_dir.filePath(u"audit.csv"_s);
    QSignalSpy exported(window.auditPage(), &AuditPage::exported);
    window.auditPage()->exportCsv(path);
    QVERIFY(exported.wait(kTimeout));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto lines = QString::fromUtf8(file.readAll()).split(u"\r\n"_s, Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2); // header and the one customer event: the filter applies to the export
    QVERIFY(lines.at(0).startsWith(u"id,at,actor"_s));
    QVERIFY(lines.at(1).contains(u"C100042"_s));
    QCOMPARE(exported.at(0).at(1).toInt(), 1);
}

void TestAuditPage::recordsAreNamedAndChangesShownSideBySide()
{
    MainWindow window(m_dir.filePath(u"w2.sqlite"_s));
    window.show();
    window.signIn(m_server.url(), u"admin@demo.test"_s, u"Demo-Passw0rd"_s);
    QTRY_VERIFY_WITH_TIMEOUT(window.context().session->isSignedIn(), kTimeout);
    window.showPage(MainWindow::Audit);
    auto* model = window.auditPage()->model();
    auto* entity = window.findChild<QComboBox*>(u"auditEntity"_s);
    const int contacts = entity->findData(u"contact"_s);
    entity->setCurrentIndex(contacts);
    emit entity->activated(contacts);
    QTRY_VERIFY_WITH_TIMEOUT(model->filter(u"entity"_s) == u"contact"_s && model->hasLoaded() && !model->isLoading(),
                             kTimeout);
    QCOMPARE(model->rowCount(), 1);
    const int record = model->columnOfField(u"key"_s);
    const auto name = model->index(0, record).data().toString();
    QCOMPARE(name, u"C100007 · "_s + m_contactEmail);
    QVERIFY(!name.contains(m_contactId) || m_contactEmail.contains(m_contactId));
    QCOMPARE(model->index(0, model->columnOfField(u"changes"_s)).data().toString(), u"makePayment"_s);
    for (int column = 0; column < model->columnCount(); ++column)
        QVERIFY2(!model->index(0, column).data().toString().startsWith(u'{'), "no raw JSON in the list");

    window.findChild<QTableView*>(u"auditView"_s)->setCurrentIndex(model->index(0, 0));
    auto* changes = window.findChild<QTableWidget*>(u"auditChanges"_s);
    QCOMPARE(changes->horizontalHeaderItem(1)->text(), u"Before"_s);
    QCOMPARE(changes->horizontalHeaderItem(2)->text(), u"After"_s);
    QCOMPARE(changes->item(0, 0)->text(), u"makePayment"_s);
    QVERIFY(changes->item(0, 1)->text() != changes->item(0, 2)->text());
    QVERIFY(
        (QSet<QString>{changes->item(0, 1)->text(), changes->item(0, 2)->text()} == QSet<QString>{u"Yes"_s, u"No"_s}));
    QVERIFY(changes->item(0, 0)->data(Qt::UserRole).toBool()); // highlighted as changed
    QVERIFY(changes->item(0, 2)->font().bold());
    // Fields that did not change are there too, not highlighted.
    QVERIFY(changes->rowCount() > 3);
    QVERIFY(!changes->item(1, 0)->data(Qt::UserRole).toBool());
    QVERIFY(window.findChild<QLabel*>(u"auditSummary"_s)->text().contains(m_contactEmail));
}

void TestAuditPage::timesHaveOneFormatWithTimeZone()
{
    MainWindow window(m_dir.filePath(u"w3.sqlite"_s));
    window.show();
    window.signIn(m_server.url(), u"admin@demo.test"_s, u"Demo-Passw0rd"_s);
    QTRY_VERIFY_WITH_TIMEOUT(window.context().session->isSignedIn(), kTimeout);
    window.showPage(MainWindow::Audit);
    auto* audit = window.auditPage()->model();
    QTRY_VERIFY_WITH_TIMEOUT(audit->hasLoaded() && !audit->isLoading() && audit->rowCount() > 0, kTimeout);
    const auto iso = audit->record(0).value(u"at"_s).toString();
    const auto time = QDateTime::fromString(iso, Qt::ISODate);
    QVERIFY(time.isValid());
    const auto shown = audit->index(0, 0).data().toString();
    QCOMPARE(shown, DateTimeText::fromIso(iso));
    QVERIFY2(shown.endsWith(u' ' + time.toLocalTime().timeZoneAbbreviation()), qPrintable(shown));
    QVERIFY(shown.contains(QLocale().toString(time.toLocalTime().date(), QLocale::ShortFormat)));

    // The Jobs page writes its times the same way: the next runs of the schedules.
    window.showPage(MainWindow::Jobs);
    auto* schedules = window.jobsPage()->findChild<QTreeWidget*>(u"schedulesView"_s);
    QVERIFY(schedules);
    QTRY_VERIFY_WITH_TIMEOUT(schedules->topLevelItemCount() > 0, kTimeout);
    int nextRun = -1;
    for (int column = 0; column < schedules->columnCount(); ++column) {
        if (schedules->headerItem()->text(column).startsWith(u"Next"_s))
            nextRun = column;
    }
    QVERIFY(nextRun >= 0);
    bool compared = false;
    for (int row = 0; row < schedules->topLevelItemCount(); ++row) {
        const auto text = schedules->topLevelItem(row)->text(nextRun);
        if (text == u"—"_s)
            continue;
        const auto zone = QDateTime::currentDateTime().timeZoneAbbreviation();
        QVERIFY2(text.endsWith(u' ' + zone), qPrintable(text));
        // Same shape as the audit's: date, time with seconds, zone.
        QCOMPARE(text.count(u':'), shown.count(u':'));
        QCOMPARE(text.count(u' '), shown.count(u' '));
        compared = true;
    }
    QVERIFY(compared);
}

QTEST_MAIN(TestAuditPage)
#include "testauditpage.moc"
