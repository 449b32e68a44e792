#include "PreviewWindow.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineView>

using namespace Qt::StringLiterals;

PreviewWindow::PreviewWindow(const QUrl& url, const QString& who, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_who(who)
    , m_banner(new QLabel(this))
    , m_profile(new QWebEngineProfile(this))
    , m_view(new QWebEngineView(this))
{
    setObjectName(u"previewWindow"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    m_banner->setObjectName(u"previewBanner"_s);
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(
        u"#previewBanner { background: #b00020; color: white; font-weight: bold; padding: 8px; }"_s);
    m_view->setObjectName(u"previewView"_s);
    m_view->setPage(new QWebEnginePage(m_profile, m_view));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_view, 1);
    resize(1100, 800);
    retranslateUi();
    m_view->load(url);
}

PreviewWindow::~PreviewWindow()
{
    // The page must go before its profile.
    delete m_view;
}

void PreviewWindow::retranslateUi()
{
    setWindowTitle(tr("Preview as %1 — read only").arg(m_who));
    m_banner->setText(tr("PREVIEW — READ ONLY. This is the portal exactly as %1 sees it. Nothing can be changed "
                         "from here; the preview ends after 5 minutes.")
                          .arg(m_who));
}

void PreviewWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}
