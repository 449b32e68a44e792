// The portal's data endpoints against the small demo data: list parameters (every bad value a 400
// naming it), filters, sort and paging totals checked against the database, single records,
// documents, the statement CSV (formula neutralising), emailing documents, shipments, sub-accounts.

#include "PortalTestSupport.h"

#include "core/Time.h"

using namespace gh;
using namespace gh::test;

namespace {

std::int64_t scalar(services::Services& services, const std::string& sql)
{
    auto db = services.database().acquire();
    auto q = db->query(sql);
    q.next();
    return q.integer(0);
}

std::vector<std::string> column(const Poco::JSON::Array::Ptr& items, const std::string& name)
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < items->size(); ++i)
        out.push_back(items->getObject(static_cast<unsigned>(i))->getValue<std::string>(name));
    return out;
}

} // namespace

class TestPortalData : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_alice;

    services::Services& services() { return m_server->services(); }
    std::int64_t c1() { return scalar(services(), "SELECT id FROM customers WHERE number = 'C100001'"); }

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>();
        m_alice = std::make_unique<HttpClient>(m_server->port());
        QCOMPARE(signIn(*m_alice, "alice@demo.test").status, 200);
    }
    void cleanupTestCase()
    {
        m_alice.reset();
        m_server.reset();
    }

    void badListParametersAre400NamingThem_data()
    {
        QTest::addColumn<QString>("list");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        for (const char* list : {"invoices", "orders"}) {
            auto row = [&](const char* what, const char* query, const char* field) {
                QTest::newRow((std::string(list) + ": " + what).c_str()) << list << query << field;
            };
            row("page 0", "page=0", "page");
            row("page negative", "page=-1", "page");
            row("page not a number", "page=abc", "page");
            row("page with decimals", "page=1.5", "page");
            row("page empty", "page=", "page");
            row("page huge", "page=99999999999999999999", "page");
            row("pageSize 0", "pageSize=0", "pageSize");
            row("pageSize 101", "pageSize=101", "pageSize");
            row("pageSize text", "pageSize=ten", "pageSize");
            row("pageSize plus sign", "pageSize=%2B5", "pageSize");
            row("from not a date", "from=yesterday", "from");
            row("from impossible day", "from=2026-02-30", "from");
            row("to wrong format", "to=31.10.2026", "to");
            row("to before from", "from=2026-10-01&to=2026-09-01", "to");
            row("status unknown", "status=closed", "status");
            row("status empty", "status=", "status");
            row("sort unknown", "sort=amount", "sort");
            row("sort empty", "sort=", "sort");
            const std::string longQ = "q=" + std::string(101, 'x');
            row("q too long", longQ.c_str(), "q");
            row("q not UTF-8", "q=%FF%FE", "q");
        }
        QTest::newRow("invoices: status invoiced belongs to orders") << "invoices"
                                                                     << "status=invoiced"
                                                                     << "status";
        QTest::newRow("orders: status paid belongs to invoices") << "orders"
                                                                 << "status=paid"
                                                                 << "status";
    }

    void badListParametersAre400NamingThem()
    {
        QFETCH(QString, list);
        QFETCH(QString, query);
        QFETCH(QString, field);
        auto r = m_alice->get(kPortal + "/customers/C100001/" + list.toStdString() + "?" + query.toStdString());
        QCOMPARE(r.status, 400);
        auto details = r.json()->getObject("error")->getArray("details");
        QVERIFY(details->size() >= 1);
        QCOMPARE(q(details->getObject(0)->getValue<std::string>("field")), field);
    }

    void invoiceFiltersMatchTheDatabase_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("where");
        QTest::newRow("all") << ""
                             << "1 = 1";
        QTest::newRow("status all") << "status=all"
                                    << "1 = 1";
        QTest::newRow("open") << "status=open"
                              << "is_open = 1";
        QTest::newRow("paid") << "status=paid"
                              << "is_open = 0";
        QTest::newRow("from") << "from=2025-06-01"
                              << "invoice_date >= '2025-06-01'";
        QTest::newRow("to") << "to=2024-12-31"
                            << "invoice_date <= '2024-12-31'";
        QTest::newRow("range and open") << "from=2026-01-01&to=2026-10-31&status=open"
                                        << "invoice_date BETWEEN '2026-01-01' AND '2026-10-31' AND is_open = 1";
        QTest::newRow("q invoice number prefix") << "q=INV1000001"
                                                 << "number LIKE 'INV1000001%'";
        QTest::newRow("q PO reference prefix") << "q=PO-100001-501"
                                               << "po_reference LIKE 'PO-100001-501%'";
        QTest::newRow("q exact invoice") << "q=INV10000007"
                                         << "number = 'INV10000007'";
        QTest::newRow("q nothing") << "q=NOPE"
                                   << "0 = 1";
    }

    void invoiceFiltersMatchTheDatabase()
    {
        QFETCH(QString, query);
        QFETCH(QString, where);
        const auto expected = scalar(services(),
                                     "SELECT COUNT(*) FROM invoices WHERE customer_id = " + std::to_string(c1())
                                         + " AND " + where.toStdString());
        auto r = m_alice->get(kPortal + "/customers/C100001/invoices?pageSize=100&" + query.toStdString());
        QCOMPARE(r.status, 200);
        auto body = r.json();
        QCOMPARE(body->getValue<std::int64_t>("total"), expected);
        QCOMPARE(static_cast<std::int64_t>(body->getArray("items")->size()), std::min<std::int64_t>(expected, 100));
        QCOMPARE(body->getValue<int>("page"), 1);
        QCOMPARE(body->getValue<int>("pageSize"), 100);
    }

    void totalsFollowInsertsUpdatesAndDeletes()
    {
        // The unfiltered totals come from invoice_counts (kept by triggers); they must match COUNT(*)
        // after every kind of write.
        TestServer server;
        HttpClient alice(server.port());
        QCOMPARE(signIn(alice, "alice@demo.test").status, 200);
        auto check = [&] {
            for (const char* status : {"all", "open", "paid"}) {
                const std::string where = std::string(status) == "all" ? "1 = 1"
                    : std::string(status) == "open"                    ? "is_open = 1"
                                                                       : "is_open = 0";
                const auto expected
                    = scalar(server.services(), "SELECT COUNT(*) FROM invoices WHERE customer_id = 1 AND " + where);
                auto r = alice.get(kPortal + "/customers/C100001/invoices?status=" + status);
                if (r.json()->getValue<std::int64_t>("total") != expected)
                    return false;
            }
            return true;
        };
        QVERIFY(check());
        auto db = server.services().database().acquire();
        db->execute(
            "INSERT INTO invoices (customer_id, number, invoice_date, amount, open_amount, status, is_open) "
            "VALUES (1, 'T-1', '2026-10-30', 100, 100, 'open', 1), (1, 'T-2', '2026-10-30', 100, 0, 'paid', 0)");
        QVERIFY(check());
        db->execute("UPDATE invoices SET is_open = 0, open_amount = 0, status = 'paid' WHERE number = 'T-1'");
        QVERIFY(check());
        db->execute("UPDATE invoices SET customer_id = 2 WHERE number = 'T-2'");
        QVERIFY(check());
        db->execute("DELETE FROM invoices WHERE number IN ('T-1', 'T-2')");
        QVERIFY(check());
        QCOMPARE(scalar(server.services(), "SELECT SUM(n) FROM invoice_counts"),
                 scalar(server.services(), "SELECT COUNT(*) FROM invoices"));
    }

    void deepPagesMatchTheDatabaseAfterWrites()
    {
        // Deep pages start from remembered positions (every 1000th row); they must give exactly the
        // database's order, also right after inserts, updates and deletes move rows around.
        TestServer server;
        {
            auto db = server.services().database().acquire();
            store::Transaction tx(*db);
            for (int k = 0; k < 2600; ++k) {
                // Many invoices share a date, so the id decides the order within a day.
                db->query("INSERT INTO invoices (customer_id, number, invoice_date, amount, open_amount, status, "
                          "is_open) VALUES (2, ?, ?, 100, ?, ?, ?)",
                          "D-" + std::to_string(k), core::isoDateFromDays(20000 + (k * 7919) % 400), k % 3 ? 0 : 100,
                          k % 3 ? "paid" : "open", k % 3 ? 0 : 1)
                    .run();
            }
            tx.commit();
        }
        HttpClient alice(server.port());
        QCOMPARE(signIn(alice, "alice@demo.test").status, 200);
        auto expected = [&](const std::string& where, bool newestFirst) {
            std::vector<std::string> numbers;
            auto db = server.services().database().acquire();
            auto q = db->query("SELECT number FROM invoices WHERE customer_id = 2 AND " + where + " ORDER BY "
                               + (newestFirst ? "invoice_date DESC, id DESC" : "invoice_date ASC, id ASC"));
            while (q.next())
                numbers.push_back(q.text(0));
            return numbers;
        };
        auto pageOf = [&](const std::string& query, int page) {
            auto r = alice.get(kPortal + "/customers/C100002/invoices?pageSize=100&page=" + std::to_string(page) + "&"
                               + query);
            return column(r.json()->getArray("items"), "invoiceNumber");
        };
        auto checkPages
            = [&](const std::string& query, const std::string& where, bool newestFirst, std::vector<int> pages) {
                  const auto all = expected(where, newestFirst);
                  for (int page : pages) {
                      const auto got = pageOf(query, page);
                      const auto from = std::min<std::size_t>(all.size(), static_cast<std::size_t>(page - 1) * 100);
                      const auto to = std::min<std::size_t>(all.size(), from + 100);
                      if (got != std::vector<std::string>(all.begin() + from, all.begin() + to))
                          return false;
                  }
                  return true;
              };
        const std::vector<int> deep = {11, 12, 15, 21, 26, 27};
        QVERIFY(checkPages("", "1 = 1", true, deep));
        QVERIFY(checkPages("sort=date", "1 = 1", false, deep));
        QVERIFY(checkPages("status=paid", "is_open = 0", true, {11, 15, 18}));
        QVERIFY(checkPages("from=2024-10-01", "invoice_date >= '2024-10-01'", true, {11, 14}));
        // Again from the remembered positions, then after each kind of write.
        QVERIFY(checkPages("", "1 = 1", true, deep));
        auto write = [&](const std::string& sql) {
            auto db = server.services().database().acquire();
            db->execute(sql);
        };
        write("INSERT INTO invoices (customer_id, number, invoice_date, amount, open_amount, status, is_open) "
              "VALUES (2, 'D-new', '2025-06-01', 1, 0, 'paid', 0)");
        QVERIFY(checkPages("", "1 = 1", true, deep));
        write("UPDATE invoices SET invoice_date = '2030-01-01' WHERE number = 'D-5'");
        QVERIFY(checkPages("", "1 = 1", true, deep));
        QVERIFY(checkPages("sort=date", "1 = 1", false, deep));
        write("DELETE FROM invoices WHERE number IN ('D-100', 'D-200', 'D-300')");
        QVERIFY(checkPages("", "1 = 1", true, deep));
        QVERIFY(checkPages("status=paid", "is_open = 0", true, {11, 15, 18}));
    }

    void invoiceItemsHaveTheContractFields()
    {
        auto r = m_alice->get(kPortal + "/customers/C100001/invoices?pageSize=1&status=open");
        auto item = r.json()->getArray("items")->getObject(0);
        for (const char* field : {"invoiceNumber", "orderNumber", "customerNumber", "poReference", "invoiceDate",
                                  "dueDate", "amount", "openAmount", "currency", "status", "hasDocuments"})
            QVERIFY2(item->has(field), field);
        QCOMPARE(item->size(), 11u);
        QVERIFY(QRegularExpression(QStringLiteral("^-?\\d+\\.\\d\\d$"))
                    .match(q(item->getValue<std::string>("amount")))
                    .hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d$"))
                    .match(q(item->getValue<std::string>("invoiceDate")))
                    .hasMatch());
        QCOMPARE(q(item->getValue<std::string>("customerNumber")), QStringLiteral("C100001"));
        QVERIFY(item->get("hasDocuments").isBoolean());
    }

    void sortAndPaging()
    {
        auto all = m_alice->get(kPortal + "/customers/C100001/invoices?pageSize=100").json();
        const auto total = all->getValue<std::int64_t>("total");
        QVERIFY(total >= 25);
        const auto dates = column(all->getArray("items"), "invoiceDate");
        QVERIFY(std::is_sorted(dates.rbegin(), dates.rend())); // newest first by default

        auto asc = m_alice->get(kPortal + "/customers/C100001/invoices?pageSize=100&sort=date").json();
        const auto ascNumbers = column(asc->getArray("items"), "invoiceNumber");
        auto descNumbers = column(all->getArray("items"), "invoiceNumber");
        std::reverse(descNumbers.begin(), descNumbers.end());
        QCOMPARE(ascNumbers, descNumbers);

        // Pages of 10 put together give the whole list, in order, without repeats.
        std::vector<std::string> paged;
        for (int page = 1; page <= (total + 9) / 10; ++page) {
            auto r = m_alice->get(kPortal + "/customers/C100001/invoices?page=" + std::to_string(page));
            QCOMPARE(r.status, 200);
            auto body = r.json();
            QCOMPARE(body->getValue<int>("pageSize"), 10);
            QCOMPARE(body->getValue<std::int64_t>("total"), total);
            for (const auto& n : column(body->getArray("items"), "invoiceNumber"))
                paged.push_back(n);
        }
        QCOMPARE(paged, column(all->getArray("items"), "invoiceNumber"));
        auto beyond = m_alice->get(kPortal + "/customers/C100001/invoices?page=999").json();
        QCOMPARE(beyond->getArray("items")->size(), 0u);
        QCOMPARE(beyond->getValue<std::int64_t>("total"), total);
    }

    void orderFiltersMatchTheDatabase_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("where");
        QTest::newRow("all") << ""
                             << "1 = 1";
        QTest::newRow("open") << "status=open"
                              << "is_open = 1";
        QTest::newRow("invoiced") << "status=invoiced"
                                  << "status = 'invoiced'";
        QTest::newRow("PO prefix") << "q=PO-100001-100"
                                   << "po_reference LIKE 'PO-100001-100%'";
        QTest::newRow("range") << "from=2025-01-01&to=2025-12-31"
                               << "order_date BETWEEN '2025-01-01' AND '2025-12-31'";
    }

    void orderFiltersMatchTheDatabase()
    {
        QFETCH(QString, query);
        QFETCH(QString, where);
        const auto expected = scalar(services(),
                                     "SELECT COUNT(*) FROM orders WHERE customer_id = " + std::to_string(c1()) + " AND "
                                         + where.toStdString());
        auto r = m_alice->get(kPortal + "/customers/C100001/orders?pageSize=100&" + query.toStdString());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()->getValue<std::int64_t>("total"), expected);
        if (expected > 0) {
            auto item = r.json()->getArray("items")->getObject(0);
            for (const char* field : {"orderNumber", "customerNumber", "customerName", "poReference", "orderDate",
                                      "status", "delivery", "hasDocuments"})
                QVERIFY2(item->has(field), field);
            QCOMPARE(q(item->getValue<std::string>("customerName")), QStringLiteral("Alpine Tools GmbH"));
        }
    }

    void ownOrdersOnlyContactsSeeTheirOrders()
    {
        TestServer server;
        {
            auto db = server.services().database().acquire();
            db->execute("UPDATE contacts SET own_orders_only = 1 WHERE email = 'bob@demo.test'");
        }
        HttpClient bob(server.port());
        QCOMPARE(signIn(bob, "bob@demo.test").status, 200);
        const auto expected
            = scalar(server.services(), "SELECT COUNT(*) FROM orders WHERE placed_by = 'bob@demo.test'");
        QVERIFY(expected > 0);
        auto list = bob.get(kPortal + "/customers/C100001/orders?pageSize=100").json();
        QCOMPARE(list->getValue<std::int64_t>("total"), expected);
        std::string alicesOrder;
        {
            auto db = server.services().database().acquire();
            auto row = db->query("SELECT number FROM orders WHERE placed_by = 'alice@demo.test' LIMIT 1");
            row.next();
            alicesOrder = row.text(0);
        }
        QCOMPARE(bob.get(kPortal + "/customers/C100001/orders/" + alicesOrder).status, 404);
        QCOMPARE(bob.get(kPortal + "/customers/C100001/orders/" + alicesOrder + "/shipments").status, 404);
    }

    void oneInvoiceAndItsDocuments()
    {
        std::string number;
        {
            auto db = services().database().acquire();
            auto row
                = db->query("SELECT number FROM invoices WHERE customer_id = ? AND has_documents = 1 LIMIT 1", c1());
            row.next();
            number = row.text(0);
        }
        auto one = m_alice->get(kPortal + "/customers/C100001/invoices/" + number);
        QCOMPARE(one.status, 200);
        QCOMPARE(one.json()->getValue<std::string>("invoiceNumber"), number);
        auto docs = m_alice->get(kPortal + "/customers/C100001/invoices/" + number + "/documents");
        QCOMPARE(docs.status, 200);
        auto items = docs.json()->getArray("items");
        QCOMPARE(items->size(), 1u);
        auto doc = items->getObject(0);
        QCOMPARE(q(doc->getValue<std::string>("mediaType")), QStringLiteral("application/pdf"));
        const auto id = doc->getValue<std::int64_t>("id");
        auto file = m_alice->get(kPortal + "/customers/C100001/documents/" + std::to_string(id));
        QCOMPARE(file.status, 200);
        QVERIFY(file.body.rfind("%PDF-", 0) == 0);
        QCOMPARE(static_cast<std::int64_t>(file.body.size()), doc->getValue<std::int64_t>("size"));
        QCOMPARE(q(file.header("content-type")), QStringLiteral("application/pdf"));
        QVERIFY(file.header("content-disposition").rfind("attachment; filename=\"", 0) == 0);
        // Through another of alice's customers the same document does not exist.
        QCOMPARE(m_alice->get(kPortal + "/customers/C100002/documents/" + std::to_string(id)).status, 404);

        std::string without;
        {
            auto db = services().database().acquire();
            auto row
                = db->query("SELECT number FROM invoices WHERE customer_id = ? AND has_documents = 0 LIMIT 1", c1());
            row.next();
            without = row.text(0);
        }
        auto none = m_alice->get(kPortal + "/customers/C100001/invoices/" + without + "/documents");
        QCOMPARE(none.status, 200);
        QCOMPARE(none.json()->getArray("items")->size(), 0u);
        QCOMPARE(m_alice->get(kPortal + "/customers/C100001/invoices/INV00000000").status, 404);
        QCOMPARE(m_alice->get(kPortal + "/customers/C100001/documents/abc").status, 404);
    }

    void documentsNeedTheSectionOfTheirOwner()
    {
        TestServer server;
        std::int64_t deliveryDoc = 0, invoiceDoc = 0;
        {
            auto db = server.services().database().acquire();
            auto d = db->query("SELECT id FROM documents WHERE owner_kind = 'delivery' AND customer_id = 1 LIMIT 1");
            QVERIFY(d.next());
            deliveryDoc = d.integer(0);
            auto i = db->query("SELECT id FROM documents WHERE owner_kind = 'invoice' AND customer_id = 1 LIMIT 1");
            QVERIFY(i.next());
            invoiceDoc = i.integer(0);
            // bob loses deliveries.view (bit 3) and invoices.view (bit 4)
            db->execute("UPDATE contacts SET sections = sections & ~24 WHERE email = 'bob@demo.test'");
        }
        HttpClient bob(server.port());
        QCOMPARE(signIn(bob, "bob@demo.test").status, 200);
        QCOMPARE(bob.get(kPortal + "/customers/C100001/documents/" + std::to_string(deliveryDoc)).status, 404);
        QCOMPARE(bob.get(kPortal + "/customers/C100001/documents/" + std::to_string(invoiceDoc)).status, 404);
        HttpClient alice(server.port());
        QCOMPARE(signIn(alice, "alice@demo.test").status, 200);
        QCOMPARE(alice.get(kPortal + "/customers/C100001/documents/" + std::to_string(deliveryDoc)).status, 200);
    }

    void oneOrderShipmentsAndDocuments()
    {
        std::string number;
        {
            auto db = services().database().acquire();
            auto row = db->query("SELECT o.number FROM orders o WHERE o.customer_id = ? AND o.has_documents = 1 AND "
                                 "EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id) LIMIT 1",
                                 c1());
            QVERIFY(row.next());
            number = row.text(0);
        }
        auto one = m_alice->get(kPortal + "/customers/C100001/orders/" + number);
        QCOMPARE(one.status, 200);
        QCOMPARE(one.json()->getValue<std::string>("orderNumber"), number);
        auto shipments = m_alice->get(kPortal + "/customers/C100001/orders/" + number + "/shipments");
        QCOMPARE(shipments.status, 200);
        auto items = shipments.json()->getArray("items");
        QVERIFY(items->size() >= 1);
        auto s = items->getObject(0);
        for (const char* field :
             {"shipmentNumber", "deliveryNumber", "forwardingAgent", "trackingReference", "shipDate"})
            QVERIFY2(s->has(field), field);
        auto docs = m_alice->get(kPortal + "/customers/C100001/orders/" + number + "/documents");
        QCOMPARE(docs.status, 200);
        QVERIFY(docs.json()->getArray("items")->size() >= 1);
    }

    void accountAndAddresses()
    {
        auto account = m_alice->get(kPortal + "/customers/C100001/account");
        QCOMPARE(account.status, 200);
        QCOMPARE(q(account.json()->getValue<std::string>("name")), QStringLiteral("Alpine Tools GmbH"));
        QCOMPARE(q(account.json()->getValue<std::string>("statId")), QStringLiteral("STAT0001"));
        // ERP free-field codes (CFC5, WHLO) mean nothing to a customer: none without a label...
        QCOMPARE(account.json()->getObject("freeFields")->size(), std::size_t(0));
        // ...and only the labelled ones, with their labels, once staff gave some.
        setSetting(services(), "portal.account_free_fields", "WHLO=Warehouse, NOPE=Not a field");
        const auto labelled = m_alice->get(kPortal + "/customers/C100001/account").json();
        QCOMPARE(labelled->getObject("freeFields")->size(), std::size_t(1));
        QVERIFY(labelled->getObject("freeFields")->has("WHLO"));
        QCOMPARE(q(labelled->getObject("freeFieldLabels")->getValue<std::string>("WHLO")), QStringLiteral("Warehouse"));
        setSetting(services(), "portal.account_free_fields", "");
        auto addresses = m_alice->get(kPortal + "/customers/C100001/addresses");
        QCOMPARE(addresses.status, 200);
        auto kinds = column(addresses.json()->getArray("items"), "kind");
        QVERIFY(kinds.size() >= 2);
        QCOMPARE(q(kinds.front()), QStringLiteral("invoice"));
    }

    void statementCsvHasOpenInvoicesWithFormulasNeutralised()
    {
        {
            auto db = services().database().acquire();
            int n = 0;
            for (const char* po :
                 {"=HYPERLINK(\"http://evil\")", "+1+1", "-2", "@SUM(A1)", "\tTAB", "\rCR", "plain, with comma"}) {
                db->query("INSERT INTO invoices (customer_id, number, po_reference, invoice_date, amount, open_amount, "
                          "currency, status, is_open) VALUES (?, ?, ?, '2026-10-30', 100, 100, 'EUR', 'open', 1)",
                          c1(), "ZZ-CSV-" + std::to_string(n++), po)
                    .run();
            }
        }
        auto r = m_alice->get(kPortal + "/customers/C100001/statement.csv");
        QCOMPARE(r.status, 200);
        QCOMPARE(q(r.header("content-type")), QStringLiteral("text/csv; charset=utf-8"));
        QVERIFY(r.header("content-disposition").rfind("attachment", 0) == 0);
        const std::string& csv = r.body;
        QVERIFY(csv.rfind("Invoice Number,Order Number,Customer Number,PO Reference,", 0) == 0);
        QVERIFY2(csv.find(",\"'=HYPERLINK(\"\"http://evil\"\")\",") != std::string::npos, csv.c_str());
        QVERIFY(csv.find(",'+1+1,") != std::string::npos);
        QVERIFY(csv.find(",'-2,") != std::string::npos);
        QVERIFY(csv.find(",'@SUM(A1),") != std::string::npos);
        QVERIFY(csv.find(",'\tTAB,") != std::string::npos);
        QVERIFY(csv.find(",\"'\rCR\",") != std::string::npos);
        QVERIFY(csv.find(",\"plain, with comma\",") != std::string::npos);
        // One line per open invoice plus the header; negative amounts (credits) stay numbers.
        const auto open = scalar(
            services(), "SELECT COUNT(*) FROM invoices WHERE is_open = 1 AND customer_id = " + std::to_string(c1()));
        std::int64_t rows = 0;
        for (std::size_t pos = 0; (pos = csv.find("\r\n", pos)) != std::string::npos; pos += 2)
            ++rows;
        QCOMPARE(rows, open + 1);
        {
            auto db = services().database().acquire();
            db->execute("DELETE FROM invoices WHERE number LIKE 'ZZ-CSV-%'");
        }
    }

    void emailInvoicesQueuesOneMailWithTheirDocuments()
    {
        std::vector<std::string> numbers;
        std::vector<std::int64_t> docIds;
        {
            auto db = services().database().acquire();
            auto row = db->query("SELECT i.number, d.id FROM invoices i JOIN documents d ON d.owner_kind = 'invoice' "
                                 "AND d.owner_id = i.id WHERE i.customer_id = ? ORDER BY i.id LIMIT 2",
                                 c1());
            while (row.next()) {
                numbers.push_back(row.text(0));
                docIds.push_back(row.integer(1));
            }
        }
        QCOMPARE(numbers.size(), 2u);
        const auto before = outbox(services()).size();
        auto r = m_alice->post(kPortal + "/customers/C100001/invoices/email",
                               R"({"invoiceNumbers":[")" + numbers[0] + R"(",")" + numbers[1] + R"("]})");
        QCOMPARE(r.status, 202);
        auto rows = outbox(services());
        QCOMPARE(rows.size(), before + 1);
        const auto& mail = rows.back();
        QCOMPARE(q(mail.to), QStringLiteral("alice@demo.test"));
        QCOMPARE(q(mail.attachments), q("[" + std::to_string(docIds[0]) + "," + std::to_string(docIds[1]) + "]"));
        QVERIFY(mail.body.find(numbers[0]) != std::string::npos);

        // Another customer's invoice is not found, and nothing is queued.
        std::string carols;
        {
            auto db = services().database().acquire();
            auto row = db->query("SELECT number FROM invoices WHERE customer_id = 3 LIMIT 1");
            row.next();
            carols = row.text(0);
        }
        auto foreign = m_alice->post(kPortal + "/customers/C100001/invoices/email",
                                     R"({"invoiceNumbers":[")" + carols + R"("]})");
        QCOMPARE(foreign.status, 404);
        QCOMPARE(outbox(services()).size(), before + 1);
        auto bad = m_alice->post(kPortal + "/customers/C100001/invoices/email", R"({"invoiceNumbers":"x"})");
        QCOMPARE(bad.status, 400);
        QCOMPARE(q(bad.json()->getObject("error")->getArray("details")->getObject(0)->getValue<std::string>("field")),
                 QStringLiteral("invoiceNumbers"));
        auto empty = m_alice->post(kPortal + "/customers/C100001/orders/email", R"({"orderNumbers":[]})");
        QCOMPARE(empty.status, 400);
    }

    // Issue 12 point 4: no false success. None with a document: 422 no_documents naming them, nothing
    // queued. Some without: those are left out and named, the mail lists the others with a link to
    // each invoice in the portal.
    void emailWithoutDocumentsIsNoFalseSuccess()
    {
        std::string withDocument, withoutDocument;
        {
            auto db = services().database().acquire();
            auto with = db->query("SELECT i.number FROM invoices i WHERE i.customer_id = ? AND EXISTS (SELECT 1 FROM "
                                  "documents d WHERE d.owner_kind = 'invoice' AND d.owner_id = i.id) ORDER BY i.id "
                                  "LIMIT 1",
                                  c1());
            QVERIFY(with.next());
            withDocument = with.text(0);
            with.run();
            auto without = db->query("SELECT i.number FROM invoices i WHERE i.customer_id = ? AND NOT EXISTS (SELECT "
                                     "1 FROM documents d WHERE d.owner_kind = 'invoice' AND d.owner_id = i.id) "
                                     "ORDER BY i.id LIMIT 1",
                                     c1());
            QVERIFY(without.next());
            withoutDocument = without.text(0);
        }
        const auto before = outbox(services()).size();
        auto none = m_alice->post(kPortal + "/customers/C100001/invoices/email",
                                  R"({"invoiceNumbers":[")" + withoutDocument + R"("]})");
        QCOMPARE(none.status, 422);
        auto error = none.json()->getObject("error");
        QCOMPARE(q(error->getValue<std::string>("code")), QStringLiteral("no_documents"));
        QCOMPARE(q(error->getArray("details")->getObject(0)->getValue<std::string>("number")), q(withoutDocument));
        QCOMPARE(outbox(services()).size(), before);

        auto some = m_alice->post(kPortal + "/customers/C100001/invoices/email",
                                  R"({"invoiceNumbers":[")" + withDocument + R"(",")" + withoutDocument + R"("]})");
        QCOMPARE(some.status, 202);
        auto answer = some.json();
        QCOMPARE(int(answer->getArray("emailed")->size()), 1);
        QCOMPARE(q(answer->getArray("leftOut")->getElement<std::string>(0)), q(withoutDocument));
        QVERIFY(answer->getValue<std::string>("message").find(withoutDocument) != std::string::npos);
        const auto rows = outbox(services());
        QCOMPARE(rows.size(), before + 1);
        const auto& mail = rows.back();
        const std::string link = m_server->url() + "/invoices/" + withDocument;
        QVERIFY2(mail.body.find(link) != std::string::npos, mail.body.c_str());
        QVERIFY2(mail.body.find("Not included, as they have no document: " + withoutDocument) != std::string::npos,
                 mail.body.c_str());
    }

    void emailOrders()
    {
        std::string number;
        {
            auto db = services().database().acquire();
            auto row = db->query("SELECT number FROM orders WHERE customer_id = ? AND has_documents = 1 LIMIT 1", c1());
            row.next();
            number = row.text(0);
        }
        auto r
            = m_alice->post(kPortal + "/customers/C100001/orders/email", R"({"orderNumbers":[")" + number + R"("]})");
        QCOMPARE(r.status, 202);
        QVERIFY(outbox(services()).back().attachments != "[]");
    }

    void subAccountsCsvForAccountAdmins()
    {
        auto r = m_alice->get(kPortal + "/sub-accounts.csv");
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.rfind("Name,Email,Allowed Sections,Make Payment\r\n", 0) == 0);
        QVERIFY(r.body.find("Bob Brown,bob@demo.test,") != std::string::npos);
        QVERIFY(r.body.find("Alice Anderson,alice@demo.test,") != std::string::npos);
        // Sections by their labels, joined by ", " (API.md), as they apply at the customer.
        QVERIFY2(r.body.find("Bob Brown,bob@demo.test,\"Account Summary, Addresses, View Order History, View "
                             "Deliveries, View Invoice History\",No\r\n")
                     != std::string::npos,
                 r.body.c_str());
        QVERIFY(r.body.find("invoices.view") == std::string::npos);
        QVERIFY(r.body.find("carol@demo.test") == std::string::npos);

        HttpClient bob(m_server->port());
        QCOMPARE(signIn(bob, "bob@demo.test").status, 200);
        QCOMPARE(bob.get(kPortal + "/sub-accounts.csv").status, 404);
        HttpClient carol(m_server->port());
        QCOMPARE(signIn(carol, "carol@demo.test").status, 200); // admin, but no STAT ID
        QCOMPARE(carol.get(kPortal + "/sub-accounts.csv").status, 404);
    }

    // API.md: a document is served with its stored media type only when it is on the list; anything
    // else (text/html would run in the portal's origin) as application/octet-stream. Every download
    // also carries Content-Security-Policy: sandbox.
    void storedMediaTypesAreServedOnlyFromTheList_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("served");
        QTest::newRow("pdf") << "application/pdf"
                             << "application/pdf";
        QTest::newRow("png") << "image/png"
                             << "image/png";
        QTest::newRow("jpeg") << "image/jpeg"
                              << "image/jpeg";
        QTest::newRow("plain text with a charset") << "text/plain; charset=utf-8"
                                                   << "text/plain";
        QTest::newRow("csv in capitals") << "TEXT/CSV"
                                         << "text/csv";
        QTest::newRow("html") << "text/html"
                              << "application/octet-stream";
        QTest::newRow("html with spaces") << " text/html ; charset=utf-8"
                                          << "application/octet-stream";
        QTest::newRow("svg") << "image/svg+xml"
                             << "application/octet-stream";
        QTest::newRow("xhtml") << "application/xhtml+xml"
                               << "application/octet-stream";
        QTest::newRow("javascript") << "application/javascript"
                                    << "application/octet-stream";
        QTest::newRow("pdf with a line break") << "application/pdf\r\nX-Injected: 1"
                                               << "application/octet-stream";
        QTest::newRow("empty") << ""
                               << "application/octet-stream";
    }

    void storedMediaTypesAreServedOnlyFromTheList()
    {
        QFETCH(QString, stored);
        QFETCH(QString, served);
        std::int64_t id = 0;
        std::string invoice, original;
        {
            auto db = services().database().acquire();
            auto row
                = db->query("SELECT d.id, i.number, d.media_type FROM documents d JOIN invoices i ON i.id = d.owner_id "
                            "WHERE d.owner_kind = 'invoice' AND i.customer_id = ? ORDER BY d.id DESC LIMIT 1",
                            c1());
            QVERIFY(row.next());
            id = row.integer(0);
            invoice = row.text(1);
            original = row.text(2);
            row.run();
            db->query("UPDATE documents SET media_type = ? WHERE id = ?", stored.toStdString(), id).run();
        }
        struct Restore
        {
            services::Services& s;
            std::int64_t id;
            std::string type;
            ~Restore()
            {
                s.database().acquire()->query("UPDATE documents SET media_type = ? WHERE id = ?", type, id).run();
            }
        } restore{services(), id, original};
        auto file = m_alice->get(kPortal + "/customers/C100001/documents/" + std::to_string(id));
        QCOMPARE(file.status, 200);
        QCOMPARE(q(file.header("content-type")), served);
        QCOMPARE(q(file.header("content-security-policy")), QStringLiteral("sandbox"));
        QCOMPARE(q(file.header("x-injected")), QString());
        QVERIFY(file.header("content-disposition").rfind("attachment; filename=\"", 0) == 0);
        // The list says what a download will be.
        auto docs = m_alice->get(kPortal + "/customers/C100001/invoices/" + invoice + "/documents");
        QCOMPARE(docs.status, 200);
        auto items = docs.json()->getArray("items");
        bool listed = false;
        for (std::size_t i = 0; i < items->size(); ++i) {
            auto doc = items->getObject(static_cast<unsigned>(i));
            if (doc->getValue<std::int64_t>("id") == id) {
                listed = true;
                QCOMPARE(q(doc->getValue<std::string>("mediaType")), served);
            }
        }
        QVERIFY(listed);
    }

    void everyDownloadIsSandboxed_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("statement") << "/customers/C100001/statement.csv";
        QTest::newRow("sub-accounts") << "/sub-accounts.csv";
    }

    void everyDownloadIsSandboxed()
    {
        QFETCH(QString, path);
        auto r = m_alice->get(kPortal + path.toStdString());
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-disposition").rfind("attachment", 0) == 0);
        QCOMPARE(q(r.header("content-security-policy")), QStringLiteral("sandbox"));
    }
};

QTEST_GUILESS_MAIN(TestPortalData)
#include "testportaldata.moc"
