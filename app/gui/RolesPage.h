#pragma once

#include "GuiUtil.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;
class QToolButton;
class RolesModel;

// ERP role mappings: keyword search; filters by process, module, no access; visible-columns menu;
// page size 20/30/50/100/200 or custom up to 999; add / edit / delete.
class RolesPage : public Page
{
    Q_OBJECT
public:
    explicit RolesPage(const AppContext& context, QWidget* parent = nullptr);

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

    AppContext m_context;
    RolesModel* m_model;
    QLineEdit* m_search;
    QComboBox* m_processFilter;
    QComboBox* m_moduleFilter;
    QComboBox* m_noAccessFilter;
    QToolButton* m_columnsButton;
    QTableView* m_view;
    QComboBox* m_pageSize;
    QSpinBox* m_customPageSize;
    QPushButton* m_previous;
    QPushButton* m_next;
    QLabel* m_pageLabel;
    QLabel* m_pageSizeLabel;
    QPushButton* m_add;
    QPushButton* m_edit;
    QPushButton* m_delete;
    QTimer* m_searchTimer;
    bool m_working = false;
};
