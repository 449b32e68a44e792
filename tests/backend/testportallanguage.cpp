#include "core/PortalLanguage.h"

#include <QTest>

using gh::core::PortalLanguage;

// The portal's language from the person's choice (cookie) and the browser's Accept-Language.
class TestPortalLanguage : public QObject
{
    Q_OBJECT

private slots:
    void choosesTheLanguage_data();
    void choosesTheLanguage();
};

void TestPortalLanguage::choosesTheLanguage_data()
{
    QTest::addColumn<QString>("cookie");
    QTest::addColumn<QString>("acceptLanguage");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nothing: English") << ""
                                      << ""
                                      << "en";
    QTest::newRow("German browser") << ""
                                    << "de-DE,de;q=0.9,en;q=0.8"
                                    << "de";
    QTest::newRow("Austrian German counts as German") << ""
                                                      << "de-AT"
                                                      << "de";
    QTest::newRow("English first") << ""
                                   << "en-GB,en;q=0.9,de;q=0.8"
                                   << "en";
    QTest::newRow("quality decides, not order") << ""
                                                << "en;q=0.3, de;q=0.7"
                                                << "de";
    QTest::newRow("unsupported languages skipped") << ""
                                                   << "fr-FR,fr;q=0.9,de;q=0.5"
                                                   << "de";
    QTest::newRow("only unsupported: English") << ""
                                               << "fr,it;q=0.5"
                                               << "en";
    QTest::newRow("q=0 means not wanted") << ""
                                          << "de;q=0,en;q=0.1"
                                          << "en";
    QTest::newRow("upper case tag") << ""
                                    << "DE-ch"
                                    << "de";
    QTest::newRow("broken quality ignored") << ""
                                            << "de;q=abc,en;q=0.5"
                                            << "en";
    QTest::newRow("cookie wins over the browser") << "en"
                                                  << "de-DE"
                                                  << "en";
    QTest::newRow("cookie German") << "de"
                                   << "en-US"
                                   << "de";
    QTest::newRow("unknown cookie falls back to the browser") << "xx"
                                                              << "de"
                                                              << "de";
    QTest::newRow("wildcard alone: English") << ""
                                             << "*"
                                             << "en";
}

void TestPortalLanguage::choosesTheLanguage()
{
    QFETCH(QString, cookie);
    QFETCH(QString, acceptLanguage);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(PortalLanguage::choose(cookie.toStdString(), acceptLanguage.toStdString())),
             expected);
}

QTEST_GUILESS_MAIN(TestPortalLanguage)
#include "testportallanguage.moc"
