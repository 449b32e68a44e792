// The portal's invoice list pages through remembered positions (anchors) instead of counting from
// the start. Whatever order pages are asked for in, and after writes that move rows, every page must
// hold exactly the rows a plain ORDER BY ... LIMIT/OFFSET gives.

#include "TestSupport.h"

#include "store/PortalListRepository.h"

using namespace gh;
using namespace gh::test;
using store::PortalListRepository;

namespace {

struct Case
{
    std::string status = "all";
    std::optional<std::string> from;
    bool newestFirst = true;
};

// The ids of one page, by plain OFFSET.
std::vector<core::Id> expectedIds(store::Connection& db, core::Id customerId, const Case& c, std::int64_t offset,
                                  std::int64_t limit)
{
    std::string sql = "SELECT id FROM invoices WHERE customer_id = ?";
    if (c.status == "open")
        sql += " AND is_open = 1";
    else if (c.status == "paid")
        sql += " AND is_open = 0";
    if (c.from)
        sql += " AND invoice_date >= '" + *c.from + "'";
    sql += c.newestFirst ? " ORDER BY invoice_date DESC, id DESC" : " ORDER BY invoice_date ASC, id ASC";
    sql += " LIMIT " + std::to_string(limit) + " OFFSET " + std::to_string(offset);
    std::vector<core::Id> ids;
    auto q = db.query(sql, customerId);
    while (q.next())
        ids.push_back(q.integer(0));
    return ids;
}

std::vector<core::Id> pageIds(store::Connection& db, core::Id customerId, const Case& c, std::int64_t page,
                              std::int64_t pageSize, std::int64_t& total)
{
    PortalListRepository::Filter f;
    f.customerId = customerId;
    f.customerNumber = "C100001";
    f.status = c.status;
    f.from = c.from;
    f.newestFirst = c.newestFirst;
    f.page = page;
    f.pageSize = pageSize;
    std::vector<core::Id> ids;
    for (const auto& invoice : PortalListRepository(db).invoices(f, total))
        ids.push_back(invoice.id);
    return ids;
}

} // namespace

class TestPortalListPaging : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        auto db = m_temp.db().acquire();
        services::DemoData::generate(*db, services::DemoData::Scale::Small, fastHasher());
        auto q = db->query("SELECT id FROM customers WHERE number = 'C100001'");
        QVERIFY(q.next());
        m_customer = q.integer(0);
        // 1,000 more, on 37 dates only, so many rows share a date and the id decides their order.
        db->query("WITH RECURSIVE k(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM k WHERE x < 1000) "
                  "INSERT INTO invoices (customer_id, number, invoice_date, due_date, amount, open_amount, status, "
                  "is_open) SELECT ?, printf('T%06d', x), date('2023-06-01', '+' || (x * 7 % 37) || ' days'), "
                  "'2024-12-31', 1000 + x, CASE WHEN x % 3 = 0 THEN 1000 + x ELSE 0 END, "
                  "CASE WHEN x % 3 = 0 THEN 'open' ELSE 'paid' END, x % 3 = 0 FROM k",
                  m_customer)
            .run();
        auto n = db->query("SELECT COUNT(*) FROM invoices WHERE customer_id = ?", m_customer);
        n.next();
        m_invoices = n.integer(0);
        // Deep enough for several anchors.
        QVERIFY2(m_invoices > 3 * PortalListRepository::kAnchorEvery, std::to_string(m_invoices).c_str());
    }

    void pagesEqualPlainOffset_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("from");
        QTest::addColumn<bool>("newestFirst");
        QTest::addColumn<int>("pageSize");
        QTest::newRow("all, newest first") << "all"
                                           << "" << true << 10;
        QTest::newRow("all, oldest first") << "all"
                                           << "" << false << 10;
        QTest::newRow("open") << "open"
                              << "" << true << 10;
        QTest::newRow("paid, oldest first") << "paid"
                                            << "" << false << 7;
        QTest::newRow("from a date") << "all"
                                     << "2023-06-20" << true << 25;
        QTest::newRow("page size 100") << "all"
                                       << "" << true << 100;
    }

    void pagesEqualPlainOffset()
    {
        QFETCH(QString, status);
        QFETCH(QString, from);
        QFETCH(bool, newestFirst);
        QFETCH(int, pageSize);
        Case c;
        c.status = status.toStdString();
        if (!from.isEmpty())
            c.from = from.toStdString();
        c.newestFirst = newestFirst;
        auto db = m_temp.db().acquire();

        std::int64_t total = 0;
        pageIds(*db, m_customer, c, 1, pageSize, total);
        const std::int64_t pages = (total + pageSize - 1) / pageSize;
        QVERIFY(pages > 2);
        // Deep first (no anchor yet), then backwards, then every page in order, then beyond the end.
        std::vector<std::int64_t> order = {pages, pages - 1, pages / 2, 2, 1};
        for (std::int64_t p = 1; p <= pages; ++p)
            order.push_back(p);
        order.push_back(pages + 1);
        for (auto page : order) {
            std::int64_t pageTotal = 0;
            const auto got = pageIds(*db, m_customer, c, page, pageSize, pageTotal);
            QCOMPARE(pageTotal, total);
            const auto want = expectedIds(*db, m_customer, c, (page - 1) * pageSize, pageSize);
            QVERIFY2(got == want, ("page " + std::to_string(page)).c_str());
        }
    }

    // A write moves rows: remembered positions from before it must not be used.
    void writesInvalidateRememberedPositions()
    {
        auto db = m_temp.db().acquire();
        Case c;
        std::int64_t total = 0;
        const std::int64_t deep = 2 * PortalListRepository::kAnchorEvery / 10 + 3; // past two anchors
        pageIds(*db, m_customer, c, deep, 10, total);
        // Newest first: a new invoice dated today goes to the top and shifts every page by one.
        db->query("INSERT INTO invoices (customer_id, number, order_number, po_reference, invoice_date, due_date, "
                  "amount, open_amount, currency, status, is_open, has_documents) "
                  "SELECT customer_id, 'NEW-TOP', '', '', '2099-01-01', '2099-02-01', 100, 100, currency, 'open', 1, 0 "
                  "FROM invoices WHERE customer_id = ? LIMIT 1",
                  m_customer)
            .run();
        std::int64_t after = 0;
        const auto got = pageIds(*db, m_customer, c, deep, 10, after);
        QCOMPARE(after, total + 1);
        QVERIFY(got == expectedIds(*db, m_customer, c, (deep - 1) * 10, 10));
        db->query("DELETE FROM invoices WHERE number = 'NEW-TOP' AND customer_id = ?", m_customer).run();
        QVERIFY(pageIds(*db, m_customer, c, deep, 10, after) == expectedIds(*db, m_customer, c, (deep - 1) * 10, 10));
        QCOMPARE(after, total);
    }

private:
    TempDatabase m_temp;
    core::Id m_customer = 0;
    std::int64_t m_invoices = 0;
};

QTEST_MAIN(TestPortalListPaging)
#include "testportallistpaging.moc"
