#include "AuditPage.h"

#include "AuditModel.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
const QDate kNoDate(2000, 1, 1);

} // namespace

AuditPage::AuditPage(const AppContext& context, QWidget* parent)
    : Page(parent)
    , m_context(context)
    , m_model(new AuditModel(context.client, this))
    , m_search(new QLineEdit(this))
    , m_entity(new QComboBox(this))
    , m_origin(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_fromLabel(new QLabel(this))
    , m_toLabel(new QLabel(this))
    , m_export(new QPushButton(this))
    , m_total(new QLabel(this))
    , m_view(new QTableView(this))
    , m_details(new QPlainTextEdit(this))
    , m_searchTimer(new QTimer(this))
{
    setObjectName(u"auditPage"_s);
    m_search->setObjectName(u"auditSearch"_s);
    m_search->setClearButtonEnabled(true);
    m_entity->setObjectName(u"auditEntity"_s);
    m_origin->setObjectName(u"auditOrigin"_s);
    m_from->setObjectName(u"auditFrom"_s);
    m_to->setObjectName(u"auditTo"_s);
    m_export->setObjectName(u"exportCsvButton"_s);
    m_view->setObjectName(u"auditView"_s);
    m_details->setObjectName(u"auditDetails"_s);
    for (auto* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setMinimumDate(kNoDate);
        edit->setDate(kNoDate);
    }
    m_details->setReadOnly(true);
    GuiUtil::setupTable(m_view);
    m_view->setModel(m_model);
    m_view->setColumnWidth(0, 170);
    m_view->horizontalHeader()->setSortIndicator(0, Qt::DescendingOrder);
    GuiUtil::restoreHeader(m_view);

    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_search, 2);
    filterRow->addWidget(m_entity);
    filterRow->addWidget(m_origin);
    filterRow->addWidget(m_fromLabel);
    filterRow->addWidget(m_from);
    filterRow->addWidget(m_toLabel);
    filterRow->addWidget(m_to);
    filterRow->addStretch(1);
    filterRow->addWidget(m_total);
    filterRow->addWidget(m_export);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(splitter, 1);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(300);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &AuditPage::refresh);
    connect(m_entity, &QComboBox::activated, this, &AuditPage::refresh);
    connect(m_origin, &QComboBox::activated, this, &AuditPage::refresh);
    connect(m_from, &QDateEdit::editingFinished, this, &AuditPage::refresh);
    connect(m_to, &QDateEdit::editingFinished, this, &AuditPage::refresh);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AuditPage::showDetails);
    connect(m_model, &RemoteTableModel::totalChanged, this, [this] { retranslateUi(); });
    connect(m_model, &RemoteTableModel::loadFailed, this,
            [this](const ApiError& error) { GuiUtil::showError(this, tr("Audit log"), error); });
    connect(m_export, &QPushButton::clicked, this, [this] {
        const auto fileName
            = QFileDialog::getSaveFileName(this, tr("Export audit log"), u"audit-log.csv"_s, tr("CSV files (*.csv)"));
        if (!fileName.isEmpty())
            exportCsv(fileName);
    });
    retranslateUi();
}

void AuditPage::retranslateUi()
{
    m_search->setPlaceholderText(tr("Who (staff or portal user email)"));
    const auto fill = [](QComboBox* combo, const QList<std::pair<QString, QString>>& items) {
        const int current = std::max(0, combo->currentIndex());
        combo->clear();
        for (const auto& [label, value] : items)
            combo->addItem(label, value);
        combo->setCurrentIndex(current);
    };
    fill(m_entity,
         {{tr("Any entity"), {}},
          {tr("Customers"), u"customer"_s},
          {tr("Contacts"), u"contact"_s},
          {tr("Portal users"), u"portal_user"_s},
          {tr("ERP roles"), u"role"_s},
          {tr("Settings"), u"setting"_s}});
    fill(m_origin,
         {{tr("Any origin"), {}},
          {tr("App"), u"app"_s},
          {tr("API"), u"api"_s},
          {tr("Import"), u"import"_s},
          {tr("Sync"), u"sync"_s},
          {tr("Portal"), u"portal"_s}});
    m_fromLabel->setText(tr("From:"));
    m_toLabel->setText(tr("To:"));
    m_from->setSpecialValueText(tr("any"));
    m_to->setSpecialValueText(tr("any"));
    m_export->setText(tr("&Export CSV…"));
    const int total = m_model->total();
    m_total->setText(!m_model->hasLoaded() ? QString() : total == 1 ? tr("1 event") : tr("%1 events").arg(total));
    m_details->setPlaceholderText(tr("Select an event to see the values before and after."));
}

bool AuditPage::isBusy() const
{
    return m_model->isLoading() || m_exporting;
}

void AuditPage::refresh()
{
    m_activated = true;
    m_searchTimer->stop(); // this load already uses the text as typed
    m_model->setFilter(u"actor"_s, m_search->text().trimmed());
    m_model->setFilter(u"entity"_s, m_entity->currentData().toString());
    m_model->setFilter(u"origin"_s, m_origin->currentData().toString());
    m_model->setFilter(u"from"_s, m_from->date() == kNoDate ? QString() : m_from->date().toString(Qt::ISODate));
    m_model->setFilter(u"to"_s, m_to->date() == kNoDate ? QString() : m_to->date().toString(Qt::ISODate));
    m_model->reload();
}

void AuditPage::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void AuditPage::saveState()
{
    GuiUtil::saveHeader(m_view);
}

void AuditPage::showDetails()
{
    const auto index = m_view->currentIndex();
    if (!index.isValid()) {
        m_details->clear();
        return;
    }
    const auto event = m_model->record(index.row());
    const auto pretty = [](const QJsonValue& value) {
        if (value.isObject())
            return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented));
        if (value.isArray())
            return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented));
        return value.toVariant().toString();
    };
    m_details->setPlainText(
        tr("Before:\n%1\nAfter:\n%2").arg(pretty(event.value(u"before"_s)), pretty(event.value(u"after"_s))));
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
