#include "GuiUtil.h"

#include <QEvent>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace GuiUtil {

void setupTable(QTableView* view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setSortingEnabled(true);
    view->setWordWrap(false);
    view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    auto* vertical = view->verticalHeader();
    vertical->setSectionResizeMode(QHeaderView::Fixed);
    vertical->setDefaultSectionSize(view->fontMetrics().height() + 10);
    vertical->hide();
    auto* horizontal = view->horizontalHeader();
    horizontal->setSectionResizeMode(QHeaderView::Interactive);
    horizontal->setSectionsMovable(true);
    horizontal->setHighlightSections(false);
    horizontal->setStretchLastSection(true);
    horizontal->setDefaultSectionSize(120);
    horizontal->setSortIndicatorShown(true);
}

void restoreHeader(QTableView* view)
{
    QSettings settings;
    const auto state = settings.value(u"headers/"_s + view->objectName()).toByteArray();
    if (!state.isEmpty())
        view->horizontalHeader()->restoreState(state);
}

void saveHeader(QTableView* view)
{
    QSettings settings;
    settings.setValue(u"headers/"_s + view->objectName(), view->horizontalHeader()->saveState());
}

QMessageBox* showError(QWidget* parent, const QString& title, const ApiError& error)
{
    auto* box = new QMessageBox(QMessageBox::Warning, title, error.displayText(), QMessageBox::Ok, parent);
    box->setObjectName(u"errorBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (!error.code.isEmpty())
        box->setDetailedText(QObject::tr("Error code: %1 (HTTP %2)").arg(error.code).arg(error.status));
    box->open();
    return box;
}

QMessageBox* showInfo(QWidget* parent, const QString& title, const QString& text)
{
    auto* box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, parent);
    box->setObjectName(u"infoBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return box;
}

QMessageBox* confirm(QWidget* parent, const QString& objectName, const QString& title, const QString& text,
                     const QString& yesText, std::function<void()> onYes)
{
    auto* box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    box->setObjectName(objectName);
    box->setAttribute(Qt::WA_DeleteOnClose);
    auto* yes = box->addButton(yesText, QMessageBox::AcceptRole);
    yes->setObjectName(u"confirmButton"_s);
    box->addButton(QMessageBox::Cancel)->setObjectName(u"cancelButton"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    QObject::connect(box, &QMessageBox::buttonClicked, box, [box, yes, onYes](QAbstractButton* button) {
        if (button == yes)
            onYes();
        box->close();
    });
    box->open();
    return box;
}

} // namespace GuiUtil

void Page::activate()
{
    if (!m_activated) {
        m_activated = true;
        refresh();
    }
}

void Page::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}
