#include "PendingChanges.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

class TestPendingChanges : public QObject
{
    Q_OBJECT

private slots:
    void editBackToOriginalDropsTheChange();
    void changesetGroupsFieldsPerRecord();
    void changesetKeepsTheFirstVersion();
    void editsSurviveACrash();
    void editsAreScopedToOneServer();
    void revertRecordDropsOnlyThatRecord();
};

void TestPendingChanges::editBackToOriginalDropsTheChange()
{
    QTemporaryDir dir;
    PendingChanges pending(dir.filePath(u"w.sqlite"_s));
    QVERIFY2(pending.isOpen(), qPrintable(pending.lastError()));
    QSignalSpy changed(&pending, &PendingChanges::changed);
    pending.setValue(u"contact"_s, u"7"_s, 3, u"canRegister"_s, false, true);
    QCOMPARE(pending.count(), 1);
    QVERIFY(pending.contains(u"contact"_s, u"7"_s, u"canRegister"_s));
    QCOMPARE(pending.value(u"contact"_s, u"7"_s, u"canRegister"_s), QJsonValue(true));
    pending.setValue(u"contact"_s, u"7"_s, 3, u"canRegister"_s, false, false);
    QCOMPARE(pending.count(), 0);
    QVERIFY(pending.value(u"contact"_s, u"7"_s, u"canRegister"_s).isUndefined());
    QCOMPARE(changed.count(), 2);
}

void TestPendingChanges::changesetGroupsFieldsPerRecord()
{
    QTemporaryDir dir;
    PendingChanges pending(dir.filePath(u"w.sqlite"_s));
    pending.setValue(u"contact"_s, u"7"_s, 3, u"canRegister"_s, false, true);
    pending.setValue(u"contact"_s, u"7"_s, 3, u"makePayment"_s, true, false);
    pending.setValue(u"customer"_s, u"C100001"_s, 5, u"portalEnabled"_s, true, false);
    QCOMPARE(pending.recordCount(), 2);
    const auto changes = pending.changeset().value(u"changes"_s).toArray();
    QCOMPARE(changes.size(), 2);
    const auto contact = changes.at(0).toObject();
    QCOMPARE(contact.value(u"entity"_s).toString(), u"contact"_s);
    QCOMPARE(contact.value(u"key"_s).toInteger(), 7); // ids go as numbers
    QCOMPARE(contact.value(u"version"_s).toInteger(), 3);
    QCOMPARE(contact.value(u"set"_s).toObject(), QJsonObject({{u"canRegister"_s, true}, {u"makePayment"_s, false}}));
    const auto customer = changes.at(1).toObject();
    QCOMPARE(customer.value(u"key"_s).toString(), u"C100001"_s);
    QCOMPARE(customer.value(u"set"_s).toObject(), QJsonObject({{u"portalEnabled"_s, false}}));
}

void TestPendingChanges::changesetKeepsTheFirstVersion()
{
    QTemporaryDir dir;
    PendingChanges pending(dir.filePath(u"w.sqlite"_s));
    pending.setValue(u"contact"_s, u"7"_s, 3, u"sections"_s, QJsonArray{u"a"_s}, QJsonArray{u"a"_s, u"b"_s});
    // A later edit of the same field after the row was re-read must not hide the original version.
    pending.setValue(u"contact"_s, u"7"_s, 4, u"sections"_s, QJsonArray{u"a"_s, u"b"_s}, QJsonArray{u"b"_s});
    const auto change = pending.changeset().value(u"changes"_s).toArray().at(0).toObject();
    QCOMPARE(change.value(u"version"_s).toInteger(), 3);
    QCOMPARE(pending.changes().at(0).original, QJsonValue(QJsonArray{u"a"_s}));
}

void TestPendingChanges::editsSurviveACrash()
{
    QTemporaryDir dir;
    const auto path = dir.filePath(u"workspace.sqlite"_s);
    {
        // Simulated crash: edits are made, nothing is sent, the object goes away without any save.
        auto pending = std::make_unique<PendingChanges>(path);
        pending->setServer(u"127.0.0.1:8080"_s);
        pending->setValue(u"contact"_s, u"12"_s, 2, u"canRegister"_s, false, true);
        pending->setValue(u"customer"_s, u"C100009"_s, 1, u"portalEnabled"_s, true, false);
    }
    PendingChanges reopened(path);
    reopened.setServer(u"127.0.0.1:8080"_s);
    QCOMPARE(reopened.count(), 2);
    QCOMPARE(reopened.value(u"contact"_s, u"12"_s, u"canRegister"_s), QJsonValue(true));
    QCOMPARE(reopened.value(u"customer"_s, u"C100009"_s, u"portalEnabled"_s), QJsonValue(false));
    QCOMPARE(reopened.changes().at(0).version, 2);
}

void TestPendingChanges::editsAreScopedToOneServer()
{
    QTemporaryDir dir;
    PendingChanges pending(dir.filePath(u"w.sqlite"_s));
    pending.setServer(u"a:1"_s);
    pending.setValue(u"contact"_s, u"1"_s, 1, u"canRegister"_s, false, true);
    pending.setServer(u"b:2"_s);
    QCOMPARE(pending.count(), 0);
    pending.setServer(u"a:1"_s);
    QCOMPARE(pending.count(), 1);
    pending.clear();
    QCOMPARE(pending.count(), 0);
}

void TestPendingChanges::revertRecordDropsOnlyThatRecord()
{
    QTemporaryDir dir;
    PendingChanges pending(dir.filePath(u"w.sqlite"_s));
    pending.setValue(u"contact"_s, u"1"_s, 1, u"canRegister"_s, false, true);
    pending.setValue(u"contact"_s, u"1"_s, 1, u"makePayment"_s, false, true);
    pending.setValue(u"contact"_s, u"2"_s, 1, u"canRegister"_s, false, true);
    pending.revertRecord(u"contact"_s, u"1"_s);
    QCOMPARE(pending.count(), 1);
    QVERIFY(pending.containsRecord(u"contact"_s, u"2"_s));
    QVERIFY(!pending.containsRecord(u"contact"_s, u"1"_s));
}

QTEST_GUILESS_MAIN(TestPendingChanges)
#include "testpendingchanges.moc"
