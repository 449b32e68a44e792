#pragma once

#include <QUrl>
#include <QWidget>

class QLabel;
class QWebEngineView;
class QWebEngineProfile;

// The portal exactly as one contact sees it, in an embedded browser, under a banner that says it is
// a read-only preview. Uses an off-the-record profile: the preview cookie never reaches disk.
class PreviewWindow : public QWidget
{
    Q_OBJECT
public:
    PreviewWindow(const QUrl& url, const QString& who, QWidget* parent = nullptr);
    ~PreviewWindow() override;

    QWebEngineView* view() const { return m_view; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QString m_who;
    QLabel* m_banner;
    QWebEngineProfile* m_profile;
    QWebEngineView* m_view;
};
