#include "server/PortalDirectory.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using gh::server::PortalDirectory;

// Where the server finds the portal's files, from its own directory: no path compiled in.
class TestPortalDirectory : public QObject
{
    Q_OBJECT

private slots:
    void findsThePortalBesideTheProgram_data();
    void findsThePortalBesideTheProgram();
    void nothingFoundNamesTheUsualPlace();
};

void TestPortalDirectory::findsThePortalBesideTheProgram_data()
{
    QTest::addColumn<QString>("program"); // the executable's directory, relative to the root
    QTest::addColumn<QString>("portal"); // where index.html is
    QTest::newRow("Linux package: /usr/bin and /usr/share") << "usr/bin"
                                                            << "usr/share/gatehouse/portal";
    QTest::newRow("TGZ unpacked anywhere") << "gatehouse-0.1.0-Linux/bin"
                                           << "gatehouse-0.1.0-Linux/share/gatehouse/portal";
    QTest::newRow("build tree") << "build/backend"
                                << "build/share/gatehouse/portal";
    QTest::newRow("Windows: portal beside the .exe") << "Gatehouse"
                                                     << "Gatehouse/portal";
    QTest::newRow("macOS bundle") << "Gatehouse Admin.app/Contents/MacOS"
                                  << "Gatehouse Admin.app/Contents/Resources/portal";
}

void TestPortalDirectory::findsThePortalBesideTheProgram()
{
    QFETCH(QString, program);
    QFETCH(QString, portal);
    QTemporaryDir root;
    QVERIFY(QDir(root.path()).mkpath(program));
    QVERIFY(QDir(root.path()).mkpath(portal));
    QFile index(root.filePath(portal + QStringLiteral("/index.html")));
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.close();
    const auto found = PortalDirectory::find(root.filePath(program).toStdString());
    QCOMPARE(QDir(QString::fromStdString(found)).canonicalPath(), QDir(root.filePath(portal)).canonicalPath());
}

void TestPortalDirectory::nothingFoundNamesTheUsualPlace()
{
    QTemporaryDir root;
    QVERIFY(QDir(root.path()).mkpath(QStringLiteral("usr/bin")));
    const auto found
        = QString::fromStdString(PortalDirectory::find(root.filePath(QStringLiteral("usr/bin")).toStdString()));
    QVERIFY2(found.endsWith(QStringLiteral("share/gatehouse/portal/"))
                 || found.endsWith(QStringLiteral("share/gatehouse/portal")),
             qPrintable(found));
}

QTEST_GUILESS_MAIN(TestPortalDirectory)
#include "testportaldirectory.moc"
