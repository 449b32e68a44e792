#pragma once

#include <QDir>
#include <QObject>
#include <QUrl>

#include <functional>

class MainWindow;

// `gatehouse-admin --screenshot DIR`: signs in, visits every screen, waits until each has its data,
// and saves app-<screen>.png. Used for docs/screenshots (under Xvfb) and to look at the app.
class ScreenshotTour : public QObject
{
    Q_OBJECT
public:
    ScreenshotTour(MainWindow* window, const QString& directory, const QUrl& server, const QString& email,
                   const QString& password, QObject* parent = nullptr);
    void start();

signals:
    void finished(bool ok);

private:
    void whenIdle(std::function<void()> then, int settleMs = 600);
    void save(QWidget* widget, const QString& name);
    void step(int index);

    MainWindow* m_window;
    QDir m_dir;
    QUrl m_server;
    QString m_email;
    QString m_password;
    bool m_ok = true;
};
