#pragma once

#include "GuiUtil.h"

#include <memory>

namespace Ui {
class RolesPage;
}
class QTimer;
class RolesModel;

// ERP role mappings: keyword search; filters by process, module, no access; visible-columns menu;
// page size 20/30/50/100/200 or custom up to 999; add / edit / delete.
class RolesPage : public Page
{
    Q_OBJECT
public:
    explicit RolesPage(const AppContext& context, QWidget* parent = nullptr);
    ~RolesPage() override;

    void refresh() override;
    void focusSearch() override;
    void saveState() override;
    bool isBusy() const override;
    RolesModel* model() const { return m_model; }

    void addRole();
    void editSelected();
    void deleteSelected();

protected:
    void retranslateUi() override;

private:
    void fillFilters();
    void applyPageSize();
    void updatePager();

    std::unique_ptr<Ui::RolesPage> m_ui;
    AppContext m_context;
    RolesModel* m_model;
    QTimer* m_searchTimer;
    bool m_working = false;
};
