#pragma once

#include "Catalogue.h"

#include <QDialog>
#include <QJsonObject>

#include <memory>

namespace Ui {
class RoleDialog;
}

// Add or edit one ERP role mapping: code, description, processes and modules (multi-select), no access.
class RoleDialog : public QDialog
{
    Q_OBJECT
public:
    RoleDialog(const QJsonObject& role, const Catalogue* catalogue, QWidget* parent = nullptr);
    ~RoleDialog() override;

    bool isNew() const { return m_role.isEmpty(); }
    // The whole record as entered (for POST /roles) ...
    QJsonObject record() const;
    // ... or only what changed (for a changeset).
    QJsonObject changes() const;

public slots:
    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateTitle();

    std::unique_ptr<Ui::RoleDialog> m_ui;
    QJsonObject m_role;
};
