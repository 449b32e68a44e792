#include "PortalUsersPage.h"
#include "ui_PortalUsersPage.h"

#include "Catalogue.h"
#include "NewPortalUserDialog.h"
#include "PortalUserDialog.h"
#include "PortalUsersModel.h"
#include "PreviewWindow.h"
#include "Session.h"

#include <QComboBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>

using namespace Qt::StringLiterals;

PortalUsersPage::PortalUsersPage(const AppContext& context, QWidget* parent)
    : Page(parent)
    , m_ui(new Ui::PortalUsersPage)
    , m_context(context)
    , m_model(new PortalUsersModel(context.client, this))
    , m_searchTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    GuiUtil::setupTable(m_ui->portalUsersView);
    m_ui->portalUsersView->setModel(m_model);
    for (const auto& [column, width] :
         {std::pair{0, 200}, {1, 100}, {2, 100}, {3, 80}, {4, 80}, {5, 90}, {6, 160}, {7, 260}, {8, 70}, {9, 100}})
        m_ui->portalUsersView->setColumnWidth(column, width);
    GuiUtil::restoreHeader(m_ui->portalUsersView);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(300);
    connect(m_ui->portalUserSearch, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &PortalUsersPage::refresh);
    connect(m_ui->statusFilter, &QComboBox::activated, this, &PortalUsersPage::refresh);
    connect(m_ui->portalUsersView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PortalUsersPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PortalUsersPage::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &PortalUsersPage::updateButtons); // a re-read row
    connect(m_model, &RemoteTableModel::loaded, this, [this] {
        if (!m_ui->portalUsersView->currentIndex().isValid() && m_model->rowCount() > 0)
            m_ui->portalUsersView->setCurrentIndex(m_model->index(0, 0));
    });
    connect(m_model, &RemoteTableModel::totalChanged, this, &PortalUsersPage::updateTotal);
    connect(m_model, &RemoteTableModel::loadFailed, this,
            [this](const ApiError& error) { GuiUtil::showError(this, tr("Portal users"), error); });
    connect(m_ui->portalUsersView, &QTableView::doubleClicked, this, &PortalUsersPage::editSelected);
    connect(m_ui->inviteButton, &QPushButton::clicked, this, [this] { runAction(u"invite"_s); });
    connect(m_ui->resetPasswordButton, &QPushButton::clicked, this, [this] { runAction(u"reset-password"_s); });
    connect(m_ui->disableButton, &QPushButton::clicked, this, [this] { runAction(u"disable"_s); });
    connect(m_ui->enableButton, &QPushButton::clicked, this, [this] { runAction(u"enable"_s); });
    connect(m_ui->unlockButton, &QPushButton::clicked, this, [this] { runAction(u"unlock"_s); });
    connect(m_ui->editUserButton, &QPushButton::clicked, this, &PortalUsersPage::editSelected);
    connect(m_ui->newUserButton, &QPushButton::clicked, this, &PortalUsersPage::newUser);
    connect(context.session, &Session::stateChanged, this, &PortalUsersPage::updateButtons);
    connect(m_ui->previewButton, &QPushButton::clicked, this, &PortalUsersPage::previewSelected);
    retranslateUi();
    updateButtons();
}

PortalUsersPage::~PortalUsersPage() = default;

void PortalUsersPage::retranslateUi()
{
    m_ui->retranslateUi(this);
    const int filter = std::max(0, m_ui->statusFilter->currentIndex());
    m_ui->statusFilter->clear();
    m_ui->statusFilter->addItem(tr("Any status"));
    m_ui->statusFilter->addItem(tr("Invited"), u"invited"_s);
    m_ui->statusFilter->addItem(tr("Active"), u"active"_s);
    m_ui->statusFilter->addItem(tr("Disabled"), u"disabled"_s);
    m_ui->statusFilter->addItem(tr("Locked"), u"locked"_s);
    m_ui->statusFilter->setCurrentIndex(filter);
    updateTotal();
}

void PortalUsersPage::updateTotal()
{
    const int total = m_model->total();
    m_ui->portalUsersTotal->setText(!m_model->hasLoaded() ? QString()
                                        : total == 1      ? tr("1 portal user")
                                                          : tr("%1 portal users").arg(total));
}

QJsonObject PortalUsersPage::selectedUser() const
{
    const auto index = m_ui->portalUsersView->currentIndex();
    return index.isValid() ? m_model->record(index.row()) : QJsonObject();
}

void PortalUsersPage::updateButtons()
{
    const auto user = selectedUser();
    const bool has = !user.isEmpty() && !m_working;
    const bool edit = has && m_context.session->canEdit();
    const auto status = user.value(u"status"_s).toString();
    m_ui->inviteButton->setEnabled(edit && status != u"disabled"_s);
    m_ui->resetPasswordButton->setEnabled(edit && status != u"disabled"_s);
    m_ui->disableButton->setEnabled(edit && status != u"disabled"_s);
    m_ui->enableButton->setEnabled(edit && status == u"disabled"_s);
    m_ui->unlockButton->setEnabled(edit && status == u"locked"_s);
    m_ui->editUserButton->setEnabled(edit);
    m_ui->newUserButton->setEnabled(m_context.session->canEdit() && !m_working);
    m_ui->previewButton->setEnabled(has && user.value(u"status"_s).toString() != u"disabled"_s);
}

bool PortalUsersPage::isBusy() const
{
    return m_model->isLoading() || m_working;
}

void PortalUsersPage::refresh()
{
    m_activated = true;
    m_searchTimer->stop(); // this load already uses the text as typed
    m_model->setFilter(u"q"_s, m_ui->portalUserSearch->text().trimmed());
    m_model->setFilter(u"status"_s, m_ui->statusFilter->currentData().toString());
    m_model->reload();
}

void PortalUsersPage::focusSearch()
{
    m_ui->portalUserSearch->setFocus();
    m_ui->portalUserSearch->selectAll();
}

void PortalUsersPage::saveState()
{
    GuiUtil::saveHeader(m_ui->portalUsersView);
}

void PortalUsersPage::runAction(const QString& action)
{
    const auto user = selectedUser();
    if (user.isEmpty())
        return;
    const auto id = QString::number(user.value(u"id"_s).toInteger());
    const auto email = user.value(u"email"_s).toString();
    if (action == u"disable"_s) {
        GuiUtil::confirm(this, u"disableConfirmBox"_s, tr("Disable portal user"),
                         tr("Disable %1? They can no longer sign in to the portal.").arg(email), tr("&Disable"),
                         [this, action, id, email] { post(action, id, email); });
    } else if (action == u"invite"_s && user.value(u"status"_s).toString() == u"active"_s) {
        offerResetInstead(id, email); // an invitation would only re-send the welcome mail
    } else {
        post(action, id, email);
    }
}

void PortalUsersPage::offerResetInstead(const QString& id, const QString& email)
{
    GuiUtil::confirm(this, u"inviteActiveBox"_s, tr("Invite portal user"),
                     tr("%1 already has an active account, so there is nothing to invite them to.\n\n"
                        "Send a password-reset e-mail instead?")
                         .arg(email),
                     tr("Send &reset e-mail"), [this, id, email] { post(u"reset-password"_s, id, email); });
}

void PortalUsersPage::post(const QString& action, const QString& id, const QString& email)
{
    m_working = true;
    updateButtons();
    auto* reply = m_context.client->post(u"/portal-users/"_s + id + u'/' + action);
    connect(reply, &ApiReply::finished, this, [this, reply, action, id, email] {
        m_working = false;
        if (action == u"invite"_s && reply->status() == 409 && reply->error().code == u"already_active"_s) {
            // Activated since the list was loaded.
            m_model->reloadRecord(id);
            updateButtons();
            offerResetInstead(id, email);
            return;
        }
        if (!reply->isOk()) {
            GuiUtil::showError(this, tr("Portal user %1").arg(email), reply->error());
            updateButtons();
            return;
        }
        QString done;
        if (action == u"invite"_s)
            done = tr("Invitation sent to %1.");
        else if (action == u"reset-password"_s)
            done = tr("Password-reset email sent to %1.");
        else if (action == u"disable"_s)
            done = tr("%1 is disabled and can no longer sign in.");
        else if (action == u"enable"_s)
            done = tr("%1 is enabled again.");
        else
            done = tr("%1 is unlocked.");
        emit statusMessage(done.arg(email));
        m_model->reloadRecord(id);
        updateButtons();
    });
}

void PortalUsersPage::newUser()
{
    if (!m_context.session->canEdit())
        return;
    auto* dialog = new NewPortalUserDialog(m_context.client, m_context.catalogue->sections(), this);
    dialog->setObjectName(u"newPortalUserDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewPortalUserDialog::created, this, [this](const QJsonObject& user, bool invited) {
        const auto email = user.value(u"email"_s).toString();
        emit statusMessage(invited ? tr("Portal user %1 created; the invitation is on its way.").arg(email)
                                   : tr("Portal user %1 created (not invited yet).").arg(email));
        // Show the new person: search for them.
        m_ui->portalUserSearch->setText(email);
        refresh();
    });
    dialog->open();
}

void PortalUsersPage::editSelected()
{
    const auto listed = selectedUser();
    if (listed.isEmpty() || !m_context.session->canEdit())
        return;
    // The server says, per customer the user may use, whose rights apply there: ask first.
    const auto id = QString::number(listed.value(u"id"_s).toInteger());
    auto* read = m_context.client->get(u"/portal-users/"_s + id + u"/access"_s);
    connect(read, &ApiReply::finished, this, [this, read, listed] {
        auto user = listed;
        if (read->isOk())
            user.insert(u"access"_s, read->object().value(u"selectableCustomers"_s));
        openEditDialog(user);
    });
}

void PortalUsersPage::openEditDialog(const QJsonObject& user)
{
    auto* dialog = new PortalUserDialog(user, m_context.catalogue->sections(), this);
    dialog->setObjectName(u"portalUserDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, user] {
        const auto set = dialog->changes();
        if (set.isEmpty())
            return;
        const auto id = user.value(u"id"_s).toInteger();
        const QJsonObject change{
            {u"entity"_s, u"portal_user"_s}, {u"key"_s, id}, {u"version"_s, user.value(u"version"_s)}, {u"set"_s, set}};
        auto* reply = m_context.client->post(u"/changesets"_s, {{u"changes"_s, QJsonArray{change}}});
        connect(reply, &ApiReply::finished, this, [this, reply, id] {
            if (!reply->isOk()) {
                GuiUtil::showError(this, tr("Saving the portal user failed"), reply->error());
            } else {
                emit statusMessage(tr("Portal user saved."));
            }
            m_model->reloadRecord(QString::number(id));
        });
    });
    dialog->open();
}

void PortalUsersPage::previewSelected()
{
    const auto user = selectedUser();
    if (user.isEmpty())
        return;
    const auto email = user.value(u"email"_s).toString();
    m_working = true;
    updateButtons();
    auto* reply = m_context.client->post(u"/preview-sessions"_s, {{u"portalUserId"_s, user.value(u"id"_s)}});
    connect(reply, &ApiReply::finished, this, [this, reply, email] {
        m_working = false;
        updateButtons();
        if (!reply->isOk()) {
            GuiUtil::showError(this, tr("Preview as %1").arg(email), reply->error());
            return;
        }
        auto url = QUrl(reply->object().value(u"url"_s).toString());
        if (url.isRelative())
            url = m_context.client->baseUrl().resolved(url);
        auto* window = new PreviewWindow(url, email, nullptr);
        window->show();
        emit previewOpened(window);
    });
}
