#pragma once

#include "GuiUtil.h"

class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTimer;
class QLabel;
class QTreeWidget;
class JobsModel;

// Scheduled and recent jobs: status, next run, run now, log. Refreshes itself while visible.
class JobsPage : public Page
{
    Q_OBJECT
public:
    explicit JobsPage(const AppContext& context, QWidget* parent = nullptr);

    void refresh() override;
    void saveState() override;
    bool isBusy() const override;
    QTreeWidget* schedules() const { return m_schedules; }
    JobsModel* model() const { return m_model; }

protected:
    void retranslateUi() override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void showLog();
    void runNow();
    void loadSchedules();

    AppContext m_context;
    JobsModel* m_model;
    QTreeWidget* m_schedules;
    QLabel* m_schedulesLabel;
    QLabel* m_runsLabel;
    QTableView* m_view;
    QPlainTextEdit* m_log;
    QPushButton* m_runNow;
    QLabel* m_unavailable;
    QTimer* m_poll;
    bool m_loadingSchedules = false;
};
