#include "PortalUsersPage.h"

#include "Catalogue.h"
#include "PortalUserDialog.h"
#include "PortalUsersModel.h"
#include "PreviewWindow.h"
#include "Session.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

PortalUsersPage::PortalUsersPage(const AppContext& context, QWidget* parent)
    : Page(parent)
    , m_context(context)
    , m_model(new PortalUsersModel(context.client, this))
    , m_search(new QLineEdit(this))
    , m_statusFilter(new QComboBox(this))
    , m_totalLabel(new QLabel(this))
    , m_view(new QTableView(this))
    , m_searchTimer(new QTimer(this))
    , m_invite(new QPushButton(this))
    , m_reset(new QPushButton(this))
    , m_disable(new QPushButton(this))
    , m_enable(new QPushButton(this))
    , m_unlock(new QPushButton(this))
    , m_edit(new QPushButton(this))
    , m_preview(new QPushButton(this))
{
    setObjectName(u"portalUsersPage"_s);
    m_search->setObjectName(u"portalUserSearch"_s);
    m_search->setClearButtonEnabled(true);
    m_statusFilter->setObjectName(u"statusFilter"_s);
    m_view->setObjectName(u"portalUsersView"_s);
    GuiUtil::setupTable(m_view);
    m_view->setModel(m_model);
    for (const auto& [column, width] :
         {std::pair{0, 200}, {1, 100}, {2, 100}, {3, 80}, {4, 80}, {5, 90}, {6, 160}, {7, 260}, {8, 70}, {9, 100}})
        m_view->setColumnWidth(column, width);
    GuiUtil::restoreHeader(m_view);
    m_invite->setObjectName(u"inviteButton"_s);
    m_reset->setObjectName(u"resetPasswordButton"_s);
    m_disable->setObjectName(u"disableButton"_s);
    m_enable->setObjectName(u"enableButton"_s);
    m_unlock->setObjectName(u"unlockButton"_s);
    m_edit->setObjectName(u"editUserButton"_s);
    m_preview->setObjectName(u"previewButton"_s);

    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_search, 2);
    filterRow->addWidget(m_statusFilter);
    filterRow->addStretch(1);
    filterRow->addWidget(m_totalLabel);
    auto* buttonRow = new QHBoxLayout;
    for (auto* button : {m_edit, m_invite, m_reset, m_disable, m_enable, m_unlock})
        buttonRow->addWidget(button);
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_preview);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttonRow);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(300);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &PortalUsersPage::refresh);
    connect(m_statusFilter, &QComboBox::activated, this, &PortalUsersPage::refresh);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PortalUsersPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PortalUsersPage::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &PortalUsersPage::updateButtons); // a re-read row
    connect(m_model, &RemoteTableModel::loaded, this, [this] {
        if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
            m_view->setCurrentIndex(m_model->index(0, 0));
    });
    connect(m_model, &RemoteTableModel::totalChanged, this, [this] { retranslateUi(); });
    connect(m_model, &RemoteTableModel::loadFailed, this,
            [this](const ApiError& error) { GuiUtil::showError(this, tr("Portal users"), error); });
    connect(m_view, &QTableView::doubleClicked, this, &PortalUsersPage::editSelected);
    connect(m_invite, &QPushButton::clicked, this, [this] { runAction(u"invite"_s); });
    connect(m_reset, &QPushButton::clicked, this, [this] { runAction(u"reset-password"_s); });
    connect(m_disable, &QPushButton::clicked, this, [this] { runAction(u"disable"_s); });
    connect(m_enable, &QPushButton::clicked, this, [this] { runAction(u"enable"_s); });
    connect(m_unlock, &QPushButton::clicked, this, [this] { runAction(u"unlock"_s); });
    connect(m_edit, &QPushButton::clicked, this, &PortalUsersPage::editSelected);
    connect(m_preview, &QPushButton::clicked, this, &PortalUsersPage::previewSelected);
    retranslateUi();
    updateButtons();
}

void PortalUsersPage::retranslateUi()
{
    m_search->setPlaceholderText(tr("Search email, name or customer"));
    const int filter = std::max(0, m_statusFilter->currentIndex());
    m_statusFilter->clear();
    m_statusFilter->addItem(tr("Any status"));
    m_statusFilter->addItem(tr("Invited"), u"invited"_s);
    m_statusFilter->addItem(tr("Active"), u"active"_s);
    m_statusFilter->addItem(tr("Disabled"), u"disabled"_s);
    m_statusFilter->addItem(tr("Locked"), u"locked"_s);
    m_statusFilter->setCurrentIndex(filter);
    const int total = m_model->total();
    m_totalLabel->setText(!m_model->hasLoaded() ? QString()
                              : total == 1      ? tr("1 portal user")
                                                : tr("%1 portal users").arg(total));
    m_invite->setText(tr("&Invite"));
    m_invite->setToolTip(tr("Send the set-password email"));
    m_reset->setText(tr("&Reset password"));
    m_reset->setToolTip(tr("Send a password-reset email"));
    m_disable->setText(tr("&Disable"));
    m_enable->setText(tr("E&nable"));
    m_unlock->setText(tr("&Unlock"));
    m_edit->setText(tr("&Edit access…"));
    m_edit->setToolTip(tr("Assigned customers, sections, admin, make payment"));
    m_preview->setText(tr("&Preview as this user"));
}

QJsonObject PortalUsersPage::selectedUser() const
{
    const auto index = m_view->currentIndex();
    return index.isValid() ? m_model->record(index.row()) : QJsonObject();
}

void PortalUsersPage::updateButtons()
{
    const auto user = selectedUser();
    const bool has = !user.isEmpty() && !m_working;
    const bool edit = has && m_context.session->canEdit();
    const auto status = user.value(u"status"_s).toString();
    m_invite->setEnabled(edit && status != u"disabled"_s);
    m_reset->setEnabled(edit && status != u"disabled"_s);
    m_disable->setEnabled(edit && status != u"disabled"_s);
    m_enable->setEnabled(edit && status == u"disabled"_s);
    m_unlock->setEnabled(edit && status == u"locked"_s);
    m_edit->setEnabled(edit);
    m_preview->setEnabled(has && user.value(u"status"_s).toString() != u"disabled"_s);
}

bool PortalUsersPage::isBusy() const
{
    return m_model->isLoading() || m_working;
}

void PortalUsersPage::refresh()
{
    m_activated = true;
    m_searchTimer->stop(); // this load already uses the text as typed
    m_model->setFilter(u"q"_s, m_search->text().trimmed());
    m_model->setFilter(u"status"_s, m_statusFilter->currentData().toString());
    m_model->reload();
}

void PortalUsersPage::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void PortalUsersPage::saveState()
{
    GuiUtil::saveHeader(m_view);
}

void PortalUsersPage::runAction(const QString& action)
{
    const auto user = selectedUser();
    if (user.isEmpty())
        return;
    const auto id = QString::number(user.value(u"id"_s).toInteger());
    const auto email = user.value(u"email"_s).toString();
    const auto run = [this, action, id, email] {
        m_working = true;
        updateButtons();
        auto* reply = m_context.client->post(u"/portal-users/"_s + id + u'/' + action);
        connect(reply, &ApiReply::finished, this, [this, reply, action, id, email] {
            m_working = false;
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
    };
    if (action == u"disable"_s) {
        GuiUtil::confirm(this, u"disableConfirmBox"_s, tr("Disable portal user"),
                         tr("Disable %1? They can no longer sign in to the portal.").arg(email), tr("&Disable"), run);
    } else {
        run();
    }
}

void PortalUsersPage::editSelected()
{
    const auto user = selectedUser();
    if (user.isEmpty() || !m_context.session->canEdit())
        return;
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
