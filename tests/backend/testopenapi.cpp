// docs/openapi.yaml against the routes the server registers: every admin route is documented with
// its method and every documented admin operation exists; every registered portal route is
// documented. Path parameter names are compared as placeholders ({number} = {id}).

#include "TestSupport.h"

#include <QFile>
#include <QRegularExpression>

#include <set>

using namespace gh;
using namespace gh::test;

namespace {

using Operation = std::pair<std::string, std::string>; // method (upper case), path with {} placeholders

std::string normalise(const std::string& path)
{
    return QString::fromStdString(path)
        .replace(QRegularExpression(QStringLiteral("\\{[^}]*\\}")), QStringLiteral("{}"))
        .toStdString();
}

// A line scan of the paths section: "  /path:" then "    get:" and friends.
std::set<Operation> documented()
{
    QFile file(QStringLiteral(GATEHOUSE_SOURCE_DIR "/docs/openapi.yaml"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open docs/openapi.yaml");
    static const QRegularExpression pathLine(QStringLiteral("^  (/\\S*):\\s*$"));
    static const QRegularExpression methodLine(QStringLiteral("^    (get|put|post|delete|patch|head|options):\\s*$"));
    std::set<Operation> out;
    bool inPaths = false;
    std::string current;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).chopped(1);
        if (!line.startsWith(QLatin1Char(' ')) && !line.isEmpty()) {
            inPaths = line.startsWith(QStringLiteral("paths:"));
            continue;
        }
        if (!inPaths)
            continue;
        if (auto m = pathLine.match(line); m.hasMatch()) {
            current = m.captured(1).toStdString();
        } else if (auto mm = methodLine.match(line); mm.hasMatch() && !current.empty()) {
            out.insert({mm.captured(1).toUpper().toStdString(), normalise(current)});
        }
    }
    return out;
}

std::set<Operation> registered()
{
    TestServer server(false);
    std::set<Operation> out;
    for (const auto& route : server.router().routes())
        out.insert({route.method, normalise(route.pattern)});
    return out;
}

bool under(const Operation& op, const std::string& prefix)
{
    return op.second.rfind(prefix, 0) == 0;
}

} // namespace

class TestOpenApi : public QObject
{
    Q_OBJECT

private slots:
    void everyAdminRouteIsDocumented()
    {
        const auto docs = documented();
        int count = 0;
        for (const auto& op : registered()) {
            if (!under(op, "/api/admin/v1/") && op.second != "/preview/open")
                continue;
            ++count;
            QVERIFY2(docs.count(op), ("not in docs/openapi.yaml: " + op.first + " " + op.second).c_str());
        }
        QVERIFY(count >= 40);
    }

    void everyDocumentedAdminOperationIsRegistered()
    {
        const auto routes = registered();
        int count = 0;
        for (const auto& op : documented()) {
            if (!under(op, "/api/admin/v1/"))
                continue;
            ++count;
            QVERIFY2(routes.count(op), ("documented but not registered: " + op.first + " " + op.second).c_str());
        }
        QVERIFY(count >= 40);
    }

    void everyPortalRouteIsDocumented()
    {
        const auto docs = documented();
        for (const auto& op : registered()) {
            if (under(op, "/api/portal/v1/"))
                QVERIFY2(docs.count(op),
                         ("portal route not in docs/openapi.yaml: " + op.first + " " + op.second).c_str());
        }
        // API.md's portal section is described even before its routes are merged.
        QVERIFY(docs.count({"GET", "/api/portal/v1/customers/{}/invoices"}));
        QVERIFY(docs.count({"PUT", "/api/portal/v1/password"}));
    }
};

QTEST_GUILESS_MAIN(TestOpenApi)
#include "testopenapi.moc"
