#include "PreviewWindow.h"
#include "ui_PreviewWindow.h"

#include <QEvent>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineView>

using namespace Qt::StringLiterals;

PreviewWindow::PreviewWindow(const QUrl& url, const QString& who, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_ui(new Ui::PreviewWindow)
    , m_who(who)
    , m_profile(new QWebEngineProfile(this)) // no storage name: off the record
{
    m_ui->setupUi(this);
    setAttribute(Qt::WA_DeleteOnClose);
    m_ui->previewView->setPage(new QWebEnginePage(m_profile, m_ui->previewView));
    retranslateUi();
    m_ui->previewView->load(url);
}

PreviewWindow::~PreviewWindow()
{
    // The page must go before its profile.
    delete m_ui->previewView;
}

QWebEngineView* PreviewWindow::view() const
{
    return m_ui->previewView;
}

void PreviewWindow::retranslateUi()
{
    m_ui->retranslateUi(this);
    setWindowTitle(tr("Preview as %1 — read only").arg(m_who));
    m_ui->previewBanner->setText(tr("PREVIEW — READ ONLY. This is the portal exactly as %1 sees it. Nothing can be "
                                    "changed from here; the preview ends after 5 minutes.")
                                     .arg(m_who));
}

void PreviewWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}
