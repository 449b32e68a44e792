#include "ExportPage.h"

#include "Session.h"
#include "ui_ExportPage.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLocale>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// The columns each entity's import reads and its export writes (SPEC §7).
QStringList attributesOf(const QString& entity)
{
    if (entity == u"portal-users"_s)
        return {u"email"_s,        u"first_name"_s,       u"last_name"_s,          u"customer_number"_s, u"is_admin"_s,
                u"make_payment"_s, u"allowed_sections"_s, u"assigned_customers"_s, u"status"_s};
    if (entity == u"customers"_s)
        return {u"number"_s,  u"name"_s,       u"group"_s,          u"payer_number"_s,
                u"stat_id"_s, u"erp_status"_s, u"portal_enabled"_s, u"currency"_s};
    if (entity == u"contacts"_s)
        return {
            u"customer_number"_s, u"email"_s,        u"first_name"_s,       u"last_name"_s,    u"phone"_s,
            u"title"_s,           u"can_register"_s, u"allowed_sections"_s, u"make_payment"_s, u"is_account_admin"_s,
            u"own_orders_only"_s};
    return {u"code"_s, u"description"_s, u"processes"_s, u"modules"_s, u"no_access"_s};
}

} // namespace

ExportPage::ExportPage(const AppContext& context, QWidget* parent)
    : Page(parent)
    , m_ui(new Ui::ExportPage)
    , m_context(context)
    , m_poll(new QTimer(this))
{
    m_ui->setupUi(this);
    fillEntities();
    fillAttributes();
    m_ui->attributesTable->horizontalHeader()->resizeSection(0, 70);
    m_ui->attributesTable->horizontalHeader()->resizeSection(1, 200);
    m_ui->jobsTable->horizontalHeader()->resizeSection(0, 200);
    m_poll->setInterval(1000);
    connect(m_poll, &QTimer::timeout, this, &ExportPage::refresh);
    connect(m_ui->entityCombo, &QComboBox::currentIndexChanged, this, [this] { fillAttributes(); });
    connect(m_ui->attributeSearch, &QLineEdit::textChanged, this, &ExportPage::applySearch);
    connect(m_ui->resetButton, &QPushButton::clicked, this, &ExportPage::resetFilter);
    connect(m_ui->exportButton, &QPushButton::clicked, this, &ExportPage::queueExport);
    connect(m_ui->deleteButton, &QPushButton::clicked, this, [this] {
        const auto job = selected();
        GuiUtil::confirm(this, u"deleteExportConfirm"_s, tr("Delete Export"),
                         tr("Delete the export %1 and its file?").arg(job.value(u"fileName"_s).toString()),
                         tr("Delete"), [this] { deleteSelected(); });
    });
    connect(m_ui->downloadButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save Export"), selected().value(u"fileName"_s).toString(), tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            download(path);
    });
    connect(m_ui->jobsTable, &QTableWidget::itemSelectionChanged, this, &ExportPage::updateButtons);
    // Editing follows the connection: off while signed out, on again once signed in.
    if (m_context.session)
        connect(m_context.session, &Session::stateChanged, this, &ExportPage::updateButtons);
    updateButtons();
}

ExportPage::~ExportPage() = default;

void ExportPage::fillEntities()
{
    const int current = std::max(0, m_ui->entityCombo->currentIndex());
    const QSignalBlocker blocker(m_ui->entityCombo);
    m_ui->entityCombo->clear();
    m_ui->entityCombo->addItem(tr("Portal users"), u"portal-users"_s);
    m_ui->entityCombo->addItem(tr("Customers"), u"customers"_s);
    m_ui->entityCombo->addItem(tr("Contacts"), u"contacts"_s);
    m_ui->entityCombo->addItem(tr("ERP role mappings"), u"roles"_s);
    m_ui->entityCombo->setCurrentIndex(current);
}

void ExportPage::retranslateUi()
{
    m_ui->retranslateUi(this);
    fillEntities();
    showExports();
}

bool ExportPage::isBusy() const
{
    return m_inFlight > 0;
}

void ExportPage::showEvent(QShowEvent* event)
{
    Page::showEvent(event);
    if (m_context.session && m_context.session->isSignedIn())
        refresh();
}

void ExportPage::hideEvent(QHideEvent* event)
{
    m_poll->stop();
    Page::hideEvent(event);
}

void ExportPage::fillAttributes()
{
    auto* table = m_ui->attributesTable;
    table->setRowCount(0);
    for (const auto& name : attributesOf(m_ui->entityCombo->currentData().toString())) {
        const int r = table->rowCount();
        table->insertRow(r);
        auto* exclude = new QTableWidgetItem;
        exclude->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        exclude->setCheckState(Qt::Unchecked);
        table->setItem(r, 0, exclude);
        auto* attribute = new QTableWidgetItem(name);
        attribute->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        table->setItem(r, 1, attribute);
        table->setItem(r, 2, new QTableWidgetItem);
    }
    applySearch();
}

void ExportPage::applySearch()
{
    const QString text = m_ui->attributeSearch->text().trimmed();
    auto* table = m_ui->attributesTable;
    for (int r = 0; r < table->rowCount(); ++r)
        table->setRowHidden(r, !text.isEmpty() && !table->item(r, 1)->text().contains(text, Qt::CaseInsensitive));
}

void ExportPage::setEntity(const QString& entity)
{
    m_ui->entityCombo->setCurrentIndex(m_ui->entityCombo->findData(entity));
}

void ExportPage::setExcluded(const QString& attribute, bool excluded)
{
    auto* table = m_ui->attributesTable;
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->item(r, 1)->text() == attribute)
            table->item(r, 0)->setCheckState(excluded ? Qt::Checked : Qt::Unchecked);
    }
}

void ExportPage::setFilter(const QString& attribute, const QString& value)
{
    auto* table = m_ui->attributesTable;
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->item(r, 1)->text() == attribute)
            table->item(r, 2)->setText(value);
    }
}

void ExportPage::resetFilter()
{
    m_ui->attributeSearch->clear();
    fillAttributes();
}

void ExportPage::queueExport()
{
    QJsonObject body;
    body.insert(u"entity"_s, m_ui->entityCombo->currentData().toString());
    body.insert(u"enclosure"_s, m_ui->enclosureEdit->text().isEmpty() ? u"\""_s : m_ui->enclosureEdit->text());
    QJsonArray exclude;
    QJsonObject filters;
    auto* table = m_ui->attributesTable;
    for (int r = 0; r < table->rowCount(); ++r) {
        const QString name = table->item(r, 1)->text();
        if (table->item(r, 0)->checkState() == Qt::Checked)
            exclude.append(name);
        const QString filter = table->item(r, 2)->text().trimmed();
        if (!filter.isEmpty())
            filters.insert(name, filter);
    }
    body.insert(u"exclude"_s, exclude);
    body.insert(u"filters"_s, filters);
    ++m_inFlight;
    auto* reply = m_context.client->post(u"/exports"_s, body);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        --m_inFlight;
        if (!reply->isOk()) {
            GuiUtil::showError(this, tr("Export"), reply->error());
            return;
        }
        const qint64 id = reply->object().value(u"id"_s).toInteger();
        emit statusMessage(tr("Export queued."));
        emit exportQueued(id);
        refresh();
    });
}

void ExportPage::refresh()
{
    if (m_loading || !m_context.session || !m_context.session->isSignedIn())
        return;
    m_loading = true;
    ++m_inFlight;
    QUrlQuery query;
    query.addQueryItem(u"pageSize"_s, u"100"_s);
    auto* reply = m_context.client->get(u"/exports"_s, query);
    connect(reply, &ApiReply::finished, this, [this, reply] {
        --m_inFlight;
        m_loading = false;
        if (!reply->isOk())
            return;
        m_exports = reply->object().value(u"items"_s).toArray();
        showExports();
        bool active = false;
        for (const auto& value : std::as_const(m_exports)) {
            const QString status = value.toObject().value(u"status"_s).toString();
            active = active || status == u"queued"_s || status == u"running"_s;
        }
        if (active && isVisible())
            m_poll->start();
        else
            m_poll->stop();
        emit exportsLoaded();
    });
}

void ExportPage::showExports()
{
    const qint64 keep = selectedId();
    auto* table = m_ui->jobsTable;
    const QSignalBlocker blocker(table);
    table->setRowCount(0);
    for (const auto& value : std::as_const(m_exports)) {
        const auto job = value.toObject();
        const int r = table->rowCount();
        table->insertRow(r);
        const QString status = job.value(u"status"_s).toString();
        const QString statusText = status == u"queued"_s ? tr("Queued")
            : status == u"running"_s                     ? tr("Running")
            : status == u"done"_s                        ? tr("Done")
                                                         : tr("Failed");
        auto* file = new QTableWidgetItem(job.value(u"fileName"_s).toString());
        file->setData(Qt::UserRole, job.value(u"id"_s).toInteger());
        if (status == u"failed"_s)
            file->setToolTip(job.value(u"errorReport"_s).toString());
        table->setItem(r, 0, file);
        table->setItem(r, 1, new QTableWidgetItem(job.value(u"entity"_s).toString()));
        table->setItem(r, 2, new QTableWidgetItem(statusText));
        table->setItem(r, 3, new QTableWidgetItem(u"%1 %"_s.arg(job.value(u"progress"_s).toInt())));
        table->setItem(r, 4, new QTableWidgetItem(QLocale().toString(job.value(u"rows"_s).toInteger())));
        table->setItem(r, 5,
                       new QTableWidgetItem(QLocale().toString(
                           QDateTime::fromString(job.value(u"createdAt"_s).toString(), Qt::ISODate).toLocalTime(),
                           QLocale::ShortFormat)));
        if (job.value(u"id"_s).toInteger() == keep)
            table->selectRow(r);
    }
    updateButtons();
}

qint64 ExportPage::selectedId() const
{
    const auto rows = m_ui->jobsTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    return m_ui->jobsTable->item(rows.first().row(), 0)->data(Qt::UserRole).toLongLong();
}

QJsonObject ExportPage::selected() const
{
    const qint64 id = selectedId();
    for (const auto& value : m_exports) {
        if (value.toObject().value(u"id"_s).toInteger() == id)
            return value.toObject();
    }
    return {};
}

bool ExportPage::selectExport(qint64 id)
{
    auto* table = m_ui->jobsTable;
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->item(r, 0)->data(Qt::UserRole).toLongLong() == id) {
            table->selectRow(r);
            return true;
        }
    }
    return false;
}

void ExportPage::updateButtons()
{
    const auto job = selected();
    const bool canEdit = m_context.session && m_context.session->canEdit();
    m_ui->downloadButton->setEnabled(job.value(u"status"_s).toString() == u"done"_s);
    m_ui->deleteButton->setEnabled(!job.isEmpty() && job.value(u"status"_s).toString() != u"running"_s && canEdit);
    m_ui->exportButton->setEnabled(canEdit);
}

void ExportPage::download(const QString& path)
{
    const qint64 id = selectedId();
    auto* file = new QFile(path, this);
    if (id == 0 || !file->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        file->deleteLater();
        emit downloaded(path, false);
        return;
    }
    ++m_inFlight;
    auto* reply = m_context.client->download(u"/exports/%1/file"_s.arg(id), {}, file);
    connect(reply, &ApiReply::progress, this, [this](qint64 done, qint64) {
        m_ui->downloadLabel->setText(tr("Downloading… %1").arg(QLocale().formattedDataSize(done)));
    });
    connect(reply, &ApiReply::finished, this, [this, reply, file, path] {
        --m_inFlight;
        file->close();
        file->deleteLater();
        if (!reply->isOk()) {
            QFile::remove(path);
            m_ui->downloadLabel->clear();
            GuiUtil::showError(this, tr("Download"), reply->error());
            emit downloaded(path, false);
            return;
        }
        m_ui->downloadLabel->setText(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
        emit downloaded(path, true);
    });
}

void ExportPage::deleteSelected()
{
    const qint64 id = selectedId();
    if (id == 0)
        return;
    ++m_inFlight;
    auto* reply = m_context.client->deleteResource(u"/exports/%1"_s.arg(id));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        --m_inFlight;
        if (!reply->isOk())
            GuiUtil::showError(this, tr("Delete Export"), reply->error());
        refresh();
    });
}
