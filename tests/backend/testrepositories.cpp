// Repository round trips on a real temporary SQLite file: what is written reads back the same;
// versions guard updates; deletes cascade; emails are case-insensitive; documents stay with their
// customer.

#include "TestSupport.h"

#include "store/AddressRepository.h"
#include "store/ContactRepository.h"
#include "store/CustomerRepository.h"
#include "store/DocumentRepository.h"
#include "store/InvoiceRepository.h"
#include "store/OrderRepository.h"
#include "store/PortalUserRepository.h"
#include "store/RoleRepository.h"
#include "store/SettingRepository.h"
#include "core/SettingsCatalogue.h"

using namespace gh;
using namespace gh::core;
using namespace gh::store;
using gh::test::q;
using gh::test::TempDatabase;

namespace {

Customer makeCustomer(const std::string& number)
{
    Customer c;
    c.number = number;
    c.name = "Name of " + number;
    c.group = "Y20";
    c.payerNumber = "P1";
    c.statId = "S9";
    c.erpStatus = "20";
    c.portalEnabled = false;
    c.currency = "GBP";
    c.freeFields = {{"CFC5", "1"}, {"WHLO", "001"}};
    return c;
}

} // namespace

class TestRepositories : public QObject
{
    Q_OBJECT

private slots:
    void customerRoundTripAndVersioning()
    {
        TempDatabase temp;
        auto db = temp.db().acquire();
        CustomerRepository customers(*db);
        const Customer written = makeCustomer("C1");
        const Id id = customers.insert(written);
        QVERIFY(id > 0);
        auto read = customers.findByNumber("C1");
        QVERIFY(read);
        QCOMPARE(read->id, id);
        QCOMPARE(q(read->name), q(written.name));
        QCOMPARE(q(read->group), QStringLiteral("Y20"));
        QCOMPARE(q(read->payerNumber), QStringLiteral("P1"));
        QCOMPARE(q(read->statId), QStringLiteral("S9"));
        QCOMPARE(q(read->erpStatus), QStringLiteral("20"));
        QCOMPARE(read->portalEnabled, false);
        QCOMPARE(q(read->currency), QStringLiteral("GBP"));
        QCOMPARE(read->freeFields, written.freeFields);
        QCOMPARE(read->version, std::int64_t(1));

        Customer changed = *read;
        changed.name = "Renamed";
        QVERIFY(customers.update(changed));
        QCOMPARE(customers.findByNumber("C1")->version, std::int64_t(2));
        QCOMPARE(q(customers.findById(id)->name), QStringLiteral("Renamed"));
        // The same stale version again: refused, nothing written.
        changed.name = "Lost update";
        QVERIFY(!customers.update(changed));
        QCOMPARE(q(customers.findByNumber("C1")->name), QStringLiteral("Renamed"));
        QVERIFY(!customers.findByNumber("C404"));
        QVERIFY_THROWS_EXCEPTION(DatabaseError, customers.insert(makeCustomer("C1"))); // unique number
    }

    void addressesInvoiceFirst()
    {
        TempDatabase temp;
        auto db = temp.db().acquire();
        const Id customer = CustomerRepository(*db).insert(makeCustomer("C1"));
        AddressRepository addresses(*db);
        for (auto kind : {AddressKind::Delivery, AddressKind::Other, AddressKind::Invoice, AddressKind::Delivery}) {
            Address a;
            a.customerId = customer;
            a.kind = kind;
            a.line1 = std::string(toString(kind));
            a.city = "Hamburg";
            addresses.insert(a);
        }
        const auto list = addresses.forCustomer(customer);
        QCOMPARE(list.size(), std::size_t(4));
        QCOMPARE(int(list[0].kind), int(AddressKind::Invoice));
        QCOMPARE(int(list[1].kind), int(AddressKind::Delivery));
        QCOMPARE(int(list[2].kind), int(AddressKind::Delivery));
        QCOMPARE(int(list[3].kind), int(AddressKind::Other));
        QVERIFY(list[1].id < list[2].id);
    }

    void contactsRoundTripAndCascade()
    {
        TempDatabase temp;
        auto db = temp.db().acquire();
        CustomerRepository customers(*db);
        const Id customer = customers.insert(makeCustomer("C1"));
        ContactRepository contacts(*db);
        Contact k;
        k.customerId = customer;
        k.firstName = "Ada";
        k.lastName = "Lovelace";
        k.email = "Ada@Example.TEST";
        k.phone = "+44 1";
        k.title = "Buyer";
        k.canRegister = true;
        k.sections = {Section::InvoicesView, Section::StatementsDownload};
        k.makePayment = true;
        k.ownOrdersOnly = true;
        const Id id = contacts.insert(k);
        auto read = contacts.findById(id);
        QVERIFY(read);
        QCOMPARE(q(read->email), QStringLiteral("ada@example.test"));
        QCOMPARE(q(read->customerNumber), QStringLiteral("C1"));
        QCOMPARE(read->sections, k.sections);
        QVERIFY(read->canRegister && read->makePayment && read->ownOrdersOnly && !read->isAccountAdmin);
        QVERIFY(contacts.findByEmail(customer, "ADA@example.test"));
        read->isAccountAdmin = true;
        QVERIFY(contacts.update(*read));
        QVERIFY(!contacts.update(*read)); // stale now
        QVERIFY(contacts.findById(id)->isAccountAdmin);
        QVERIFY(customers.remove("C1"));
        QVERIFY(!contacts.findById(id)); // ON DELETE CASCADE
    }

    void portalUserWithAssignmentsAndRoles()
    {
        TempDatabase temp;
        auto db = temp.db().acquire();
        CustomerRepository(*db).insert(makeCustomer("C1"));
        CustomerRepository(*db).insert(makeCustomer("C2"));
        RoleRepository roles(*db);
        ErpRole role;
        role.code = "SALES01";
        role.description = "Sales";
        role.modules = {Section::OrdersView};
        role.processes = {Process::EmailDocuments};
        roles.insert(role);
        QVERIFY_THROWS_EXCEPTION(DatabaseError, roles.insert(role)); // duplicate code

        PortalUserRepository users(*db);
        PortalUser u;
        u.email = "Mixed.Case@Example.test";
        u.firstName = "Mixed";
        u.status = PortalUserStatus::Active;
        u.kind = PortalUserKind::Internal;
        u.customerNumber = "C1";
        u.assignedCustomers = {"C2", "C1"};
        u.roles = {"SALES01"};
        u.sections = SectionSet::all();
        u.isAdmin = true;
        const Id id = users.insert(u);
        auto read = users.findByEmail("MIXED.case@example.TEST");
        QVERIFY(read);
        QCOMPARE(read->id, id);
        QCOMPARE(q(read->email), QStringLiteral("mixed.case@example.test"));
        QCOMPARE(read->assignedCustomers, (std::vector<std::string>{"C1", "C2"}));
        QCOMPARE(read->roles, (std::vector<std::string>{"SALES01"}));
        QCOMPARE(q(read->customerNumber), QStringLiteral("C1"));
        QCOMPARE(int(read->kind), int(PortalUserKind::Internal));
        QCOMPARE(roles.forUser(id).size(), std::size_t(1));

        u.email = "MIXED.CASE@example.test"; // another letter case is the same account
        QVERIFY_THROWS_EXCEPTION(DatabaseError, users.insert(u));

        read->assignedCustomers = {"C2"};
        QVERIFY(users.update(*read));
        QCOMPARE(users.findById(id)->assignedCustomers, (std::vector<std::string>{"C2"}));
        read->assignedCustomers = {"C404"};
        read->version = users.findById(id)->version;
        QVERIFY_THROWS_EXCEPTION(DatabaseError, users.update(*read)); // unknown customer refused

        users.setStatus(id, PortalUserStatus::Locked);
        QCOMPARE(int(users.findById(id)->status), int(PortalUserStatus::Locked));
        QVERIFY(roles.remove("SALES01"));
        QVERIFY(users.findById(id)->roles.empty()); // cascades to the assignment
    }

    void invoicesOrdersShipments()
    {
        TempDatabase temp;
        auto db = temp.db().acquire();
        const Id customer = CustomerRepository(*db).insert(makeCustomer("C1"));
        InvoiceRepository invoices(*db);
        Invoice i;
        i.customerId = customer;
        i.number = "INV1";
        i.orderNumber = "SO1";
        i.poReference = "PO-1";
        i.invoiceDate = "2026-01-31";
        i.dueDate = "2026-03-02";
        i.amount = *Money::parse("1234.50");
        i.openAmount = *Money::parse("234.50");
        i.currency = "EUR";
        i.status = InvoiceStatus::PartiallyPaid;
        invoices.insert(i);
        auto read = invoices.find(customer, "INV1");
        QVERIFY(read);
        QCOMPARE(q(read->amount.toString()), QStringLiteral("1234.50"));
        QCOMPARE(q(read->openAmount.toString()), QStringLiteral("234.50"));
        QCOMPARE(int(read->status), int(InvoiceStatus::PartiallyPaid));
        QCOMPARE(q(read->customerNumber), QStringLiteral("C1"));
        QCOMPARE(invoices.countForCustomer(customer), std::int64_t(1));

        OrderRepository orders(*db);
        Order o;
        o.customerId = customer;
        o.number = "SO1";
        o.orderDate = "2026-01-02";
        o.status = OrderStatus::Delivered;
        o.placedBy = "a@b.test";
        const Id orderId = orders.insert(o);
        Shipment s;
        s.orderId = orderId;
        s.shipmentNumber = "SH1";
        s.deliveryNumber = "DN1";
        s.forwardingAgent = "DHL";
        s.shipDate = "2026-01-04";
        orders.insertShipment(s);
        const auto readOrder = orders.find(customer, "SO1");
        QVERIFY(readOrder);
        QCOMPARE(q(readOrder->customerName), QStringLiteral("Name of C1"));
        const auto shipments = orders.shipments(orderId);
        QCOMPARE(shipments.size(), std::size_t(1));
        QCOMPARE(q(shipments[0].forwardingAgent), QStringLiteral("DHL"));
    }

    void documentsBelongToTheirCustomer()
    {
        TempDatabase temp;
        auto db = temp.db().acquire();
        const Id c1 = CustomerRepository(*db).insert(makeCustomer("C1"));
        const Id c2 = CustomerRepository(*db).insert(makeCustomer("C2"));
        DocumentRepository documents(*db);
        Document d;
        d.customerId = c1;
        d.owner = DocumentOwner::Invoice;
        d.ownerId = 7;
        d.kind = "invoice";
        d.fileName = "Invoice-7.pdf";
        d.mediaType = "application/pdf";
        const std::string bytes("%PDF-1.4\0binary\xff", 16);
        const Id id = documents.insert(d, bytes);
        QVERIFY(documents.find(c1, id));
        QVERIFY(!documents.find(c2, id)); // another customer's id is not found
        QCOMPARE(documents.find(c1, id)->size, std::int64_t(bytes.size()));
        QCOMPARE(documents.content(id), bytes); // binary-safe
        QCOMPARE(documents.forOwner(c1, DocumentOwner::Invoice, 7).size(), std::size_t(1));
        QVERIFY(documents.forOwner(c1, DocumentOwner::Order, 7).empty());
        QVERIFY(documents.forOwner(c2, DocumentOwner::Invoice, 7).empty()); // another customer's owner id
    }

    void settingsUpsert()
    {
        TempDatabase temp;
        auto db = temp.db().acquire();
        SettingRepository settings(*db);
        QVERIFY(!settings.get("portal.name"));
        settings.set("portal.name", "One", "a@b");
        settings.set("portal.name", "Two", "c@d");
        QCOMPARE(q(*settings.get("portal.name")), QStringLiteral("Two"));
        const auto records = settings.storedRecords();
        QCOMPARE(records.size(), std::size_t(1));
        QCOMPARE(q(records[0].updatedBy), QStringLiteral("c@d"));
        const auto effective = SettingsCatalogue::effective(settings.stored());
        QCOMPARE(q(effective.at("portal.name")), QStringLiteral("Two"));
        QCOMPARE(q(effective.at("sync.orders.from_days")), QStringLiteral("180")); // default
    }

    void settingsValidation_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        QTest::newRow("choice ok") << "general.customer_selection_mode" << "payer" << true;
        QTest::newRow("choice bad") << "general.customer_selection_mode" << "everyone" << false;
        QTest::newRow("bool ok") << "sync.orders.enabled" << "false" << true;
        QTest::newRow("bool bad") << "sync.orders.enabled" << "yes" << false;
        QTest::newRow("integer ok") << "sync.orders.max_records" << "10000" << true;
        QTest::newRow("integer out of range") << "sync.orders.max_records" << "0" << false;
        QTest::newRow("integer not a number") << "sync.orders.max_records" << "10k" << false;
        QTest::newRow("sections ok") << "general.internal_allowed_sections" << "orders.view|invoices.view" << true;
        QTest::newRow("sections unknown") << "general.internal_allowed_sections" << "orders.view|admin" << false;
        QTest::newRow("email ok") << "email.sender" << "portal@example.test" << true;
        QTest::newRow("email bad") << "email.sender" << "not an email" << false;
        QTest::newRow("unknown key") << "no.such.setting" << "x" << false;
    }

    void settingsValidation()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(bool, valid);
        const auto problem = SettingsCatalogue::validate(key.toStdString(), value.toStdString());
        QCOMPARE(!problem.has_value(), valid);
    }

    void money_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("cents");
        QTest::addColumn<QString>("formatted");
        QTest::newRow("integer") << "12" << true << qint64(1200) << "12.00";
        QTest::newRow("one decimal") << "12.5" << true << qint64(1250) << "12.50";
        QTest::newRow("two decimals") << "1234.50" << true << qint64(123450) << "1234.50";
        QTest::newRow("negative") << "-0.05" << true << qint64(-5) << "-0.05";
        QTest::newRow("blanks") << " 7.10 " << true << qint64(710) << "7.10";
        QTest::newRow("three decimals") << "1.005" << false << qint64(0) << "";
        QTest::newRow("comma") << "1,50" << false << qint64(0) << "";
        QTest::newRow("empty") << "" << false << qint64(0) << "";
        QTest::newRow("dot only") << "." << false << qint64(0) << "";
        QTest::newRow("trailing dot") << "5." << false << qint64(0) << "";
        QTest::newRow("exponent") << "1e3" << false << qint64(0) << "";
    }

    void money()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, cents);
        QFETCH(QString, formatted);
        const auto m = Money::parse(text.toStdString());
        QCOMPARE(m.has_value(), valid);
        if (valid) {
            QCOMPARE(qint64(m->cents()), cents);
            QCOMPARE(q(m->toString()), formatted);
        }
    }
};

QTEST_GUILESS_MAIN(TestRepositories)
#include "testrepositories.moc"
