#include "ImportPage.h"

#include "Session.h"
#include "ui_ImportPage.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QTimer>

using namespace Qt::StringLiterals;

ImportPage::ImportPage(const AppContext& context, QWidget* parent)
    : Page(parent)
    , m_ui(new Ui::ImportPage)
    , m_context(context)
    , m_poll(new QTimer(this))
{
    m_ui->setupUi(this);
    fillCombos();
    m_ui->resultsTable->horizontalHeader()->resizeSection(0, 70);
    m_ui->resultsTable->horizontalHeader()->resizeSection(1, 160);
    m_poll->setInterval(400);
    connect(m_poll, &QTimer::timeout, this, &ImportPage::poll);
    connect(m_ui->browseButton, &QPushButton::clicked, this, [this] {
        const QString path
            = QFileDialog::getOpenFileName(this, tr("File to Import"), {}, tr("CSV files (*.csv);;All files (*)"));
        if (!path.isEmpty())
            setFile(path);
    });
    connect(m_ui->sampleButton, &QPushButton::clicked, this, [this] {
        const QString entity = m_ui->entityCombo->currentData().toString();
        const QString path = QFileDialog::getSaveFileName(this, tr("Save Sample File"), entity + u"-sample.csv"_s,
                                                          tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            saveSample(path);
    });
    connect(m_ui->reportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save Change Report"), u"import-%1-changes.csv"_s.arg(m_importId), tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            saveReport(path);
    });
    connect(m_ui->checkButton, &QPushButton::clicked, this, &ImportPage::checkData);
    connect(m_ui->importButton, &QPushButton::clicked, this, &ImportPage::startImport);
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &ImportPage::cancel);
    connect(m_ui->errorsOnlyCheck, &QCheckBox::toggled, this, &ImportPage::applyErrorsOnly);
    // Editing follows the connection: off while signed out, on again once signed in.
    if (m_context.session)
        connect(m_context.session, &Session::stateChanged, this, [this] { setMode(m_mode); });
    setMode(Mode::Idle);
}

ImportPage::~ImportPage() = default;

void ImportPage::fillCombos()
{
    const int entity = std::max(0, m_ui->entityCombo->currentIndex());
    const int behaviour = std::max(0, m_ui->behaviourCombo->currentIndex());
    const int strategy = std::max(0, m_ui->strategyCombo->currentIndex());
    m_ui->entityCombo->clear();
    m_ui->entityCombo->addItem(tr("Portal users"), u"portal-users"_s);
    m_ui->entityCombo->addItem(tr("Customers"), u"customers"_s);
    m_ui->entityCombo->addItem(tr("Contacts"), u"contacts"_s);
    m_ui->entityCombo->addItem(tr("ERP role mappings"), u"roles"_s);
    m_ui->behaviourCombo->clear();
    m_ui->behaviourCombo->addItem(tr("Add/Update"), u"add_update"_s);
    m_ui->behaviourCombo->addItem(tr("Replace"), u"replace"_s);
    m_ui->behaviourCombo->addItem(tr("Delete"), u"delete"_s);
    m_ui->behaviourCombo->addItem(tr("Custom Action (_action column)"), u"custom"_s);
    m_ui->strategyCombo->clear();
    m_ui->strategyCombo->addItem(tr("Stop on Error"), u"stop"_s);
    m_ui->strategyCombo->addItem(tr("Skip Error Entities"), u"skip"_s);
    m_ui->entityCombo->setCurrentIndex(entity);
    m_ui->behaviourCombo->setCurrentIndex(behaviour);
    m_ui->strategyCombo->setCurrentIndex(strategy);
}

void ImportPage::retranslateUi()
{
    m_ui->retranslateUi(this);
    fillCombos();
    setFile(m_file);
}

bool ImportPage::isBusy() const
{
    return m_mode != Mode::Idle || m_saving > 0;
}

void ImportPage::setEntity(const QString& entity)
{
    m_ui->entityCombo->setCurrentIndex(m_ui->entityCombo->findData(entity));
}

void ImportPage::setFile(const QString& path)
{
    m_file = path;
    m_ui->fileEdit->setText(QDir::toNativeSeparators(path));
    m_ui->fileSizeLabel->setText(path.isEmpty() ? QString() : QLocale().formattedDataSize(QFileInfo(path).size()));
    setMode(m_mode);
}

QUrlQuery ImportPage::options() const
{
    QUrlQuery query;
    query.addQueryItem(u"entity"_s, m_ui->entityCombo->currentData().toString());
    query.addQueryItem(u"behaviour"_s, m_ui->behaviourCombo->currentData().toString());
    query.addQueryItem(u"strategy"_s, m_ui->strategyCombo->currentData().toString());
    query.addQueryItem(u"allowedErrors"_s, QString::number(m_ui->allowedErrorsSpin->value()));
    query.addQueryItem(u"separator"_s, m_ui->separatorEdit->text());
    query.addQueryItem(u"multiSeparator"_s, m_ui->multiSeparatorEdit->text());
    query.addQueryItem(u"enclosure"_s, m_ui->enclosureEdit->text());
    query.addQueryItem(u"emptyValue"_s, m_ui->emptyValueEdit->text());
    return query;
}

QString ImportPage::uploadKey() const
{
    const QFileInfo info(m_file);
    return m_file + u'|' + QString::number(info.size()) + u'|' + info.lastModified().toString(Qt::ISODateWithMs) + u'|'
        + options().toString(QUrl::FullyEncoded);
}

void ImportPage::setMode(Mode mode)
{
    m_mode = mode;
    const bool idle = mode == Mode::Idle;
    const bool canEdit = m_context.session && m_context.session->canEdit();
    m_ui->checkButton->setEnabled(idle && !m_file.isEmpty() && canEdit);
    m_ui->importButton->setEnabled(idle && !m_file.isEmpty() && canEdit);
    m_ui->cancelButton->setEnabled(mode == Mode::Uploading || mode == Mode::Running);
    m_ui->browseButton->setEnabled(idle);
    m_ui->settingsBox->setEnabled(idle);
    m_ui->formatBox->setEnabled(idle);
    if (idle)
        m_poll->stop();
}

void ImportPage::upload(std::function<void()> then)
{
    if (!m_device) {
        m_device = new QFile(this);
    }
    m_device->close();
    m_device->setFileName(m_file);
    if (!m_device->open(QIODevice::ReadOnly)) {
        m_ui->statusLabel->setText(tr("The file %1 cannot be read: %2").arg(m_file, m_device->errorString()));
        return;
    }
    const QString key = uploadKey();
    setMode(Mode::Uploading);
    m_ui->progressBar->setValue(0);
    m_ui->statusLabel->setText(tr("Uploading %1…").arg(QFileInfo(m_file).fileName()));
    auto* reply = m_context.client->upload(u"/imports"_s, options(), m_device, "text/csv");
    m_transfer = reply;
    connect(reply, &ApiReply::progress, this, [this](qint64 done, qint64 total) {
        if (total > 0)
            m_ui->progressBar->setValue(static_cast<int>(done * 100 / total));
    });
    connect(reply, &ApiReply::finished, this, [this, reply, key, then = std::move(then)] {
        m_device->close();
        if (!reply->isOk()) {
            setMode(Mode::Idle);
            m_ui->statusLabel->setText(reply->error().code == u"aborted"_s ? tr("Upload cancelled.")
                                                                           : reply->error().displayText());
            return;
        }
        m_importId = reply->object().value(u"id"_s).toInteger();
        m_uploadedKey = key;
        m_importStatus = u"uploaded"_s;
        then();
    });
}

void ImportPage::checkData()
{
    if (m_mode != Mode::Idle || m_file.isEmpty())
        return;
    upload([this] {
        setMode(Mode::Checking);
        m_ui->progressBar->setRange(0, 0);
        m_ui->statusLabel->setText(tr("Checking the data…"));
        auto* reply = m_context.client->post(u"/imports/%1/check"_s.arg(m_importId));
        connect(reply, &ApiReply::finished, this, [this, reply] {
            m_ui->progressBar->setRange(0, 100);
            setMode(Mode::Idle);
            if (!reply->isOk()) {
                m_ui->statusLabel->setText(reply->error().displayText());
                return;
            }
            const auto report = reply->object();
            m_importStatus = u"checked"_s;
            m_ui->progressBar->setValue(100);
            const qint64 errors = report.value(u"errorCount"_s).toInteger();
            m_ui->statusLabel->setText(
                report.value(u"valid"_s).toBool()
                    ? tr("The file is valid: %n row(s) checked.", nullptr, int(report.value(u"rows"_s).toInteger()))
                    : tr("The file has %n error(s); see the list below.", nullptr, int(errors)));
            showReport(report, false);
            emit checkFinished(report);
        });
    });
}

void ImportPage::startImport()
{
    if (m_mode != Mode::Idle || m_file.isEmpty())
        return;
    auto run = [this] {
        setMode(Mode::Running);
        m_ui->progressBar->setValue(0);
        m_ui->reportButton->setEnabled(false);
        m_ui->statusLabel->setText(tr("Importing…"));
        auto* reply = m_context.client->post(u"/imports/%1/run"_s.arg(m_importId));
        connect(reply, &ApiReply::finished, this, [this, reply] {
            if (!reply->isOk()) {
                setMode(Mode::Idle);
                m_ui->statusLabel->setText(reply->error().displayText());
                return;
            }
            m_importStatus = u"running"_s;
            m_poll->start();
        });
    };
    const bool reusable = m_importId > 0 && m_uploadedKey == uploadKey()
        && (m_importStatus == u"uploaded"_s || m_importStatus == u"checked"_s);
    if (reusable)
        run();
    else
        upload(run);
}

void ImportPage::poll()
{
    if (m_pollInFlight || m_mode != Mode::Running)
        return;
    m_pollInFlight = true;
    auto* reply = m_context.client->get(u"/imports/%1"_s.arg(m_importId));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        m_pollInFlight = false;
        if (!reply->isOk() || m_mode != Mode::Running)
            return;
        const auto status = reply->object();
        m_importStatus = status.value(u"status"_s).toString();
        m_ui->progressBar->setValue(status.value(u"progress"_s).toInt());
        if (m_importStatus == u"running"_s)
            return;
        setMode(Mode::Idle);
        const bool done = m_importStatus == u"done"_s;
        m_ui->progressBar->setValue(done ? 100 : m_ui->progressBar->value());
        m_ui->statusLabel->setText(
            done ? tr("Import done.")
                 : tr("Import failed; nothing was imported. %1").arg(status.value(u"message"_s).toString()));
        m_ui->reportButton->setEnabled(done);
        showReport(status, true);
        emit importFinished(status);
    });
}

void ImportPage::cancel()
{
    if (m_mode == Mode::Uploading && m_transfer) {
        m_transfer->abort();
    } else if (m_mode == Mode::Running) {
        m_ui->statusLabel->setText(tr("Cancelling…"));
        m_context.client->post(u"/imports/%1/cancel"_s.arg(m_importId));
    }
}

void ImportPage::showReport(const QJsonObject& report, bool run)
{
    auto n = [&](const char* key) { return report.value(QLatin1StringView(key)).toInteger(); };
    m_ui->countsLabel->setText((run ? tr("Created %1, updated %2, unchanged %3, deleted %4, skipped %5")
                                    : tr("Would create %1, update %2, leave unchanged %3, delete %4, skip %5"))
                                   .arg(n("created"))
                                   .arg(n("updated"))
                                   .arg(n("unchanged"))
                                   .arg(n("deleted"))
                                   .arg(n("skipped")));
    const auto errors = report.value(u"errors"_s).toArray();
    auto* table = m_ui->resultsTable;
    table->setRowCount(0);
    auto addRow = [&](const QString& row, const QString& column, const QString& message, bool isError) {
        const int r = table->rowCount();
        table->insertRow(r);
        auto* rowItem = new QTableWidgetItem(row);
        rowItem->setData(Qt::UserRole, isError);
        table->setItem(r, 0, rowItem);
        table->setItem(r, 1, new QTableWidgetItem(column));
        table->setItem(r, 2, new QTableWidgetItem(message));
    };
    addRow(QString(), QString(), tr("%n data row(s) read.", nullptr, int(n("rows"))), false);
    for (const auto& value : errors) {
        const auto e = value.toObject();
        const qint64 row = e.value(u"row"_s).toInteger();
        addRow(row > 0 ? QString::number(row) : QString(), e.value(u"column"_s).toString(),
               e.value(u"message"_s).toString() + u" ("_s + e.value(u"code"_s).toString() + u')', true);
    }
    const qint64 total = n("errorCount");
    if (total > errors.size())
        addRow(QString(), QString(), tr("… and %n more error(s) not listed.", nullptr, int(total - errors.size())),
               false);
    applyErrorsOnly();
}

void ImportPage::applyErrorsOnly()
{
    const bool only = m_ui->errorsOnlyCheck->isChecked();
    auto* table = m_ui->resultsTable;
    for (int r = 0; r < table->rowCount(); ++r)
        table->setRowHidden(r, only && !table->item(r, 0)->data(Qt::UserRole).toBool());
}

void ImportPage::save(const QString& path, const QString& apiPath, const QUrlQuery& query)
{
    auto* file = new QFile(path, this);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_ui->statusLabel->setText(tr("%1 cannot be written: %2").arg(path, file->errorString()));
        file->deleteLater();
        emit fileSaved(path, false);
        return;
    }
    ++m_saving;
    auto* reply = m_context.client->download(apiPath, query, file);
    connect(reply, &ApiReply::finished, this, [this, reply, file, path] {
        --m_saving;
        file->close();
        file->deleteLater();
        if (!reply->isOk()) {
            QFile::remove(path);
            m_ui->statusLabel->setText(reply->error().displayText());
            emit fileSaved(path, false);
            return;
        }
        m_ui->statusLabel->setText(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
        emit fileSaved(path, true);
    });
}

void ImportPage::saveSample(const QString& path)
{
    QUrlQuery query;
    query.addQueryItem(u"entity"_s, m_ui->entityCombo->currentData().toString());
    save(path, u"/imports/sample"_s, query);
}

void ImportPage::saveReport(const QString& path)
{
    save(path, u"/imports/%1/report"_s.arg(m_importId), {});
}
