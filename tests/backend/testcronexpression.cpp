// CronExpression (SPEC §5): every element of the syntax with the runs it yields, and every kind of
// invalid expression with the field and reason it is rejected for.

#include "core/CronExpression.h"
#include "core/Time.h"

#include <QtTest>

using gh::core::CronExpression;

namespace {

// "2026-01-01T00:00" (UTC) -> unix seconds.
std::int64_t at(const QString& text)
{
    const auto day = gh::core::parseIsoDate(text.left(10).toStdString());
    if (!day)
        qFatal("bad date in test");
    std::int64_t seconds = *day * 86400;
    if (text.size() >= 16)
        seconds += text.mid(11, 2).toInt() * 3600 + text.mid(14, 2).toInt() * 60;
    return seconds;
}

QString show(std::int64_t unixSeconds)
{
    return QString::fromStdString(gh::core::rfc3339(unixSeconds)).left(16);
}

} // namespace

class TestCronExpression : public QObject
{
    Q_OBJECT

private slots:
    void nextRuns_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QStringList>("runs");
        // 2026-01-01 is a Thursday.
        const QString jan1 = QStringLiteral("2026-01-01T00:00");
        QTest::newRow("every minute") << "* * * * *" << jan1 << QStringList{"2026-01-01T00:01", "2026-01-01T00:02"};
        QTest::newRow("step */15") << "*/15 * * * *" << jan1
                                   << QStringList{"2026-01-01T00:15", "2026-01-01T00:30", "2026-01-01T00:45",
                                                  "2026-01-01T01:00"};
        QTest::newRow("list") << "5,10 * * * *" << jan1
                              << QStringList{"2026-01-01T00:05", "2026-01-01T00:10", "2026-01-01T01:05"};
        QTest::newRow("range") << "10-12 * * * *" << jan1
                               << QStringList{"2026-01-01T00:10", "2026-01-01T00:11", "2026-01-01T00:12",
                                              "2026-01-01T01:10"};
        QTest::newRow("range with step") << "10-30/10 * * * *" << jan1
                                         << QStringList{"2026-01-01T00:10", "2026-01-01T00:20", "2026-01-01T00:30",
                                                        "2026-01-01T01:10"};
        QTest::newRow("start with step") << "5/20 * * * *" << jan1
                                         << QStringList{"2026-01-01T00:05", "2026-01-01T00:25", "2026-01-01T00:45",
                                                        "2026-01-01T01:05"};
        QTest::newRow("hour") << "0 9 * * *" << jan1 << QStringList{"2026-01-01T09:00", "2026-01-02T09:00"};
        QTest::newRow("from is exclusive")
            << "0 0 1 * *" << jan1 << QStringList{"2026-02-01T00:00", "2026-03-01T00:00"};
        QTest::newRow("L last day of month")
            << "0 0 L * *" << jan1 << QStringList{"2026-01-31T00:00", "2026-02-28T00:00", "2026-03-31T00:00"};
        QTest::newRow("LW last weekday") << "0 0 LW * *" << jan1
                                         << QStringList{"2026-01-30T00:00", "2026-02-27T00:00", "2026-03-31T00:00"};
        QTest::newRow("15W nearest weekday")
            << "0 0 15W * *" << jan1 << QStringList{"2026-01-15T00:00", "2026-02-16T00:00", "2026-03-16T00:00"};
        QTest::newRow("1W stays in the month")
            << "0 0 1W * *" << jan1 << QStringList{"2026-02-02T00:00", "2026-03-02T00:00", "2026-04-01T00:00"};
        QTest::newRow("? in day of month")
            << "0 0 ? * MON" << jan1 << QStringList{"2026-01-05T00:00", "2026-01-12T00:00"};
        QTest::newRow("5L last Friday") << "0 0 ? * 5L" << jan1
                                        << QStringList{"2026-01-30T00:00", "2026-02-27T00:00", "2026-03-27T00:00"};
        QTest::newRow("FRIL last Friday by name") << "0 0 ? * FRIL" << jan1 << QStringList{"2026-01-30T00:00"};
        QTest::newRow("MON#2 second Monday")
            << "0 0 ? * MON#2" << jan1 << QStringList{"2026-01-12T00:00", "2026-02-09T00:00", "2026-03-09T00:00"};
        QTest::newRow("1#1 first Monday")
            << "0 0 ? * 1#1" << jan1 << QStringList{"2026-01-05T00:00", "2026-02-02T00:00"};
        QTest::newRow("L in day of week is Saturday") << "0 12 * * L" << jan1 << QStringList{"2026-01-03T12:00"};
        QTest::newRow("7 is Sunday") << "0 0 * * 7" << jan1 << QStringList{"2026-01-04T00:00", "2026-01-11T00:00"};
        QTest::newRow("0 is Sunday") << "0 0 * * 0" << jan1 << QStringList{"2026-01-04T00:00", "2026-01-11T00:00"};
        QTest::newRow("SUN by name") << "0 0 * * sun" << jan1 << QStringList{"2026-01-04T00:00"};
        QTest::newRow("5-7 wraps to Sunday")
            << "0 0 * * 5-7" << jan1
            << QStringList{"2026-01-02T00:00", "2026-01-03T00:00", "2026-01-04T00:00", "2026-01-09T00:00"};
        QTest::newRow("MON-FRI") << "0 0 * * MON-FRI" << jan1
                                 << QStringList{"2026-01-02T00:00", "2026-01-05T00:00", "2026-01-06T00:00"};
        QTest::newRow("month name") << "0 0 1 JAN *" << jan1 << QStringList{"2027-01-01T00:00", "2028-01-01T00:00"};
        QTest::newRow("month name range")
            << "0 0 1 FEB-MAR *" << jan1 << QStringList{"2026-02-01T00:00", "2026-03-01T00:00", "2027-02-01T00:00"};
        QTest::newRow("both day fields: either matches")
            << "0 0 13 * 5" << jan1
            << QStringList{"2026-01-02T00:00", "2026-01-09T00:00", "2026-01-13T00:00", "2026-01-16T00:00"};
        QTest::newRow("both ?") << "0 0 ? * ?" << jan1 << QStringList{"2026-01-02T00:00", "2026-01-03T00:00"};
        QTest::newRow("year") << "0 0 1 1 * 2030" << jan1 << QStringList{"2030-01-01T00:00"};
        QTest::newRow("year range") << "0 0 1 1 * 2028-2029" << jan1
                                    << QStringList{"2028-01-01T00:00", "2029-01-01T00:00"};
        QTest::newRow("year list and star") << "0 0 1 1 * *" << jan1 << QStringList{"2027-01-01T00:00"};
        QTest::newRow("29 February") << "0 0 29 2 *" << jan1 << QStringList{"2028-02-29T00:00", "2032-02-29T00:00"};
        QTest::newRow("last minute of the year") << "30 23 31 12 *" << jan1 << QStringList{"2026-12-31T23:30"};
        QTest::newRow("no run after 2099") << "0 0 1 1 * 2099"
                                           << "2099-06-01T00:00" << QStringList{};
        QTest::newRow("@hourly") << "@hourly" << jan1 << QStringList{"2026-01-01T01:00", "2026-01-01T02:00"};
        QTest::newRow("@daily") << "@daily" << jan1 << QStringList{"2026-01-02T00:00"};
        QTest::newRow("@midnight") << "@midnight" << jan1 << QStringList{"2026-01-02T00:00"};
        QTest::newRow("@weekly is Sunday") << "@weekly" << jan1 << QStringList{"2026-01-04T00:00"};
        QTest::newRow("@monthly") << "@Monthly" << jan1 << QStringList{"2026-02-01T00:00"};
        QTest::newRow("@yearly") << "@yearly" << jan1 << QStringList{"2027-01-01T00:00"};
        QTest::newRow("@annually") << "@annually" << jan1 << QStringList{"2027-01-01T00:00"};
        QTest::newRow("lower case and blanks") << "  0  0  l  *  ?  " << jan1 << QStringList{"2026-01-31T00:00"};
    }

    void nextRuns()
    {
        QFETCH(QString, expression);
        QFETCH(QString, from);
        QFETCH(QStringList, runs);
        CronExpression::Error error;
        auto cron = CronExpression::parse(expression.toStdString(), &error);
        QVERIFY2(cron.has_value(), error.message().c_str());
        QStringList got;
        for (auto run : cron->nextRuns(at(from), int(runs.size()) + (runs.isEmpty() ? 1 : 0)))
            got << show(run);
        QCOMPARE(got, runs);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << ""
                               << "expression"
                               << "got 0";
        QTest::newRow("four fields") << "* * * *"
                                     << "expression"
                                     << "got 4";
        QTest::newRow("@reboot is not a schedule") << "@reboot"
                                                   << "expression"
                                                   << "unknown schedule";
        QTest::newRow("seven fields") << "* * * * * * *"
                                      << "expression"
                                      << "got 7";
        QTest::newRow("minute 60") << "60 * * * *"
                                   << "minute"
                                   << "out of range 0-59";
        QTest::newRow("? in minute") << "? * * * *"
                                     << "minute"
                                     << "not a number";
        QTest::newRow("empty list item") << "1,,2 * * * *"
                                         << "minute"
                                         << "empty";
        QTest::newRow("step 0") << "*/0 * * * *"
                                << "minute"
                                << "step";
        QTest::newRow("bad step") << "*/x * * * *"
                                  << "minute"
                                  << "step";
        QTest::newRow("reversed range") << "5-1 * * * *"
                                        << "minute"
                                        << "starts after";
        QTest::newRow("hour 24") << "0 24 * * *"
                                 << "hour"
                                 << "out of range 0-23";
        QTest::newRow("day 0") << "0 0 0 * *"
                               << "day of month"
                               << "out of range 1-31";
        QTest::newRow("day 32") << "0 0 32 * *"
                                << "day of month"
                                << "out of range";
        QTest::newRow("? not alone") << "0 0 ?,1 * *"
                                     << "day of month"
                                     << "alone";
        QTest::newRow("bad W") << "0 0 40W * *"
                               << "day of month"
                               << "out of range";
        QTest::newRow("unknown letter") << "0 0 15X * *"
                                        << "day of month"
                                        << "not a number";
        QTest::newRow("month 13") << "0 0 1 13 *"
                                  << "month"
                                  << "out of range 1-12";
        QTest::newRow("bad month name") << "0 0 1 FOO *"
                                        << "month"
                                        << "not a number or a name";
        QTest::newRow("day of week 8") << "0 0 * * 8"
                                       << "day of week"
                                       << "out of range 0-7";
        QTest::newRow("#6") << "0 0 ? * MON#6"
                            << "day of week"
                            << "#1 to #5";
        QTest::newRow("bad day name") << "0 0 ? * FUN"
                                      << "day of week"
                                      << "not a number or a name";
        QTest::newRow("year 1969") << "0 0 1 1 * 1969"
                                   << "year"
                                   << "out of range 1970-2099";
        QTest::newRow("year 2100") << "0 0 1 1 * 2100"
                                   << "year"
                                   << "out of range";
    }

    void invalid()
    {
        QFETCH(QString, expression);
        QFETCH(QString, field);
        QFETCH(QString, reason);
        CronExpression::Error error;
        QVERIFY(!CronExpression::parse(expression.toStdString(), &error));
        QCOMPARE(QString::fromStdString(error.field), field);
        QVERIFY2(QString::fromStdString(error.reason).contains(reason), error.reason.c_str());
        QVERIFY(QString::fromStdString(error.message()).startsWith(field + QStringLiteral(": ")));
    }
};

QTEST_GUILESS_MAIN(TestCronExpression)
#include "testcronexpression.moc"
