#pragma once

#include "GuiUtil.h"

#include <QSet>

#include <memory>

namespace Ui {
class CustomersPage;
}
class QTableView;
class QTimer;
class CustomersModel;
class ContactsModel;

// Customers on top, the selected customer's contacts below with permission check boxes. Edits go to
// PendingChanges (highlighted) until Update sends one changeset.
class CustomersPage : public Page
{
    Q_OBJECT
public:
    explicit CustomersPage(const AppContext& context, QWidget* parent = nullptr);
    ~CustomersPage() override;

    void refresh() override;
    void focusSearch() override;
    void saveState() override;
    bool isBusy() const override;

    CustomersModel* customersModel() const { return m_customers; }
    ContactsModel* contactsModel() const { return m_contacts; }

    // Update: every pending edit in one POST /changesets.
    void saveChanges();
    void revertChanges();
    // Bulk: dry run first, then a confirmation that states the count.
    void bulkPortalAccess(bool enable);
    void bulkContactPermission(const QString& permission, bool value);
    void chooseBulkPermission();

signals:
    void saved(int records);

protected:
    void retranslateUi() override;

private:
    void showConflicts(const QSet<QString>& customers, const QSet<QString>& contacts);
    void reloadConflicts();
    void runBulk(const QString& path, const QJsonObject& body, const QString& what);
    void updateContactsLabel();
    void updateTotal();
    void showContextMenu(QTableView* view, const QPoint& pos);

    std::unique_ptr<Ui::CustomersPage> m_ui;
    AppContext m_context;
    CustomersModel* m_customers;
    ContactsModel* m_contacts;
    QTimer* m_searchTimer;
    bool m_saving = false;
};
