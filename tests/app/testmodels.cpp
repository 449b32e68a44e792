#include "AppTestSupport.h"
#include "AuditModel.h"
#include "ContactsModel.h"
#include "CustomersModel.h"
#include "JobsModel.h"
#include "PendingChanges.h"
#include "PortalUsersModel.h"
#include "RolesModel.h"

#include <QAbstractItemModelTester>

using namespace Qt::StringLiterals;
using namespace AppTest;

// Every model under QAbstractItemModelTester against the real server with demo data.
class TestModels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void customersFirstPageThenFetchMore();
    void customersSortAndFilterOnTheServer();
    void contactsPermissionsEditIntoPendingChanges();
    void portalUsers();
    void rolesPagedWithFilters();
    void auditEvents();
    void jobs();

private:
    bool load(RemoteTableModel& model);

    TestServer m_server;
    std::unique_ptr<Client> m_client;
};

void TestModels::initTestCase()
{
    isolateSettings(u"testmodels"_s);
    QVERIFY(m_server.start());
    m_client = std::make_unique<Client>(m_server.url());
    QVERIFY(m_client->signIn());
}

bool TestModels::load(RemoteTableModel& model)
{
    QSignalSpy loaded(&model, &RemoteTableModel::loaded);
    QSignalSpy failed(&model, &RemoteTableModel::loadFailed);
    model.reload();
    (void)QTest::qWaitFor([&] { return !loaded.isEmpty() || !failed.isEmpty(); }, kTimeout);
    if (loaded.isEmpty() && failed.isEmpty())
        return false;
    if (!failed.isEmpty())
        qWarning("load failed: %s", qPrintable(failed.at(0).at(0).value<ApiError>().displayText()));
    return failed.isEmpty();
}

void TestModels::customersFirstPageThenFetchMore()
{
    CustomersModel model(&m_client->api());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(50);
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(load(model));
    QCOMPARE(model.rowCount(), 50); // the first page shows at once
    QCOMPARE(model.total(), 200);
    QCOMPARE(model.index(0, 0).data().toString(), u"C100001"_s);
    QVERIFY(model.canFetchMore({}));
    QSignalSpy loaded(&model, &RemoteTableModel::loaded);
    model.fetchMore({});
    QVERIFY(model.isLoading());
    QVERIFY(!model.canFetchMore({})); // no second request while one is in flight
    QVERIFY(loaded.wait(kTimeout));
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.index(50, 0).data().toString(), u"C100051"_s);
    const int portal = model.columnOfField(u"portalEnabled"_s);
    QVERIFY(model.index(0, portal).data(Qt::CheckStateRole).isValid());
}

void TestModels::customersSortAndFilterOnTheServer()
{
    CustomersModel model(&m_client->api());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(load(model));
    QSignalSpy loaded(&model, &RemoteTableModel::loaded);
    model.sort(0, Qt::DescendingOrder);
    QVERIFY(loaded.wait(kTimeout));
    QCOMPARE(model.index(0, 0).data().toString(), u"C100200"_s);
    model.setFilter(u"q"_s, u"C10015"_s);
    QVERIFY(load(model));
    QVERIFY(model.rowCount() > 0);
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY(model.index(row, 0).data().toString().startsWith(u"C10015"_s)
                || model.index(row, 1).data().toString().contains(u"C10015"_s));
}

void TestModels::contactsPermissionsEditIntoPendingChanges()
{
    QTemporaryDir dir;
    PendingChanges pending(dir.filePath(u"w.sqlite"_s));
    ContactsModel model(&m_client->api());
    model.setPendingChanges(&pending);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &RemoteTableModel::loaded);
    model.setCustomer(u"C100001"_s);
    QVERIFY(loaded.wait(kTimeout));
    QVERIFY(model.rowCount() > 0);

    // Check-box columns: Can Register, each section, Make Payment, Account Admin; short headers with the
    // full names as tool tips.
    QStringList headers, tips;
    for (int column = 0; column < model.columnCount(); ++column) {
        headers << model.headerData(column, Qt::Horizontal).toString();
        tips << model.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString();
    }
    for (const auto& expected : {u"Register"_s, u"Account"_s, u"Invoices"_s, u"Pay"_s, u"Admin"_s, u"Own only"_s})
        QVERIFY2(headers.contains(expected), qPrintable(headers.join(u", "_s)));
    for (const auto& expected : {u"Can Register"_s, u"Account Summary"_s, u"View Invoice History"_s, u"Make Payment"_s,
                                 u"Account Admin"_s, u"Own Orders Only"_s}) {
        QVERIFY2(std::any_of(tips.begin(), tips.end(), [&](const QString& tip) { return tip.contains(expected); }),
                 qPrintable(tips.join(u" | "_s)));
    }

    const int canRegister = model.columnOfField(u"canRegister"_s);
    const auto cell = model.index(0, canRegister);
    QVERIFY(model.flags(cell) & Qt::ItemIsUserCheckable);
    const bool before = cell.data(Qt::CheckStateRole).toInt() == Qt::Checked;
    QVERIFY(model.setData(cell, before ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(cell.data(Qt::CheckStateRole).toInt() == Qt::Checked, !before);
    QVERIFY(cell.data(RemoteTableModel::PendingRole).toBool());
    QVERIFY(cell.data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(cell.data(Qt::BackgroundRole).isValid());
    QCOMPARE(pending.count(), 1);

    // A section column toggles membership in the one "sections" list field.
    int invoices = -1;
    for (int column = 0; column < model.columnCount(); ++column) {
        if (model.headerData(column, Qt::Horizontal).toString() == u"Invoices"_s)
            invoices = column;
    }
    const auto sectionCell = model.index(0, invoices);
    const bool had = sectionCell.data(Qt::CheckStateRole).toInt() == Qt::Checked;
    QVERIFY(model.setData(sectionCell, had ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole));
    const auto sections = pending.value(u"contact"_s, model.keyOf(0), u"sections"_s).toArray();
    QCOMPARE(sections.contains(QJsonValue(u"invoices.view"_s)), !had);
    // Ticking it back drops the pending edit again.
    QVERIFY(model.setData(sectionCell, had ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!pending.contains(u"contact"_s, model.keyOf(0), u"sections"_s));
    QVERIFY(!sectionCell.data(RemoteTableModel::PendingRole).toBool());
}

void TestModels::portalUsers()
{
    PortalUsersModel model(&m_client->api());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(load(model));
    QVERIFY(model.rowCount() >= 3);
    QVERIFY(
        model.rowOfKey(QString::number(
            m_client->get(u"/portal-users"_s).value(u"items"_s).toArray().at(0).toObject().value(u"id"_s).toInteger()))
        >= 0);
    model.setFilter(u"q"_s, u"alice"_s);
    QVERIFY(load(model));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data().toString(), u"alice@demo.test"_s);
}

void TestModels::rolesPagedWithFilters()
{
    RolesModel model(&m_client->api());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(load(model));
    QCOMPARE(model.total(), 4);
    QVERIFY(!model.canFetchMore({})); // paged mode: the page chooser moves, not the scroll bar
    model.setFilter(u"noAccess"_s, u"true"_s);
    QVERIFY(load(model));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.keyOf(0), u"NOACC"_s);
    model.clearFilters();
    model.setFilter(u"process"_s, u"pay_invoices"_s);
    QVERIFY(load(model));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.keyOf(0), u"FIN01"_s);
}

void TestModels::auditEvents()
{
    // Make one event first.
    const auto customer = m_client->get(u"/customers/C100010"_s);
    int status = 0;
    m_client->post(u"/changesets"_s,
                   {{u"changes"_s,
                     QJsonArray{QJsonObject{{u"entity"_s, u"customer"_s},
                                            {u"key"_s, u"C100010"_s},
                                            {u"version"_s, customer.value(u"version"_s)},
                                            {u"set"_s, QJsonObject{{u"name"_s, u"Renamed Ltd"_s}}}}}}},
                   &status);
    QCOMPARE(status, 200);
    AuditModel model(&m_client->api());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilter(u"entity"_s, u"customer"_s);
    QVERIFY(load(model));
    QVERIFY(model.rowCount() >= 1);
    // The record as staff know it: number and (new) name; the changed field named.
    QCOMPARE(model.index(0, model.columnOfField(u"key"_s)).data().toString(), u"C100010 · Renamed Ltd"_s);
    QCOMPARE(model.index(0, model.columnOfField(u"changes"_s)).data().toString(), u"name"_s);
    QCOMPARE(model.index(0, model.columnOfField(u"actor"_s)).data().toString(), u"admin@demo.test"_s);
}

void TestModels::jobs()
{
    JobsModel model(&m_client->api());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(load(model));
    QVERIFY(model.hasLoaded());
    QCOMPARE(model.rowCount(), model.total());
}

QTEST_MAIN(TestModels)
#include "testmodels.moc"
