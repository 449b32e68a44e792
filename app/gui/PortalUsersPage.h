#pragma once

#include "GuiUtil.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
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

    void refresh() override;
    void focusSearch() override;
    void saveState() override;
    bool isBusy() const override;
    PortalUsersModel* model() const { return m_model; }

    void runAction(const QString& action);
    void editSelected();
    void previewSelected();

signals:
    void previewOpened(PreviewWindow* window);

protected:
    void retranslateUi() override;

private:
    QJsonObject selectedUser() const;
    void updateButtons();

    AppContext m_context;
    PortalUsersModel* m_model;
    QLineEdit* m_search;
    QComboBox* m_statusFilter;
    QLabel* m_totalLabel;
    QTableView* m_view;
    QTimer* m_searchTimer;
    QPushButton* m_invite;
    QPushButton* m_reset;
    QPushButton* m_disable;
    QPushButton* m_enable;
    QPushButton* m_unlock;
    QPushButton* m_edit;
    QPushButton* m_preview;
    bool m_working = false;
};
