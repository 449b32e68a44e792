#include "ScreenshotTour.h"

#include "AuditModel.h"
#include "AuditPage.h"
#include "ConnectDialog.h"
#include "ContactsModel.h"
#include "CustomersModel.h"
#include "CustomersPage.h"
#include "ExportPage.h"
#include "ImportPage.h"
#include "JobsPage.h"
#include "MainWindow.h"
#include "PendingChanges.h"
#include "PortalUsersModel.h"
#include "PortalUsersPage.h"
#include "PreviewWindow.h"
#include "RolesPage.h"
#include "Session.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QScrollBar>
#include <QTableView>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>
#include <QWebEngineView>

using namespace Qt::StringLiterals;

ScreenshotTour::ScreenshotTour(MainWindow* window, const QString& directory, const QUrl& server, const QString& email,
                               const QString& password, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_dir(directory)
    , m_server(server)
    , m_email(email)
    , m_password(password)
{
    m_dir.mkpath(u"."_s);
}

void ScreenshotTour::save(QWidget* widget, const QString& name)
{
    const auto path = m_dir.filePath(u"app-"_s + name + u".png"_s);
    if (!widget->grab().save(path)) {
        qWarning("screenshot: cannot write %s", qPrintable(path));
        m_ok = false;
    } else {
        qInfo("screenshot: %s", qPrintable(path));
    }
}

void ScreenshotTour::whenIdle(std::function<void()> then, int settleMs)
{
    auto deadline = std::make_shared<QDeadlineTimer>(20000);
    auto* timer = new QTimer(this);
    auto quiet = std::make_shared<int>(0);
    connect(timer, &QTimer::timeout, this, [this, timer, then, deadline, quiet, settleMs] {
        *quiet = m_window->isBusy() ? 0 : *quiet + 100;
        if (*quiet >= settleMs || deadline->hasExpired()) {
            timer->deleteLater();
            then();
        }
    });
    timer->start(100);
}

void ScreenshotTour::start()
{
    m_window->show();
    auto* dialog = m_window->openConnectDialog(m_server.toString(), m_email);
    dialog->findChild<QLineEdit*>(u"passwordEdit"_s)->setText(m_password);
    QTimer::singleShot(500, this, [this, dialog] {
        save(dialog, u"connect"_s);
        connect(
            m_window->context().session, &Session::signedIn, this, [this] { whenIdle([this] { step(0); }, 1000); },
            Qt::SingleShotConnection);
        connect(m_window->context().session, &Session::signInFailed, this, [this] {
            qWarning("screenshot: sign-in failed");
            emit finished(false);
        });
        dialog->accept();
    });
}

void ScreenshotTour::step(int index)
{
    const auto next = [this, index] { whenIdle([this, index] { step(index + 1); }); };
    switch (index) {
    case 0: {
        // Customers with one pending edit, so the highlight shows.
        auto* page = m_window->customersPage();
        auto* view = page->findChild<QTableView*>(u"customersView"_s);
        view->setCurrentIndex(page->customersModel()->index(0, 0));
        whenIdle([this, page, next] {
            auto* contacts = page->contactsModel();
            if (contacts->rowCount() > 0) {
                const int column = contacts->columnOfField(u"canRegister"_s);
                const auto cell = contacts->index(0, column);
                contacts->setData(cell,
                                  cell.data(Qt::CheckStateRole).toInt() == Qt::Checked ? Qt::Unchecked : Qt::Checked,
                                  Qt::CheckStateRole);
            }
            QTimer::singleShot(300, this, [this, page, next] {
                save(m_window, u"customers"_s);
                // The contacts grid scrolled to its last permission columns: name and e-mail stay.
                auto* contactsView = page->findChild<QTableView*>(u"contactsView"_s);
                contactsView->horizontalScrollBar()->setValue(contactsView->horizontalScrollBar()->maximum());
                QTimer::singleShot(300, this, [this, contactsView, next] {
                    save(m_window, u"contacts-scrolled-right"_s);
                    contactsView->horizontalScrollBar()->setValue(0);
                    // Saved, so the audit log has a contact's change to show side by side.
                    m_window->customersPage()->saveChanges();
                    m_window->showPage(MainWindow::PortalUsers);
                    next();
                });
            });
        });
        return;
    }
    case 1: {
        save(m_window, u"portal-users"_s);
        // The "New portal user…" dialog, filled in as staff would.
        auto* page = m_window->portalUsersPage();
        page->newUser();
        QTimer::singleShot(500, this, [this, page, next] {
            if (auto* dialog = page->findChild<QDialog*>(u"newPortalUserDialog"_s)) {
                dialog->findChild<QLineEdit*>(u"emailEdit"_s)->setText(u"dora.diaz@customer.example"_s);
                dialog->findChild<QLineEdit*>(u"firstNameEdit"_s)->setText(u"Dora"_s);
                dialog->findChild<QLineEdit*>(u"lastNameEdit"_s)->setText(u"Diaz"_s);
                dialog->findChild<QLineEdit*>(u"customerEdit"_s)->setText(u"C100005"_s);
                QTimer::singleShot(200, this, [this, dialog, next] {
                    save(dialog, u"new-portal-user"_s);
                    dialog->reject();
                    m_window->showPage(MainWindow::Roles);
                    next();
                });
                return;
            }
            m_window->showPage(MainWindow::Roles);
            next();
        });
        return;
    }
    case 2:
        save(m_window, u"roles"_s);
        m_window->showPage(MainWindow::Settings);
        next();
        return;
    case 3:
        save(m_window, u"settings"_s);
        m_window->showPage(MainWindow::Jobs);
        next();
        return;
    case 4: {
        // Run now on the email schedule; the page follows the run to its end, then the shot.
        auto* jobs = m_window->jobsPage();
        auto done = std::make_shared<bool>(false);
        const auto shoot = [this, next, done] {
            if (*done)
                return;
            *done = true;
            whenIdle([this, next] {
                save(m_window, u"jobs"_s);
                m_window->showPage(MainWindow::Audit);
                next();
            });
        };
        if (!jobs->selectSchedule(u"cron.email_documents"_s)) {
            shoot();
            return;
        }
        connect(jobs, &JobsPage::runFinished, this, shoot, Qt::SingleShotConnection);
        jobs->runNow();
        QTimer::singleShot(20000, this, shoot); // no answer: the page as it is
        return;
    }
    case 5: {
        // The contact edited at the start, its before and after side by side.
        auto* auditModel = m_window->auditPage()->model();
        for (int row = 0; row < auditModel->rowCount(); ++row) {
            if (auditModel->record(row).value(u"entity"_s).toString() == u"contact"_s) {
                m_window->auditPage()
                    ->findChild<QTableView*>(u"auditView"_s)
                    ->setCurrentIndex(auditModel->index(row, 0));
                break;
            }
        }
        save(m_window, u"audit"_s);
        m_window->showPage(MainWindow::Roles);
        auto* roles = m_window->rolesPage();
        if (roles->findChild<QTableView*>(u"rolesView"_s)->model()->rowCount() > 0) {
            auto* view = roles->findChild<QTableView*>(u"rolesView"_s);
            view->setCurrentIndex(view->model()->index(0, 0));
            roles->editSelected();
            QTimer::singleShot(500, this, [this, roles, next] {
                if (auto* dialog = roles->findChild<QDialog*>(u"roleDialog"_s)) {
                    save(dialog, u"role-dialog"_s);
                    dialog->reject();
                }
                next();
            });
        } else {
            next();
        }
        return;
    }
    case 6: {
        m_window->showPage(MainWindow::Customers);
        m_window->customersPage()->bulkPortalAccess(true);
        QTimer::singleShot(1500, this, [this, next] {
            if (auto* box = m_window->customersPage()->findChild<QMessageBox*>(u"bulkConfirmBox"_s)) {
                save(box, u"bulk-confirm"_s);
                box->reject();
            }
            next();
        });
        return;
    }
    case 7: {
        // Preview as the first portal user.
        m_window->showPage(MainWindow::PortalUsers);
        auto* page = m_window->portalUsersPage();
        auto* view = page->findChild<QTableView*>(u"portalUsersView"_s);
        if (page->model()->rowCount() == 0) {
            step(8);
            return;
        }
        view->setCurrentIndex(page->model()->index(0, 0));
        connect(
            m_window, &MainWindow::previewOpened, this,
            [this](PreviewWindow* preview) {
                preview->resize(1200, 800);
                connect(
                    preview->view(), &QWebEngineView::loadFinished, this,
                    [this, preview] {
                        QTimer::singleShot(1500, this, [this, preview] {
                            save(preview, u"preview"_s);
                            preview->close();
                            step(8);
                        });
                    },
                    Qt::SingleShotConnection);
            },
            Qt::SingleShotConnection);
        page->previewSelected();
        // No preview (server error): the tour goes on after a while.
        QTimer::singleShot(20000, this, [this] {
            if (!m_dir.exists(u"app-preview.png"_s))
                step(8);
        });
        return;
    }
    case 8: {
        // Check Data on a file with mistakes: the errors by row and column.
        const QString path = QDir::temp().filePath(u"gatehouse-tour-customers.csv"_s);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write("number,name,group,portal_enabled,currency\r\nC100001,Alpine Tools GmbH,Y10,Yes,EUR\r\n"
                       "C100002,\"Alpine Tools Service GmbH\",Y10,perhaps,EUR\r\nC900001,,Y20,No,EUR\r\n"
                       "C100001,Duplicate,Y10,Yes,EUR\r\n");
        file.close();
        m_window->showPage(MainWindow::Import);
        auto* page = m_window->importPage();
        page->setEntity(u"customers"_s);
        page->setFile(path);
        connect(
            page, &ImportPage::checkFinished, this,
            [this, next] {
                QTimer::singleShot(300, this, [this, next] {
                    save(m_window, u"import-check"_s);
                    next();
                });
            },
            Qt::SingleShotConnection);
        page->checkData();
        return;
    }
    case 9: {
        // Import of the shipped sample roles, followed to its counts.
        const QString path = QDir::temp().filePath(u"gatehouse-tour-roles.csv"_s);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write("code,description,processes,modules,no_access\r\n"
                       "SALES01,Sales desk,email_documents,orders.view|invoices.view|deliveries.view,No\r\n"
                       "BLOCKED,No portal access,,,Yes\r\n");
        file.close();
        auto* page = m_window->importPage();
        page->setEntity(u"roles"_s);
        page->setFile(path);
        connect(
            page, &ImportPage::importFinished, this,
            [this, next] {
                QTimer::singleShot(300, this, [this, next] {
                    save(m_window, u"import-done"_s);
                    m_window->showPage(MainWindow::Export);
                    next();
                });
            },
            Qt::SingleShotConnection);
        page->startImport();
        return;
    }
    case 10: {
        // An export with one column excluded and a value filter, followed until its file is there.
        auto* page = m_window->exportPage();
        page->setEntity(u"portal-users"_s);
        page->setExcluded(u"status"_s, true);
        page->setFilter(u"is_admin"_s, u"Yes"_s);
        page->queueExport();
        auto shots = std::make_shared<int>(0);
        auto check = std::make_shared<QMetaObject::Connection>();
        *check = connect(page, &ExportPage::exportsLoaded, this, [this, page, next, shots, check] {
            bool active = false;
            for (const auto& value : page->exports()) {
                const QString status = value.toObject().value(u"status"_s).toString();
                active = active || status == u"queued"_s || status == u"running"_s;
            }
            if ((active && ++*shots < 30) || page->exports().isEmpty())
                return;
            disconnect(*check);
            if (!page->exports().isEmpty())
                page->selectExport(page->exports().at(0).toObject().value(u"id"_s).toInteger());
            QTimer::singleShot(300, this, [this, next] {
                save(m_window, u"export"_s);
                next();
            });
        });
        return;
    }
    default:
        emit finished(m_ok);
        return;
    }
}
