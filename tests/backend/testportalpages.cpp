// The portal's web files at "/": every page path answers the HTML shell with the branding from the
// settings and the security headers; assets have media types and validators; nothing outside
// resources/portal can be reached, however the path is encoded; API paths keep their JSON 404.

#include "TestSupport.h"

#include "store/SettingRepository.h"

using namespace gh;
using namespace gh::test;

class TestPortalPages : public QObject
{
    Q_OBJECT

private slots:
    void pagesAnswerTheShell_data()
    {
        QTest::addColumn<QString>("path");
        for (const char* path : {"/", "/register", "/forgot-password", "/set-password?token=abc",
                                 "/reset-password?token=x", "/select-customer", "/account", "/addresses", "/invoices",
                                 "/invoices/INV-100001", "/orders", "/signed-out"})
            QTest::newRow(path) << QString::fromLatin1(path);
    }

    void pagesAnswerTheShell()
    {
        QFETCH(QString, path);
        TestServer server(false);
        HttpClient client(server.port());
        auto r = client.get(path.toStdString());
        QCOMPARE(r.status, 200);
        QCOMPARE(q(r.header("content-type")), QStringLiteral("text/html; charset=utf-8"));
        QVERIFY(r.body.find("<script type=\"module\" src=\"/js/app.js\"></script>") != std::string::npos);
        // No inline script anywhere: the policy forbids it.
        QVERIFY(r.body.find("<script>") == std::string::npos);
        const auto csp = r.header("content-security-policy");
        QVERIFY2(csp.find("script-src 'self'") != std::string::npos, csp.c_str());
        QVERIFY(csp.find("default-src 'self'") != std::string::npos);
        QVERIFY(csp.find("frame-ancestors 'none'") != std::string::npos);
        QVERIFY(csp.find("unsafe-inline") == std::string::npos);
        QCOMPARE(q(r.header("x-content-type-options")), QStringLiteral("nosniff"));
        QCOMPARE(q(r.header("referrer-policy")), QStringLiteral("no-referrer"));
        QCOMPARE(q(r.header("x-frame-options")), QStringLiteral("DENY"));
        QVERIFY(r.body.find("{{") == std::string::npos); // every placeholder filled
    }

    void brandingComesFromTheSettings()
    {
        TestServer server(false);
        HttpClient client(server.port());
        auto defaults = client.get("/");
        QVERIFY(defaults.body.find("<title>Gatehouse Portal</title>") != std::string::npos);
        {
            auto connection = server.services().database().acquire();
            store::SettingRepository settings(*connection);
            settings.set("portal.name", "Acme <Parts> & Co", "test");
            settings.set("portal.logo_url", "https://cdn.example.test/logo.png?a=1&b=\"2\"", "test");
            settings.set("password.min_length", "12", "test");
        }
        auto r = client.get("/invoices");
        QVERIFY2(r.body.find("<title>Acme &lt;Parts&gt; &amp; Co</title>") != std::string::npos, r.body.c_str());
        QVERIFY(r.body.find("content=\"https://cdn.example.test/logo.png?a=1&amp;b=&quot;2&quot;\"")
                != std::string::npos);
        QVERIFY(r.body.find("data-pw-min=\"12\"") != std::string::npos);
        QVERIFY(r.body.find("Acme <Parts>") == std::string::npos); // escaped, never raw
        QCOMPARE(q(r.header("cache-control")), QStringLiteral("no-cache"));
    }

    void assetsHaveMediaTypesAndValidators_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("type");
        QTest::newRow("css") << "/css/portal.css"
                             << "text/css; charset=utf-8";
        QTest::newRow("js") << "/js/app.js"
                            << "text/javascript; charset=utf-8";
        QTest::newRow("module") << "/js/api.js"
                                << "text/javascript; charset=utf-8";
        QTest::newRow("svg") << "/img/favicon.svg"
                             << "image/svg+xml";
    }

    void assetsHaveMediaTypesAndValidators()
    {
        QFETCH(QString, path);
        QFETCH(QString, type);
        TestServer server(false);
        HttpClient client(server.port());
        auto r = client.get(path.toStdString());
        QCOMPARE(r.status, 200);
        QCOMPARE(q(r.header("content-type")), type);
        QVERIFY(!r.body.empty());
        const auto etag = r.header("etag");
        QVERIFY(!etag.empty());
        QVERIFY(!r.header("last-modified").empty());

        client.setHeader("If-None-Match", etag);
        auto again = client.get(path.toStdString());
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.empty());
        client.setHeader("If-None-Match", "\"something-else\"");
        QCOMPARE(client.get(path.toStdString()).status, 200);
    }

    void ifModifiedSinceAnswers304()
    {
        TestServer server(false);
        HttpClient client(server.port());
        auto r = client.get("/css/portal.css");
        client.setHeader("If-Modified-Since", r.header("last-modified"));
        QCOMPARE(client.get("/css/portal.css").status, 304);
    }

    void noTraversal_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("dot dot") << "/css/../index.html";
        QTest::newRow("dot dot to source") << "/js/../../../CMakeLists.txt";
        QTest::newRow("encoded dots") << "/css/%2e%2e/%2e%2e/%2e%2e/CMakeLists.txt";
        QTest::newRow("encoded upper") << "/css/%2E%2E/index.html";
        QTest::newRow("encoded slash") << "/css/..%2f..%2f..%2fCMakeLists.txt";
        QTest::newRow("backslash") << "/css/..%5c..%5cCMakeLists.txt";
        QTest::newRow("double encoded") << "/css/%252e%252e/index.html";
        QTest::newRow("hidden file") << "/css/.htaccess";
        QTest::newRow("nul") << "/css/portal.css%00.png";
        QTest::newRow("absolute in segment") << "/js//etc/passwd";
        QTest::newRow("html outside shell") << "/css/../../resources/portal/index.html";
        QTest::newRow("unknown type") << "/js/app.js.map";
        QTest::newRow("missing asset") << "/img/none.png";
        QTest::newRow("unknown page") << "/no/such/page";
    }

    void noTraversal()
    {
        QFETCH(QString, path);
        TestServer server(false);
        HttpClient client(server.port());
        auto r = client.get(path.toStdString());
        QVERIFY2(r.status == 404 || r.status == 400, std::to_string(r.status).c_str());
        QVERIFY(r.body.find("cmake_minimum_required") == std::string::npos);
        QVERIFY(r.body.find("root:") == std::string::npos);
        QVERIFY(r.body.find("<!doctype html>") == std::string::npos);
    }

    // API.md: a browser asking for a portal page that does not exist gets the portal's own page (404).
    void browserGetsThePortalsNotFoundPage_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("mistyped page") << "/invoicez";
        QTest::newRow("deeper path") << "/invoices/INV1/extra";
        QTest::newRow("missing asset asked as a page") << "/img/none.png";
        QTest::newRow("traversal") << "/css/%2e%2e/%2e%2e/CMakeLists.txt";
    }

    void browserGetsThePortalsNotFoundPage()
    {
        QFETCH(QString, path);
        TestServer server(false);
        HttpClient client(server.port());
        client.setHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        auto r = client.get(path.toStdString());
        QCOMPARE(r.status, 404);
        QCOMPARE(q(r.header("content-type")), QStringLiteral("text/html; charset=utf-8"));
        QVERIFY(r.body.find("<!doctype html>") != std::string::npos);
        QVERIFY(r.body.find("cmake_minimum_required") == std::string::npos);
        QVERIFY(!r.header("content-security-policy").empty());
        // The API keeps its JSON 404 for browsers too.
        auto api = client.get("/api/portal/v1/nothing-here");
        QCOMPARE(api.status, 404);
        QVERIFY(api.header("content-type").rfind("application/json", 0) == 0);
    }

    void apiPathsKeepTheirJson404()
    {
        TestServer server(false);
        HttpClient client(server.port());
        for (const char* path : {"/api/portal/v1/nothing-here", "/api/admin/v1/nope", "/api", "/healthz/x"}) {
            auto r = client.get(path);
            QCOMPARE(r.status, 404);
            QCOMPARE(q(r.errorCode()), QStringLiteral("not_found"));
            QVERIFY(r.header("content-type").rfind("application/json", 0) == 0);
        }
        QCOMPARE(client.get("/healthz").status, 200);
        // The GET catch-all does not make other methods "allowed" on page paths.
        auto post = client.post("/invoices", "{}");
        QCOMPARE(post.status, 404);
    }
};

QTEST_GUILESS_MAIN(TestPortalPages)
#include "testportalpages.moc"
