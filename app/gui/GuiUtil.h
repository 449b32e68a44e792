#pragma once

#include "ApiClient.h"

#include <QWidget>

#include <functional>

class QTableView;
class QMessageBox;
class Session;
class PendingChanges;
class Catalogue;

// What every screen works with; owned by MainWindow.
struct AppContext
{
    ApiClient* client = nullptr;
    Session* session = nullptr;
    PendingChanges* pending = nullptr;
    Catalogue* catalogue = nullptr;
};

namespace GuiUtil {

// Big-table defaults: fixed row heights, no ResizeToContents, row selection, alternating colours.
void setupTable(QTableView* view);
// Header (column order, widths, hidden columns) and splitter states, keyed by objectName.
void restoreHeader(QTableView* view);
void saveHeader(QTableView* view);

// A non-modal-loop message (open(), never exec()), so the event loop and the network keep going.
QMessageBox* showError(QWidget* parent, const QString& title, const ApiError& error);
QMessageBox* showInfo(QWidget* parent, const QString& title, const QString& text);
// Asks, then calls onYes. The box is named objectName so tests can answer it.
QMessageBox* confirm(QWidget* parent, const QString& objectName, const QString& title, const QString& text,
                     const QString& yesText, std::function<void()> onYes);

} // namespace GuiUtil

// One screen of the main window.
class Page : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    // Called when the page is shown; loads on first activation.
    virtual void activate();
    virtual void refresh() = 0;
    virtual void focusSearch() { }
    virtual void saveState() { }
    // True while the page waits for the server (used by the screenshot tour and tests).
    virtual bool isBusy() const { return false; }

signals:
    void statusMessage(const QString& text);

protected:
    void changeEvent(QEvent* event) override;
    virtual void retranslateUi() { }

    bool m_activated = false;
};
