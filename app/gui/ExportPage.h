#pragma once

#include "GuiUtil.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>

namespace Ui {
class ExportPage;
}
class QTimer;

// CSV export (LeanSwift "Export"): entity type, fields enclosure, the entity's attribute list with a
// search, exclude check boxes and value filters, reset; exports run as queued jobs on the server, whose
// list (with progress) refreshes itself while one is queued or running; download (streamed to disk)
// and delete. Every request is asynchronous.
class ExportPage : public Page
{
    Q_OBJECT
public:
    explicit ExportPage(const AppContext& context, QWidget* parent = nullptr);
    ~ExportPage() override;

    void refresh() override;
    bool isBusy() const override;

    void setEntity(const QString& entity);
    // Ticks the attribute's Exclude box / sets its value filter.
    void setExcluded(const QString& attribute, bool excluded);
    void setFilter(const QString& attribute, const QString& value);
    void resetFilter();
    void queueExport();
    // Downloads the selected export's file to path / deletes the selected export.
    void download(const QString& path);
    void deleteSelected();
    bool selectExport(qint64 id);
    QJsonArray exports() const { return m_exports; }

signals:
    void exportQueued(qint64 id);
    void exportsLoaded();
    void downloaded(const QString& path, bool ok);

protected:
    void retranslateUi() override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void fillEntities();
    void fillAttributes();
    void applySearch();
    void showExports();
    void updateButtons();
    qint64 selectedId() const;
    QJsonObject selected() const;

    std::unique_ptr<Ui::ExportPage> m_ui;
    AppContext m_context;
    QTimer* m_poll;
    QJsonArray m_exports;
    int m_inFlight = 0;
    bool m_loading = false;
};
