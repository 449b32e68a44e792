#pragma once

#include "GuiUtil.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTimer;
class AuditModel;

// Who changed what and when, with before/after; filters; export of what matches as CSV.
class AuditPage : public Page
{
    Q_OBJECT
public:
    explicit AuditPage(const AppContext& context, QWidget* parent = nullptr);

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

    AppContext m_context;
    AuditModel* m_model;
    QLineEdit* m_search;
    QComboBox* m_entity;
    QComboBox* m_origin;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QLabel* m_fromLabel;
    QLabel* m_toLabel;
    QPushButton* m_export;
    QLabel* m_total;
    QTableView* m_view;
    QPlainTextEdit* m_details;
    QTimer* m_searchTimer;
    bool m_exporting = false;
};
