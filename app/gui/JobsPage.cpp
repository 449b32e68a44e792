#include "JobsPage.h"

#include "JobsModel.h"
#include "Session.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

JobsPage::JobsPage(const AppContext& context, QWidget* parent)
    : Page(parent)
    , m_context(context)
    , m_model(new JobsModel(context.client, this))
    , m_schedules(new QTreeWidget(this))
    , m_schedulesLabel(new QLabel(this))
    , m_runsLabel(new QLabel(this))
    , m_view(new QTableView(this))
    , m_log(new QPlainTextEdit(this))
    , m_runNow(new QPushButton(this))
    , m_unavailable(new QLabel(this))
    , m_poll(new QTimer(this))
{
    setObjectName(u"jobsPage"_s);
    m_view->setObjectName(u"jobsView"_s);
    m_log->setObjectName(u"jobLog"_s);
    m_runNow->setObjectName(u"runNowButton"_s);
    m_unavailable->setObjectName(u"jobsUnavailable"_s);
    m_unavailable->setWordWrap(true);
    m_unavailable->hide();
    GuiUtil::setupTable(m_view);
    m_view->setSortingEnabled(false);
    m_view->setModel(m_model);
    GuiUtil::restoreHeader(m_view);
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);

    m_schedules->setObjectName(u"schedulesView"_s);
    m_schedules->setRootIsDecorated(false);
    m_schedules->setColumnCount(4);
    m_schedules->setUniformRowHeights(true);
    m_schedules->header()->resizeSection(0, 220);
    m_schedules->header()->resizeSection(1, 160);
    m_schedules->header()->resizeSection(2, 90);
    auto* schedulesBox = new QWidget(this);
    auto* schedulesLayout = new QVBoxLayout(schedulesBox);
    schedulesLayout->setContentsMargins(0, 0, 0, 0);
    schedulesLayout->addWidget(m_schedulesLabel);
    schedulesLayout->addWidget(m_schedules);
    auto* runsBox = new QWidget(this);
    auto* runsLayout = new QVBoxLayout(runsBox);
    runsLayout->setContentsMargins(0, 0, 0, 0);
    runsLayout->addWidget(m_runsLabel);
    runsLayout->addWidget(m_view);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(schedulesBox);
    splitter->addWidget(runsBox);
    splitter->addWidget(m_log);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_runNow);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_unavailable);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

    m_poll->setInterval(10000);
    connect(m_poll, &QTimer::timeout, this, &JobsPage::refresh);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &JobsPage::showLog);
    connect(m_runNow, &QPushButton::clicked, this, &JobsPage::runNow);
    connect(m_model, &RemoteTableModel::loadFailed, this, [this](const ApiError& error) {
        m_unavailable->setText(error.status == 404
                                   ? tr("Jobs are not available on this server (its Admin API has no /jobs).")
                                   : error.displayText());
        m_unavailable->show();
        m_poll->stop();
    });
    connect(m_model, &RemoteTableModel::loaded, this, [this] { m_unavailable->hide(); });
    retranslateUi();
}

void JobsPage::retranslateUi()
{
    m_runNow->setText(tr("&Run now"));
    m_runNow->setToolTip(tr("Start the selected scheduled job at once"));
    m_schedulesLabel->setText(tr("<b>Scheduled</b> (cron expressions are edited under Settings → Schedules)"));
    m_runsLabel->setText(tr("<b>Recent runs</b>"));
    m_schedules->setHeaderLabels({tr("Schedule"), tr("Cron expression"), tr("Enabled"), tr("Next run")});
    m_log->setPlaceholderText(tr("Select a job to see its log."));
}

bool JobsPage::isBusy() const
{
    return m_model->isLoading() || m_loadingSchedules;
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
        m_schedules->clear();
        if (!reply->isOk()) {
            auto* item = new QTreeWidgetItem(m_schedules);
            item->setText(0,
                          reply->status() == 404 ? tr("Schedules are not available on this server.")
                                                 : reply->error().displayText());
            return;
        }
        for (const auto& value : reply->object().value(u"items"_s).toArray()) {
            const auto schedule = value.toObject();
            auto* item = new QTreeWidgetItem(m_schedules);
            item->setText(0, schedule.value(u"label"_s).toString(schedule.value(u"key"_s).toString()));
            item->setText(1, schedule.value(u"expression"_s).toString());
            item->setText(2, schedule.value(u"enabled"_s).toBool() ? tr("Yes") : tr("No"));
            const auto next = QDateTime::fromString(schedule.value(u"nextRun"_s).toString(), Qt::ISODate);
            item->setText(3, next.isValid() ? QLocale().toString(next.toLocalTime(), QLocale::ShortFormat) : tr("—"));
            item->setData(0, Qt::UserRole, schedule.value(u"key"_s).toString());
        }
    });
}

void JobsPage::saveState()
{
    GuiUtil::saveHeader(m_view);
}

void JobsPage::showEvent(QShowEvent* event)
{
    Page::showEvent(event);
    if (m_activated)
        m_poll->start();
}

void JobsPage::hideEvent(QHideEvent* event)
{
    m_poll->stop();
    Page::hideEvent(event);
}

void JobsPage::showLog()
{
    const auto index = m_view->currentIndex();
    if (!index.isValid()) {
        m_log->clear();
        return;
    }
    const auto job = m_model->record(index.row());
    const auto report = job.value(u"errorReport"_s).toString();
    m_log->setPlainText(
        tr("Run %1 (%2), status %3\nCounts: %4\nFile: %5\n\n%6")
            .arg(m_model->keyOf(index.row()), job.value(u"name"_s).toString(), job.value(u"status"_s).toString(),
                 QString::fromUtf8(QJsonDocument(job.value(u"counts"_s).toObject()).toJson(QJsonDocument::Compact)),
                 job.value(u"file"_s).toString(), report.isEmpty() ? tr("No errors reported.") : report));
}

void JobsPage::runNow()
{
    // The Admin API offers no "run now" endpoint yet; say so rather than guess one.
    GuiUtil::showInfo(this, tr("Run now"),
                      tr("Running a job on demand is not available on this server (its Admin API offers no "
                         "run-now endpoint). Jobs run on their schedules."));
}
