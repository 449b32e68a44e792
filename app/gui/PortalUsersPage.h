#pragma once

#include "GuiUtil.h"

#include <memory>

namespace Ui {
class PortalUsersPage;
}
class QTimer;
class PortalUsersModel;
class PreviewWindow;

// Portal users (sub-accounts): list with search and status filter; invite, reset password, disable,
// enable, unlock; edit assigned customers, sections, admin, make payment; preview as this user.
class PortalUsersPage : public Page
{
    Q_OBJECT
public:
    explicit PortalUsersPage(const AppContext& context, QWidget* parent = nullptr);
    ~PortalUsersPage() override;

    void refresh() override;
    void focusSearch() override;
    void saveState() override;
    bool isBusy() const override;
    PortalUsersModel* model() const { return m_model; }

    void runAction(const QString& action);
    // Opens the "New portal user…" dialog (non-blocking).
    void newUser();
    void editSelected();
    void previewSelected();

signals:
    void previewOpened(PreviewWindow* window);

protected:
    void retranslateUi() override;

private:
    QJsonObject selectedUser() const;
    void updateButtons();
    void openEditDialog(const QJsonObject& user);
    void updateTotal();
    void post(const QString& action, const QString& id, const QString& email);
    void offerResetInstead(const QString& id, const QString& email);

    std::unique_ptr<Ui::PortalUsersPage> m_ui;
    AppContext m_context;
    PortalUsersModel* m_model;
    QTimer* m_searchTimer;
    bool m_working = false;
};
