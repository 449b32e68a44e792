// SPEC §2's password policy: at least 8 characters after trimming, at most 128, three of four classes.

#include "core/PasswordPolicy.h"

#include <QtTest>

using gh::core::PasswordPolicy;
using Problem = PasswordPolicy::Problem;
Q_DECLARE_METATYPE(std::vector<Problem>)

class TestPasswordPolicy : public QObject
{
    Q_OBJECT

private slots:
    void check_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<std::vector<Problem>>("expected");
        const std::vector<Problem> ok;
        const std::vector<Problem> shortOnly{Problem::TooShort};
        const std::vector<Problem> classes{Problem::TooFewCharacterClasses};

        QTest::newRow("demo password") << QByteArray("Demo-Passw0rd") << ok;
        QTest::newRow("lower upper digit, 8 chars") << QByteArray("Abcdefg1") << ok;
        QTest::newRow("lower upper special") << QByteArray("Abcdefg!") << ok;
        QTest::newRow("lower digit special") << QByteArray("abcdef1!") << ok;
        QTest::newRow("upper digit special") << QByteArray("ABCDEF1!") << ok;
        QTest::newRow("all four classes") << QByteArray("Ab1!Ab1!") << ok;
        QTest::newRow("inner space counts as special") << QByteArray("abc defG") << ok;
        QTest::newRow("7 chars") << QByteArray("Abcde1!") << shortOnly;
        QTest::newRow("empty") << QByteArray("") << std::vector<Problem>{Problem::TooShort, Problem::TooFewCharacterClasses};
        QTest::newRow("8 chars only after trimming") << QByteArray("  Abc1!x  ") << shortOnly;
        QTest::newRow("leading/trailing spaces ignored") << QByteArray("   Abcdef1!   ") << ok;
        QTest::newRow("two classes: lower+upper") << QByteArray("abcdEFGH") << classes;
        QTest::newRow("two classes: lower+digit") << QByteArray("abcd1234") << classes;
        QTest::newRow("one class: digits") << QByteArray("1234567890") << classes;
        QTest::newRow("128 characters") << QByteArray("Aa1!").repeated(32) << ok;
        QTest::newRow("129 characters") << (QByteArray("Aa1!").repeated(32) + "x")
                                        << std::vector<Problem>{Problem::TooLong};
        QTest::newRow("non-ASCII letters count by case") << QByteArray("Ärgerlich1") << ok;
        QTest::newRow("8 code points of 2 bytes each is 8, not 16")
            << QByteArray("ÄÖÜäöüß1") << ok;
        QTest::newRow("7 code points of multibyte text is too short") << QByteArray("ÄÖÜäöü1") << shortOnly;
        QTest::newRow("invalid UTF-8") << QByteArray("Abcdef1!\xff") << std::vector<Problem>{Problem::InvalidEncoding};
    }

    void check()
    {
        QFETCH(QByteArray, password);
        QFETCH(std::vector<Problem>, expected);
        PasswordPolicy policy;
        const auto problems = policy.check(std::string_view(password.constData(), std::size_t(password.size())));
        QCOMPARE(problems.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i)
            QCOMPARE(int(problems[i]), int(expected[i]));
        QCOMPARE(policy.accepts(std::string_view(password.constData(), std::size_t(password.size()))),
                 expected.empty());
    }

    void parametersComeFromSettings()
    {
        PasswordPolicy strict({12, 64, 4});
        QVERIFY(!strict.accepts("Abcdefg1!xy")); // 11 characters
        QVERIFY(!strict.accepts("Abcdefgh1xyz")); // 12 but only three classes
        QVERIFY(strict.accepts("Abcdefg1!xyz"));
        QVERIFY(QString::fromStdString(strict.describe()).contains(QStringLiteral("12 characters")));
    }

    void problemCodesAreStable()
    {
        QCOMPARE(PasswordPolicy::problemCode(Problem::TooShort), std::string_view("too_short"));
        QCOMPARE(PasswordPolicy::problemCode(Problem::TooLong), std::string_view("too_long"));
        QCOMPARE(PasswordPolicy::problemCode(Problem::TooFewCharacterClasses),
                 std::string_view("too_few_character_classes"));
    }
};

QTEST_GUILESS_MAIN(TestPasswordPolicy)
#include "testpasswordpolicy.moc"
