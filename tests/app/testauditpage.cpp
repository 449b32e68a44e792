#include "AppTestSupport.h"
#include "AuditModel.h"
#include "AuditPage.h"
#include "MainWindow.h"
#include "Session.h"

#include <QComboBox>
#include <QFile>
#include <QPlainTextEdit>
#include <QTableView>

using namespace Qt::StringLiterals;
using namespace AppTest;

// Audit log: filter by entity, see before/after, export what matches as CSV.
class TestAuditPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void filterDetailsAndExport();

private:
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
    const auto details = window.findChild<QPlainTextEdit*>(u"auditDetails"_s)->toPlainText();
    QVERIFY2(details.contains(u"Before:"_s) && details.contains(u"=Formula Ltd"_s), qPrintable(details));

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

QTEST_MAIN(TestAuditPage)
#include "testauditpage.moc"
