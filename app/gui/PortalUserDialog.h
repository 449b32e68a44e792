#pragma once

#include "Catalogue.h"

#include <QDialog>
#include <QJsonObject>

#include <memory>

namespace Ui {
class PortalUserDialog;
}

// Assigned customers, allowed sections, admin and make-payment of one portal user.
class PortalUserDialog : public QDialog
{
    Q_OBJECT
public:
    PortalUserDialog(const QJsonObject& user, const QList<Catalogue::Entry>& sections, QWidget* parent = nullptr);
    ~PortalUserDialog() override;

    // The changed fields only (the `set` of a changeset).
    QJsonObject changes() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void addCustomer();
    void fillAccess(const QList<Catalogue::Entry>& sections);

    std::unique_ptr<Ui::PortalUserDialog> m_ui;
    QJsonObject m_user;
};
