#pragma once

#include <QUrl>
#include <QWidget>

#include <memory>

namespace Ui {
class PreviewWindow;
}
class QWebEngineView;
class QWebEngineProfile;

// The portal exactly as one contact sees it, in an embedded browser, under a banner that says it is
// a read-only preview. Uses an off-the-record profile: the preview cookie never reaches disk. The
// layout is ui/PreviewWindow.ui.
class PreviewWindow : public QWidget
{
    Q_OBJECT
public:
    PreviewWindow(const QUrl& url, const QString& who, QWidget* parent = nullptr);
    ~PreviewWindow() override;

    QWebEngineView* view() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    std::unique_ptr<Ui::PreviewWindow> m_ui;
    QString m_who;
    QWebEngineProfile* m_profile;
};
