#include "RolesPage.h"

#include "Catalogue.h"
#include "RoleDialog.h"
#include "RolesModel.h"
#include "Session.h"

#include <QComboBox>
#include <QHBoxLayout>
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
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
constexpr int kPageSizes[] = {20, 30, 50, 100, 200};
}

RolesPage::RolesPage(const AppContext& context, QWidget* parent)
    : Page(parent)
    , m_context(context)
    , m_model(new RolesModel(context.client, this))
    , m_search(new QLineEdit(this))
    , m_processFilter(new QComboBox(this))
    , m_moduleFilter(new QComboBox(this))
    , m_noAccessFilter(new QComboBox(this))
    , m_columnsButton(new QToolButton(this))
    , m_view(new QTableView(this))
    , m_pageSize(new QComboBox(this))
    , m_customPageSize(new QSpinBox(this))
    , m_previous(new QPushButton(this))
    , m_next(new QPushButton(this))
    , m_pageLabel(new QLabel(this))
    , m_pageSizeLabel(new QLabel(this))
    , m_add(new QPushButton(this))
    , m_edit(new QPushButton(this))
    , m_delete(new QPushButton(this))
    , m_searchTimer(new QTimer(this))
{
    setObjectName(u"rolesPage"_s);
    m_search->setObjectName(u"roleSearch"_s);
    m_search->setClearButtonEnabled(true);
    m_processFilter->setObjectName(u"processFilter"_s);
    m_moduleFilter->setObjectName(u"moduleFilter"_s);
    m_noAccessFilter->setObjectName(u"noAccessFilter"_s);
    m_columnsButton->setObjectName(u"columnsButton"_s);
    m_columnsButton->setPopupMode(QToolButton::InstantPopup);
    m_view->setObjectName(u"rolesView"_s);
    m_pageSize->setObjectName(u"pageSizeCombo"_s);
    m_customPageSize->setObjectName(u"customPageSizeSpin"_s);
    m_customPageSize->setRange(1, 999);
    m_customPageSize->setValue(25);
    m_customPageSize->hide();
    m_previous->setObjectName(u"previousPageButton"_s);
    m_next->setObjectName(u"nextPageButton"_s);
    m_pageLabel->setObjectName(u"pageLabel"_s);
    m_add->setObjectName(u"addRoleButton"_s);
    m_edit->setObjectName(u"editRoleButton"_s);
    m_delete->setObjectName(u"deleteRoleButton"_s);

    GuiUtil::setupTable(m_view);
    m_view->setModel(m_model);
    m_view->setColumnWidth(0, 110);
    m_view->setColumnWidth(1, 240);
    m_view->setColumnWidth(2, 240);
    m_view->setColumnWidth(3, 320);
    m_view->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder);
    GuiUtil::restoreHeader(m_view);

    auto* columnsMenu = new QMenu(m_columnsButton);
    m_columnsButton->setMenu(columnsMenu);
    connect(columnsMenu, &QMenu::aboutToShow, this, [this, columnsMenu] {
        columnsMenu->clear();
        for (int column = 0; column < m_model->columnCount(); ++column) {
            auto* action = columnsMenu->addAction(m_model->headerData(column, Qt::Horizontal).toString());
            action->setCheckable(true);
            action->setChecked(!m_view->isColumnHidden(column));
            action->setEnabled(column != 0); // the role code always stays
            connect(action, &QAction::toggled, this, [this, column](bool on) { m_view->setColumnHidden(column, !on); });
        }
    });

    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_search, 2);
    filterRow->addWidget(m_processFilter, 1);
    filterRow->addWidget(m_moduleFilter, 1);
    filterRow->addWidget(m_noAccessFilter);
    filterRow->addWidget(m_columnsButton);
    auto* bottomRow = new QHBoxLayout;
    bottomRow->addWidget(m_add);
    bottomRow->addWidget(m_edit);
    bottomRow->addWidget(m_delete);
    bottomRow->addStretch(1);
    bottomRow->addWidget(m_pageSizeLabel);
    bottomRow->addWidget(m_pageSize);
    bottomRow->addWidget(m_customPageSize);
    bottomRow->addWidget(m_previous);
    bottomRow->addWidget(m_pageLabel);
    bottomRow->addWidget(m_next);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottomRow);

    for (int size : kPageSizes)
        m_pageSize->addItem(QString::number(size), size);
    m_pageSize->addItem(QString(), 0); // "Custom…", text set in retranslateUi
    const int saved = QSettings().value(u"roles/pageSize"_s, 20).toInt();
    const int index = m_pageSize->findData(saved);
    if (index >= 0) {
        m_pageSize->setCurrentIndex(index);
    } else {
        m_pageSize->setCurrentIndex(m_pageSize->count() - 1);
        m_customPageSize->setValue(std::clamp(saved, 1, 999));
        m_customPageSize->show();
    }
    m_model->setPageSize(saved >= 1 && saved <= 999 ? saved : 20);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(300);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, [this] {
        m_model->setPage(1);
        refresh();
    });
    for (auto* combo : {m_processFilter, m_moduleFilter, m_noAccessFilter}) {
        connect(combo, &QComboBox::activated, this, [this] {
            m_model->setPage(1);
            refresh();
        });
    }
    connect(m_pageSize, &QComboBox::currentIndexChanged, this, &RolesPage::applyPageSize);
    connect(m_customPageSize, &QSpinBox::editingFinished, this, &RolesPage::applyPageSize);
    connect(m_previous, &QPushButton::clicked, this, [this] {
        m_model->setPage(std::max(1, m_model->page() - 1));
        refresh();
    });
    connect(m_next, &QPushButton::clicked, this, [this] {
        m_model->setPage(std::min(m_model->pageCount(), m_model->page() + 1));
        refresh();
    });
    connect(m_model, &RemoteTableModel::loaded, this, &RolesPage::updatePager);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RolesPage::updatePager);
    connect(m_model, &RemoteTableModel::loadFailed, this,
            [this](const ApiError& error) { GuiUtil::showError(this, tr("ERP roles"), error); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RolesPage::updatePager);
    connect(m_view, &QTableView::doubleClicked, this, &RolesPage::editSelected);
    connect(m_add, &QPushButton::clicked, this, &RolesPage::addRole);
    connect(m_edit, &QPushButton::clicked, this, &RolesPage::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &RolesPage::deleteSelected);
    connect(context.catalogue, &Catalogue::changed, this, &RolesPage::fillFilters);
    retranslateUi();
}

void RolesPage::fillFilters()
{
    QHash<QString, QString> labels;
    for (const auto& entry : m_context.catalogue->processes())
        labels.insert(entry.key, entry.label);
    for (const auto& entry : m_context.catalogue->sections())
        labels.insert(entry.key, entry.label);
    m_model->setLabels(labels);
    const auto process = m_processFilter->currentData().toString();
    const auto module = m_moduleFilter->currentData().toString();
    m_processFilter->clear();
    m_processFilter->addItem(tr("Any process"));
    for (const auto& entry : m_context.catalogue->processes())
        m_processFilter->addItem(entry.label, entry.key);
    m_processFilter->setCurrentIndex(std::max(0, m_processFilter->findData(process)));
    m_moduleFilter->clear();
    m_moduleFilter->addItem(tr("Any module"));
    for (const auto& entry : m_context.catalogue->sections())
        m_moduleFilter->addItem(entry.label, entry.key);
    m_moduleFilter->setCurrentIndex(std::max(0, m_moduleFilter->findData(module)));
}

void RolesPage::retranslateUi()
{
    fillFilters();
    m_search->setPlaceholderText(tr("Search role code or description"));
    const int noAccess = std::max(0, m_noAccessFilter->currentIndex());
    m_noAccessFilter->clear();
    m_noAccessFilter->addItem(tr("Access: any"));
    m_noAccessFilter->addItem(tr("No access only"), u"true"_s);
    m_noAccessFilter->addItem(tr("With access only"), u"false"_s);
    m_noAccessFilter->setCurrentIndex(noAccess);
    m_columnsButton->setText(tr("&Columns"));
    m_columnsButton->setToolTip(tr("Choose the visible columns"));
    m_pageSize->setItemText(m_pageSize->count() - 1, tr("Custom…"));
    m_pageSizeLabel->setText(tr("Page size:"));
    m_customPageSize->setToolTip(tr("Rows per page, 1 to 999"));
    m_previous->setText(tr("◀ &Previous"));
    m_next->setText(tr("&Next ▶"));
    m_add->setText(tr("&Add…"));
    m_edit->setText(tr("&Edit…"));
    m_delete->setText(tr("&Delete"));
    updatePager();
}

void RolesPage::applyPageSize()
{
    int size = m_pageSize->currentData().toInt();
    m_customPageSize->setVisible(size == 0);
    if (size == 0)
        size = m_customPageSize->value();
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
    m_pageLabel->setText(loaded ? tr("Page %1 of %2 (%3)").arg(m_model->page()).arg(m_model->pageCount()).arg(roles)
                                : QString());
    m_previous->setEnabled(loaded && m_model->page() > 1);
    m_next->setEnabled(loaded && m_model->page() < m_model->pageCount());
    const bool edit = m_context.session->canEdit() && !m_working;
    const bool selected = m_view->currentIndex().isValid();
    m_add->setEnabled(edit);
    m_edit->setEnabled(edit && selected);
    m_delete->setEnabled(edit && selected);
}

bool RolesPage::isBusy() const
{
    return m_model->isLoading() || m_working;
}

void RolesPage::refresh()
{
    m_activated = true;
    m_searchTimer->stop(); // this load already uses the text as typed
    m_model->setFilter(u"q"_s, m_search->text().trimmed());
    m_model->setFilter(u"process"_s, m_processFilter->currentData().toString());
    m_model->setFilter(u"module"_s, m_moduleFilter->currentData().toString());
    m_model->setFilter(u"noAccess"_s, m_noAccessFilter->currentData().toString());
    m_model->reload();
}

void RolesPage::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void RolesPage::saveState()
{
    GuiUtil::saveHeader(m_view);
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
    const auto index = m_view->currentIndex();
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
    const auto index = m_view->currentIndex();
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
