// core::CsvWriter: RFC 4180 quoting and the spreadsheet formula guard, the one CSV cell writer of
// every export (statement, sub-accounts, audit log).

#include "core/CsvWriter.h"

#include <QtTest>

using gh::core::CsvWriter;

class TestCsvWriter : public QObject
{
    Q_OBJECT

private slots:
    void cell_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "Alpine Tools"
                               << "Alpine Tools";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("comma is quoted") << "a,b"
                                         << "\"a,b\"";
        QTest::newRow("quote is doubled") << "say \"hi\""
                                          << "\"say \"\"hi\"\"\"";
        QTest::newRow("line break is quoted") << "a\nb"
                                              << "\"a\nb\"";
        QTest::newRow("formula =") << "=SUM(A1:A2)"
                                   << "'=SUM(A1:A2)";
        QTest::newRow("formula +") << "+1"
                                   << "'+1";
        QTest::newRow("formula -") << "-1"
                                   << "'-1";
        QTest::newRow("formula @") << "@cmd"
                                   << "'@cmd";
        QTest::newRow("formula tab") << "\tx"
                                     << "'\tx";
        QTest::newRow("formula CR, quoted") << "\rx"
                                            << "\"'\rx\"";
        QTest::newRow("formula with comma: guarded, then quoted") << "=1,2"
                                                                  << "\"'=1,2\"";
        QTest::newRow("= later in the text is harmless") << "a=b"
                                                         << "a=b";
        QTest::newRow("apostrophe first stays") << "'x"
                                                << "'x";
        QTest::newRow("UTF-8 passes") << QString::fromUtf8("Zürich") << QString::fromUtf8("Zürich");
    }

    void cell()
    {
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(CsvWriter::cell(value.toStdString())), expected);
    }

    void looksLikeFormula_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("formula");
        QTest::newRow("=") << "=x" << true;
        QTest::newRow("+") << "+x" << true;
        QTest::newRow("-") << "-x" << true;
        QTest::newRow("@") << "@x" << true;
        QTest::newRow("tab") << "\tx" << true;
        QTest::newRow("carriage return") << "\rx" << true;
        QTest::newRow("letter") << "x=" << false;
        QTest::newRow("digit") << "1-2" << false;
        QTest::newRow("space") << " =1" << false;
        QTest::newRow("empty") << "" << false;
    }

    void looksLikeFormula()
    {
        QFETCH(QString, value);
        QFETCH(bool, formula);
        QCOMPARE(CsvWriter::looksLikeFormula(value.toStdString()), formula);
    }

    void rowJoinsCellsWithCommasAndEndsInCrlf()
    {
        QCOMPARE(QString::fromStdString(CsvWriter::row({"a", "=b", "c,d"})), QStringLiteral("a,'=b,\"c,d\"\r\n"));
        QCOMPARE(QString::fromStdString(CsvWriter::row({})), QStringLiteral("\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "testcsvwriter.moc"
