#include "MainWindow.h"
#include "ui_MainWindow.h"

#include "AboutDialog.h"
#include "ApiClient.h"
#include "AuditPage.h"
#include "Catalogue.h"
#include "ConnectDialog.h"
#include "CustomersPage.h"
#include "ExportPage.h"
#include "ImportPage.h"
#include "JobsPage.h"
#include "PendingChanges.h"
#include "PortalUsersPage.h"
#include "PreviewWindow.h"
#include "RolesPage.h"
#include "Session.h"
#include "SettingsPage.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QStyle>
#include <QTranslator>

using namespace Qt::StringLiterals;

MainWindow::MainWindow(const QString& workspacePath, QWidget* parent)
    : QMainWindow(parent)
    , m_ui(new Ui::MainWindow)
{
    m_ui->setupUi(this);
    auto* client = new ApiClient(this);
    m_context.client = client;
    m_context.session = new Session(client, this);
    m_context.pending = new PendingChanges(workspacePath, this);
    m_context.catalogue = new Catalogue(client, this);

    m_customersPage = new CustomersPage(m_context, this);
    m_portalUsersPage = new PortalUsersPage(m_context, this);
    m_rolesPage = new RolesPage(m_context, this);
    m_settingsPage = new SettingsPage(m_context, this);
    m_jobsPage = new JobsPage(m_context, this);
    m_auditPage = new AuditPage(m_context, this);
    m_importPage = new ImportPage(m_context, this);
    m_exportPage = new ExportPage(m_context, this);
    const QList<Page*> pages{m_customersPage, m_portalUsersPage, m_rolesPage, m_settingsPage,
                             m_jobsPage,      m_auditPage,       m_importPage, m_exportPage};
    const QList<QStyle::StandardPixmap> icons{
        QStyle::SP_DirHomeIcon,        QStyle::SP_FileDialogContentsView, QStyle::SP_FileDialogDetailedView,
        QStyle::SP_FileDialogInfoView, QStyle::SP_BrowserReload,          QStyle::SP_FileDialogListView,
        QStyle::SP_ArrowUp,            QStyle::SP_ArrowDown};
    for (int i = 0; i < pages.size(); ++i) {
        m_ui->pages->addWidget(pages.at(i));
        auto* item = new QListWidgetItem(style()->standardIcon(icons.at(i)), QString(), m_ui->navigationList);
        item->setSizeHint(QSize(0, 36));
        connect(pages.at(i), &Page::statusMessage, this,
                [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    }
    m_ui->mainSplitter->setStretchFactor(1, 1);
    m_ui->navigationList->setMaximumWidth(220);
    m_ui->mainSplitter->setSizes({190, 1000});
    connect(m_ui->navigationList, &QListWidget::currentRowChanged, this, [this](int row) {
        // Leaving Settings with unsaved edits asks first; the list stays on Settings meanwhile.
        if (m_ui->pages->currentIndex() == Settings && row != Settings && m_settingsPage->pendingCount() > 0) {
            const QSignalBlocker blocker(m_ui->navigationList);
            m_ui->navigationList->setCurrentRow(Settings);
            askAboutUnsavedSettings([this, row] { m_ui->navigationList->setCurrentRow(row); });
            return;
        }
        m_ui->pages->setCurrentIndex(row);
        if (m_context.session->isSignedIn())
            currentPage()->activate();
        const bool customers = row == Customers;
        m_ui->actionUpdate->setVisible(true);
        m_ui->menuBulk->setEnabled(customers && m_context.session->canEdit());
    });

    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(u"connectionLabel"_s);
    m_pendingLabel = new QLabel(this);
    m_pendingLabel->setObjectName(u"pendingLabel"_s);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(u"busyIndicator"_s);
    m_busy->setRange(0, 0);
    m_busy->setMaximumSize(100, 14);
    m_busy->setTextVisible(false);
    m_busy->hide();
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_pendingLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);
    connect(client, &ApiClient::busyChanged, m_busy, &QWidget::setVisible);

    m_ui->actionUpdate->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_ui->actionRevert->setIcon(style()->standardIcon(QStyle::SP_DialogResetButton));
    m_ui->actionRefresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    // Update (Ctrl+S) saves what the page shown holds: the settings there, the pending edits elsewhere.
    connect(m_ui->actionUpdate, &QAction::triggered, this, [this] {
        if (currentPage() == m_settingsPage)
            m_settingsPage->save();
        else
            m_customersPage->saveChanges();
    });
    connect(m_settingsPage, &SettingsPage::pendingChanged, this, &MainWindow::updateStatus);
    connect(m_ui->actionRevert, &QAction::triggered, this, [this] {
        if (currentPage() == m_settingsPage) {
            if (m_settingsPage->pendingCount() > 0)
                m_settingsPage->refresh();
            return;
        }
        const int count = m_context.pending->count();
        if (count == 0)
            return;
        GuiUtil::confirm(this, u"revertConfirmBox"_s, tr("Revert"),
                         tr("Drop %n pending edit(s)? They were never saved.", nullptr, count), tr("&Revert"),
                         [this] { m_customersPage->revertChanges(); });
    });
    connect(m_ui->actionRefresh, &QAction::triggered, this, [this] {
        if (m_context.session->isSignedIn())
            currentPage()->refresh();
    });
    connect(m_ui->actionFind, &QAction::triggered, this, [this] { currentPage()->focusSearch(); });
    connect(m_ui->actionEnableAllAccess, &QAction::triggered, this, [this] {
        showPage(Customers);
        m_customersPage->bulkPortalAccess(true);
    });
    connect(m_ui->actionDisableAllAccess, &QAction::triggered, this, [this] {
        showPage(Customers);
        m_customersPage->bulkPortalAccess(false);
    });
    connect(m_ui->actionSetPermissionAll, &QAction::triggered, this, [this] {
        showPage(Customers);
        m_customersPage->chooseBulkPermission();
    });
    connect(m_ui->actionConnect, &QAction::triggered, this, [this] { openConnectDialog(); });
    connect(m_ui->actionSignOut, &QAction::triggered, m_context.session, &Session::signOut);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, [this] {
        auto* about = new AboutDialog(this);
        about->setAttribute(Qt::WA_DeleteOnClose);
        about->open();
    });
    connect(m_context.session, &Session::signedIn, this, &MainWindow::onSignedIn);
    connect(m_context.session, &Session::signedOut, this, &MainWindow::onSignedOut);
    // Editing is possible only while signed in: a failed or cancelled reconnect brings the state back.
    connect(m_context.session, &Session::stateChanged, this, [this] {
        m_ui->pages->setEnabled(m_context.session->isSignedIn());
        updateStatus();
    });
    connect(m_context.pending, &PendingChanges::changed, this, &MainWindow::updateStatus);
    connect(m_portalUsersPage, &PortalUsersPage::previewOpened, this, [this](PreviewWindow* window) {
        m_previews.append(window);
        emit previewOpened(window);
    });

    setupLanguageMenu();
    QSettings settings;
    restoreGeometry(settings.value(u"mainWindow/geometry"_s).toByteArray());
    restoreState(settings.value(u"mainWindow/state"_s).toByteArray());
    m_ui->mainSplitter->restoreState(settings.value(u"splitters/main"_s).toByteArray());
    retranslateUi();
    m_ui->navigationList->setCurrentRow(settings.value(u"mainWindow/page"_s, 0).toInt());
    onSignedOut();
}

MainWindow::~MainWindow() = default;

Page* MainWindow::currentPage() const
{
    return qobject_cast<Page*>(m_ui->pages->currentWidget());
}

void MainWindow::showPage(PageIndex page)
{
    m_ui->navigationList->setCurrentRow(page);
}

bool MainWindow::isBusy() const
{
    return currentPage() && currentPage()->isBusy();
}

void MainWindow::setupLanguageMenu()
{
    auto* group = new QActionGroup(this);
    const QList<std::pair<QString, QString>> languages{{u"en"_s, u"English"_s}, {u"de"_s, u"Deutsch"_s}};
    // First start: the system's language when there is a translation for it, else English.
    const QString systemLanguage = QLocale::system().language() == QLocale::German ? u"de"_s : u"en"_s;
    m_language = QSettings().value(u"language"_s, systemLanguage).toString();
    for (const auto& [code, name] : languages) {
        // Language names stay in their own language, so anyone can find theirs.
        auto* action = m_ui->menuLanguage->addAction(name);
        action->setObjectName(u"language_"_s + code);
        action->setCheckable(true);
        action->setChecked(code == m_language);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, languageCode = code] { switchLanguage(languageCode); });
    }
    switchLanguage(m_language);
}

void MainWindow::switchLanguage(const QString& language)
{
    for (QTranslator** translator : {&m_translator, &m_qtTranslator}) {
        if (*translator) {
            QCoreApplication::removeTranslator(*translator);
            delete *translator;
            *translator = nullptr;
        }
    }
    m_language = language;
    QSettings().setValue(u"language"_s, language);
    // Qt's own texts (dialog buttons, context menus) from Qt's translations: Debian's
    // qt6-translations-l10n, or the translations/ folder windeployqt/macdeployqt put beside the program.
    if (language != u"en"_s) {
        m_qtTranslator = new QTranslator(this);
        if (m_qtTranslator->load(u"qtbase_"_s + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath))
            || m_qtTranslator->load(u"qtbase_"_s + language,
                                    QCoreApplication::applicationDirPath() + u"/translations"_s)) {
            QCoreApplication::installTranslator(m_qtTranslator);
        } else {
            delete m_qtTranslator;
            m_qtTranslator = nullptr;
        }
    }
    // English is loaded too: its .qm carries the plural forms of "%n record(s)" and the like.
    m_translator = new QTranslator(this);
    if (m_translator->load(u":/i18n/gatehouse_"_s + language)) {
        QCoreApplication::installTranslator(m_translator); // sends LanguageChange to every widget
        return;
    }
    delete m_translator;
    m_translator = nullptr;
    if (language != u"en"_s)
        statusBar()->showMessage(tr("The translation %1 is not available.").arg(language), 8000);
    // Back to the source texts: tell every widget to retranslate.
    QEvent event(QEvent::LanguageChange);
    for (auto* widget : QApplication::allWidgets())
        QCoreApplication::sendEvent(widget, &event);
}

QString MainWindow::language() const
{
    return m_language;
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslateUi();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi()
{
    const QStringList names{
        tr("Customers & Contacts"), tr("Portal Users"), tr("ERP Roles"), tr("Settings"), tr("Jobs"), tr("Audit Log"), tr("Import"), tr("Export")};
    for (int i = 0; i < names.size() && i < m_ui->navigationList->count(); ++i)
        m_ui->navigationList->item(i)->setText(names.at(i));
    updateStatus();
}

void MainWindow::updateStatus()
{
    const auto* session = m_context.session;
    if (session->isSignedIn()) {
        m_connectionLabel->setText(
            tr("Connected to %1 as %2 (%3)")
                .arg(ApiClient::serverId(m_context.client->baseUrl()), session->email(), session->role()));
        setWindowTitle(tr("Gatehouse Admin — %1").arg(m_context.client->baseUrl().host()));
    } else if (session->state() == Session::State::SigningIn) {
        m_connectionLabel->setText(tr("Signing in to %1…").arg(ApiClient::serverId(m_context.client->baseUrl())));
    } else {
        m_connectionLabel->setText(tr("Not connected"));
        setWindowTitle(tr("Gatehouse Admin"));
    }
    const int count = m_context.pending->count();
    const int records = m_context.pending->recordCount();
    const int settings = m_settingsPage->pendingCount();
    QStringList parts;
    if (count > 0) {
        const auto changes = count == 1 ? tr("1 pending change") : tr("%1 pending changes").arg(count);
        const auto inRecords = records == 1 ? tr("in 1 record") : tr("in %1 records").arg(records);
        parts << changes + u' ' + inRecords;
    }
    if (settings > 0)
        parts << (settings == 1 ? tr("1 unsaved setting") : tr("%1 unsaved settings").arg(settings));
    m_pendingLabel->setText(parts.isEmpty() ? tr("No pending changes") : parts.join(u"; "_s));
    m_pendingLabel->setStyleSheet(parts.isEmpty() ? QString()
                                                  : u"QLabel { background: #fff0b3; color: #202020; "
                                                    "font-weight: bold; padding: 0 6px; }"_s);
    const bool canEdit = session->isSignedIn() && session->canEdit();
    const bool onSettings = m_ui->navigationList->currentRow() == Settings;
    m_ui->actionUpdate->setEnabled(canEdit && (onSettings ? settings > 0 : count > 0));
    m_ui->actionRevert->setEnabled(onSettings ? settings > 0 : count > 0);
    m_ui->menuBulk->setEnabled(canEdit && m_ui->navigationList->currentRow() == Customers);
    m_ui->actionSignOut->setEnabled(session->isSignedIn());
    m_ui->actionRefresh->setEnabled(session->isSignedIn());
}

ConnectDialog* MainWindow::openConnectDialog(const QString& server, const QString& email)
{
    auto* dialog = new ConnectDialog(m_context.session, this);
    dialog->setObjectName(u"connectDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!server.isEmpty())
        dialog->setServer(server);
    if (!email.isEmpty())
        dialog->setEmail(email);
    dialog->open();
    return dialog;
}

void MainWindow::signIn(const QUrl& server, const QString& email, const QString& password)
{
    m_context.session->signIn(server, email, password);
}

void MainWindow::onSignedIn()
{
    m_context.pending->setServer(ApiClient::serverId(m_context.client->baseUrl()));
    m_context.catalogue->load();
    QSettings().setValue(u"connection/lastServer"_s, m_context.client->baseUrl().toString());
    m_ui->pages->setEnabled(true);
    updateStatus();
    statusBar()->showMessage(tr("Signed in."), 5000);
    currentPage()->refresh();
    offerRestoredChanges();
}

void MainWindow::offerRestoredChanges()
{
    const int count = m_context.pending->count();
    const auto server = m_context.pending->server();
    // Only edits found in the workspace file at the first sign-in to a server come from an earlier
    // run of the app; after a reconnect they are this run's own edits, still shown as pending.
    const bool earlierRun = !m_serversSeen.contains(server);
    m_serversSeen.insert(server);
    if (count == 0)
        return;
    if (!earlierRun) {
        statusBar()->showMessage(tr("Your %n pending edit(s) are still there; Update saves them.", nullptr, count),
                                 8000);
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Unsaved edits found"),
                                tr("%n edit(s) from your last session were never saved (the app may have been "
                                   "closed or crashed). Keep them to review and Update, or discard them?",
                                   nullptr, count),
                                QMessageBox::NoButton, this);
    box->setObjectName(u"restorePendingBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    auto* keep = box->addButton(tr("&Keep them"), QMessageBox::AcceptRole);
    keep->setObjectName(u"keepButton"_s);
    auto* discard = box->addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    discard->setObjectName(u"discardButton"_s);
    box->setDefaultButton(keep);
    connect(box, &QMessageBox::buttonClicked, this, [this, discard](QAbstractButton* button) {
        if (button == discard)
            m_context.pending->clear();
        else
            showPage(Customers);
    });
    box->open();
}

void MainWindow::onSignedOut()
{
    m_ui->pages->setEnabled(false);
    updateStatus();
}

void MainWindow::askAboutUnsavedSettings(std::function<void()> then)
{
    const int count = m_settingsPage->pendingCount();
    auto* box = new QMessageBox(QMessageBox::Question, tr("Unsaved settings"),
                                tr("%n setting(s) were changed and not saved. Save them now?", nullptr, count),
                                QMessageBox::NoButton, this);
    box->setObjectName(u"unsavedSettingsBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    auto* save = box->addButton(QMessageBox::Save);
    save->setObjectName(u"saveButton"_s);
    auto* discard = box->addButton(QMessageBox::Discard);
    discard->setObjectName(u"discardButton"_s);
    box->addButton(QMessageBox::Cancel)->setObjectName(u"cancelButton"_s);
    box->setDefaultButton(save);
    connect(box, &QMessageBox::buttonClicked, this, [this, save, discard, then](QAbstractButton* button) {
        if (button == save) {
            // Move on only once saved; a refused value keeps the page open with its message.
            auto* guard = new QObject(this);
            connect(m_settingsPage, &SettingsPage::saveFinished, guard, [guard, then](bool saved) {
                guard->deleteLater();
                if (saved)
                    then();
            });
            m_settingsPage->save();
        } else if (button == discard) {
            m_settingsPage->discardEdits();
            then();
        }
    });
    box->open();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_settingsPage->pendingCount() > 0 && m_context.session->canEdit()) {
        event->ignore();
        askAboutUnsavedSettings([this] { close(); });
        return;
    }
    QSettings settings;
    settings.setValue(u"mainWindow/geometry"_s, saveGeometry());
    settings.setValue(u"mainWindow/state"_s, saveState());
    settings.setValue(u"mainWindow/page"_s, m_ui->navigationList->currentRow());
    settings.setValue(u"splitters/main"_s, m_ui->mainSplitter->saveState());
    for (int i = 0; i < m_ui->pages->count(); ++i) {
        if (auto* page = qobject_cast<Page*>(m_ui->pages->widget(i)))
            page->saveState();
    }
    for (const auto& preview : std::as_const(m_previews)) {
        if (auto* window = preview.data())
            window->close();
    }
    // Pending edits are already in the workspace file: closing keeps them for next time.
    if (m_context.pending->count() > 0)
        statusBar()->showMessage(tr("Your pending edits are kept for next time."));
    if (m_context.session->isSignedIn())
        m_context.session->signOut();
    event->accept();
}
