// JsonWriter, which writes the portal's list answers: the text equals what Poco's stringify makes of
// the same values, and Poco's parser reads the values back unchanged.

#include "http/JsonWriter.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <QtTest>

#include <sstream>

using gh::http::JsonWriter;

class TestJsonWriter : public QObject
{
    Q_OBJECT

private slots:
    void stringsMatchPoco_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("plain") << QByteArray("INV-0000123");
        QTest::newRow("quote and backslash") << QByteArray("say \"hi\" \\ bye");
        QTest::newRow("slash stays") << QByteArray("PO 12/34");
        QTest::newRow("short escapes") << QByteArray("a\bb\fc\nd\re\tf");
        QTest::newRow("other control characters") << QByteArray("\x01\x1f\x7f", 3);
        QTest::newRow("nul") << QByteArray("a\0b", 3);
        QTest::newRow("utf-8 as is") << QByteArray("Müller & Söhne — 東京 😀");
        QTest::newRow("escape at both ends") << QByteArray("\"middle\"");
    }

    void stringsMatchPoco()
    {
        QFETCH(QByteArray, text);
        const std::string value(text.constData(), static_cast<std::size_t>(text.size()));

        JsonWriter w;
        w.beginObject().member("v", value).endObject();

        Poco::JSON::Object object;
        object.set("v", value);
        std::ostringstream poco;
        object.stringify(poco);
        QCOMPARE(QString::fromStdString(w.text()), QString::fromStdString(poco.str()));

        Poco::JSON::Parser parser;
        auto parsed = parser.parse(w.text()).extract<Poco::JSON::Object::Ptr>();
        QCOMPARE(parsed->getValue<std::string>("v"), value);
    }

    void structureAndScalars()
    {
        JsonWriter w;
        w.beginObject()
            .key("items")
            .beginArray()
            .beginObject()
            .member("n", 1)
            .member("ok", true)
            .endObject()
            .beginObject()
            .member("n", std::int64_t(-9007199254740993))
            .member("ok", false)
            .key("none")
            .null()
            .endObject()
            .endArray()
            .key("empty")
            .beginArray()
            .endArray()
            .member("total", std::int64_t(5000000))
            .endObject();
        QCOMPARE(QString::fromStdString(w.text()),
                 QStringLiteral(R"({"items":[{"n":1,"ok":true},{"n":-9007199254740993,"ok":false,"none":null}],)"
                                R"("empty":[],"total":5000000})"));
        Poco::JSON::Parser parser;
        auto parsed = parser.parse(w.text()).extract<Poco::JSON::Object::Ptr>();
        QCOMPARE(parsed->getArray("items")->size(), std::size_t(2));
        QCOMPARE(parsed->getValue<std::int64_t>("total"), std::int64_t(5000000));
    }
};

QTEST_MAIN(TestJsonWriter)
#include "testjsonwriter.moc"
