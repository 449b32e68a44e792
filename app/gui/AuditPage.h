#pragma once

#include "GuiUtil.h"

#include <memory>

namespace Ui {
class AuditPage;
}
class QTimer;
class AuditModel;

// Who changed what and when, with before/after; filters; export of what matches as CSV.
class AuditPage : public Page
{
    Q_OBJECT
public:
    explicit AuditPage(const AppContext& context, QWidget* parent = nullptr);
    ~AuditPage() override;

    void refresh() override;
    void focusSearch() override;
    void saveState() override;
    bool isBusy() const override;
    AuditModel* model() const { return m_model; }

    // Fetches every matching event page by page (never blocking) and writes RFC 4180 CSV.
    void exportCsv(const QString& fileName);

signals:
    void exported(const QString& fileName, int rows);

protected:
    void retranslateUi() override;

private:
    void showDetails();
    void updateTotal();

    std::unique_ptr<Ui::AuditPage> m_ui;
    AppContext m_context;
    AuditModel* m_model;
    QTimer* m_searchTimer;
    bool m_exporting = false;
};
