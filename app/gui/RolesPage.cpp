#include "RolesPage.h"
#include "ui_RolesPage.h"

#include "Catalogue.h"
#include "RoleDialog.h"
#include "RolesModel.h"
#include "Session.h"

#include <QComboBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {
constexpr int kPageSizes[] = {20, 30, 50, 100, 200};
}

RolesPage::RolesPage(const AppContext& context, QWidget* parent)
    : Page(parent)
    , m_ui(new Ui::RolesPage)
    , m_context(context)
    , m_model(new RolesModel(context.client, this))
    , m_searchTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    GuiUtil::setupTable(m_ui->rolesView);
    m_ui->rolesView->setModel(m_model);
    m_ui->rolesView->setColumnWidth(0, 110);
    m_ui->rolesView->setColumnWidth(1, 240);
    m_ui->rolesView->setColumnWidth(2, 240);
    m_ui->rolesView->setColumnWidth(3, 320);
    m_ui->rolesView->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder);
    GuiUtil::restoreHeader(m_ui->rolesView);

    auto* columnsMenu = new QMenu(m_ui->columnsButton);
    m_ui->columnsButton->setMenu(columnsMenu);
    connect(columnsMenu, &QMenu::aboutToShow, this, [this, columnsMenu] {
        columnsMenu->clear();
        for (int column = 0; column < m_model->columnCount(); ++column) {
            auto* action = columnsMenu->addAction(m_model->headerData(column, Qt::Horizontal).toString());
            action->setCheckable(true);
            action->setChecked(!m_ui->rolesView->isColumnHidden(column));
            action->setEnabled(column != 0); // the role code always stays
            connect(action, &QAction::toggled, this,
                    [this, column](bool on) { m_ui->rolesView->setColumnHidden(column, !on); });
        }
    });

    for (int size : kPageSizes)
        m_ui->pageSizeCombo->addItem(QString::number(size), size);
    m_ui->pageSizeCombo->addItem(QString(), 0); // "Custom…", text set in retranslateUi
    const int saved = QSettings().value(u"roles/pageSize"_s, 20).toInt();
    const int index = m_ui->pageSizeCombo->findData(saved);
    if (index >= 0) {
        m_ui->pageSizeCombo->setCurrentIndex(index);
    } else {
        m_ui->pageSizeCombo->setCurrentIndex(m_ui->pageSizeCombo->count() - 1);
        m_ui->customPageSizeSpin->setValue(std::clamp(saved, 1, 999));
        m_ui->customPageSizeSpin->show();
    }
    m_model->setPageSize(saved >= 1 && saved <= 999 ? saved : 20);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(300);
    connect(m_ui->roleSearch, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, [this] {
        m_model->setPage(1);
        refresh();
    });
    for (auto* combo : {m_ui->processFilter, m_ui->moduleFilter, m_ui->noAccessFilter}) {
        connect(combo, &QComboBox::activated, this, [this] {
            m_model->setPage(1);
            refresh();
        });
    }
    connect(m_ui->pageSizeCombo, &QComboBox::currentIndexChanged, this, &RolesPage::applyPageSize);
    connect(m_ui->customPageSizeSpin, &QSpinBox::editingFinished, this, &RolesPage::applyPageSize);
    connect(m_ui->previousPageButton, &QPushButton::clicked, this, [this] {
        m_model->setPage(std::max(1, m_model->page() - 1));
        refresh();
    });
    connect(m_ui->nextPageButton, &QPushButton::clicked, this, [this] {
        m_model->setPage(std::min(m_model->pageCount(), m_model->page() + 1));
        refresh();
    });
    connect(m_model, &RemoteTableModel::loaded, this, &RolesPage::updatePager);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RolesPage::updatePager);
    connect(m_model, &RemoteTableModel::loadFailed, this,
            [this](const ApiError& error) { GuiUtil::showError(this, tr("ERP roles"), error); });
    connect(m_ui->rolesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RolesPage::updatePager);
    connect(m_ui->rolesView, &QTableView::doubleClicked, this, &RolesPage::editSelected);
    connect(m_ui->addRoleButton, &QPushButton::clicked, this, &RolesPage::addRole);
    connect(m_ui->editRoleButton, &QPushButton::clicked, this, &RolesPage::editSelected);
    connect(m_ui->deleteRoleButton, &QPushButton::clicked, this, &RolesPage::deleteSelected);
    connect(context.catalogue, &Catalogue::changed, this, &RolesPage::fillFilters);
    retranslateUi();
}

RolesPage::~RolesPage() = default;

void RolesPage::fillFilters()
{
    QHash<QString, QString> labels;
    for (const auto& entry : m_context.catalogue->processes())
        labels.insert(entry.key, entry.label);
    for (const auto& entry : m_context.catalogue->sections())
        labels.insert(entry.key, entry.label);
    m_model->setLabels(labels);
    const auto process = m_ui->processFilter->currentData().toString();
    const auto module = m_ui->moduleFilter->currentData().toString();
    m_ui->processFilter->clear();
    m_ui->processFilter->addItem(tr("Any process"));
    for (const auto& entry : m_context.catalogue->processes())
        m_ui->processFilter->addItem(entry.label, entry.key);
    m_ui->processFilter->setCurrentIndex(std::max(0, m_ui->processFilter->findData(process)));
    m_ui->moduleFilter->clear();
    m_ui->moduleFilter->addItem(tr("Any module"));
    for (const auto& entry : m_context.catalogue->sections())
        m_ui->moduleFilter->addItem(entry.label, entry.key);
    m_ui->moduleFilter->setCurrentIndex(std::max(0, m_ui->moduleFilter->findData(module)));
}

void RolesPage::retranslateUi()
{
    m_ui->retranslateUi(this);
    fillFilters();
    const int noAccess = std::max(0, m_ui->noAccessFilter->currentIndex());
    m_ui->noAccessFilter->clear();
    m_ui->noAccessFilter->addItem(tr("Access: any"));
    m_ui->noAccessFilter->addItem(tr("No access only"), u"true"_s);
    m_ui->noAccessFilter->addItem(tr("With access only"), u"false"_s);
    m_ui->noAccessFilter->setCurrentIndex(noAccess);
    m_ui->pageSizeCombo->setItemText(m_ui->pageSizeCombo->count() - 1, tr("Custom…"));
    updatePager();
}

void RolesPage::applyPageSize()
{
    int size = m_ui->pageSizeCombo->currentData().toInt();
    m_ui->customPageSizeSpin->setVisible(size == 0);
    if (size == 0)
        size = m_ui->customPageSizeSpin->value();
    if (size == m_model->pageSize() && m_model->hasLoaded())
        return;
    QSettings().setValue(u"roles/pageSize"_s, size);
    m_model->setPageSize(size);
    m_model->setPage(1);
    if (m_activated)
        refresh();
}

void RolesPage::updatePager()
{
    const bool loaded = m_model->hasLoaded();
    const auto roles = m_model->total() == 1 ? tr("1 role") : tr("%1 roles").arg(m_model->total());
    m_ui->pageLabel->setText(loaded ? tr("Page %1 of %2 (%3)").arg(m_model->page()).arg(m_model->pageCount()).arg(roles)
                                    : QString());
    m_ui->previousPageButton->setEnabled(loaded && m_model->page() > 1);
    m_ui->nextPageButton->setEnabled(loaded && m_model->page() < m_model->pageCount());
    const bool edit = m_context.session->canEdit() && !m_working;
    const bool selected = m_ui->rolesView->currentIndex().isValid();
    m_ui->addRoleButton->setEnabled(edit);
    m_ui->editRoleButton->setEnabled(edit && selected);
    m_ui->deleteRoleButton->setEnabled(edit && selected);
}

bool RolesPage::isBusy() const
{
    return m_model->isLoading() || m_working;
}

void RolesPage::refresh()
{
    m_activated = true;
    m_searchTimer->stop(); // this load already uses the text as typed
    m_model->setFilter(u"q"_s, m_ui->roleSearch->text().trimmed());
    m_model->setFilter(u"process"_s, m_ui->processFilter->currentData().toString());
    m_model->setFilter(u"module"_s, m_ui->moduleFilter->currentData().toString());
    m_model->setFilter(u"noAccess"_s, m_ui->noAccessFilter->currentData().toString());
    m_model->reload();
}

void RolesPage::focusSearch()
{
    m_ui->roleSearch->setFocus();
    m_ui->roleSearch->selectAll();
}

void RolesPage::saveState()
{
    GuiUtil::saveHeader(m_ui->rolesView);
}

void RolesPage::addRole()
{
    auto* dialog = new RoleDialog({}, m_context.catalogue, this);
    dialog->setObjectName(u"roleDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const auto record = dialog->record();
        auto* reply = m_context.client->post(u"/roles"_s, record);
        connect(reply, &ApiReply::finished, this, [this, reply, record] {
            if (!reply->isOk()) {
                GuiUtil::showError(this, tr("Adding the role failed"), reply->error());
                return;
            }
            emit statusMessage(tr("Role %1 added.").arg(record.value(u"code"_s).toString()));
            refresh();
        });
    });
    dialog->open();
}

void RolesPage::editSelected()
{
    const auto index = m_ui->rolesView->currentIndex();
    if (!index.isValid() || !m_context.session->canEdit())
        return;
    const auto role = m_model->record(index.row());
    auto* dialog = new RoleDialog(role, m_context.catalogue, this);
    dialog->setObjectName(u"roleDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, role] {
        const auto set = dialog->changes();
        if (set.isEmpty())
            return;
        const auto code = role.value(u"code"_s).toString();
        const QJsonObject change{
            {u"entity"_s, u"role"_s}, {u"key"_s, code}, {u"version"_s, role.value(u"version"_s)}, {u"set"_s, set}};
        auto* reply = m_context.client->post(u"/changesets"_s, {{u"changes"_s, QJsonArray{change}}});
        connect(reply, &ApiReply::finished, this, [this, reply, code] {
            if (!reply->isOk())
                GuiUtil::showError(this, tr("Saving role %1 failed").arg(code), reply->error());
            else
                emit statusMessage(tr("Role %1 saved.").arg(code));
            m_model->reloadRecord(code);
        });
    });
    dialog->open();
}

void RolesPage::deleteSelected()
{
    const auto index = m_ui->rolesView->currentIndex();
    if (!index.isValid())
        return;
    const auto code = m_model->keyOf(index.row());
    GuiUtil::confirm(this, u"deleteRoleBox"_s, tr("Delete ERP role"),
                     tr("Delete the role mapping %1? Internal users with this role lose the rights it gave.").arg(code),
                     tr("&Delete"), [this, code] {
                         auto* reply = m_context.client->deleteResource(
                             u"/roles/"_s + QString::fromLatin1(QUrl::toPercentEncoding(code)));
                         connect(reply, &ApiReply::finished, this, [this, reply, code] {
                             if (!reply->isOk()) {
                                 GuiUtil::showError(this, tr("Deleting role %1 failed").arg(code), reply->error());
                                 return;
                             }
                             emit statusMessage(tr("Role %1 deleted.").arg(code));
                             refresh();
                         });
                     });
}
