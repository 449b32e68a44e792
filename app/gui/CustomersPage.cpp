#include "CustomersPage.h"
#include "ui_CustomersPage.h"

#include "Catalogue.h"
#include "ContactsModel.h"
#include "CustomersModel.h"
#include "FrozenColumnTableView.h"
#include "PendingChanges.h"
#include "Session.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTimer>

using namespace Qt::StringLiterals;

CustomersPage::CustomersPage(const AppContext& context, QWidget* parent)
    : Page(parent)
    , m_ui(new Ui::CustomersPage)
    , m_context(context)
    , m_customers(new CustomersModel(context.client, this))
    , m_contacts(new ContactsModel(context.client, this))
    , m_searchTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_customers->setPendingChanges(context.pending);
    connect(context.session, &Session::stateChanged, this, [this] {
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

    connect(m_ui->reloadConflictsButton, &QPushButton::clicked, this, &CustomersPage::reloadConflicts);
    for (auto* view : {m_ui->customersView, static_cast<QTableView*>(m_ui->contactsView)}) {
        GuiUtil::setupTable(view);
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(view, &QWidget::customContextMenuRequested, this,
                [this, view](const QPoint& pos) { showContextMenu(view, pos); });
    }
    m_ui->customersView->setModel(m_customers);
    // Name and e-mail stay in view while the permission columns scroll sideways under them; frozen
    // columns cannot be moved out of their place.
    m_ui->contactsView->horizontalHeader()->setSectionsMovable(false);
    m_ui->contactsView->horizontalHeader()->setStretchLastSection(false);
    m_ui->contactsView->setModel(m_contacts);
    m_ui->contactsView->setFrozenColumnCount(3);
    m_ui->customersView->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder);
    m_ui->customersView->setColumnWidth(1, 260);
    // Few rows, many check-box columns: each column as wide as its header says.
    const auto fitContactColumns = [this] {
        const auto metrics = m_ui->contactsView->horizontalHeader()->fontMetrics();
        for (int column = 0; column < m_contacts->columnCount(); ++column) {
            const auto title = m_contacts->headerData(column, Qt::Horizontal).toString();
            m_ui->contactsView->setColumnWidth(column,
                                               column < 2        ? 110
                                                   : column == 2 ? 190
                                                                 : std::max(64, metrics.horizontalAdvance(title) + 28));
        }
        m_ui->contactsView->setFrozenColumnCount(3);
    };
    connect(m_contacts, &QAbstractItemModel::modelReset, this, fitContactColumns);
    fitContactColumns();
    m_ui->customersSplitter->setStretchFactor(0, 3);
    m_ui->customersSplitter->setStretchFactor(1, 2);

    GuiUtil::restoreHeader(m_ui->customersView);
    QSettings settings;
    m_ui->customersSplitter->restoreState(settings.value(u"splitters/customers"_s).toByteArray());

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(300);
    connect(m_ui->customerSearch, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &CustomersPage::refresh);
    connect(m_ui->portalFilter, &QComboBox::activated, this, &CustomersPage::refresh);

    connect(m_ui->customersView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                m_contacts->setCustomer(current.isValid() ? m_customers->keyOf(current.row()) : QString());
                updateContactsLabel();
            });
    // A reset (new search, sort) drops the selection: the contacts follow.
    connect(m_customers, &QAbstractItemModel::modelReset, this, [this] {
        m_contacts->setCustomer({});
        updateContactsLabel();
    });
    const auto updateBusy = [this] { m_ui->customersBusy->setVisible(isBusy() || m_saving); };
    connect(m_customers, &RemoteTableModel::loadingChanged, this, updateBusy);
    connect(m_contacts, &RemoteTableModel::loadingChanged, this, updateBusy);
    connect(m_customers, &RemoteTableModel::totalChanged, this, &CustomersPage::updateTotal);
    connect(m_customers, &RemoteTableModel::loaded, this, [this] {
        if (!m_ui->customersView->currentIndex().isValid() && m_customers->rowCount() > 0)
            m_ui->customersView->setCurrentIndex(m_customers->index(0, 0));
    });
    connect(m_contacts, &RemoteTableModel::loaded, this, &CustomersPage::updateContactsLabel);
    connect(m_customers, &RemoteTableModel::loadFailed, this,
            [this](const ApiError& error) { GuiUtil::showError(this, tr("Customers"), error); });
    connect(m_contacts, &RemoteTableModel::loadFailed, this,
            [this](const ApiError& error) { GuiUtil::showError(this, tr("Contacts"), error); });
    retranslateUi();
}

CustomersPage::~CustomersPage() = default;

void CustomersPage::retranslateUi()
{
    m_ui->retranslateUi(this);
    m_contacts->setSections(m_context.catalogue->sections()); // section columns in the new language
    const int filter = std::max(0, m_ui->portalFilter->currentIndex());
    m_ui->portalFilter->clear();
    m_ui->portalFilter->addItem(tr("All customers"));
    m_ui->portalFilter->addItem(tr("Portal enabled"), u"true"_s);
    m_ui->portalFilter->addItem(tr("Portal disabled"), u"false"_s);
    m_ui->portalFilter->setCurrentIndex(filter);
    updateTotal();
    updateContactsLabel();
    if (m_ui->conflictBar->isVisibleTo(this))
        showConflicts(m_customers->conflicts(), m_contacts->conflicts());
}

void CustomersPage::updateTotal()
{
    const int total = m_customers->total();
    m_ui->customersTotal->setText(!m_customers->hasLoaded() ? QString()
                                      : total == 1          ? tr("1 customer")
                                                            : tr("%1 customers").arg(QLocale().toString(total)));
}

void CustomersPage::updateContactsLabel()
{
    const auto number = m_contacts->customer();
    if (number.isEmpty())
        m_ui->contactsLabel->setText(tr("Select a customer to see its contacts."));
    else if (m_contacts->isLoading() && !m_contacts->hasLoaded())
        m_ui->contactsLabel->setText(tr("Contacts of %1: loading…").arg(number));
    else
        m_ui->contactsLabel->setText(
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
    m_customers->setFilter(u"q"_s, m_ui->customerSearch->text().trimmed());
    m_customers->setFilter(u"portalEnabled"_s, m_ui->portalFilter->currentData().toString());
    m_customers->reload();
}

void CustomersPage::focusSearch()
{
    m_ui->customerSearch->setFocus();
    m_ui->customerSearch->selectAll();
}

void CustomersPage::saveState()
{
    GuiUtil::saveHeader(m_ui->customersView);
    QSettings settings;
    settings.setValue(u"splitters/customers"_s, m_ui->customersSplitter->saveState());
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
    m_ui->customersBusy->show();
    emit statusMessage(tr("Saving %n record(s)…", nullptr, records));
    auto* reply = m_context.client->post(u"/changesets"_s, body);
    connect(reply, &ApiReply::finished, this, [this, reply, records, body] {
        m_saving = false;
        m_ui->customersBusy->setVisible(isBusy());
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
        m_ui->conflictBar->hide();
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
    m_ui->conflictBar->hide();
    emit statusMessage(tr("Pending edits dropped."));
}

void CustomersPage::showConflicts(const QSet<QString>& customers, const QSet<QString>& contacts)
{
    m_customers->setConflicts(customers);
    m_contacts->setConflicts(contacts);
    const int count = int(customers.size() + contacts.size());
    m_ui->conflictLabel->setText(
        tr("Nothing was saved. %n record(s) were changed by someone else since you loaded them (marked red). "
           "Reload them to see the current values (your edits on them are dropped), then Update again.",
           nullptr, count));
    m_ui->reloadConflictsButton->setEnabled(count > 0);
    m_ui->conflictBar->show();
}

void CustomersPage::reloadConflicts()
{
    const auto customers = m_customers->conflicts();
    const auto contacts = m_contacts->conflicts();
    for (const auto& key : customers)
        m_customers->reloadRecord(key);
    for (const auto& key : contacts)
        m_contacts->reloadRecord(key);
    m_ui->conflictBar->hide();
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
    m_ui->customersBusy->show();
    auto* reply = m_context.client->post(path, dryRun);
    connect(reply, &ApiReply::finished, this, [this, reply, path, body, what] {
        m_ui->customersBusy->setVisible(isBusy());
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
                m_ui->customersBusy->show();
                auto* run = m_context.client->post(path, body);
                connect(run, &ApiReply::finished, this, [this, run, what] {
                    m_ui->customersBusy->setVisible(isBusy());
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
