// Registration, password reset and set password through the real server (SPEC §2): validation,
// the person-actionable errors, the first-user-admin rule, no account enumeration, tokens that work
// once and expire, the password policy, and sessions ending when the password changes.

#include "PortalTestSupport.h"

#include "core/Domain.h"

using namespace gh;
using namespace gh::test;

namespace {

struct Document
{
    std::string number;
    std::string amount; // decimal string
};

Document invoiceOf(services::Services& services, const std::string& customer)
{
    auto db = services.database().acquire();
    auto q = db->query("SELECT i.number, i.amount FROM invoices i JOIN customers c ON c.id = i.customer_id "
                       "WHERE c.number = ? ORDER BY i.id LIMIT 1",
                       customer);
    q.next();
    return {q.text(0), core::Money(q.integer(1)).toString()};
}

std::string registration(const std::string& customer, const Document& doc, const std::string& email,
                         const std::string& confirm = {})
{
    Poco::JSON::Object body;
    body.set("firstName", "Dora");
    body.set("lastName", "Diaz");
    body.set("customerNumber", customer);
    body.set("documentNumber", doc.number);
    body.set("amount", doc.amount);
    body.set("email", email);
    body.set("confirmEmail", confirm.empty() ? email : confirm);
    return json(body);
}

struct UserRow
{
    std::string status;
    bool isAdmin = false;
    std::uint32_t sections = 0;
    bool found = false;
};

UserRow userRow(services::Services& services, const std::string& email)
{
    auto db = services.database().acquire();
    auto q = db->query("SELECT status, is_admin, sections FROM portal_users WHERE email = ?", email);
    if (!q.next())
        return {};
    return {q.text(0), q.boolean(1), static_cast<std::uint32_t>(q.integer(2)), true};
}

// The same document with an amount that is one cent off.
Document wrongAmount(Document doc)
{
    doc.amount = core::Money(core::Money::parse(doc.amount)->cents() + 1).toString();
    return doc;
}

std::string field0(const HttpResult& r)
{
    auto details = r.json()->getObject("error")->getArray("details");
    return details->size() ? details->getObject(0)->getValue<std::string>("field") : std::string();
}

} // namespace

class TestPortalAccounts : public QObject
{
    Q_OBJECT

private slots:
    void invalidRegistrationsAre422NamingTheField_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("field");
        QTest::newRow("no first name") << "firstName="
                                       << "firstName";
        QTest::newRow("no last name") << "lastName="
                                      << "lastName";
        QTest::newRow("no customer number") << "customerNumber="
                                            << "customerNumber";
        QTest::newRow("no document number") << "documentNumber="
                                            << "documentNumber";
        QTest::newRow("no amount") << "amount="
                                   << "amount";
        QTest::newRow("amount not a number") << "amount=twelve"
                                             << "amount";
        QTest::newRow("no email") << "email="
                                  << "email";
        QTest::newRow("bad email") << "email=not-an-email"
                                   << "email";
        QTest::newRow("emails differ") << "confirmEmail=other@example.com"
                                       << "confirmEmail";
        QTest::newRow("no confirmation") << "confirmEmail="
                                         << "confirmEmail";
    }

    void invalidRegistrationsAre422NamingTheField()
    {
        QFETCH(QString, change);
        QFETCH(QString, field);
        TestServer server;
        auto doc = invoiceOf(server.services(), "C100010");
        Poco::JSON::Parser parser;
        auto body = parser.parse(registration("C100010", doc, "dora@example.com")).extract<Poco::JSON::Object::Ptr>();
        const auto eq = change.indexOf(QLatin1Char('='));
        body->set(change.left(eq).toStdString(), change.mid(eq + 1).toStdString());
        HttpClient client(server.port());
        auto r = client.post(kPortal + "/registrations", json(*body));
        QCOMPARE(r.status, 422);
        QCOMPARE(q(r.errorCode()), QStringLiteral("validation_failed"));
        QCOMPARE(q(field0(r)), field);
        QVERIFY(!userRow(server.services(), "dora@example.com").found);
        QVERIFY(outbox(server.services()).empty());
    }

    void personActionableErrors_data()
    {
        QTest::addColumn<QString>("customer");
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("tamper"); // what to do with the document: "", "amount", "foreign"
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown customer") << "C999999"
                                          << ""
                                          << ""
                                          << "unknown_customer";
        QTest::newRow("amount differs") << "C100010"
                                        << ""
                                        << "amount"
                                        << "document_mismatch";
        QTest::newRow("another customer's invoice") << "C100010"
                                                    << ""
                                                    << "foreign"
                                                    << "document_mismatch";
        QTest::newRow("portal switched off") << "C100010"
                                             << "UPDATE customers SET portal_enabled = 0 WHERE number = 'C100010'"
                                             << ""
                                             << "registration_not_allowed";
        QTest::newRow("contact may not register")
            << "C100010"
            << "INSERT INTO contacts (customer_id, email, can_register) VALUES (10, 'dora@example.com', 0)"
            << ""
            << "registration_not_allowed";
        QTest::newRow("restricted group")
            << "C100001"
            << "INSERT INTO settings (key, value) VALUES ('general.restricted_customer_groups', 'Y10')"
            << ""
            << "registration_not_allowed";
        QTest::newRow("not on the allow list")
            << "C100010"
            << "INSERT INTO settings (key, value) VALUES ('general.access_policy', 'allow_list'), "
               "('general.allow_list', 'C100001')"
            << ""
            << "registration_not_allowed";
        QTest::newRow("on the deny list")
            << "C100010"
            << "INSERT INTO settings (key, value) VALUES ('general.access_policy', 'all_except'), "
               "('general.deny_list', 'C100010')"
            << ""
            << "registration_not_allowed";
    }

    void personActionableErrors()
    {
        QFETCH(QString, customer);
        QFETCH(QString, setup);
        QFETCH(QString, tamper);
        QFETCH(QString, code);
        TestServer server;
        if (!setup.isEmpty()) {
            auto db = server.services().database().acquire();
            db->execute(setup.toStdString());
        }
        auto doc
            = invoiceOf(server.services(), customer == QStringLiteral("C999999") ? "C100010" : customer.toStdString());
        if (tamper == QStringLiteral("amount"))
            doc.amount = core::Money(*core::Money::parse(doc.amount)).cents() == 100 ? "2.00" : "1.00";
        else if (tamper == QStringLiteral("foreign"))
            doc = invoiceOf(server.services(), "C100011");
        HttpClient client(server.port());
        auto r = client.post(kPortal + "/registrations", registration(customer.toStdString(), doc, "dora@example.com"));
        QCOMPARE(r.status, 422);
        QCOMPARE(q(r.errorCode()), code);
        QVERIFY(!r.json()->getObject("error")->getValue<std::string>("message").empty());
        QVERIFY(!userRow(server.services(), "dora@example.com").found);
    }

    void amountComparesAsMoney()
    {
        TestServer server;
        auto doc = invoiceOf(server.services(), "C100010");
        // "1234.50" may be typed as "1234.5"; the comparison is in cents.
        std::string typed = doc.amount;
        if (typed.back() == '0')
            typed.pop_back();
        doc.amount = " " + typed + " ";
        HttpClient client(server.port());
        auto r = client.post(kPortal + "/registrations", registration("C100010", doc, "dora@example.com"));
        QCOMPARE(r.status, 202);
        QVERIFY(userRow(server.services(), "dora@example.com").found);
    }

    void firstUserOfACustomerBecomesAccountAdmin()
    {
        TestServer server;
        HttpClient client(server.port());
        auto doc = invoiceOf(server.services(), "C100010");
        auto first = client.post(kPortal + "/registrations", registration("C100010", doc, "first@example.com"));
        QCOMPARE(first.status, 202);
        auto second = client.post(kPortal + "/registrations", registration("C100010", doc, "second@example.com"));
        QCOMPARE(second.status, 202);
        const auto a = userRow(server.services(), "first@example.com");
        const auto b = userRow(server.services(), "second@example.com");
        QCOMPARE(q(a.status), QStringLiteral("invited"));
        QVERIFY(a.isAdmin);
        QCOMPARE(a.sections, core::SectionSet::all().bits());
        QVERIFY(!b.isAdmin);
        QCOMPARE(
            b.sections,
            (core::SectionSet{core::Section::AccountSummary, core::Section::InvoicesView, core::Section::OrdersView}
                 .bits()));
        // Both got a set-password link; the registration is audited with origin portal.
        QVERIFY(!tokenFromOutbox(server.services(), "first@example.com", "/set-password").empty());
        QVERIFY(!tokenFromOutbox(server.services(), "second@example.com", "/set-password").empty());
        auto db = server.services().database().acquire();
        auto audit = db->query("SELECT COUNT(*) FROM audit_events WHERE origin = 'portal' AND action = 'register'");
        audit.next();
        QCOMPARE(audit.integer(0), std::int64_t(2));
    }

    void firstUserOfAStatFamilyBecomesAdminLaterOnesDoNot()
    {
        TestServer server;
        // C100006 .. C100008 form one STAT family without portal users.
        {
            auto db = server.services().database().acquire();
            auto q = db->query("SELECT COUNT(DISTINCT stat_id), MIN(stat_id) FROM customers WHERE number IN "
                               "('C100006', 'C100007', 'C100008')");
            q.next();
            QCOMPARE(q.integer(0), std::int64_t(1));
            QVERIFY(!q.text(1).empty());
        }
        HttpClient client(server.port());
        QCOMPARE(client
                     .post(kPortal + "/registrations",
                           registration("C100007", invoiceOf(server.services(), "C100007"), "f1@example.com"))
                     .status,
                 202);
        QCOMPARE(client
                     .post(kPortal + "/registrations",
                           registration("C100008", invoiceOf(server.services(), "C100008"), "f2@example.com"))
                     .status,
                 202);
        QVERIFY(userRow(server.services(), "f1@example.com").isAdmin);
        QVERIFY(!userRow(server.services(), "f2@example.com").isAdmin);
    }

    void existingEmailGetsTheSameAnswerAndAnEmail()
    {
        TestServer server;
        HttpClient client(server.port());
        auto doc = invoiceOf(server.services(), "C100010");
        auto fresh = client.post(kPortal + "/registrations", registration("C100010", doc, "new@example.com"));
        auto existing = client.post(kPortal + "/registrations", registration("C100010", doc, "bob@demo.test"));
        QCOMPARE(fresh.status, 202);
        QCOMPARE(existing.status, 202);
        std::string expected = fresh.body;
        expected.replace(expected.find("new@example.com"), std::string("new@example.com").size(), "bob@demo.test");
        QCOMPARE(q(existing.body), q(expected));
        // bob's account is untouched; he is told by email.
        const auto bob = userRow(server.services(), "bob@demo.test");
        QCOMPARE(q(bob.status), QStringLiteral("active"));
        bool told = false;
        for (const auto& row : outbox(server.services()))
            told = told
                || (row.to == "bob@demo.test" && row.subject.find("already have an account") != std::string::npos);
        QVERIFY(told);
        QVERIFY(tokenFromOutbox(server.services(), "bob@demo.test", "/set-password").empty());
    }

    void registerSetPasswordAndSignIn()
    {
        TestServer server;
        HttpClient client(server.port());
        auto doc = invoiceOf(server.services(), "C100010");
        QCOMPARE(client.post(kPortal + "/registrations", registration("C100010", doc, "dora@example.com")).status, 202);
        QCOMPARE(signIn(client, "dora@example.com", "Dora-Passw0rd").status, 401); // invited, no password yet
        const std::string token = tokenFromOutbox(server.services(), "dora@example.com", "/set-password");
        QVERIFY(!token.empty());

        Poco::JSON::Object weak;
        weak.set("token", token);
        weak.set("password", "short");
        auto r = client.put(kPortal + "/password", json(weak));
        QCOMPARE(r.status, 422);
        QCOMPARE(q(r.errorCode()), QStringLiteral("weak_password"));
        QVERIFY(r.json()->getObject("error")->getArray("details")->size() >= 1);

        Poco::JSON::Object good;
        good.set("token", token);
        good.set("password", "Dora-Passw0rd");
        QCOMPARE(client.put(kPortal + "/password", json(good)).status, 204); // the weak try did not use it up
        QCOMPARE(q(userRow(server.services(), "dora@example.com").status), QStringLiteral("active"));
        auto again = client.put(kPortal + "/password", json(good));
        QCOMPARE(again.status, 422);
        QCOMPARE(q(again.errorCode()), QStringLiteral("invalid_token"));

        auto signedIn = signIn(client, "dora@example.com", "Dora-Passw0rd");
        QCOMPARE(signedIn.status, 200);
        QCOMPARE(q(signedIn.json()->getValue<std::string>("currentCustomer")), QStringLiteral("C100010"));
        QCOMPARE(client.get(kPortal + "/customers/C100010/invoices").status, 200);
    }

    void passwordPolicyComesFromSettings()
    {
        TestServer server;
        setSetting(server.services(), "password.min_length", "12");
        HttpClient client(server.port());
        QCOMPARE(client.post(kPortal + "/password-resets", R"({"email":"carol@demo.test"})").status, 202);
        mailRequestedResets(server.services());
        const std::string token = tokenFromOutbox(server.services(), "carol@demo.test", "/reset-password");
        Poco::JSON::Object body;
        body.set("token", token);
        body.set("password", "Abcdef-123"); // fine by default, too short for 12
        auto r = client.put(kPortal + "/password", json(body));
        QCOMPARE(r.status, 422);
        QCOMPARE(q(r.errorCode()), QStringLiteral("weak_password"));
        body.set("password", "Abcdef-123456");
        QCOMPARE(client.put(kPortal + "/password", json(body)).status, 204);
    }

    // API.md: 429 with Retry-After after 5 failed attempts within 15 minutes for one customer number;
    // the refusal comes before anything is checked, so not even the right amount gets through.
    void failedRegistrationsAreThrottledPerCustomerNumber_data()
    {
        QTest::addColumn<QString>("customer");
        QTest::addColumn<QString>("guess"); // "amount", "foreign" (another customer's invoice)
        QTest::newRow("wrong amounts") << "C100010"
                                       << "amount";
        QTest::newRow("another customer's invoice") << "C100010"
                                                    << "foreign";
        QTest::newRow("unknown customer number") << "C999999"
                                                 << "amount";
    }

    void failedRegistrationsAreThrottledPerCustomerNumber()
    {
        QFETCH(QString, customer);
        QFETCH(QString, guess);
        TestServer server;
        HttpClient client(server.port());
        const std::string number = customer.toStdString();
        const auto right = invoiceOf(server.services(), "C100010");
        const auto wrong
            = guess == QStringLiteral("amount") ? wrongAmount(right) : invoiceOf(server.services(), "C100011");
        for (int i = 0; i < 5; ++i) {
            auto r = client.post(kPortal + "/registrations", registration(number, wrong, "dora@example.com"));
            QCOMPARE(r.status, 422);
        }
        auto refused = client.post(kPortal + "/registrations", registration(number, right, "dora@example.com"));
        QCOMPARE(refused.status, 429);
        QCOMPARE(q(refused.errorCode()), QStringLiteral("too_many_attempts"));
        const int retry = std::stoi(refused.header("retry-after"));
        QVERIFY2(retry >= 1 && retry <= 15 * 60, refused.header("retry-after").c_str());
        // The same number typed in lower case and with spaces is the same number.
        std::string typed = " " + number + " ";
        typed[1] = 'c';
        QCOMPARE(client.post(kPortal + "/registrations", registration(typed, right, "dora@example.com")).status, 429);
        QVERIFY(!userRow(server.services(), "dora@example.com").found);
        QVERIFY(outbox(server.services()).empty());
        // Another customer's registration from the same address goes on.
        QCOMPARE(client
                     .post(kPortal + "/registrations",
                           registration("C100012", invoiceOf(server.services(), "C100012"), "eve@example.com"))
                     .status,
                 202);
    }

    void failedRegistrationsAreThrottledPerClientAddress()
    {
        TestServer server;
        HttpClient client(server.port());
        // Twenty failures from one address, four per customer number (under the per-number limit).
        for (const char* number : {"C100010", "C100011", "C100012", "C100013", "C100014"}) {
            const auto wrong = wrongAmount(invoiceOf(server.services(), number));
            for (int i = 0; i < 4; ++i)
                QCOMPARE(
                    client.post(kPortal + "/registrations", registration(number, wrong, "dora@example.com")).status,
                    422);
        }
        auto refused
            = client.post(kPortal + "/registrations",
                          registration("C100015", invoiceOf(server.services(), "C100015"), "dora@example.com"));
        QCOMPARE(refused.status, 429);
        QCOMPARE(q(refused.errorCode()), QStringLiteral("too_many_attempts"));
        const int retry = std::stoi(refused.header("retry-after"));
        QVERIFY2(retry >= 1 && retry <= 15 * 60, refused.header("retry-after").c_str());
        QVERIFY(!userRow(server.services(), "dora@example.com").found);
    }

    void failuresOlderThanFifteenMinutesDoNotCount()
    {
        TestServer server;
        HttpClient client(server.port());
        const auto right = invoiceOf(server.services(), "C100010");
        for (int i = 0; i < 5; ++i)
            QCOMPARE(
                client.post(kPortal + "/registrations", registration("C100010", wrongAmount(right), "d@example.com"))
                    .status,
                422);
        {
            auto db = server.services().database().acquire();
            db->query("UPDATE registration_failures SET at = at - 15 * 60 - 1").run();
        }
        QCOMPARE(client.post(kPortal + "/registrations", registration("C100010", right, "dora@example.com")).status,
                 202);
    }

    // Staff see the guessing in the Audit page: each failed attempt, and the moment the limit is reached.
    void throttledRegistrationsAreAuditedForStaff()
    {
        TestServer server;
        HttpClient client(server.port());
        const auto wrong = wrongAmount(invoiceOf(server.services(), "C100010"));
        for (int i = 0; i < 6; ++i)
            client.post(kPortal + "/registrations", registration("C100010", wrong, "dora@example.com"));
        HttpClient staff(server.port());
        auto r = staff.post("/api/admin/v1/session", R"({"email":"admin@demo.test","password":"Demo-Passw0rd"})");
        QCOMPARE(r.status, 200);
        staff.setBearer(r.json()->getValue<std::string>("token"));
        auto failed = staff.get("/api/admin/v1/audit-events?action=registration_failed");
        QCOMPARE(failed.status, 200);
        QCOMPARE(failed.json()->getValue<std::int64_t>("total"), std::int64_t(5));
        auto event = failed.json()->getArray("items")->getObject(0);
        QCOMPARE(q(event->getValue<std::string>("entity")), QStringLiteral("customer"));
        QCOMPARE(q(event->getValue<std::string>("key")), QStringLiteral("C100010"));
        QCOMPARE(q(event->getValue<std::string>("origin")), QStringLiteral("portal"));
        QCOMPARE(q(event->getObject("after")->getValue<std::string>("reason")), QStringLiteral("document_mismatch"));
        auto throttled = staff.get("/api/admin/v1/audit-events?action=registration_throttled");
        QCOMPARE(throttled.json()->getValue<std::int64_t>("total"), std::int64_t(1));
        auto trip = throttled.json()->getArray("items")->getObject(0);
        QCOMPARE(q(trip->getValue<std::string>("key")), QStringLiteral("C100010"));
        QCOMPARE(q(trip->getValue<std::string>("actor")), QStringLiteral("127.0.0.1"));
    }

    // A contact whose Can Register is off must not be told apart by a wrong document: the document
    // and amount are checked first, and only the right ones hear "registration not allowed".
    void aWrongDocumentSaysNothingAboutContacts()
    {
        TestServer server;
        {
            auto db = server.services().database().acquire();
            db->execute("INSERT INTO contacts (customer_id, email, can_register) "
                        "SELECT id, 'dora@example.com', 0 FROM customers WHERE number = 'C100010'");
        }
        HttpClient client(server.port());
        const auto right = invoiceOf(server.services(), "C100010");
        auto contact
            = client.post(kPortal + "/registrations", registration("C100010", wrongAmount(right), "dora@example.com"));
        auto stranger
            = client.post(kPortal + "/registrations", registration("C100010", wrongAmount(right), "zed@example.com"));
        QCOMPARE(contact.status, 422);
        QCOMPARE(q(contact.errorCode()), QStringLiteral("document_mismatch"));
        QCOMPARE(q(contact.body), q(stranger.body));
        auto allowed = client.post(kPortal + "/registrations", registration("C100010", right, "dora@example.com"));
        QCOMPARE(q(allowed.errorCode()), QStringLiteral("registration_not_allowed"));
    }

    // API.md: at most 3 reset e-mails per address per hour; further requests still answer 202 and
    // send nothing, so the third link is not voided by a fourth request.
    void passwordResetMailsAreCappedPerAddressAndHour()
    {
        TestServer server;
        HttpClient client(server.port());
        std::string firstBody;
        for (int i = 0; i < 5; ++i) {
            auto r = client.post(kPortal + "/password-resets", R"({"email":"carol@demo.test"})");
            QCOMPARE(r.status, 202);
            if (i == 0)
                firstBody = r.body;
            QCOMPARE(q(r.body), q(firstBody));
            mailRequestedResets(server.services());
        }
        int mails = 0;
        for (const auto& row : outbox(server.services()))
            mails += row.to == "carol@demo.test" && row.body.find("/reset-password?token=") != std::string::npos;
        QCOMPARE(mails, 3);
        Poco::JSON::Object body;
        body.set("token", tokenFromOutbox(server.services(), "carol@demo.test", "/reset-password"));
        body.set("password", "Fresh-Passw0rd");
        QCOMPARE(client.put(kPortal + "/password", json(body)).status, 204);
        // The hour is per address: an hour later the address may ask again.
        {
            auto db = server.services().database().acquire();
            db->query("UPDATE password_reset_requests SET requested_at = requested_at - 3601").run();
        }
        QCOMPARE(client.post(kPortal + "/password-resets", R"({"email":"carol@demo.test"})").status, 202);
        mailRequestedResets(server.services());
        mails = 0;
        for (const auto& row : outbox(server.services()))
            mails += row.to == "carol@demo.test" && row.body.find("/reset-password?token=") != std::string::npos;
        QCOMPARE(mails, 4);
    }

    // The request path does the same work for every address: it records the request and answers;
    // whether an account exists is decided later by the email job, so the answer's time tells nothing.
    void passwordResetRequestDoesTheSameWorkForKnownAndUnknownAddresses()
    {
        TestServer server;
        HttpClient client(server.port());
        QCOMPARE(client.post(kPortal + "/password-resets", R"({"email":"alice@demo.test"})").status, 202);
        QCOMPARE(client.post(kPortal + "/password-resets", R"({"email":"nobody@demo.test"})").status, 202);
        QVERIFY(outbox(server.services()).empty());
        {
            auto db = server.services().database().acquire();
            auto rows = db->query("SELECT COUNT(*) FROM password_reset_requests WHERE address IN "
                                  "('alice@demo.test', 'nobody@demo.test')");
            QVERIFY(rows.next());
            QCOMPARE(rows.integer(0), std::int64_t(2));
        }
        mailRequestedResets(server.services());
        const auto rows = outbox(server.services());
        QCOMPARE(rows.size(), 1u);
        QCOMPARE(q(rows[0].to), QStringLiteral("alice@demo.test"));
    }

    void passwordResetAnswersAlwaysTheSame()
    {
        TestServer server;
        HttpClient client(server.port());
        auto known = client.post(kPortal + "/password-resets", R"({"email":"alice@demo.test"})");
        auto unknown = client.post(kPortal + "/password-resets", R"({"email":"nobody@demo.test"})");
        mailRequestedResets(server.services());
        QCOMPARE(known.status, 202);
        QCOMPARE(unknown.status, 202);
        QCOMPARE(q(known.json()->getValue<std::string>("message")),
                 QStringLiteral("If there is an account associated with alice@demo.test you will receive an email "
                                "with a link to reset your password."));
        QCOMPARE(q(unknown.json()->getValue<std::string>("message")),
                 QStringLiteral("If there is an account associated with nobody@demo.test you will receive an email "
                                "with a link to reset your password."));
        const auto rows = outbox(server.services());
        QCOMPARE(rows.size(), 1u);
        QCOMPARE(q(rows[0].to), QStringLiteral("alice@demo.test"));
    }

    void resetEndsSessionsAndChangesThePassword()
    {
        TestServer server;
        HttpClient signedIn(server.port());
        QCOMPARE(signIn(signedIn, "alice@demo.test").status, 200);
        HttpClient client(server.port());
        QCOMPARE(client.post(kPortal + "/password-resets", R"({"email":"Alice@Demo.test"})").status, 202);
        mailRequestedResets(server.services());
        const std::string token = tokenFromOutbox(server.services(), "alice@demo.test", "/reset-password");
        QVERIFY(!token.empty());
        Poco::JSON::Object body;
        body.set("token", token);
        body.set("password", "Fresh-Passw0rd");
        QCOMPARE(client.put(kPortal + "/password", json(body)).status, 204);
        QCOMPARE(signedIn.get(kPortal + "/me").status, 401); // the old session died
        QCOMPARE(signIn(client, "alice@demo.test").status, 401);
        QCOMPARE(signIn(client, "alice@demo.test", "Fresh-Passw0rd").status, 200);
        QCOMPARE(client.put(kPortal + "/password", json(body)).status, 422); // single use
    }

    void expiredOrUnknownTokensAreInvalid_data()
    {
        QTest::addColumn<bool>("expire");
        QTest::newRow("expired") << true;
        QTest::newRow("unknown") << false;
    }

    void expiredOrUnknownTokensAreInvalid()
    {
        QFETCH(bool, expire);
        TestServer server;
        HttpClient client(server.port());
        QCOMPARE(client.post(kPortal + "/password-resets", R"({"email":"carol@demo.test"})").status, 202);
        mailRequestedResets(server.services());
        std::string token = tokenFromOutbox(server.services(), "carol@demo.test", "/reset-password");
        if (expire) {
            auto db = server.services().database().acquire();
            db->execute("UPDATE user_tokens SET expires_at = created_at - 1");
        } else {
            token = core::SecureRandom::token(32);
        }
        Poco::JSON::Object body;
        body.set("token", token);
        body.set("password", "Fresh-Passw0rd");
        auto r = client.put(kPortal + "/password", json(body));
        QCOMPARE(r.status, 422);
        QCOMPARE(q(r.errorCode()), QStringLiteral("invalid_token"));
        QCOMPARE(signIn(client, "carol@demo.test").status, 200); // password unchanged
    }
};

QTEST_GUILESS_MAIN(TestPortalAccounts)
#include "testportalaccounts.moc"
