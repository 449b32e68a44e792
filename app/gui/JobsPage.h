#pragma once

#include "GuiUtil.h"

#include <QJsonObject>

#include <memory>

namespace Ui {
class JobsPage;
}
class QAction;
class QTimer;
class QTreeWidget;
class JobsModel;

// Scheduled and recent jobs: status, next run, run now, log. "Run now" (Ctrl+R) queues a run of the
// selected schedule and follows it until it ends, showing its status and progress. Refreshes itself
// while visible.
class JobsPage : public Page
{
    Q_OBJECT
public:
    explicit JobsPage(const AppContext& context, QWidget* parent = nullptr);
    ~JobsPage() override;

    void refresh() override;
    void saveState() override;
    bool isBusy() const override;
    QTreeWidget* schedules() const;
    JobsModel* model() const { return m_model; }

    // Selects the schedule with this key (cron.email_documents); false when it is not listed.
    bool selectSchedule(const QString& key);
    // Queues a run of the selected schedule.
    void runNow();
    // The run started here last, as the server last reported it (empty before any).
    QJsonObject trackedRun() const { return m_trackedRun; }

signals:
    // The run started here reached done or failed.
    void runFinished(const QJsonObject& run);

protected:
    void retranslateUi() override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void showLog();
    void loadSchedules();
    void updateButtons();
    void pollTrackedRun();
    void showTrackedRun();

    std::unique_ptr<Ui::JobsPage> m_ui;
    AppContext m_context;
    JobsModel* m_model;
    QAction* m_runNowAction;
    QTimer* m_poll;
    QTimer* m_runPoll;
    QJsonObject m_trackedRun;
    QString m_trackedLabel;
    QString m_selectedRun; // kept across reloads of the list
    bool m_loadingSchedules = false;
    bool m_starting = false;
    bool m_pollInFlight = false;
};
