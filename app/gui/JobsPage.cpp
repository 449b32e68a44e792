#include "JobsPage.h"
#include "ServerText.h"
#include "ui_JobsPage.h"

#include "DateTimeText.h"
#include "JobsModel.h"
#include "Session.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
enum ScheduleColumn
{
    LabelColumn,
    ExpressionColumn,
    EnabledColumn,
    NextRunColumn,
    LastRunColumn
};
constexpr int kScheduleRole = Qt::UserRole + 1; // the schedule as the server answered it

bool isActive(const QJsonObject& run)
{
    const auto status = run.value(u"status"_s).toString();
    return status == u"queued"_s || status == u"running"_s;
}

QString localTime(const QJsonValue& value)
{
    return DateTimeText::fromIso(value.toString());
}
} // namespace

JobsPage::JobsPage(const AppContext& context, QWidget* parent)
    : Page(parent)
    , m_ui(new Ui::JobsPage)
    , m_context(context)
    , m_model(new JobsModel(context.client, this))
    , m_runNowAction(new QAction(this))
    , m_poll(new QTimer(this))
    , m_runPoll(new QTimer(this))
{
    m_ui->setupUi(this);
    GuiUtil::setupTable(m_ui->jobsView);
    m_ui->jobsView->setSortingEnabled(false);
    m_ui->jobsView->setModel(m_model);
    // Wide enough for whole times; a layout the person saved wins.
    for (const auto& [field, width] : {std::pair{u"id"_s, 60},
                                       {u"name"_s, 150},
                                       {u"kind"_s, 70},
                                       {u"status"_s, 80},
                                       {u"progress"_s, 70},
                                       {u"counts"_s, 150},
                                       {u"createdAt"_s, 150},
                                       {u"startedAt"_s, 150},
                                       {u"finishedAt"_s, 150}})
        m_ui->jobsView->setColumnWidth(m_model->columnOfField(field), width);
    GuiUtil::restoreHeader(m_ui->jobsView);
    auto* header = m_ui->schedulesView->header();
    for (const auto& [column, width] :
         {std::pair{LabelColumn, 200}, {ExpressionColumn, 150}, {EnabledColumn, 80}, {NextRunColumn, 150}})
        header->resizeSection(column, width);
    m_ui->jobsSplitter->setStretchFactor(0, 1);
    m_ui->jobsSplitter->setStretchFactor(1, 3);
    m_ui->jobsSplitter->setStretchFactor(2, 1);
    m_ui->runProgress->setRange(0, 100);

    // Ctrl+R anywhere in the window while this page shows (a hidden page's shortcut stays inactive).
    m_runNowAction->setObjectName(u"actionRunNow"_s);
    m_runNowAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_runNowAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_runNowAction);

    m_poll->setInterval(10000);
    m_runPoll->setInterval(1000);
    connect(m_poll, &QTimer::timeout, this, &JobsPage::refresh);
    connect(m_runPoll, &QTimer::timeout, this, &JobsPage::pollTrackedRun);
    connect(m_ui->jobsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    m_selectedRun = m_model->keyOf(current.row());
                showLog();
            });
    connect(m_ui->schedulesView, &QTreeWidget::currentItemChanged, this, &JobsPage::updateButtons);
    connect(m_ui->runNowButton, &QPushButton::clicked, this, &JobsPage::runNow);
    connect(m_runNowAction, &QAction::triggered, this, &JobsPage::runNow);
    connect(context.session, &Session::signedIn, this, &JobsPage::updateButtons);
    connect(context.session, &Session::signedOut, this, &JobsPage::updateButtons);
    connect(m_model, &RemoteTableModel::loadFailed, this, [this](const ApiError& error) {
        m_ui->jobsUnavailable->setText(error.status == 404
                                           ? tr("Jobs are not available on this server (its Admin API has no /jobs).")
                                           : error.displayText());
        m_ui->jobsUnavailable->show();
        m_poll->stop();
    });
    connect(m_model, &RemoteTableModel::loaded, this, [this] {
        m_ui->jobsUnavailable->hide();
        const int row = m_model->rowOfKey(m_selectedRun);
        if (row >= 0)
            m_ui->jobsView->setCurrentIndex(m_model->index(row, 0));
    });
    retranslateUi();
    updateButtons();
}

JobsPage::~JobsPage() = default;

QTreeWidget* JobsPage::schedules() const
{
    return m_ui->schedulesView;
}

void JobsPage::retranslateUi()
{
    m_ui->retranslateUi(this);
    m_runNowAction->setText(tr("Run now"));
    // Rows keep the server's answer, so they can be worded again in the new language.
    for (int i = 0; i < m_ui->schedulesView->topLevelItemCount(); ++i) {
        auto* item = m_ui->schedulesView->topLevelItem(i);
        const auto schedule = item->data(LabelColumn, kScheduleRole).toJsonObject();
        if (schedule.isEmpty())
            continue;
        item->setText(LabelColumn,
                      ServerText::translate(schedule.value(u"label"_s).toString(schedule.value(u"key"_s).toString())));
        item->setText(ExpressionColumn, schedule.value(u"expression"_s).toString());
        item->setText(EnabledColumn, schedule.value(u"enabled"_s).toBool() ? tr("Yes") : tr("No"));
        const auto next = localTime(schedule.value(u"nextRun"_s));
        item->setText(NextRunColumn, next.isEmpty() ? tr("—") : next);
        const auto last = schedule.value(u"lastRun"_s).toObject();
        if (last.isEmpty()) {
            item->setText(LastRunColumn, tr("never"));
            item->setToolTip(LastRunColumn, {});
            item->setForeground(LastRunColumn, {});
        } else {
            const auto when = localTime(last.value(isActive(last) ? u"createdAt"_s : u"finishedAt"_s));
            item->setText(LastRunColumn,
                          tr("%1 (run %2, %3)")
                              .arg(JobsModel::statusText(last.value(u"status"_s).toString()))
                              .arg(last.value(u"id"_s).toInteger())
                              .arg(when));
            item->setToolTip(LastRunColumn, last.value(u"errorReport"_s).toString());
            item->setForeground(LastRunColumn,
                                last.value(u"status"_s).toString() == u"failed"_s ? QBrush(QColor(0xb0, 0x00, 0x20))
                                                                                  : QBrush());
        }
    }
    showTrackedRun();
}

bool JobsPage::isBusy() const
{
    return m_model->isLoading() || m_loadingSchedules || m_starting;
}

void JobsPage::refresh()
{
    m_activated = true;
    m_model->reload();
    loadSchedules();
}

void JobsPage::loadSchedules()
{
    m_loadingSchedules = true;
    auto* reply = m_context.client->get(u"/schedules"_s);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        m_loadingSchedules = false;
        const auto* current = m_ui->schedulesView->currentItem();
        const auto selectedKey = current ? current->data(LabelColumn, Qt::UserRole).toString() : QString();
        m_ui->schedulesView->clear();
        if (!reply->isOk()) {
            auto* item = new QTreeWidgetItem(m_ui->schedulesView);
            item->setText(LabelColumn,
                          reply->status() == 404 ? tr("Schedules are not available on this server.")
                                                 : reply->error().displayText());
            updateButtons();
            return;
        }
        QHash<QString, QString> labels;
        for (const auto& value : reply->object().value(u"items"_s).toArray()) {
            const auto schedule = value.toObject();
            const auto key = schedule.value(u"key"_s).toString();
            auto* item = new QTreeWidgetItem(m_ui->schedulesView);
            item->setData(LabelColumn, Qt::UserRole, key);
            item->setData(LabelColumn, kScheduleRole, schedule);
            item->setToolTip(LabelColumn, key);
            labels.insert(key, ServerText::translate(schedule.value(u"label"_s).toString(key)));
            if (key == selectedKey)
                m_ui->schedulesView->setCurrentItem(item);
        }
        m_model->setScheduleLabels(labels);
        retranslateUi(); // words every row
        updateButtons();
    });
}

bool JobsPage::selectSchedule(const QString& key)
{
    for (int i = 0; i < m_ui->schedulesView->topLevelItemCount(); ++i) {
        auto* item = m_ui->schedulesView->topLevelItem(i);
        if (item->data(LabelColumn, Qt::UserRole).toString() == key) {
            m_ui->schedulesView->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

void JobsPage::updateButtons()
{
    const auto* item = m_ui->schedulesView->currentItem();
    const bool selected = item && !item->data(LabelColumn, Qt::UserRole).toString().isEmpty();
    const bool allowed = m_context.session->isSignedIn() && m_context.session->canEdit();
    m_ui->runNowButton->setEnabled(allowed && selected && !m_starting);
    m_runNowAction->setEnabled(allowed && selected && !m_starting);
}

void JobsPage::saveState()
{
    GuiUtil::saveHeader(m_ui->jobsView);
}

void JobsPage::showEvent(QShowEvent* event)
{
    Page::showEvent(event);
    if (m_activated)
        m_poll->start();
    if (isActive(m_trackedRun))
        m_runPoll->start();
}

void JobsPage::hideEvent(QHideEvent* event)
{
    m_poll->stop();
    m_runPoll->stop();
    Page::hideEvent(event);
}

void JobsPage::showLog()
{
    const auto index = m_ui->jobsView->currentIndex();
    if (!index.isValid()) {
        m_ui->jobLog->clear();
        return;
    }
    const auto job = m_model->record(index.row());
    const auto report = job.value(u"errorReport"_s).toString();
    const auto counts = JobsModel::countsText(job.value(u"counts"_s).toObject());
    m_ui->jobLog->setPlainText(
        tr("Run %1 (%2), status %3\nQueued %4, started %5, finished %6\nCounts: %7\nFile: %8\n\n%9")
            .arg(m_model->keyOf(index.row()), m_model->index(index.row(), 1).data().toString(),
                 JobsModel::statusText(job.value(u"status"_s).toString()), localTime(job.value(u"createdAt"_s)),
                 localTime(job.value(u"startedAt"_s)), localTime(job.value(u"finishedAt"_s)),
                 counts.isEmpty() ? tr("none") : counts, job.value(u"file"_s).toString(),
                 report.isEmpty() ? tr("No errors reported.") : report));
}

void JobsPage::runNow()
{
    const auto* item = m_ui->schedulesView->currentItem();
    if (!item || m_starting || !m_context.session->isSignedIn() || !m_context.session->canEdit())
        return;
    const auto key = item->data(LabelColumn, Qt::UserRole).toString();
    if (key.isEmpty())
        return;
    const auto label = item->text(LabelColumn);
    m_starting = true;
    updateButtons();
    m_runPoll->stop();
    m_trackedRun = {};
    m_trackedLabel = label;
    m_ui->runStatusLabel->setStyleSheet({});
    m_ui->runStatusLabel->setText(tr("%1: starting…").arg(label));
    auto* reply
        = m_context.client->post(u"/schedules/"_s + QString::fromLatin1(QUrl::toPercentEncoding(key)) + u"/run"_s);
    connect(reply, &ApiReply::finished, this, [this, reply, label] {
        m_starting = false;
        updateButtons();
        if (!reply->isOk()) {
            m_ui->runStatusLabel->setStyleSheet(u"color: #b00020;"_s);
            m_ui->runStatusLabel->setText(tr("%1 could not be started.").arg(label));
            GuiUtil::showError(this, tr("Run now: %1").arg(label), reply->error());
            return;
        }
        m_trackedRun = reply->object();
        m_selectedRun = QString::number(m_trackedRun.value(u"id"_s).toInteger());
        showTrackedRun();
        emit statusMessage(tr("%1: run %2 queued.").arg(label, m_selectedRun));
        m_model->reload();
        loadSchedules();
        if (isActive(m_trackedRun))
            m_runPoll->start();
        else
            emit runFinished(m_trackedRun); // it ended before the answer was written
    });
}

void JobsPage::pollTrackedRun()
{
    if (!isActive(m_trackedRun)) {
        m_runPoll->stop();
        return;
    }
    if (m_pollInFlight)
        return;
    m_pollInFlight = true;
    const auto id = QString::number(m_trackedRun.value(u"id"_s).toInteger());
    auto* reply = m_context.client->get(u"/jobs/"_s + id);
    connect(reply, &ApiReply::finished, this, [this, reply, id] {
        m_pollInFlight = false;
        if (QString::number(m_trackedRun.value(u"id"_s).toInteger()) != id)
            return; // another run is followed by now
        if (!reply->isOk()) {
            m_runPoll->stop();
            m_ui->runStatusLabel->setStyleSheet(u"color: #b00020;"_s);
            m_ui->runStatusLabel->setText(
                tr("%1: run %2 cannot be followed: %3").arg(m_trackedLabel, id, reply->error().displayText()));
            return;
        }
        const auto before = m_trackedRun.value(u"status"_s).toString();
        m_trackedRun = reply->object();
        showTrackedRun();
        if (!isActive(m_trackedRun)) {
            m_runPoll->stop();
            m_model->reload();
            loadSchedules();
            emit statusMessage(m_ui->runStatusLabel->text());
            emit runFinished(m_trackedRun);
        } else if (m_trackedRun.value(u"status"_s).toString() != before) {
            m_model->reload();
        }
    });
}

void JobsPage::showTrackedRun()
{
    auto* label = m_ui->runStatusLabel;
    auto* progress = m_ui->runProgress;
    if (m_trackedRun.isEmpty()) {
        progress->hide();
        if (!m_starting && label->styleSheet().isEmpty())
            label->clear();
        return;
    }
    const auto status = m_trackedRun.value(u"status"_s).toString();
    const auto id = QString::number(m_trackedRun.value(u"id"_s).toInteger());
    label->setStyleSheet({});
    if (status == u"queued"_s) {
        progress->setRange(0, 0); // waiting: no amount to show yet
        progress->show();
        label->setText(tr("%1: run %2 is queued…").arg(m_trackedLabel, id));
    } else if (status == u"running"_s) {
        progress->setRange(0, 100);
        progress->setValue(m_trackedRun.value(u"progress"_s).toInt());
        progress->show();
        label->setText(tr("%1: run %2 is running…").arg(m_trackedLabel, id));
    } else if (status == u"failed"_s) {
        progress->hide();
        const auto report = m_trackedRun.value(u"errorReport"_s).toString();
        label->setStyleSheet(u"color: #b00020;"_s);
        label->setText(tr("%1: run %2 failed. %3")
                           .arg(m_trackedLabel, id, report.isEmpty() ? tr("No reason was given.") : report));
    } else {
        progress->hide();
        const auto counts = JobsModel::countsText(m_trackedRun.value(u"counts"_s).toObject());
        label->setText(tr("%1: run %2 done at %3. %4")
                           .arg(m_trackedLabel, id, localTime(m_trackedRun.value(u"finishedAt"_s)),
                                counts.isEmpty() ? QString() : tr("Counts: %1.").arg(counts)));
    }
}
