#include "MainWindow.h"
#include "ScreenshotTour.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>
#include <QTemporaryDir>
#include <QUrl>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Gatehouse"_s);
    QApplication::setApplicationName(u"Gatehouse Admin"_s);
    QApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION)); // the CMake project version
    QApplication::setWindowIcon(QIcon(u":/icons/gatehouse-256.png"_s));
    QGuiApplication::setDesktopFileName(u"org.gatehouse.Admin"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Administration of the Gatehouse portal."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption server(u"server"_s, QCoreApplication::translate("main", "Server to connect to."), u"URL"_s);
    QCommandLineOption email(u"email"_s, QCoreApplication::translate("main", "Staff email to prefill."), u"EMAIL"_s);
    QCommandLineOption screenshot(u"screenshot"_s,
                                  QCoreApplication::translate("main",
                                                              "Visit every screen and save screenshots "
                                                              "into DIR, then quit (needs --server, --email "
                                                              "and GATEHOUSE_ADMIN_PASSWORD)."),
                                  u"DIR"_s);
    parser.addOptions({server, email, screenshot});
    parser.process(app);

    if (parser.isSet(screenshot)) {
        // A throw-away workspace and settings, so the tour never touches the person's own.
        static QTemporaryDir scratch;
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, scratch.path());
        auto* window = new MainWindow(scratch.filePath(u"workspace.sqlite"_s));
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->resize(1280, 800);
        auto* tour = new ScreenshotTour(window, parser.value(screenshot), QUrl::fromUserInput(parser.value(server)),
                                        parser.value(email), qEnvironmentVariable("GATEHOUSE_ADMIN_PASSWORD"), window);
        QObject::connect(tour, &ScreenshotTour::finished, &app, [](bool ok) { QCoreApplication::exit(ok ? 0 : 1); });
        tour->start();
        return QApplication::exec();
    }

    MainWindow window;
    window.show();
    window.openConnectDialog(parser.value(server), parser.value(email));
    return QApplication::exec();
}
