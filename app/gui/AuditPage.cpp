#include "AuditPage.h"
#include "ui_AuditPage.h"

#include "AuditModel.h"
#include "DateTimeText.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
const QDate kNoDate(2000, 1, 1);

} // namespace

AuditPage::AuditPage(const AppContext& context, QWidget* parent)
    : Page(parent)
    , m_ui(new Ui::AuditPage)
    , m_context(context)
    , m_model(new AuditModel(context.client, this))
    , m_searchTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    for (auto* edit : {m_ui->auditFrom, m_ui->auditTo}) {
        edit->setMinimumDate(kNoDate); // shown as "any"
        edit->setDate(kNoDate);
    }
    GuiUtil::setupTable(m_ui->auditView);
    m_ui->auditChanges->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_ui->auditChanges->horizontalHeader()->resizeSection(0, 160);
    m_ui->auditChanges->horizontalHeader()->resizeSection(1, 280);
    m_ui->auditView->setModel(m_model);
    m_ui->auditView->setColumnWidth(0, 170);
    m_ui->auditView->setColumnWidth(4, 230); // "C100001 · someone@customer.example"
    m_ui->auditView->horizontalHeader()->setSortIndicator(0, Qt::DescendingOrder);
    GuiUtil::restoreHeader(m_ui->auditView);
    m_ui->auditSplitter->setStretchFactor(0, 3);
    m_ui->auditSplitter->setStretchFactor(1, 1);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(300);
    connect(m_ui->auditSearch, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &AuditPage::refresh);
    connect(m_ui->auditEntity, &QComboBox::activated, this, &AuditPage::refresh);
    connect(m_ui->auditOrigin, &QComboBox::activated, this, &AuditPage::refresh);
    connect(m_ui->auditFrom, &QDateEdit::editingFinished, this, &AuditPage::refresh);
    connect(m_ui->auditTo, &QDateEdit::editingFinished, this, &AuditPage::refresh);
    connect(m_ui->auditView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AuditPage::showDetails);
    connect(m_model, &RemoteTableModel::totalChanged, this, &AuditPage::updateTotal);
    connect(m_model, &RemoteTableModel::loadFailed, this,
            [this](const ApiError& error) { GuiUtil::showError(this, tr("Audit log"), error); });
    connect(m_ui->exportCsvButton, &QPushButton::clicked, this, [this] {
        const auto fileName
            = QFileDialog::getSaveFileName(this, tr("Export audit log"), u"audit-log.csv"_s, tr("CSV files (*.csv)"));
        if (!fileName.isEmpty())
            exportCsv(fileName);
    });
    retranslateUi();
}

AuditPage::~AuditPage() = default;

void AuditPage::retranslateUi()
{
    m_ui->retranslateUi(this);
    const auto fill = [](QComboBox* combo, const QList<std::pair<QString, QString>>& items) {
        const int current = std::max(0, combo->currentIndex());
        combo->clear();
        for (const auto& [label, value] : items)
            combo->addItem(label, value);
        combo->setCurrentIndex(current);
    };
    fill(m_ui->auditEntity,
         {{tr("Any entity"), {}},
          {tr("Customers"), u"customer"_s},
          {tr("Contacts"), u"contact"_s},
          {tr("Portal users"), u"portal_user"_s},
          {tr("ERP roles"), u"role"_s},
          {tr("Settings"), u"setting"_s},
          {tr("Job runs"), u"job_run"_s}});
    fill(m_ui->auditOrigin,
         {{tr("Any origin"), {}},
          {tr("App"), u"app"_s},
          {tr("API"), u"api"_s},
          {tr("Import"), u"import"_s},
          {tr("Sync"), u"sync"_s},
          {tr("Portal"), u"portal"_s}});
    updateTotal();
}

void AuditPage::updateTotal()
{
    const int total = m_model->total();
    m_ui->auditTotal->setText(!m_model->hasLoaded() ? QString()
                                  : total == 1      ? tr("1 event")
                                                    : tr("%1 events").arg(total));
}

bool AuditPage::isBusy() const
{
    return m_model->isLoading() || m_exporting;
}

void AuditPage::refresh()
{
    m_activated = true;
    m_searchTimer->stop(); // this load already uses the text as typed
    m_model->setFilter(u"actor"_s, m_ui->auditSearch->text().trimmed());
    m_model->setFilter(u"entity"_s, m_ui->auditEntity->currentData().toString());
    m_model->setFilter(u"origin"_s, m_ui->auditOrigin->currentData().toString());
    m_model->setFilter(u"from"_s,
                       m_ui->auditFrom->date() == kNoDate ? QString() : m_ui->auditFrom->date().toString(Qt::ISODate));
    m_model->setFilter(u"to"_s,
                       m_ui->auditTo->date() == kNoDate ? QString() : m_ui->auditTo->date().toString(Qt::ISODate));
    m_model->reload();
}

void AuditPage::focusSearch()
{
    m_ui->auditSearch->setFocus();
    m_ui->auditSearch->selectAll();
}

void AuditPage::saveState()
{
    GuiUtil::saveHeader(m_ui->auditView);
}

void AuditPage::showDetails()
{
    const auto index = m_ui->auditView->currentIndex();
    auto* table = m_ui->auditChanges;
    table->setRowCount(0);
    if (!index.isValid()) {
        m_ui->auditSummary->setText(tr("Select an event to see the values before and after."));
        return;
    }
    const auto event = m_model->record(index.row());
    m_ui->auditSummary->setText(tr("%1 %2: %3 by %4, %5")
                                    .arg(AuditModel::entityName(event.value(u"entity"_s).toString()),
                                         AuditModel::recordName(event), event.value(u"action"_s).toString(),
                                         event.value(u"actor"_s).toString(),
                                         DateTimeText::fromIso(event.value(u"at"_s).toString())));
    // Before and after side by side, one row per field; changed fields first and highlighted.
    const auto before = event.value(u"before"_s).toObject();
    const auto after = event.value(u"after"_s).toObject();
    const auto changed = AuditModel::changedFields(event);
    auto fields = changed;
    auto others = before.keys() + after.keys();
    others.removeDuplicates();
    others.sort();
    for (const auto& field : std::as_const(others)) {
        if (!fields.contains(field))
            fields << field;
    }
    table->setRowCount(int(fields.size()));
    for (int row = 0; row < fields.size(); ++row) {
        const auto& field = fields.at(row);
        const bool isChanged = changed.contains(field);
        const QStringList texts{field, AuditModel::valueText(before.value(field)),
                                AuditModel::valueText(after.value(field))};
        for (int column = 0; column < 3; ++column) {
            auto* item = new QTableWidgetItem(texts.at(column));
            item->setToolTip(texts.at(column));
            if (isChanged) {
                item->setBackground(column == 1       ? QColor(0xf8, 0xd7, 0xda)
                                        : column == 2 ? QColor(0xd4, 0xed, 0xda)
                                                      : QColor(0xff, 0xf0, 0xb3));
                item->setForeground(QColor(0x20, 0x20, 0x20));
                auto font = item->font();
                font.setBold(true);
                item->setFont(font);
            } else {
                item->setForeground(table->palette().color(QPalette::Disabled, QPalette::Text));
            }
            item->setData(Qt::UserRole, isChanged);
            table->setItem(row, column, item);
        }
    }
}

void AuditPage::exportCsv(const QString& fileName)
{
    if (m_exporting)
        return;
    m_exporting = true;
    // The server writes the CSV (every matching event, formula cells neutralised); the app saves it.
    QUrlQuery query;
    for (const auto& name : {u"actor"_s, u"entity"_s, u"origin"_s, u"from"_s, u"to"_s}) {
        const auto value = m_model->filter(name);
        if (!value.isEmpty())
            query.addQueryItem(name, value);
    }
    emit statusMessage(tr("Exporting the audit log…"));
    auto* reply = m_context.client->get(u"/audit-events.csv"_s, query);
    connect(reply, &ApiReply::finished, this, [this, reply, fileName] {
        m_exporting = false;
        if (!reply->isOk()) {
            GuiUtil::showError(this, tr("Export audit log"), reply->error());
            return;
        }
        QSaveFile file(fileName);
        if (!file.open(QIODevice::WriteOnly) || file.write(reply->body()) < 0 || !file.commit()) {
            ApiError error;
            error.code = u"file_error"_s;
            error.message = file.errorString();
            GuiUtil::showError(this, tr("Export audit log"), error);
            return;
        }
        const int rows = std::max(0, int(reply->body().count('\n')) - 1);
        emit statusMessage(tr("Exported %n event(s) to %1.", nullptr, rows).arg(fileName));
        emit exported(fileName, rows);
    });
}
