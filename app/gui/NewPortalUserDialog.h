#pragma once

#include "Catalogue.h"

#include <QDialog>
#include <QJsonObject>

#include <memory>

namespace Ui {
class NewPortalUserDialog;
}
class ApiClient;
struct ApiError;

// "New portal user…": e-mail, names, customer, further assigned customers, sections, admin and make
// payment, "send invitation" ticked. Creates the user with POST /portal-users and stays open, with
// the server's reasons beside the form, until the server has accepted it.
class NewPortalUserDialog : public QDialog
{
    Q_OBJECT
public:
    NewPortalUserDialog(ApiClient* client, const QList<Catalogue::Entry>& sections, QWidget* parent = nullptr);
    ~NewPortalUserDialog() override;

    // The body of POST /portal-users as the form stands.
    QJsonObject request() const;

public slots:
    void accept() override;

signals:
    void created(const QJsonObject& user, bool invited);

protected:
    void changeEvent(QEvent* event) override;

private:
    void addCustomer();
    void setBusy(bool busy);
    void showProblems(const ApiError& error);

    std::unique_ptr<Ui::NewPortalUserDialog> m_ui;
    ApiClient* m_client;
    bool m_busy = false;
};
