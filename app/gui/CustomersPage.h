#pragma once

#include "GuiUtil.h"

#include <QSet>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableView;
class QTimer;
class QFrame;
class QProgressBar;
class CustomersModel;
class ContactsModel;

// Customers on top, the selected customer's contacts below with permission check boxes. Edits go to
// PendingChanges (highlighted) until Update sends one changeset.
class CustomersPage : public Page
{
    Q_OBJECT
public:
    explicit CustomersPage(const AppContext& context, QWidget* parent = nullptr);

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
    void showContextMenu(QTableView* view, const QPoint& pos);

    AppContext m_context;
    CustomersModel* m_customers;
    ContactsModel* m_contacts;
    QLineEdit* m_search;
    QComboBox* m_portalFilter;
    QLabel* m_searchLabel;
    QLabel* m_filterLabel;
    QLabel* m_totalLabel;
    QLabel* m_contactsLabel;
    QTableView* m_customersView;
    QTableView* m_contactsView;
    QSplitter* m_splitter;
    QTimer* m_searchTimer;
    QFrame* m_conflictBar;
    QLabel* m_conflictLabel;
    QPushButton* m_reloadConflicts;
    QProgressBar* m_busy;
    bool m_saving = false;
};
