// Isolation through one door: each demo user tries every portal endpoint with every other
// customer's number and every other customer's invoice, order and document ids. Each attempt must be
// a 404 exactly like a record that does not exist, while the user's own data answers 200.

#include "AdminTestSupport.h"
#include "PortalTestSupport.h"

#include <set>

using namespace gh;
using namespace gh::test;

namespace {

struct CustomerIds
{
    std::int64_t id = 0;
    std::string number;
    std::string invoice; // one with a document where there is one
    std::string order; // one with shipments where there is one
    std::int64_t invoiceDocument = 0;
    std::int64_t orderDocument = 0;
};

std::vector<CustomerIds> allCustomers(services::Services& services)
{
    std::vector<CustomerIds> out;
    auto db = services.database().acquire();
    {
        auto q = db->query("SELECT id, number FROM customers ORDER BY number");
        while (q.next())
            out.push_back({q.integer(0), q.text(1), {}, {}, 0, 0});
    }
    for (auto& c : out) {
        auto i = db->query("SELECT i.number, COALESCE(d.id, 0) FROM invoices i LEFT JOIN documents d ON "
                           "d.owner_kind = 'invoice' AND d.owner_id = i.id WHERE i.customer_id = ? "
                           "ORDER BY d.id IS NULL, i.id LIMIT 1",
                           c.id);
        if (i.next()) {
            c.invoice = i.text(0);
            c.invoiceDocument = i.integer(1);
        }
        i.run();
        auto o = db->query("SELECT o.number, COALESCE((SELECT MIN(d.id) FROM documents d WHERE d.owner_id = o.id AND "
                           "d.owner_kind IN ('order', 'delivery')), 0) FROM orders o WHERE o.customer_id = ? "
                           "ORDER BY NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id), o.id LIMIT 1",
                           c.id);
        if (o.next()) {
            c.order = o.text(0);
            c.orderDocument = o.integer(1);
        }
        o.run();
    }
    return out;
}

struct Attempt
{
    std::string method;
    std::string path;
    std::string body;
};

// Every data endpoint for customer number `number`, using the given record ids.
std::vector<Attempt> endpoints(const std::string& number, const std::string& invoice, const std::string& order,
                               std::int64_t invoiceDocument, std::int64_t orderDocument)
{
    const std::string c = kPortal + "/customers/" + number;
    std::vector<Attempt> out = {
        {"GET", c + "/account", ""},
        {"GET", c + "/addresses", ""},
        {"GET", c + "/invoices", ""},
        {"GET", c + "/invoices?status=open&page=1&pageSize=5", ""},
        {"GET", c + "/invoices/" + invoice, ""},
        {"GET", c + "/invoices/" + invoice + "/documents", ""},
        {"GET", c + "/statement.csv", ""},
        {"POST", c + "/invoices/email", R"({"invoiceNumbers":[")" + invoice + R"("]})"},
        {"GET", c + "/orders", ""},
        {"GET", c + "/orders/" + order, ""},
        {"GET", c + "/orders/" + order + "/shipments", ""},
        {"GET", c + "/orders/" + order + "/documents", ""},
        {"POST", c + "/orders/email", R"({"orderNumbers":[")" + order + R"("]})"},
    };
    if (invoiceDocument)
        out.push_back({"GET", c + "/documents/" + std::to_string(invoiceDocument), ""});
    if (orderDocument)
        out.push_back({"GET", c + "/documents/" + std::to_string(orderDocument), ""});
    return out;
}

HttpResult send(HttpClient& client, const Attempt& a)
{
    return client.request(a.method, a.path, a.body, a.body.empty() ? std::string() : "application/json");
}

} // namespace

class TestPortalIsolation : public QObject
{
    Q_OBJECT

private slots:
    void everyOtherCustomersDataIsNotFound_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QStringList>("own");
        QTest::newRow("alice") << "alice@demo.test" << QStringList{"C100001", "C100002"};
        QTest::newRow("bob") << "bob@demo.test" << QStringList{"C100001"};
        QTest::newRow("carol") << "carol@demo.test" << QStringList{"C100003"};
    }

    void everyOtherCustomersDataIsNotFound()
    {
        QFETCH(QString, email);
        QFETCH(QStringList, own);
        TestServer server;
        HttpClient client(server.port());
        QCOMPARE(signIn(client, email.toStdString()).status, 200);
        const auto customers = allCustomers(server.services());
        QCOMPARE(customers.size(), 200u);
        std::set<std::string> mine;
        for (const auto& n : own)
            mine.insert(n.toStdString());

        // What a record that does not exist looks like, per endpoint shape.
        const auto missing = endpoints("C999999", "INV00000000", "SO0000000", 999999999, 999999998);
        std::vector<std::string> missingBodies;
        for (const auto& a : missing) {
            auto r = send(client, a);
            QCOMPARE(r.status, 404);
            missingBodies.push_back(r.body);
        }

        int checked = 0;
        for (const auto& other : customers) {
            if (mine.count(other.number))
                continue;
            // Their number with their ids.
            const auto attempts
                = endpoints(other.number, other.invoice, other.order, other.invoiceDocument, other.orderDocument);
            for (std::size_t i = 0; i < attempts.size(); ++i) {
                auto r = send(client, attempts[i]);
                QVERIFY2(r.status == 404,
                         (attempts[i].method + " " + attempts[i].path + " -> " + std::to_string(r.status)).c_str());
                QCOMPARE(q(r.body), q(missingBodies[std::min(i, missingBodies.size() - 1)]));
                ++checked;
            }
            // Each of the user's own numbers with their ids.
            for (const auto& number : mine) {
                for (const auto& a :
                     endpoints(number, other.invoice, other.order, other.invoiceDocument, other.orderDocument)) {
                    if (a.path.find(other.invoice) == std::string::npos && a.path.find(other.order) == std::string::npos
                        && a.body.empty() && a.path.find("/documents/") == std::string::npos)
                        continue; // list endpoints of the own customer carry no foreign id
                    auto r = send(client, a);
                    QVERIFY2(r.status == 404,
                             (a.method + " " + a.path + " " + a.body + " -> " + std::to_string(r.status)).c_str());
                    QCOMPARE(q(r.errorCode()), QStringLiteral("not_found"));
                    ++checked;
                }
            }
            auto sw = client.put(kPortal + "/me/customer", R"({"number":")" + other.number + R"("})");
            QCOMPARE(sw.status, 404);
        }
        QVERIFY(checked > 3000);
        // Nothing was queued by any of the refused email requests.
        QVERIFY(outbox(server.services()).empty());
    }

    void ownDataAnswers200_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("number");
        QTest::newRow("alice C100001") << "alice@demo.test"
                                       << "C100001";
        QTest::newRow("alice C100002") << "alice@demo.test"
                                       << "C100002";
        QTest::newRow("carol C100003") << "carol@demo.test"
                                       << "C100003";
    }

    void ownDataAnswers200()
    {
        QFETCH(QString, email);
        QFETCH(QString, number);
        TestServer server;
        HttpClient client(server.port());
        QCOMPARE(signIn(client, email.toStdString()).status, 200);
        for (const auto& c : allCustomers(server.services())) {
            if (c.number != number.toStdString())
                continue;
            QVERIFY(c.invoiceDocument != 0);
            for (const auto& a : endpoints(c.number, c.invoice, c.order, c.invoiceDocument, c.orderDocument)) {
                auto r = send(client, a);
                // An e-mail of records without a document is refused as such (422 no_documents).
                const bool noDocuments = r.status == 422 && r.body.find("no_documents") != std::string::npos;
                QVERIFY2(r.status == 200 || (a.method == "POST" && (r.status == 202 || noDocuments)),
                         (a.method + " " + a.path + " -> " + std::to_string(r.status) + " " + r.body).c_str());
            }
        }
    }

    void bobLacksStatementsAndSeesOnlyHisSections()
    {
        TestServer server;
        HttpClient bob(server.port());
        QCOMPARE(signIn(bob, "bob@demo.test").status, 200);
        auto statement = bob.get(kPortal + "/customers/C100001/statement.csv");
        QCOMPARE(statement.status, 404);
        auto missing = bob.get(kPortal + "/customers/C999999/statement.csv");
        QCOMPARE(q(statement.body), q(missing.body));
        QCOMPARE(bob.get(kPortal + "/customers/C100001/invoices").status, 200);
        // C100002 belongs to alice's family but is not assigned to bob.
        QCOMPARE(bob.get(kPortal + "/customers/C100002/invoices").status, 404);
        // Take invoices.view away: the list is gone, as if it did not exist.
        {
            auto db = server.services().database().acquire();
            db->execute("UPDATE contacts SET sections = sections & ~16 WHERE email = 'bob@demo.test'");
        }
        QCOMPARE(bob.get(kPortal + "/customers/C100001/invoices").status, 404);
        QCOMPARE(bob.get(kPortal + "/customers/C100001/orders").status, 200);
        // Shipments are gated by deliveries.view (bit 3).
        std::string shipped;
        {
            auto db = server.services().database().acquire();
            auto row = db->query("SELECT o.number FROM orders o JOIN shipments s ON s.order_id = o.id "
                                 "WHERE o.customer_id = 1 LIMIT 1");
            row.next();
            shipped = row.text(0);
        }
        QCOMPARE(bob.get(kPortal + "/customers/C100001/orders/" + shipped + "/shipments").status, 200);
        {
            auto db = server.services().database().acquire();
            db->execute("UPDATE contacts SET sections = sections & ~8 WHERE email = 'bob@demo.test'");
        }
        QCOMPARE(bob.get(kPortal + "/customers/C100001/orders/" + shipped + "/shipments").status, 404);
        QCOMPARE(bob.get(kPortal + "/customers/C100001/orders/" + shipped).status, 200);
    }

    // Each kind of document is gated by its own section (AccessRules::documentSection), and order and
    // delivery documents by "own orders only" too: without it the download is a 404 like a missing one.
    void documentOfEachOwnerKindFollowsItsGate_data()
    {
        QTest::addColumn<QString>("ownerKind");
        QTest::addColumn<int>("sectionBit");
        QTest::addColumn<bool>("ownOrders");
        QTest::newRow("invoice document, invoices.view") << "invoice" << 4 << false;
        QTest::newRow("order confirmation, orders.view") << "order" << 2 << false;
        QTest::newRow("delivery note, deliveries.view") << "delivery" << 3 << false;
        QTest::newRow("order confirmation, own orders only") << "order" << -1 << true;
        QTest::newRow("delivery note, own orders only") << "delivery" << -1 << true;
    }

    void documentOfEachOwnerKindFollowsItsGate()
    {
        QFETCH(QString, ownerKind);
        QFETCH(int, sectionBit);
        QFETCH(bool, ownOrders);
        TestServer server;
        std::int64_t document = 0; // of an order bob did not place, where orders are concerned
        std::int64_t bobsDocument = 0; // of an order bob placed
        {
            auto db = server.services().database().acquire();
            // bob may see every section of C100001 to begin with.
            db->execute("UPDATE contacts SET sections = 255 WHERE email = 'bob@demo.test'");
            if (ownOrders)
                db->execute("UPDATE contacts SET own_orders_only = 1 WHERE email = 'bob@demo.test'");
            auto row = ownerKind == "invoice"
                ? db->query("SELECT id FROM documents WHERE customer_id = 1 AND owner_kind = 'invoice' LIMIT 1")
                : db->query("SELECT d.id FROM documents d JOIN orders o ON o.id = d.owner_id "
                            "WHERE d.customer_id = 1 AND d.owner_kind = ? AND o.placed_by <> 'bob@demo.test' "
                            "ORDER BY d.id LIMIT 1",
                            ownerKind.toStdString());
            QVERIFY(row.next());
            document = row.integer(0);
            row.run();
            if (ownOrders) {
                // Another order's document of the same kind becomes one of bob's own orders.
                auto own = db->query("SELECT d.id, d.owner_id FROM documents d WHERE d.customer_id = 1 AND "
                                     "d.owner_kind = ? AND d.owner_id <> (SELECT owner_id FROM documents WHERE id = ?) "
                                     "ORDER BY d.id LIMIT 1",
                                     ownerKind.toStdString(), document);
                QVERIFY(own.next());
                bobsDocument = own.integer(0);
                const auto order = own.integer(1);
                own.run();
                db->query("UPDATE orders SET placed_by = 'bob@demo.test' WHERE id = ?", order).run();
            }
        }
        HttpClient bob(server.port());
        QCOMPARE(signIn(bob, "bob@demo.test").status, 200);
        const std::string base = kPortal + "/customers/C100001/documents/";
        const std::string missing = bob.get(base + "999999999").body;
        if (ownOrders) {
            // His own order's document answers; another's is as if it did not exist.
            QCOMPARE(bob.get(base + std::to_string(bobsDocument)).status, 200);
        } else {
            QCOMPARE(bob.get(base + std::to_string(document)).status, 200);
            auto db = server.services().database().acquire();
            db->query("UPDATE contacts SET sections = sections & ~? WHERE email = 'bob@demo.test'",
                      std::int64_t(1) << sectionBit)
                .run();
        }
        auto refused = bob.get(base + std::to_string(document));
        QCOMPARE(refused.status, 404);
        QCOMPARE(q(refused.body), q(missing));
    }

    // Issue 12 point 1: what staff tick on a contact is what the person with its e-mail gets at that
    // customer, whether ticked on the contact (Update) or for all contacts at once (bulk).
    void tickedContactPermissionIsThePersonsRight_data()
    {
        QTest::addColumn<bool>("bulk");
        QTest::newRow("contact's Download Statement ticked, Update") << false;
        QTest::newRow("bulk: Download Statement on all contacts") << true;
    }

    void tickedContactPermissionIsThePersonsRight()
    {
        QFETCH(bool, bulk);
        TestServer server;
        HttpClient bob(server.port());
        QCOMPARE(signIn(bob, "bob@demo.test").status, 200);
        const std::string statement = kPortal + "/customers/C100001/statement.csv";
        QCOMPARE(bob.get(statement).status, 404);
        HttpClient staff(server.port());
        signInStaff(staff);
        if (bulk) {
            const auto r = staff.post(kAdmin + "/bulk/contact-permission",
                                      R"({"permission":"statements.download","value":true})");
            QVERIFY2(r.status == 200, r.body.c_str());
        } else {
            auto contacts = items(staff.get(kAdmin + "/customers/C100001/contacts?pageSize=100"));
            Poco::JSON::Object::Ptr contact;
            for (std::size_t i = 0; i < contacts->size(); ++i) {
                auto c = contacts->getObject(static_cast<unsigned>(i));
                if (c->getValue<std::string>("email") == "bob@demo.test")
                    contact = c;
            }
            QVERIFY(contact);
            auto sections = contact->getArray("sections");
            sections->add(std::string("statements.download"));
            Poco::JSON::Object set;
            set.set("sections", sections);
            Poco::JSON::Object change;
            change.set("entity", std::string("contact"));
            change.set("key", contact->getValue<std::int64_t>("id"));
            change.set("version", contact->getValue<std::int64_t>("version"));
            change.set("set", set);
            Poco::JSON::Array changes;
            changes.add(change);
            Poco::JSON::Object body;
            body.set("changes", changes);
            const auto r = staff.post(kAdmin + "/changesets", json(body));
            QVERIFY2(r.status == 200, r.body.c_str());
        }
        const auto now = bob.get(statement);
        QVERIFY2(now.status == 200, now.body.c_str());
        // The portal shows the section too: /me lists it at the current customer.
        const auto me = bob.get(kPortal + "/me").json();
        bool listed = false;
        auto mine = me->getObject("user")->getArray("sections");
        for (std::size_t i = 0; i < mine->size(); ++i)
            listed = listed || mine->getElement<std::string>(static_cast<unsigned>(i)) == "statements.download";
        QVERIFY(listed);
        // Staff see where it comes from: bob's rights at C100001 are his contact's.
        const auto access = staff.get(kAdmin + "/portal-users/"
                                      + std::to_string(userIdOf(server.services(), "bob@demo.test")) + "/access");
        QCOMPARE(access.status, 200);
        auto customer = access.json()->getArray("selectableCustomers")->getObject(0);
        QCOMPARE(QString::fromStdString(customer->getValue<std::string>("number")), QStringLiteral("C100001"));
        QCOMPARE(QString::fromStdString(customer->getValue<std::string>("source")), QStringLiteral("contact"));
        QCOMPARE(QString::fromStdString(customer->getValue<std::string>("contactName")), QStringLiteral("Bob Brown"));
    }

    // Issue 9 point 9 / SPEC: Own Orders Only hides other people's orders, and with them the invoices
    // of those orders, everywhere an invoice shows.
    void ownOrdersOnlyHidesTheInvoicesOfOthersOrders()
    {
        TestServer server;
        std::string othersInvoice, ownOrUnlinked;
        std::int64_t othersDocument = 0;
        {
            auto db = server.services().database().acquire();
            db->execute("UPDATE contacts SET own_orders_only = 1 WHERE email = 'bob@demo.test'");
            auto other = db->query("SELECT i.number FROM invoices i JOIN orders o ON o.customer_id = i.customer_id "
                                   "AND o.number = i.order_number WHERE i.customer_id = 1 "
                                   "AND lower(o.placed_by) <> 'bob@demo.test' ORDER BY i.is_open DESC, i.id LIMIT 1");
            QVERIFY(other.next());
            othersInvoice = other.text(0);
            other.run();
            auto own = db->query("SELECT i.number FROM invoices i WHERE i.customer_id = 1 AND NOT EXISTS (SELECT 1 "
                                 "FROM orders o WHERE o.customer_id = 1 AND o.number = i.order_number AND "
                                 "lower(o.placed_by) <> 'bob@demo.test') ORDER BY i.id LIMIT 1");
            QVERIFY(own.next());
            ownOrUnlinked = own.text(0);
            own.run();
            // Make sure the hidden invoice is open and has a document, so the statement and the
            // download are tried on it too.
            db->query("UPDATE invoices SET is_open = 1, open_amount = amount WHERE number = ?", othersInvoice).run();
            auto doc = db->query("SELECT d.id FROM documents d JOIN invoices i ON i.id = d.owner_id WHERE "
                                 "d.owner_kind = 'invoice' AND i.number = ?",
                                 othersInvoice);
            if (doc.next())
                othersDocument = doc.integer(0);
        }
        HttpClient bob(server.port());
        QCOMPARE(signIn(bob, "bob@demo.test").status, 200);
        const std::string c = kPortal + "/customers/C100001";
        QCOMPARE(bob.get(c + "/invoices/" + othersInvoice).status, 404);
        QCOMPARE(bob.get(c + "/invoices/" + othersInvoice + "/documents").status, 404);
        QCOMPARE(bob.get(c + "/invoices/" + ownOrUnlinked).status, 200);
        const auto list = bob.get(c + "/invoices?q=" + othersInvoice);
        QCOMPARE(list.status, 200);
        QCOMPARE(total(list), std::int64_t(0));
        const auto all = bob.get(c + "/invoices?pageSize=100");
        QVERIFY(all.body.find(othersInvoice) == std::string::npos);
        QVERIFY(bob.get(c + "/statement.csv").body.find(othersInvoice) == std::string::npos);
        const auto email = bob.request("POST", c + "/invoices/email",
                                       R"({"invoiceNumbers":[")" + othersInvoice + R"("]})", "application/json");
        QCOMPARE(email.status, 404);
        if (othersDocument)
            QCOMPARE(bob.get(c + "/documents/" + std::to_string(othersDocument)).status, 404);
        // alice, without the restriction, sees it.
        HttpClient alice(server.port());
        QCOMPARE(signIn(alice, "alice@demo.test").status, 200);
        QCOMPARE(alice.get(c + "/invoices/" + othersInvoice).status, 200);
    }

    void unassignedOrSwitchedOffCustomersAreNotFound()
    {
        TestServer server;
        HttpClient alice(server.port());
        QCOMPARE(signIn(alice, "alice@demo.test").status, 200);
        QCOMPARE(alice.get(kPortal + "/customers/C100002/invoices").status, 200);
        {
            auto db = server.services().database().acquire();
            db->execute("UPDATE customers SET portal_enabled = 0 WHERE number = 'C100002'");
        }
        QCOMPARE(alice.get(kPortal + "/customers/C100002/invoices").status, 404);
        QCOMPARE(alice.get(kPortal + "/me").json()->getArray("customers")->size(), 1u);
        {
            auto db = server.services().database().acquire();
            db->execute("UPDATE customers SET portal_enabled = 1 WHERE number = 'C100002'");
            db->execute("INSERT INTO settings (key, value) VALUES ('general.access_policy', 'all_except'), "
                        "('general.deny_list', 'C100002')");
        }
        QCOMPARE(alice.get(kPortal + "/customers/C100002/account").status, 404);
        QCOMPARE(alice.get(kPortal + "/customers/C100001/account").status, 200);
    }
};

QTEST_GUILESS_MAIN(TestPortalIsolation)
#include "testportalisolation.moc"
