#pragma once

#include "GuiUtil.h"

#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>

namespace Ui {
class MainWindow;
}
class QLabel;
class QProgressBar;
class QTranslator;
class CustomersPage;
class PortalUsersPage;
class RolesPage;
class SettingsPage;
class JobsPage;
class AuditPage;
class ImportPage;
class ExportPage;
class ConnectDialog;
class PreviewWindow;

// Navigation list on the left, one page per task on the right; Update / Revert / Find / Refresh;
// status bar with connection state, pending-change count and a busy indicator.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum PageIndex
    {
        Customers,
        PortalUsers,
        Roles,
        Settings,
        Jobs,
        Audit,
        Import,
        Export
    };

    // workspacePath empty: the default workspace in AppDataLocation.
    explicit MainWindow(const QString& workspacePath = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    const AppContext& context() const { return m_context; }
    CustomersPage* customersPage() const { return m_customersPage; }
    PortalUsersPage* portalUsersPage() const { return m_portalUsersPage; }
    RolesPage* rolesPage() const { return m_rolesPage; }
    SettingsPage* settingsPage() const { return m_settingsPage; }
    JobsPage* jobsPage() const { return m_jobsPage; }
    AuditPage* auditPage() const { return m_auditPage; }
    ImportPage* importPage() const { return m_importPage; }
    ExportPage* exportPage() const { return m_exportPage; }
    Page* currentPage() const;
    void showPage(PageIndex page);
    bool isBusy() const;

    // Opens the connect dialog (non-blocking), prefilled.
    ConnectDialog* openConnectDialog(const QString& server = {}, const QString& email = {});
    // Signs in without the dialog (command line, tests).
    void signIn(const QUrl& server, const QString& email, const QString& password);

    void switchLanguage(const QString& language);
    QString language() const;

signals:
    void previewOpened(PreviewWindow* window);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void onSignedIn();
    void onSignedOut();
    void updateStatus();
    void offerRestoredChanges();
    void setupLanguageMenu();
    void askAboutUnsavedSettings(std::function<void()> then);

    std::unique_ptr<Ui::MainWindow> m_ui;
    AppContext m_context;
    CustomersPage* m_customersPage;
    PortalUsersPage* m_portalUsersPage;
    RolesPage* m_rolesPage;
    SettingsPage* m_settingsPage;
    JobsPage* m_jobsPage;
    AuditPage* m_auditPage;
    ImportPage* m_importPage;
    ExportPage* m_exportPage;
    QLabel* m_connectionLabel;
    QLabel* m_pendingLabel;
    QProgressBar* m_busy;
    QTranslator* m_translator = nullptr;
    QTranslator* m_qtTranslator = nullptr; // qtbase_<language>.qm
    QString m_language;
    QList<QPointer<PreviewWindow>> m_previews;
    QSet<QString> m_serversSeen;
};
