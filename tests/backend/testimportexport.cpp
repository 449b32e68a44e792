// CSV import and export against the real server over HTTP (API.md "Import", "Export"): upload refusals,
// Check Data's rows and columns, every behaviour and strategy, all-or-nothing runs, the audit event
// and change report, export jobs with exclude and filters, and the export -> import round trip with
// hostile values for every entity.

#include "AdminTestSupport.h"
#include "jobs/JobRunner.h"

#include <Poco/Net/StreamSocket.h>
#include <Poco/URI.h>

using namespace gh;
using namespace gh::test;

namespace {

std::string enc(const std::string& text)
{
    std::string out;
    Poco::URI::encode(text, "&=+,|\"'", out);
    return out;
}

} // namespace

class TestImportExport : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_client;

    HttpClient& client() { return *m_client; }

    // Uploads a file; returns the import id (0 when the upload was refused, status in *status).
    std::int64_t upload(const std::string& csv, const std::string& query, int* status = nullptr)
    {
        auto r = client().request("POST", kAdmin + "/imports?" + query, csv, "text/csv");
        if (status)
            *status = r.status;
        if (r.status != 201)
            return 0;
        return r.json()->getValue<std::int64_t>("id");
    }

    Poco::JSON::Object::Ptr check(std::int64_t id)
    {
        auto r = client().post(kAdmin + "/imports/" + std::to_string(id) + "/check");
        if (r.status != 200)
            qWarning("check answered %d %s", r.status, r.body.c_str());
        return r.json();
    }

    // Runs the import through the job runner and returns GET /imports/{id}.
    Poco::JSON::Object::Ptr run(std::int64_t id)
    {
        auto r = client().post(kAdmin + "/imports/" + std::to_string(id) + "/run");
        if (r.status != 202)
            qWarning("run answered %d %s", r.status, r.body.c_str());
        jobs::JobRunner::runQueued(m_server->services());
        return client().get(kAdmin + "/imports/" + std::to_string(id)).json();
    }

    Poco::JSON::Object::Ptr importFile(const std::string& csv, const std::string& query)
    {
        const auto id = upload(csv, query);
        if (id == 0)
            return nullptr;
        return run(id);
    }

    std::string exportFile(const std::string& json)
    {
        auto r = client().post(kAdmin + "/exports", json);
        if (r.status != 202)
            return "export refused: " + r.body;
        const auto id = r.json()->getValue<std::int64_t>("id");
        jobs::JobRunner::runQueued(m_server->services());
        auto file = client().get(kAdmin + "/exports/" + std::to_string(id) + "/file");
        return file.status == 200 ? file.body : "no file: " + file.body;
    }

    std::string userField(const std::string& email, const std::string& column)
    {
        auto connection = m_server->services().database().acquire();
        auto q = connection->query("SELECT " + column + " FROM portal_users WHERE email = ?", email);
        return q.next() ? q.text(0) : "<none>";
    }

    static std::string stringify(const Poco::JSON::Object::Ptr& o)
    {
        std::ostringstream out;
        o->stringify(out);
        return out.str();
    }

    static std::int64_t n(const Poco::JSON::Object::Ptr& o, const std::string& key)
    {
        return o->getValue<std::int64_t>(key);
    }

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        m_client = std::make_unique<HttpClient>(m_server->port());
        signInStaff(*m_client);
    }
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void sampleFilesHaveTheImportColumnsAndCheckClean_data()
    {
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QString>("header");
        QTest::newRow("portal-users") << "portal-users"
                                      << "email,first_name,last_name,customer_number,is_admin,make_payment,"
                                         "allowed_sections,assigned_customers,status";
        QTest::newRow("customers") << "customers"
                                   << "number,name,group,payer_number,stat_id,erp_status,portal_enabled,currency";
        QTest::newRow("contacts") << "contacts"
                                  << "customer_number,email,first_name,last_name,phone,title,can_register,"
                                     "allowed_sections,make_payment,is_account_admin,own_orders_only";
        QTest::newRow("roles") << "roles"
                               << "code,description,processes,modules,no_access";
    }
    void sampleFilesHaveTheImportColumnsAndCheckClean()
    {
        QFETCH(QString, entity);
        QFETCH(QString, header);
        auto r = client().get(kAdmin + "/imports/sample?entity=" + entity.toStdString());
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").rfind("text/csv", 0) == 0);
        QCOMPARE(q(r.body.substr(0, r.body.find("\r\n"))), header);
        // The copy shipped in resources/samples is the same file.
        QFile shipped(QStringLiteral(GATEHOUSE_SOURCE_DIR "/resources/samples/") + entity + QStringLiteral(".csv"));
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        QCOMPARE(shipped.readAll().toStdString(), r.body);
        const auto id = upload(r.body, "entity=" + entity.toStdString());
        QVERIFY(id > 0);
        auto report = check(id);
        QVERIFY2(report->getValue<bool>("valid"), report->getArray("errors") ? "" : "no errors array");
        QCOMPARE(n(report, "errorCount"), 0);
        QCOMPARE(n(report, "rows"), 2);
    }

    void uploadRefusals_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<int>("status");
        QTest::newRow("json is not csv") << "entity=customers"
                                         << "application/json" << 415;
        QTest::newRow("no content type") << "entity=customers"
                                         << "" << 415;
        QTest::newRow("unknown entity") << "entity=invoices"
                                        << "text/csv" << 400;
        QTest::newRow("unknown behaviour") << "entity=customers&behaviour=merge"
                                           << "text/csv" << 400;
        QTest::newRow("unknown strategy") << "entity=customers&strategy=ignore"
                                          << "text/csv" << 400;
        QTest::newRow("negative allowed errors") << "entity=customers&allowedErrors=-1"
                                                 << "text/csv" << 400;
        QTest::newRow("two-character separator") << "entity=customers&separator=ab"
                                                 << "text/csv" << 400;
        QTest::newRow("csv with charset") << "entity=customers"
                                          << "text/csv; charset=utf-8" << 201;
    }
    void uploadRefusals()
    {
        QFETCH(QString, query);
        QFETCH(QString, contentType);
        QFETCH(int, status);
        auto r = client().request("POST", kAdmin + "/imports?" + query.toStdString(), "number,name\r\nC9,X\r\n",
                                  contentType.toStdString());
        QCOMPARE(r.status, status);
    }

    void declaredSizeOver1536MbIs413BeforeTheBodyIsRead()
    {
        // Only the header goes out: the answer must come without a byte of the declared 1.6 GB.
        Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", m_server->port()));
        auto token = signInStaff(client());
        const std::string request = "POST /api/admin/v1/imports?entity=customers HTTP/1.1\r\nHost: x\r\n"
                                    "Authorization: Bearer "
            + token + "\r\nContent-Type: text/csv\r\nContent-Length: " + std::to_string(1536ull * 1024 * 1024 + 1)
            + "\r\n\r\n";
        socket.sendBytes(request.data(), static_cast<int>(request.size()));
        socket.setReceiveTimeout(Poco::Timespan(10, 0));
        char buffer[2048];
        const int got = socket.receiveBytes(buffer, sizeof buffer);
        QVERIFY(got > 0);
        const std::string answer(buffer, static_cast<std::size_t>(got));
        QVERIFY2(answer.rfind("HTTP/1.1 413", 0) == 0, answer.c_str());
        QVERIFY(answer.find("payload_too_large") != std::string::npos);
    }

    void checkNamesSpreadsheetRowsAndColumns_data()
    {
        QTest::addColumn<QString>("csv");
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("code");
        const QString header
            = QStringLiteral("email,first_name,last_name,customer_number,is_admin,make_payment,allowed_sections\r\n");
        QTest::newRow("bad yes/no on row 2") << header + "a@x.test,A,B,C100001,perhaps,No,invoices.view\r\n"
                                             << 2 << "is_admin"
                                             << "invalid_yes_no";
        QTest::newRow("quoted line break does not start a row")
            << header + "a@x.test,\"Two\nLines\",B,C100001,No,No,invoices.view\r\nb@x.test,B,C,C100001,No,No,nosuch\r\n"
            << 3 << "allowed_sections"
            << "invalid_section";
        QTest::newRow("unknown customer") << header + "a@x.test,A,B,C999999,No,No,invoices.view\n"
                                          << 2 << "customer_number"
                                          << "unknown_customer";
        QTest::newRow("bad e-mail") << header + "not-an-email,A,B,C100001,No,No,invoices.view\n"
                                    << 2 << "email"
                                    << "invalid_email";
        QTest::newRow("mandatory cell empty") << header + "a@x.test,A,B,C100001,No,,invoices.view\n"
                                              << 2 << "make_payment"
                                              << "required";
        QTest::newRow("duplicate key on the later row")
            << header + "a@x.test,A,B,C100001,No,No,invoices.view\nA@X.test,A,B,C100001,No,No,invoices.view\n"
            << 3 << "email"
            << "duplicate_key";
        QTest::newRow("unknown header") << QStringLiteral("email,nickname,is_admin,make_payment,allowed_sections\n")
                                        << 1 << "nickname"
                                        << "unknown_column";
        QTest::newRow("duplicated header")
            << QStringLiteral("email,is_admin,is_admin,make_payment,allowed_sections\n") << 1 << "is_admin"
            << "duplicate_column";
        QTest::newRow("missing mandatory column")
            << QStringLiteral("email,is_admin,allowed_sections\n") << 1 << "make_payment"
            << "missing_column";
        QTest::newRow("wrong field count") << header + "a@x.test,A,B\n"
                                           << 2 << ""
                                           << "wrong_field_count";
        QTest::newRow("bare quote") << header + "a@x.test,A\"B,B,C100001,No,No,invoices.view\n"
                                    << 2 << "first_name"
                                    << "malformed_csv";
        QTest::newRow("unclosed quote") << header + "a@x.test,\"AB,B,C100001,No,No,invoices.view\n"
                                        << 2 << "first_name"
                                        << "malformed_csv";
        QTest::newRow("blank line counts as a row") << header
                + "\r\na@x.test,A,B,C100001,No,No,invoices.view\r\nb@x.test,A,B,C100001,maybe,No,invoices.view\r\n"
                                                    << 4 << "is_admin"
                                                    << "invalid_yes_no";
        QTest::newRow("mixed line ends") << header
                + "a@x.test,A,B,C100001,No,No,invoices.view\rb@x.test,A,B,C100001,No,No,x\n"
                                         << 3 << "allowed_sections"
                                         << "invalid_section";
    }
    void checkNamesSpreadsheetRowsAndColumns()
    {
        QFETCH(QString, csv);
        QFETCH(int, row);
        QFETCH(QString, column);
        QFETCH(QString, code);
        const auto id = upload(csv.toStdString(), "entity=portal-users");
        QVERIFY(id > 0);
        auto report = check(id);
        QVERIFY(!report->getValue<bool>("valid"));
        auto errors = report->getArray("errors");
        QVERIFY(errors && errors->size() >= 1);
        auto first = errors->getObject(0);
        QCOMPARE(first->getValue<int>("row"), row);
        QCOMPARE(q(first->getValue<std::string>("column")), column);
        QCOMPARE(q(first->getValue<std::string>("code")), code);
        QVERIFY(!first->getValue<std::string>("message").empty());
        QCOMPARE(q(client().get(kAdmin + "/imports/" + std::to_string(id)).json()->getValue<std::string>("status")),
                 QStringLiteral("checked"));
    }

    void invalidUtf8NamesRowAndColumnAndBomIsAccepted()
    {
        const std::string csv = "\xEF\xBB\xBFnumber,name\r\nC900001,Good\r\nC900002,Bad \xC3\x28 name\r\n";
        const auto id = upload(csv, "entity=customers");
        auto report = check(id);
        QCOMPARE(n(report, "errorCount"), 1);
        auto e = report->getArray("errors")->getObject(0);
        QCOMPARE(e->getValue<int>("row"), 3);
        QCOMPARE(q(e->getValue<std::string>("column")), QStringLiteral("name"));
        QCOMPARE(q(e->getValue<std::string>("code")), QStringLiteral("invalid_utf8"));
    }

    void checkReportsEveryErrorAndTheTotal()
    {
        std::string csv = "number,name,portal_enabled\n";
        for (int i = 0; i < 1500; ++i)
            csv += "C9" + std::to_string(10000 + i) + ",Name,maybe\n";
        auto report = check(upload(csv, "entity=customers"));
        QCOMPARE(n(report, "errorCount"), 1500);
        QCOMPARE(report->getArray("errors")->size(), 1000u); // a capped list plus the total
        QCOMPARE(n(report, "rows"), 1500);
    }

    void addUpdateLeavesAbsentAndEmptyColumnsAlone()
    {
        const std::string before = userField("bob@demo.test", "last_name");
        auto r = importFile("email,first_name,is_admin,make_payment,allowed_sections,assigned_customers\n"
                            "BOB@demo.test,,No,Yes,invoices.view|orders.view,C100001\n",
                            "entity=portal-users");
        QCOMPARE(q(r->getValue<std::string>("status")), QStringLiteral("done"));
        QCOMPARE(n(r, "updated"), 1);
        QCOMPARE(q(userField("bob@demo.test", "first_name")), QStringLiteral("Bob")); // empty cell: left alone
        QCOMPARE(q(userField("bob@demo.test", "last_name")), q(before)); // absent column: left alone
        QCOMPARE(userField("bob@demo.test", "make_payment"), std::string("1"));
        // The multi-value cell replaces the list (not merged): exactly two sections now.
        QCOMPARE(userField("bob@demo.test", "sections"),
                 std::to_string(core::SectionSet{core::Section::InvoicesView, core::Section::OrdersView}.bits()));
        // The empty-value constant clears.
        r = importFile(
            "email;first_name;is_admin;make_payment;allowed_sections\nbob@demo.test;--;No;Yes;invoices.view\n",
            "entity=portal-users&separator=%3B&emptyValue=--");
        QCOMPARE(n(r, "updated"), 1);
        QCOMPARE(userField("bob@demo.test", "first_name"), std::string());
    }

    void rowEqualToStoredIsUnchanged()
    {
        const std::string file
            = "code,description,processes,modules,no_access\nNEW01,New,pay_invoices,invoices.view,no\n";
        auto first = importFile(file, "entity=roles");
        QCOMPARE(n(first, "created"), 1);
        auto second = importFile(file, "entity=roles");
        QCOMPARE(q(second->getValue<std::string>("status")), QStringLiteral("done"));
        QCOMPARE(n(second, "unchanged"), 1);
        QCOMPARE(n(second, "updated"), 0);
        QCOMPARE(n(second, "created"), 0);
    }

    void replaceResetsWhatTheRowLeavesEmpty()
    {
        auto r = importFile("number,name\nC100001,Renamed\n", "entity=customers&behaviour=replace");
        QCOMPARE(n(r, "updated"), 1);
        auto connection = m_server->services().database().acquire();
        auto qq = connection->query(
            "SELECT name, customer_group, stat_id, currency, portal_enabled FROM customers WHERE number = 'C100001'");
        QVERIFY(qq.next());
        QCOMPARE(qq.text(0), std::string("Renamed"));
        QCOMPARE(qq.text(1), std::string());
        QCOMPARE(qq.text(2), std::string());
        QCOMPARE(qq.text(3), std::string("EUR"));
        QCOMPARE(qq.integer(4), 1);
    }

    void deleteAndCustomAction()
    {
        const auto rolesBefore = sqlInt(*m_server, "SELECT COUNT(*) FROM erp_roles");
        auto r = importFile("code,description,processes,modules,no_access,_action\n"
                            "X1,One,,,No,\n"
                            "X2,Two,,,No,update\n"
                            "FIN01,,,,,DELETE\n",
                            "entity=roles&behaviour=custom");
        QCOMPARE(q(r->getValue<std::string>("status")), QStringLiteral("done"));
        QCOMPARE(n(r, "created"), 2);
        QCOMPARE(n(r, "deleted"), 1);
        QCOMPARE(sqlInt(*m_server, "SELECT COUNT(*) FROM erp_roles"), rolesBefore + 1);
        QCOMPARE(sqlInt(*m_server, "SELECT COUNT(*) FROM erp_roles WHERE code = 'FIN01'"), 0);
        r = importFile("code\nX1\nX2\n", "entity=roles&behaviour=delete");
        QCOMPARE(n(r, "deleted"), 2);
        QCOMPARE(sqlInt(*m_server, "SELECT COUNT(*) FROM erp_roles"), rolesBefore - 1);
        // _action is an unknown column for any other behaviour.
        auto report = check(upload("code,_action\nX1,delete\n", "entity=roles"));
        QCOMPARE(q(report->getArray("errors")->getObject(0)->getValue<std::string>("code")),
                 QStringLiteral("unknown_column"));
    }

    void strategies_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("created");
        QTest::addColumn<int>("skipped");
        QTest::newRow("stop, no errors allowed") << "strategy=stop"
                                                 << "failed" << 0 << 0;
        QTest::newRow("stop, one allowed") << "strategy=stop&allowedErrors=1"
                                           << "done" << 2 << 1;
        QTest::newRow("skip, none allowed") << "strategy=skip&allowedErrors=0"
                                            << "failed" << 0 << 0;
        QTest::newRow("skip, one allowed") << "strategy=skip&allowedErrors=1"
                                           << "done" << 2 << 1;
        QTest::newRow("skip, many allowed") << "strategy=skip&allowedErrors=50"
                                            << "done" << 2 << 1;
    }
    void strategies()
    {
        QFETCH(QString, query);
        QFETCH(QString, status);
        QFETCH(int, created);
        QFETCH(int, skipped);
        const auto customersBefore = sqlInt(*m_server, "SELECT COUNT(*) FROM customers");
        const auto auditBefore = sqlInt(*m_server, "SELECT COUNT(*) FROM audit_events");
        auto r = importFile("number,name,portal_enabled\nC800001,One,Yes\nC800002,Two,perhaps\nC800003,Three,No\n",
                            "entity=customers&" + query.toStdString());
        QCOMPARE(q(r->getValue<std::string>("status")), status);
        if (status == QStringLiteral("failed")) {
            // Nothing written, no audit event.
            QCOMPARE(sqlInt(*m_server, "SELECT COUNT(*) FROM customers"), customersBefore);
            QCOMPARE(sqlInt(*m_server, "SELECT COUNT(*) FROM audit_events"), auditBefore);
            QVERIFY(!r->getValue<std::string>("message").empty());
            return;
        }
        QCOMPARE(n(r, "created"), created);
        QCOMPARE(n(r, "skipped"), skipped);
        QCOMPARE(sqlInt(*m_server, "SELECT COUNT(*) FROM customers"), customersBefore + created);
        // One audit event for the whole run, with its counts.
        QCOMPARE(sqlInt(*m_server, "SELECT COUNT(*) FROM audit_events"), auditBefore + 1);
        QCOMPARE(sqlInt(*m_server,
                        "SELECT COUNT(*) FROM audit_events WHERE action = 'import' AND origin = 'import' "
                        "AND after_json LIKE '%\"created\":2%'"),
                 1);
    }

    void failedRunInTheMiddleWritesNothing()
    {
        // The error is on the last row: the rows before it were applied inside the run's transaction
        // and must be gone afterwards.
        std::string csv = "email,first_name,last_name,customer_number,is_admin,make_payment,allowed_sections\n";
        for (int i = 0; i < 500; ++i)
            csv += "u" + std::to_string(i) + "@bulk.test,F,L,C100001,No,No,invoices.view\n";
        csv += "bob@demo.test,B,B,C100001,No,No,nosuch.section\n";
        const auto before = sqlInt(*m_server, "SELECT COUNT(*) FROM portal_users");
        const auto assignmentsBefore = sqlInt(*m_server, "SELECT COUNT(*) FROM portal_user_customers");
        auto r = importFile(csv, "entity=portal-users");
        QCOMPARE(q(r->getValue<std::string>("status")), QStringLiteral("failed"));
        QCOMPARE(sqlInt(*m_server, "SELECT COUNT(*) FROM portal_users"), before);
        QCOMPARE(sqlInt(*m_server, "SELECT COUNT(*) FROM portal_user_customers"), assignmentsBefore);
        QCOMPARE(client().get(kAdmin + "/imports/" + std::to_string(n(r, "id")) + "/report").status, 404);
    }

    void changeReportListsKeyActionAndFields()
    {
        auto r = importFile("number,name,group\nC100001,Alpine Tools GmbH,Y99\nC700001,Brand New,Y10\n",
                            "entity=customers");
        QCOMPARE(q(r->getValue<std::string>("status")), QStringLiteral("done"));
        auto report = client().get(kAdmin + "/imports/" + std::to_string(n(r, "id")) + "/report");
        QCOMPARE(report.status, 200);
        QVERIFY2(report.body.find("2,C100001,updated,group\r\n") != std::string::npos, report.body.c_str());
        QVERIFY2(report.body.find("3,C700001,created,") != std::string::npos, report.body.c_str());
    }

    void runStatesAreChecked()
    {
        const auto id = upload("code\nZZ\n", "entity=roles");
        QCOMPARE(q(client().get(kAdmin + "/imports/" + std::to_string(id)).json()->getValue<std::string>("status")),
                 QStringLiteral("uploaded"));
        auto done = run(id);
        QCOMPARE(q(done->getValue<std::string>("status")), QStringLiteral("done"));
        QCOMPARE(client().post(kAdmin + "/imports/" + std::to_string(id) + "/run").status, 409);
        QCOMPARE(client().get(kAdmin + "/imports/999999").status, 404);
        HttpClient viewer(m_server->port());
        signInStaff(viewer, "viewer@demo.test");
        QCOMPARE(viewer.request("POST", kAdmin + "/imports?entity=roles", "code\nQQ\n", "text/csv").status, 403);
    }

    void exportExcludeFiltersAndDelete()
    {
        auto body = exportFile(
            R"({"entity":"portal-users","exclude":["status","assigned_customers"],"filters":{"email":"ALICE"}})");
        QCOMPARE(q(body.substr(0, body.find("\r\n"))),
                 QStringLiteral("email,first_name,last_name,customer_number,is_admin,make_payment,allowed_sections"));
        QCOMPARE(std::count(body.begin(), body.end(), '\n'), 2); // header + alice
        QVERIFY(body.find("alice@demo.test") != std::string::npos);
        body = exportFile(R"({"entity":"portal-users","filters":{"is_admin":"no"}})");
        QVERIFY(body.find("bob@demo.test") != std::string::npos);
        QVERIFY(body.find("alice@demo.test") == std::string::npos);
        QCOMPARE(client().post(kAdmin + "/exports", R"({"entity":"roles","exclude":["nosuch"]})").status, 422);
        QCOMPARE(client().post(kAdmin + "/exports", R"({"entity":"orders"})").status, 400);
        auto list = client().get(kAdmin + "/exports");
        QCOMPARE(list.status, 200);
        QCOMPARE(total(list), 2);
        const auto id = items(list)->getObject(0)->getValue<std::int64_t>("id");
        QCOMPARE(q(items(list)->getObject(0)->getValue<std::string>("status")), QStringLiteral("done"));
        QCOMPARE(client().del(kAdmin + "/exports/" + std::to_string(id)).status, 204);
        QCOMPARE(client().get(kAdmin + "/exports/" + std::to_string(id)).status, 404);
        QCOMPARE(client().get(kAdmin + "/exports/" + std::to_string(id) + "/file").status, 404);
    }

    void exportNeutralisesFormulas()
    {
        auto r = importFile("number,name\nC100001,\"=HYPERLINK(\"\"http://evil\"\")\"\n", "entity=customers");
        QCOMPARE(q(r->getValue<std::string>("status")), QStringLiteral("done"));
        auto body = exportFile(R"({"entity":"customers","filters":{"number":"C100001"}})");
        QVERIFY2(body.find("C100001,\"'=HYPERLINK(\"\"http://evil\"\")\"") != std::string::npos, body.c_str());
    }

    void roundTripChangesNothing_data()
    {
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QString>("hostile");
        QTest::newRow("portal-users")
            << "portal-users"
            << "email,first_name,last_name,customer_number,is_admin,make_payment,allowed_sections\n"
               "h1@x.test,=1+2,'quoted,C100001,Yes,No,invoices.view\n"
               "h2@x.test,\"+line\nbreak\",''=x,C100001,No,No,invoices.view\n"
               "h3@x.test,\"\ttab\",\"-1,\"\"q\"\"\",C100002,No,Yes,orders.view|invoices.view\n"
               "h4@x.test,@SUM(A1),''',C100001,No,No,account.summary\n";
        QTest::newRow("customers") << "customers"
                                   << "number,name,group,stat_id\n"
                                      "H1,=cmd|' /C calc'!A0,'g,''=y\n"
                                      "H2,\"two\r\nlines, \"\"quoted\"\"\",-5,@x\n";
        QTest::newRow("contacts") << "contacts"
                                  << "customer_number,email,first_name,last_name,phone,title\n"
                                     "C100001,h1@x.test,=A1,'apostrophe,+49 40 1,\"\rcr\"\n"
                                     "C100002,h2@x.test,'',''',-,@\n";
        QTest::newRow("roles") << "roles"
                               << "code,description,processes,modules\n"
                                  "H1,=danger(),pay_invoices,invoices.view\n"
                                  "H2,'=not a formula,,\n";
    }
    void roundTripChangesNothing()
    {
        QFETCH(QString, entity);
        QFETCH(QString, hostile);
        const std::string e = entity.toStdString();
        auto r = importFile(hostile.toStdString(), "entity=" + e);
        QVERIFY2(r && r->getValue<std::string>("status") == "done", r ? stringify(r).c_str() : "refused");
        QVERIFY(n(r, "created") >= 2);
        const std::string exported = exportFile(R"({"entity":")" + e + R"("})");
        QVERIFY2(exported.rfind("export", 0) != 0 && exported.rfind("no file", 0) != 0, exported.c_str());
        auto back = importFile(exported, "entity=" + e);
        QCOMPARE(q(back->getValue<std::string>("status")), QStringLiteral("done"));
        QCOMPARE(n(back, "updated"), 0);
        QCOMPARE(n(back, "created"), 0);
        QCOMPARE(n(back, "errorCount"), 0);
        QVERIFY(n(back, "unchanged") > 0);
        // And the values were stored as meant: a leading ' before a formula character or another ' is the
        // guard, undone on import (the file's ''=x is the value '=x).
        if (e == "portal-users") {
            QCOMPARE(q(userField("h1@x.test", "first_name")), QStringLiteral("=1+2"));
            QCOMPARE(q(userField("h1@x.test", "last_name")), QStringLiteral("'quoted"));
            QCOMPARE(q(userField("h2@x.test", "last_name")), QStringLiteral("'=x"));
            QCOMPARE(q(userField("h4@x.test", "last_name")), QStringLiteral("''"));
            QCOMPARE(q(userField("h3@x.test", "first_name")), QStringLiteral("\ttab"));
        }
        // A second export is byte for byte the first.
        QCOMPARE(q(exportFile(R"({"entity":")" + e + R"("})")), q(exported));
    }

    void otherEnclosureAndSeparators()
    {
        auto r = importFile("code;description;modules\nQ1;'a;b';invoices.view/orders.view\n",
                            "entity=roles&separator=%3B&enclosure=" + enc("'") + "&multiSeparator=/");
        QCOMPARE(q(r->getValue<std::string>("status")), QStringLiteral("done"));
        auto connection = m_server->services().database().acquire();
        auto qq = connection->query("SELECT description, modules FROM erp_roles WHERE code = 'Q1'");
        QVERIFY(qq.next());
        QCOMPARE(qq.text(0), std::string("a;b"));
        QCOMPARE(
            qq.integer(1),
            static_cast<std::int64_t>(core::SectionSet{core::Section::InvoicesView, core::Section::OrdersView}.bits()));
    }
};

QTEST_GUILESS_MAIN(TestImportExport)
#include "testimportexport.moc"
