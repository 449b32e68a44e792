#pragma once

#include "ApiClient.h"

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QUrlQuery>

class PendingChanges;

// A table over one Admin API list (`{items, page, pageSize, total}`), sorted and filtered by the
// server. Two modes: Incremental (the first page shows as soon as it arrives, the view asks for
// more through canFetchMore/fetchMore as it scrolls) and Paged (one page at a time, for screens
// with a page-size chooser). Editable columns write to PendingChanges, never to the server; the
// model shows pending values over the server's, highlighted.
class RemoteTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Kind
    {
        Text,
        Bool,
        ListValue,
        Json,
        SectionFlag
    };
    enum class Mode
    {
        Incremental,
        Paged
    };
    enum Role
    {
        RecordRole = Qt::UserRole + 1,
        KeyRole,
        PendingRole,
        ConflictRole,
        FieldRole
    };

    struct Column
    {
        QString field;
        const char* title; // QT_TRANSLATE_NOOP("Columns", ...)
        Kind kind = Kind::Text;
        bool editable = false;
        bool sortable = true;
        QString extra; // SectionFlag: the section key; its label replaces title when set
        QString label;
    };

    RemoteTableModel(ApiClient* client, const QString& entity, const QString& keyField, QObject* parent = nullptr);

    void setPendingChanges(PendingChanges* pending);
    // Read only (e.g. a viewer staff role): no check box can be ticked.
    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }
    void setPath(const QString& path) { m_path = path; }
    // The record field naming the record this one belongs to (kept with each pending edit).
    void setParentField(const QString& field) { m_parentField = field; }
    QString path() const { return m_path; }
    QString entity() const { return m_entity; }
    void setMode(Mode mode) { m_mode = mode; }
    void setPageSize(int pageSize) { m_pageSize = pageSize; }
    int pageSize() const { return m_pageSize; }
    void setPage(int page) { m_page = page; }
    int page() const { return m_page; }
    int pageCount() const;
    void setFilter(const QString& name, const QString& value);
    QString filter(const QString& name) const { return m_filters.queryItemValue(name); }
    void clearFilters() { m_filters.clear(); }
    void setSortKey(const QString& sort) { m_sort = sort; }

    // Drops what is loaded and asks for the first (or current, in Paged mode) page.
    void reload();
    void clear();
    bool isLoading() const { return m_loading; }
    bool hasLoaded() const { return m_loaded; }
    int total() const { return m_total; }
    ApiError lastError() const { return m_lastError; }

    QJsonObject record(int row) const;
    QString keyOf(int row) const;
    int rowOfKey(const QString& key) const;
    QList<Column> columnList() const { return m_columns; }
    int columnOfField(const QString& field) const;

    // 409 handling: rows whose records are stale on the server, and a per-record reload.
    void setConflicts(const QSet<QString>& keys);
    QSet<QString> conflicts() const { return m_conflicts; }
    void reloadRecord(const QString& key);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    void loadingChanged(bool loading);
    void loaded();
    void loadFailed(const ApiError& error);
    void totalChanged(int total);

protected:
    PendingChanges* pendingChanges() const { return m_pending; }
    void setColumns(const QList<Column>& columns);
    // A new header text for one column (a language switch), without resetting the rows.
    void setColumnLabel(int column, const QString& label);
    // The value shown for a field: the pending edit when there is one, else the server's.
    QJsonValue effectiveValue(int row, const QString& field) const;
    virtual QString recordPath(const QString& key) const;
    virtual QString displayText(const Column& column, const QJsonValue& value) const;

private:
    void requestPage(int page, bool replace);
    void setLoading(bool loading);

    ApiClient* m_client;
    PendingChanges* m_pending = nullptr;
    QString m_entity;
    QString m_keyField;
    QString m_parentField;
    QString m_path;
    QString m_sort;
    QUrlQuery m_filters;
    QList<Column> m_columns;
    QList<QJsonObject> m_rows;
    QSet<QString> m_conflicts;
    ApiError m_lastError;
    Mode m_mode = Mode::Incremental;
    int m_pageSize = 200;
    int m_page = 1;
    int m_nextPage = 1;
    int m_total = 0;
    int m_generation = 0;
    bool m_loading = false;
    bool m_loaded = false;
    bool m_editable = true;
};
