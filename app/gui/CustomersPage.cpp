#include "CustomersPage.h"

#include "Catalogue.h"
#include "ContactsModel.h"
#include "CustomersModel.h"
#include "PendingChanges.h"
#include "Session.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

CustomersPage::CustomersPage(const AppContext& context, QWidget* parent)
    : Page(parent)
    , m_context(context)
    , m_customers(new CustomersModel(context.client, this))
    , m_contacts(new ContactsModel(context.client, this))
    , m_search(new QLineEdit(this))
    , m_portalFilter(new QComboBox(this))
    , m_searchLabel(new QLabel(this))
    , m_filterLabel(new QLabel(this))
    , m_totalLabel(new QLabel(this))
    , m_contactsLabel(new QLabel(this))
    , m_customersView(new QTableView(this))
    , m_contactsView(new QTableView(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_searchTimer(new QTimer(this))
    , m_conflictBar(new QFrame(this))
    , m_conflictLabel(new QLabel(m_conflictBar))
    , m_reloadConflicts(new QPushButton(m_conflictBar))
    , m_busy(new QProgressBar(this))
{
    setObjectName(u"customersPage"_s);
    m_customers->setPendingChanges(context.pending);
    connect(context.session, &Session::signedIn, this, [this] {
        m_customers->setEditable(m_context.session->canEdit());
        m_contacts->setEditable(m_context.session->canEdit());
    });
    m_contacts->setPendingChanges(context.pending);
    m_contacts->setSections(context.catalogue->sections());
    connect(context.catalogue, &Catalogue::changed, this, [this] {
        m_contacts->setSections(m_context.catalogue->sections());
        if (!m_contacts->customer().isEmpty())
            m_contacts->reload();
    });

    m_search->setObjectName(u"customerSearch"_s);
    m_search->setClearButtonEnabled(true);
    m_searchLabel->setBuddy(m_search);
    m_portalFilter->setObjectName(u"portalFilter"_s);
    m_filterLabel->setBuddy(m_portalFilter);
    m_totalLabel->setObjectName(u"customersTotal"_s);
    m_busy->setObjectName(u"customersBusy"_s);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(12);
    m_busy->setTextVisible(false);
    m_busy->hide();

    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_searchLabel);
    filterRow->addWidget(m_search, 2);
    filterRow->addWidget(m_filterLabel);
    filterRow->addWidget(m_portalFilter);
    filterRow->addStretch(1);
    filterRow->addWidget(m_busy);
    filterRow->addWidget(m_totalLabel);

    m_conflictBar->setObjectName(u"conflictBar"_s);
    m_conflictBar->setFrameShape(QFrame::StyledPanel);
    m_conflictBar->setStyleSheet(u"#conflictBar { background: #f8d0d0; border: 1px solid #c04040; } "
                                 "#conflictBar QLabel { color: #401010; }"_s);
    m_conflictLabel->setWordWrap(true);
    m_reloadConflicts->setObjectName(u"reloadConflictsButton"_s);
    auto* conflictLayout = new QHBoxLayout(m_conflictBar);
    conflictLayout->addWidget(m_conflictLabel, 1);
    conflictLayout->addWidget(m_reloadConflicts);
    m_conflictBar->hide();
    connect(m_reloadConflicts, &QPushButton::clicked, this, &CustomersPage::reloadConflicts);

    m_customersView->setObjectName(u"customersView"_s);
    m_contactsView->setObjectName(u"contactsView"_s);
    for (auto* view : {m_customersView, m_contactsView}) {
        GuiUtil::setupTable(view);
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(view, &QWidget::customContextMenuRequested, this,
                [this, view](const QPoint& pos) { showContextMenu(view, pos); });
    }
    m_customersView->setModel(m_customers);
    m_contactsView->setModel(m_contacts);
    m_customersView->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder);
    m_customersView->setColumnWidth(1, 260);
    // Few rows, many check-box columns: each column as wide as its header says.
    const auto fitContactColumns = [this] {
        const auto metrics = m_contactsView->horizontalHeader()->fontMetrics();
        for (int column = 0; column < m_contacts->columnCount(); ++column) {
            const auto title = m_contacts->headerData(column, Qt::Horizontal).toString();
            m_contactsView->setColumnWidth(column,
                                           std::max(column < 3 ? 130 : 70, metrics.horizontalAdvance(title) + 28));
        }
    };
    connect(m_contacts, &QAbstractItemModel::modelReset, this, fitContactColumns);
    fitContactColumns();

    auto* contactsBox = new QWidget(m_splitter);
    auto* contactsLayout = new QVBoxLayout(contactsBox);
    contactsLayout->setContentsMargins(0, 0, 0, 0);
    m_contactsLabel->setObjectName(u"contactsLabel"_s);
    contactsLayout->addWidget(m_contactsLabel);
    contactsLayout->addWidget(m_contactsView);
    m_splitter->setObjectName(u"customersSplitter"_s);
    m_splitter->addWidget(m_customersView);
    m_splitter->addWidget(contactsBox);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_conflictBar);
    layout->addWidget(m_splitter, 1);

    GuiUtil::restoreHeader(m_customersView);
    QSettings settings;
    m_splitter->restoreState(settings.value(u"splitters/customers"_s).toByteArray());

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(300);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &CustomersPage::refresh);
    connect(m_portalFilter, &QComboBox::activated, this, &CustomersPage::refresh);

    connect(m_customersView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                m_contacts->setCustomer(current.isValid() ? m_customers->keyOf(current.row()) : QString());
                updateContactsLabel();
            });
    // A reset (new search, sort) drops the selection: the contacts follow.
    connect(m_customers, &QAbstractItemModel::modelReset, this, [this] {
        m_contacts->setCustomer({});
        updateContactsLabel();
    });
    const auto updateBusy = [this] { m_busy->setVisible(isBusy() || m_saving); };
    connect(m_customers, &RemoteTableModel::loadingChanged, this, updateBusy);
    connect(m_contacts, &RemoteTableModel::loadingChanged, this, updateBusy);
    connect(m_customers, &RemoteTableModel::totalChanged, this, [this] { retranslateUi(); });
    connect(m_customers, &RemoteTableModel::loaded, this, [this] {
        if (!m_customersView->currentIndex().isValid() && m_customers->rowCount() > 0)
            m_customersView->setCurrentIndex(m_customers->index(0, 0));
    });
    connect(m_contacts, &RemoteTableModel::loaded, this, &CustomersPage::updateContactsLabel);
    connect(m_customers, &RemoteTableModel::loadFailed, this,
            [this](const ApiError& error) { GuiUtil::showError(this, tr("Customers"), error); });
    connect(m_contacts, &RemoteTableModel::loadFailed, this,
            [this](const ApiError& error) { GuiUtil::showError(this, tr("Contacts"), error); });
    retranslateUi();
}

void CustomersPage::retranslateUi()
{
    m_searchLabel->setText(tr("&Search:"));
    m_search->setPlaceholderText(tr("Number, name, group or STAT ID"));
    m_filterLabel->setText(tr("&Portal:"));
    const int filter = std::max(0, m_portalFilter->currentIndex());
    m_portalFilter->clear();
    m_portalFilter->addItem(tr("All customers"));
    m_portalFilter->addItem(tr("Portal enabled"), u"true"_s);
    m_portalFilter->addItem(tr("Portal disabled"), u"false"_s);
    m_portalFilter->setCurrentIndex(filter);
    const int total = m_customers->total();
    m_totalLabel->setText(!m_customers->hasLoaded() ? QString()
                              : total == 1          ? tr("1 customer")
                                                    : tr("%1 customers").arg(QLocale().toString(total)));
    m_reloadConflicts->setText(tr("&Reload those records"));
    updateContactsLabel();
}

void CustomersPage::updateContactsLabel()
{
    const auto number = m_contacts->customer();
    if (number.isEmpty())
        m_contactsLabel->setText(tr("Select a customer to see its contacts."));
    else if (m_contacts->isLoading() && !m_contacts->hasLoaded())
        m_contactsLabel->setText(tr("Contacts of %1: loading…").arg(number));
    else
        m_contactsLabel->setText(
            (m_contacts->total() == 1 ? tr("Contacts of %1: 1 contact.").arg(number)
                                      : tr("Contacts of %1: %2 contacts.").arg(number).arg(m_contacts->total()))
            + u' ' + tr("Tick a box to change a permission; Update (Ctrl+S) saves all edits at once."));
}

bool CustomersPage::isBusy() const
{
    return m_customers->isLoading() || m_contacts->isLoading() || m_saving;
}

void CustomersPage::refresh()
{
    m_activated = true;
    m_searchTimer->stop(); // this load already uses the text as typed
    m_customers->setFilter(u"q"_s, m_search->text().trimmed());
    m_customers->setFilter(u"portalEnabled"_s, m_portalFilter->currentData().toString());
    m_customers->reload();
}

void CustomersPage::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void CustomersPage::saveState()
{
    GuiUtil::saveHeader(m_customersView);
    QSettings settings;
    settings.setValue(u"splitters/customers"_s, m_splitter->saveState());
}

void CustomersPage::saveChanges()
{
    auto* pending = m_context.pending;
    if (pending->count() == 0 || m_saving) {
        emit statusMessage(tr("Nothing to update."));
        return;
    }
    const auto body = pending->changeset();
    const int records = int(body.value(u"changes"_s).toArray().size());
    m_saving = true;
    m_busy->show();
    emit statusMessage(tr("Saving %n record(s)…", nullptr, records));
    auto* reply = m_context.client->post(u"/changesets"_s, body);
    connect(reply, &ApiReply::finished, this, [this, reply, records, body] {
        m_saving = false;
        m_busy->setVisible(isBusy());
        if (reply->status() == 409) {
            QSet<QString> customers, contacts;
            for (const auto& detail : reply->error().details) {
                const auto object = detail.toObject();
                const auto keyValue = object.value(u"key"_s);
                const auto key = keyValue.isDouble() ? QString::number(keyValue.toInteger()) : keyValue.toString();
                const auto entity = object.value(u"entity"_s).toString();
                if (entity == u"customer"_s)
                    customers.insert(key);
                else if (entity == u"contact"_s)
                    contacts.insert(key);
            }
            showConflicts(customers, contacts);
            emit statusMessage(tr("Nothing was saved: some records were changed by someone else."));
            return;
        }
        if (!reply->isOk()) {
            GuiUtil::showError(this, tr("Update failed — nothing was saved"), reply->error());
            emit statusMessage(tr("Update failed."));
            return;
        }
        m_context.pending->clear();
        m_customers->setConflicts({});
        m_contacts->setConflicts({});
        m_conflictBar->hide();
        // Fresh versions for the saved rows, without losing the scroll position.
        for (const auto& change : body.value(u"changes"_s).toArray()) {
            const auto object = change.toObject();
            const auto keyValue = object.value(u"key"_s);
            const auto key = keyValue.isDouble() ? QString::number(keyValue.toInteger()) : keyValue.toString();
            if (object.value(u"entity"_s).toString() == u"customer"_s && m_customers->rowOfKey(key) >= 0)
                m_customers->reloadRecord(key);
            else if (object.value(u"entity"_s).toString() == u"contact"_s && m_contacts->rowOfKey(key) >= 0)
                m_contacts->reloadRecord(key);
        }
        emit statusMessage(tr("Saved %n record(s).", nullptr, records));
        emit saved(records);
    });
}

void CustomersPage::revertChanges()
{
    m_context.pending->clear();
    m_customers->setConflicts({});
    m_contacts->setConflicts({});
    m_conflictBar->hide();
    emit statusMessage(tr("Pending edits dropped."));
}

void CustomersPage::showConflicts(const QSet<QString>& customers, const QSet<QString>& contacts)
{
    m_customers->setConflicts(customers);
    m_contacts->setConflicts(contacts);
    const int count = int(customers.size() + contacts.size());
    m_conflictLabel->setText(
        tr("Nothing was saved. %n record(s) were changed by someone else since you loaded them (marked red). "
           "Reload them to see the current values (your edits on them are dropped), then Update again.",
           nullptr, count));
    m_reloadConflicts->setEnabled(count > 0);
    m_conflictBar->show();
}

void CustomersPage::reloadConflicts()
{
    const auto customers = m_customers->conflicts();
    const auto contacts = m_contacts->conflicts();
    for (const auto& key : customers)
        m_customers->reloadRecord(key);
    for (const auto& key : contacts)
        m_contacts->reloadRecord(key);
    m_conflictBar->hide();
}

void CustomersPage::showContextMenu(QTableView* view, const QPoint& pos)
{
    const auto index = view->indexAt(pos);
    if (!index.isValid())
        return;
    auto* model = qobject_cast<RemoteTableModel*>(view->model());
    const auto key = model->keyOf(index.row());
    QMenu menu(this);
    auto* reload = menu.addAction(tr("Reload this record (drop my edits on it)"));
    reload->setEnabled(true);
    auto* revert = menu.addAction(tr("Revert my edits on this record"));
    revert->setEnabled(m_context.pending->containsRecord(model->entity(), key));
    const auto* chosen = menu.exec(view->viewport()->mapToGlobal(pos));
    if (chosen == reload)
        model->reloadRecord(key);
    else if (chosen == revert)
        m_context.pending->revertRecord(model->entity(), key);
}

void CustomersPage::bulkPortalAccess(bool enable)
{
    runBulk(u"/bulk/portal-access"_s, {{u"enable"_s, enable}},
            enable ? tr("Enable full portal access for all customers") : tr("Disable portal access for all customers"));
}

void CustomersPage::bulkContactPermission(const QString& permission, bool value)
{
    const auto label = permission == u"canRegister"_s ? tr("Can Register")
        : permission == u"makePayment"_s              ? tr("Make Payment")
                                                      : m_context.catalogue->sectionLabel(permission);
    runBulk(u"/bulk/contact-permission"_s, {{u"permission"_s, permission}, {u"value"_s, value}},
            value ? tr("Grant “%1” to all contacts").arg(label) : tr("Remove “%1” from all contacts").arg(label));
}

void CustomersPage::runBulk(const QString& path, const QJsonObject& body, const QString& what)
{
    auto dryRun = body;
    dryRun.insert(u"dryRun"_s, true);
    emit statusMessage(tr("Counting the records this changes…"));
    m_busy->show();
    auto* reply = m_context.client->post(path, dryRun);
    connect(reply, &ApiReply::finished, this, [this, reply, path, body, what] {
        m_busy->setVisible(isBusy());
        if (!reply->isOk()) {
            GuiUtil::showError(this, what, reply->error());
            return;
        }
        const int changed = reply->object().value(u"changed"_s).toInt();
        if (changed == 0) {
            GuiUtil::showInfo(this, what, tr("This changes no records: everything is already so."));
            return;
        }
        // Spelled out in both forms: the count is the point of this question.
        const auto count = changed == 1 ? tr("This changes 1 record") : tr("This changes %1 records").arg(changed);
        GuiUtil::confirm(
            this, u"bulkConfirmBox"_s, what, tr("%1.\n\n%2, at once and for everyone. Continue?").arg(what, count),
            changed == 1 ? tr("&Change 1 record") : tr("&Change %1 records").arg(changed), [this, path, body, what] {
                m_busy->show();
                auto* run = m_context.client->post(path, body);
                connect(run, &ApiReply::finished, this, [this, run, what] {
                    m_busy->setVisible(isBusy());
                    if (!run->isOk()) {
                        GuiUtil::showError(this, what, run->error());
                        return;
                    }
                    emit statusMessage(
                        tr("%1: %n record(s) changed.", nullptr, run->object().value(u"changed"_s).toInt()).arg(what));
                    refresh();
                });
            });
    });
}

void CustomersPage::chooseBulkPermission()
{
    auto* dialog = new QDialog(this);
    dialog->setObjectName(u"bulkPermissionDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Set one permission on all contacts"));
    auto* permission = new QComboBox(dialog);
    permission->setObjectName(u"permissionCombo"_s);
    permission->addItem(tr("Can Register"), u"canRegister"_s);
    for (const auto& section : m_context.catalogue->sections())
        permission->addItem(section.label, section.key);
    permission->addItem(tr("Make Payment"), u"makePayment"_s);
    auto* value = new QComboBox(dialog);
    value->setObjectName(u"valueCombo"_s);
    value->addItem(tr("Grant (tick) on all contacts"), true);
    value->addItem(tr("Remove (untick) on all contacts"), false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    auto* form = new QFormLayout(dialog);
    form->addRow(tr("&Permission:"), permission);
    form->addRow(tr("&Value:"), value);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, permission, value] {
        bulkContactPermission(permission->currentData().toString(), value->currentData().toBool());
    });
    dialog->open();
}
