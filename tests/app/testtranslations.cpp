#include "AboutDialog.h"
#include "AppTestSupport.h"
#include "Catalogue.h"
#include "ConnectDialog.h"
#include "MainWindow.h"
#include "PortalUserDialog.h"
#include "RoleDialog.h"
#include "Session.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTabWidget>
#include <QTranslator>
#include <QTreeWidget>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace AppTest;

// The shipped translations, tested as openpilot tests its own (selfdrive/ui/tests/test_translations.cc):
// every language loads, no message of a shipped language is unfinished, and the main window (every
// page, signed in to the real server) and the dialogs built in German show no label, button, action,
// header, tab or group title still equal to its English source. A failure names the widget's path.
class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyLanguageLoads_data();
    void everyLanguageLoads();
    void noMessageIsUnfinished_data();
    void noMessageIsUnfinished();
    void qtsOwnStringsAreGerman();
    void mainWindowInGermanHasNoEnglishLeft();
    void dialogsInGermanHaveNoEnglishLeft();
    void languageIsRemembered();

private:
    // Every source text whose German differs from it (texts the same in both languages, such as
    // "Portal" or "Status", cannot be told apart and are not in the set).
    QSet<QString> m_english;
    QStringList m_found;
    TestServer m_server;
    QTemporaryDir m_dir;

    void check(const QString& text, const QString& where);
    void walk(QWidget* root);
};

namespace {

QString tsPath(const QString& language)
{
    return QStringLiteral(GATEHOUSE_SOURCE_DIR) + u"/translations/gatehouse_"_s + language + u".ts"_s;
}

struct TsMessage
{
    QString context;
    QString source;
    QString translation; // the first numerus form for plurals
    QString type; // unfinished, vanished, obsolete or empty
};

QList<TsMessage> readTs(const QString& language)
{
    QFile file(tsPath(language));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    QList<TsMessage> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name"_s) {
            context = xml.readElementText();
        } else if (xml.name() == u"message"_s) {
            TsMessage message{context, {}, {}, {}};
            const bool numerus = xml.attributes().value(u"numerus"_s) == u"yes"_s;
            while (xml.readNextStartElement()) {
                if (xml.name() == u"source"_s) {
                    message.source = xml.readElementText();
                } else if (xml.name() == u"translation"_s) {
                    message.type = xml.attributes().value(u"type"_s).toString();
                    if (numerus) {
                        QStringList forms;
                        while (xml.readNextStartElement())
                            forms << xml.readElementText();
                        message.translation = forms.value(0);
                        if (forms.contains(QString()))
                            message.translation.clear(); // a missing plural form counts as untranslated
                    } else {
                        message.translation = xml.readElementText();
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            messages << message;
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(file.fileName()), qPrintable(xml.errorString()));
    return messages;
}

// "Widget path" as openpilot prints it: class and objectName of each parent, outermost first.
QString pathOf(const QObject* object)
{
    QStringList parts;
    for (const QObject* o = object; o; o = o->parent()) {
        const QString name = o->objectName().isEmpty() ? u"<unnamed>"_s : o->objectName();
        parts.prepend(QString::fromLatin1(o->metaObject()->className()) + u'#' + name);
    }
    return parts.join(u" > "_s);
}

} // namespace

void TestTranslations::initTestCase()
{
    isolateSettings(u"testtranslations"_s);
    QVERIFY(m_server.start());
    QHash<QString, QString> german;
    for (const auto& message : readTs(u"de"_s)) {
        german.insert(message.source, message.translation);
        if (!message.translation.isEmpty() && message.translation != message.source)
            m_english.insert(message.source);
    }
    // The server's own English (setting labels and choices, schedule names) must not show either,
    // also when a newer server sends a text the app does not know yet.
    Client client(m_server.url());
    QVERIFY(client.signIn());
    QStringList serverTexts;
    for (const auto& value : client.get(u"/settings"_s).value(u"items"_s).toArray()) {
        serverTexts << value.toObject().value(u"label"_s).toString();
        for (const auto& choice : value.toObject().value(u"choices"_s).toArray())
            serverTexts << choice.toString();
    }
    for (const auto& value : client.get(u"/schedules"_s).value(u"items"_s).toArray())
        serverTexts << value.toObject().value(u"label"_s).toString();
    QVERIFY2(serverTexts.size() > 40, "the server's settings catalogue could not be read");
    for (const auto& text : std::as_const(serverTexts)) {
        if (!text.isEmpty() && german.value(text) != text)
            m_english.insert(text);
    }
    QVERIFY2(m_english.size() > 300, "the German file holds too few translated messages");
}

void TestTranslations::everyLanguageLoads_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << u"en"_s;
    QTest::newRow("German") << u"de"_s;
}

void TestTranslations::everyLanguageLoads()
{
    QFETCH(QString, language);
    QTranslator translator;
    QVERIFY2(translator.load(u":/i18n/gatehouse_"_s + language), qPrintable(language));
    QVERIFY(!translator.isEmpty());
}

void TestTranslations::noMessageIsUnfinished_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("German") << u"de"_s;
}

void TestTranslations::noMessageIsUnfinished()
{
    QFETCH(QString, language);
    const auto messages = readTs(language);
    QStringList unfinished;
    for (const auto& message : messages) {
        if (!message.type.isEmpty() || message.translation.isEmpty())
            unfinished << message.context + u": "_s + message.source;
    }
    QVERIFY2(messages.size() > 0, "no messages");
    QVERIFY2(unfinished.isEmpty(), qPrintable(u"not translated:\n  "_s + unfinished.join(u"\n  "_s)));
}

void TestTranslations::qtsOwnStringsAreGerman()
{
    // Qt's dialog buttons come from qtbase_de.qm (Debian: qt6-translations-l10n), loaded with ours.
    MainWindow window(m_dir.filePath(u"qt.sqlite"_s));
    window.switchLanguage(u"de"_s);
    QDialogButtonBox box(QDialogButtonBox::Cancel | QDialogButtonBox::Close);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text().remove(u'&'), u"Abbrechen"_s);
    QCOMPARE(box.button(QDialogButtonBox::Close)->text().remove(u'&'), u"Schließen"_s);
    window.switchLanguage(u"en"_s);
}

void TestTranslations::check(const QString& text, const QString& where)
{
    if (text.isEmpty())
        return;
    // As written, and without its mnemonic or the colon a form adds ("&Server:", "Access policy:").
    QString plain = text;
    plain.remove(u'&');
    if (plain.endsWith(u':'))
        plain.chop(1);
    if (m_english.contains(text) || m_english.contains(plain))
        m_found << where + u": \""_s + text + u'"';
}

void TestTranslations::walk(QWidget* root)
{
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (auto* widget : widgets) {
        if (!widget->isVisibleTo(root) && widget != root)
            continue; // not on screen (another page, a hidden row)
        const QString where = pathOf(widget);
        if (auto* label = qobject_cast<QLabel*>(widget))
            check(label->text(), where);
        if (auto* button = qobject_cast<QAbstractButton*>(widget)) {
            check(button->text(), where);
            check(button->toolTip(), where + u" (tool tip)"_s);
        }
        if (auto* group = qobject_cast<QGroupBox*>(widget))
            check(group->title(), where);
        if (auto* combo = qobject_cast<QComboBox*>(widget); combo && !combo->isEditable())
            check(combo->currentText(), where + u" (current item)"_s);
        if (auto* tree = qobject_cast<QTreeWidget*>(widget)) {
            for (int i = 0; i < tree->topLevelItemCount(); ++i)
                check(tree->topLevelItem(i)->text(0), where + u" row "_s + QString::number(i));
        }
        if (auto* edit = qobject_cast<QLineEdit*>(widget))
            check(edit->placeholderText(), where + u" (placeholder)"_s);
        if (auto* tabs = qobject_cast<QTabWidget*>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                check(tabs->tabText(i), where + u" tab "_s + QString::number(i));
        }
        if (auto* header = qobject_cast<QHeaderView*>(widget); header && header->model()) {
            for (int i = 0; i < header->count(); ++i)
                check(header->model()->headerData(i, header->orientation(), Qt::DisplayRole).toString(),
                      where + u" section "_s + QString::number(i));
        }
        for (auto* action : widget->actions()) {
            if (action->isSeparator())
                continue;
            check(action->text(), pathOf(action) + u" (action of "_s + widget->objectName() + u')');
            check(action->toolTip() == QString(action->text()).remove(u'&') ? QString() : action->toolTip(),
                  pathOf(action) + u" (tool tip)"_s);
        }
        if (auto* menu = qobject_cast<QMenu*>(widget))
            check(menu->title(), where);
    }
    if (auto* window = qobject_cast<QMainWindow*>(root)) {
        for (auto* menu : window->findChildren<QMenu*>()) {
            check(menu->title(), pathOf(menu));
            for (auto* action : menu->actions())
                if (!action->isSeparator())
                    check(action->text(), pathOf(action) + u" in "_s + menu->objectName());
        }
    }
}

void TestTranslations::mainWindowInGermanHasNoEnglishLeft()
{
    QSettings().setValue(u"language"_s, u"de"_s);
    MainWindow window(m_dir.filePath(u"main.sqlite"_s));
    window.resize(1280, 800);
    window.show();
    QCOMPARE(window.language(), u"de"_s);
    window.signIn(m_server.url(), u"admin@demo.test"_s, u"Demo-Passw0rd"_s);
    QTRY_VERIFY_WITH_TIMEOUT(window.context().session->isSignedIn(), kTimeout);
    m_found.clear();
    for (int page = MainWindow::Customers; page <= MainWindow::Audit; ++page) {
        window.showPage(static_cast<MainWindow::PageIndex>(page));
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), kTimeout);
        QTest::qWait(200); // let the page's first answers arrive and fill its labels
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), kTimeout);
        walk(&window);
        // Every tab of the page (Settings: one per group), not only the one in front.
        for (auto* tabs : window.findChildren<QTabWidget*>()) {
            if (!tabs->isVisibleTo(&window))
                continue;
            for (int i = 0; i < tabs->count(); ++i) {
                tabs->setCurrentIndex(i);
                walk(&window);
            }
        }
    }
    m_found.removeDuplicates();
    for (const auto& found : std::as_const(m_found))
        qWarning("English left: %s", qPrintable(found));
    QVERIFY2(m_found.isEmpty(), qPrintable(u"English text on the German main window:\n  "_s + m_found.join(u"\n  "_s)));
    window.switchLanguage(u"en"_s);
}

void TestTranslations::dialogsInGermanHaveNoEnglishLeft()
{
    MainWindow window(m_dir.filePath(u"dialogs.sqlite"_s));
    window.switchLanguage(u"de"_s);
    m_found.clear();
    auto* connect = window.openConnectDialog(m_server.url().toString(), u"admin@demo.test"_s);
    walk(connect);
    connect->reject();

    Catalogue catalogue(window.context().client);
    RoleDialog role(QJsonObject{}, &catalogue);
    role.show();
    walk(&role);

    const QList<Catalogue::Entry> sections{{u"account.summary"_s, u"Account Summary"_s}};
    PortalUserDialog user(QJsonObject{{u"email"_s, u"alice@demo.test"_s},
                                      {u"firstName"_s, u"Alice"_s},
                                      {u"lastName"_s, u"Example"_s},
                                      {u"customerNumber"_s, u"C100001"_s}},
                          sections);
    user.show();
    walk(&user);

    AboutDialog about;
    about.show();
    walk(&about);
    QVERIFY(about.findChild<QLabel*>(u"titleLabel"_s)->text().contains(QStringLiteral(GATEHOUSE_VERSION)));

    m_found.removeDuplicates();
    for (const auto& found : std::as_const(m_found))
        qWarning("English left: %s", qPrintable(found));
    QVERIFY2(m_found.isEmpty(), qPrintable(u"English text on German dialogs:\n  "_s + m_found.join(u"\n  "_s)));
    window.switchLanguage(u"en"_s);
}

void TestTranslations::languageIsRemembered()
{
    {
        MainWindow window(m_dir.filePath(u"remember1.sqlite"_s));
        window.findChild<QAction*>(u"language_de"_s)->trigger();
        QCOMPARE(QSettings().value(u"language"_s).toString(), u"de"_s);
    }
    MainWindow again(m_dir.filePath(u"remember2.sqlite"_s));
    QCOMPARE(again.language(), u"de"_s);
    QVERIFY(again.findChild<QAction*>(u"language_de"_s)->isChecked());
    QTRY_COMPARE(again.findChild<QMenu*>(u"menuFile"_s)->title(), u"&Datei"_s);
    again.switchLanguage(u"en"_s);
    QTRY_COMPARE(again.findChild<QMenu*>(u"menuFile"_s)->title(), u"&File"_s);
}

QTEST_MAIN(TestTranslations)
#include "testtranslations.moc"
