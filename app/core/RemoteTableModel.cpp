#include "RemoteTableModel.h"

#include "PendingChanges.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

RemoteTableModel::RemoteTableModel(ApiClient* client, const QString& entity, const QString& keyField, QObject* parent)
    : QAbstractTableModel(parent)
    , m_client(client)
    , m_entity(entity)
    , m_keyField(keyField)
{
}

void RemoteTableModel::setPendingChanges(PendingChanges* pending)
{
    if (m_pending)
        disconnect(m_pending, nullptr, this, nullptr);
    m_pending = pending;
    if (m_pending) {
        connect(m_pending, &PendingChanges::changed, this, [this] {
            if (!m_rows.isEmpty())
                emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        });
    }
}

void RemoteTableModel::setEditable(bool editable)
{
    if (m_editable == editable)
        return;
    m_editable = editable;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void RemoteTableModel::setColumns(const QList<Column>& columns)
{
    beginResetModel();
    m_columns = columns;
    endResetModel();
}

void RemoteTableModel::setColumnLabel(int column, const QString& label)
{
    if (column < 0 || column >= m_columns.size() || m_columns.at(column).label == label)
        return;
    m_columns[column].label = label;
    emit headerDataChanged(Qt::Horizontal, column, column);
}

int RemoteTableModel::columnOfField(const QString& field) const
{
    for (int i = 0; i < m_columns.size(); ++i) {
        if (m_columns.at(i).field == field && m_columns.at(i).kind != Kind::SectionFlag)
            return i;
    }
    return -1;
}

void RemoteTableModel::setFilter(const QString& name, const QString& value)
{
    m_filters.removeAllQueryItems(name);
    if (!value.isEmpty())
        m_filters.addQueryItem(name, value);
}

int RemoteTableModel::pageCount() const
{
    return m_total <= 0 ? 1 : (m_total + m_pageSize - 1) / m_pageSize;
}

void RemoteTableModel::clear()
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    m_loaded = false;
    endResetModel();
    setLoading(false);
    emit totalChanged(0);
}

void RemoteTableModel::reload()
{
    ++m_generation;
    if (m_path.isEmpty()) {
        clear();
        return;
    }
    requestPage(m_mode == Mode::Paged ? m_page : 1, true);
}

void RemoteTableModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

void RemoteTableModel::requestPage(int page, bool replace)
{
    QUrlQuery query = m_filters;
    query.addQueryItem(u"page"_s, QString::number(page));
    query.addQueryItem(u"pageSize"_s, QString::number(m_pageSize));
    if (!m_sort.isEmpty())
        query.addQueryItem(u"sort"_s, m_sort);
    setLoading(true);
    const int generation = m_generation;
    auto* reply = m_client->get(m_path, query);
    connect(reply, &ApiReply::finished, this, [this, reply, page, replace, generation] {
        if (generation != m_generation)
            return; // a newer reload or clear superseded this answer
        setLoading(false);
        if (!reply->isOk()) {
            m_lastError = reply->error();
            if (replace) {
                beginResetModel();
                m_rows.clear();
                m_total = 0;
                endResetModel();
            }
            emit loadFailed(m_lastError);
            return;
        }
        m_lastError = {};
        const auto answer = reply->object();
        const auto items = answer.value(u"items"_s).toArray();
        QList<QJsonObject> rows;
        rows.reserve(items.size());
        for (const auto& item : items)
            rows.append(item.toObject());
        const int total = answer.value(u"total"_s).toInt(int(rows.size()));
        if (replace) {
            beginResetModel();
            m_rows = rows;
            endResetModel();
        } else if (!rows.isEmpty()) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size()) - 1);
            m_rows.append(rows);
            endInsertRows();
        }
        m_nextPage = page + 1;
        m_loaded = true;
        // A short page means the end, whatever total says; keeps fetchMore from looping.
        const int loadedTotal = (m_mode == Mode::Incremental && rows.size() < m_pageSize) ? int(m_rows.size()) : total;
        if (m_total != loadedTotal) {
            m_total = loadedTotal;
            emit totalChanged(m_total);
        }
        emit loaded();
    });
}

bool RemoteTableModel::canFetchMore(const QModelIndex& parent) const
{
    if (parent.isValid() || m_mode != Mode::Incremental)
        return false;
    return m_loaded && !m_loading && m_rows.size() < m_total;
}

void RemoteTableModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    requestPage(m_nextPage, false);
}

void RemoteTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= m_columns.size() || !m_columns.at(column).sortable)
        return;
    const auto& field = m_columns.at(column).field;
    const auto sortKey = order == Qt::AscendingOrder ? field : u'-' + field;
    if (sortKey == m_sort)
        return;
    m_sort = sortKey;
    if (m_loaded || m_loading)
        reload();
}

QJsonObject RemoteTableModel::record(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : QJsonObject();
}

QString RemoteTableModel::keyOf(int row) const
{
    const auto value = record(row).value(m_keyField);
    return value.isDouble() ? QString::number(value.toInteger()) : value.toString();
}

int RemoteTableModel::rowOfKey(const QString& key) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (keyOf(row) == key)
            return row;
    }
    return -1;
}

QJsonValue RemoteTableModel::effectiveValue(int row, const QString& field) const
{
    if (m_pending) {
        const auto pending = m_pending->value(m_entity, keyOf(row), field);
        if (!pending.isUndefined())
            return pending;
    }
    return m_rows.at(row).value(field);
}

QString RemoteTableModel::recordPath(const QString& key) const
{
    return m_path + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(key));
}

QString RemoteTableModel::displayText(const Column& column, const QJsonValue& value) const
{
    switch (column.kind) {
    case Kind::ListValue: {
        QStringList parts;
        for (const auto& item : value.toArray())
            parts << (item.isDouble() ? QString::number(item.toDouble()) : item.toString());
        return parts.join(u", "_s);
    }
    case Kind::Json:
        if (value.isObject())
            return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        if (value.isArray())
            return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        break;
    case Kind::Bool:
    case Kind::SectionFlag:
        return {};
    case Kind::Text:
        break;
    }
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    if (value.isBool())
        return value.toBool() ? QCoreApplication::translate("Columns", "Yes")
                              : QCoreApplication::translate("Columns", "No");
    if (value.isNull() || value.isUndefined())
        return {};
    return value.toString();
}

int RemoteTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RemoteTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant RemoteTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& column = m_columns.at(index.column());
    const int row = index.row();
    const auto key = keyOf(row);
    const bool pendingCell = m_pending && m_pending->contains(m_entity, key, column.field)
        && (column.kind != Kind::SectionFlag
            || effectiveValue(row, column.field).toArray().contains(QJsonValue(column.extra))
                != m_rows.at(row).value(column.field).toArray().contains(QJsonValue(column.extra)));
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return displayText(column, effectiveValue(row, column.field));
    case Qt::ToolTipRole:
        if (m_conflicts.contains(key))
            return QCoreApplication::translate("Columns",
                                               "Changed on the server by someone else; reload this record to see it.");
        if (pendingCell)
            return QCoreApplication::translate("Columns", "Pending: not saved until Update");
        return column.kind == Kind::Json ? displayText(column, effectiveValue(row, column.field)) : QVariant();
    case Qt::CheckStateRole:
        if (column.kind == Kind::Bool)
            return effectiveValue(row, column.field).toBool() ? Qt::Checked : Qt::Unchecked;
        if (column.kind == Kind::SectionFlag)
            return effectiveValue(row, column.field).toArray().contains(QJsonValue(column.extra)) ? Qt::Checked
                                                                                                  : Qt::Unchecked;
        return {};
    case Qt::FontRole:
        if (pendingCell) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        if (m_conflicts.contains(key))
            return QBrush(QColor(0xf8, 0xd0, 0xd0));
        if (pendingCell)
            return QBrush(QColor(0xff, 0xf0, 0xb3));
        return {};
    case Qt::ForegroundRole:
        if (pendingCell || m_conflicts.contains(key))
            return QBrush(QColor(0x20, 0x20, 0x20)); // readable on the highlight in dark themes too
        return {};
    case RecordRole:
        return m_rows.at(row).toVariantMap();
    case KeyRole:
        return key;
    case PendingRole:
        return pendingCell;
    case ConflictRole:
        return m_conflicts.contains(key);
    case FieldRole:
        return column.field;
    default:
        return {};
    }
}

bool RemoteTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_pending)
        return false;
    const auto& column = m_columns.at(index.column());
    if (!m_editable || !column.editable || role != Qt::CheckStateRole)
        return false;
    const int row = index.row();
    const bool checked = value.toInt() == Qt::Checked;
    const auto original = m_rows.at(row).value(column.field);
    const auto version = qint64(m_rows.at(row).value(u"version"_s).toInteger());
    const auto parentValue = m_parentField.isEmpty() ? QJsonValue() : m_rows.at(row).value(m_parentField);
    const auto parent = parentValue.isDouble() ? QString::number(parentValue.toInteger()) : parentValue.toString();
    if (column.kind == Kind::Bool) {
        m_pending->setValue(m_entity, keyOf(row), version, column.field, original, checked, parent);
    } else if (column.kind == Kind::SectionFlag) {
        // sections is one list field: the edit stores the whole new list, in the server's order.
        QStringList sections;
        for (const auto& item : effectiveValue(row, column.field).toArray())
            sections << item.toString();
        sections.removeAll(column.extra);
        if (checked)
            sections << column.extra;
        QStringList originalSections;
        for (const auto& item : original.toArray())
            originalSections << item.toString();
        QJsonArray result;
        // Same members as the original → exactly the original, so the pending edit disappears.
        if (QSet<QString>(sections.begin(), sections.end())
            == QSet<QString>(originalSections.begin(), originalSections.end())) {
            result = original.toArray();
        } else {
            QStringList ordered;
            for (const auto& section : std::as_const(m_columns)) {
                if (section.kind == Kind::SectionFlag && sections.contains(section.extra))
                    ordered << section.extra;
            }
            for (const auto& section : std::as_const(sections)) {
                if (!ordered.contains(section))
                    ordered << section;
            }
            result = QJsonArray::fromStringList(ordered);
        }
        m_pending->setValue(m_entity, keyOf(row), version, column.field, original, result, parent);
    } else {
        return false;
    }
    emit dataChanged(this->index(row, 0), this->index(row, columnCount() - 1));
    return true;
}

QVariant RemoteTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return {};
    const auto& column = m_columns.at(section);
    if (role == Qt::DisplayRole)
        return column.label.isEmpty() ? QCoreApplication::translate("Columns", column.title) : column.label;
    if (role == Qt::ToolTipRole && column.kind == Kind::SectionFlag)
        return QCoreApplication::translate("Columns", "Portal section %1").arg(column.extra);
    return {};
}

Qt::ItemFlags RemoteTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    auto result = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    const auto& column = m_columns.at(index.column());
    if (m_editable && column.editable && m_pending && (column.kind == Kind::Bool || column.kind == Kind::SectionFlag))
        result |= Qt::ItemIsUserCheckable;
    return result;
}

void RemoteTableModel::setConflicts(const QSet<QString>& keys)
{
    m_conflicts = keys;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void RemoteTableModel::reloadRecord(const QString& key)
{
    if (m_pending)
        m_pending->revertRecord(m_entity, key);
    auto* reply = m_client->get(recordPath(key));
    const int generation = m_generation;
    connect(reply, &ApiReply::finished, this, [this, reply, key, generation] {
        if (generation != m_generation || !reply->isOk())
            return;
        const int row = rowOfKey(key);
        if (row < 0)
            return;
        auto fresh = reply->object();
        // Some resources wrap the record; accept both shapes.
        for (const auto& wrapper : {u"customer"_s, u"contact"_s, u"portalUser"_s, u"role"_s}) {
            if (fresh.value(wrapper).isObject() && !fresh.contains(m_keyField))
                fresh = fresh.value(wrapper).toObject();
        }
        m_rows[row] = fresh;
        m_conflicts.remove(key);
        emit dataChanged(index(row, 0), index(row, columnCount() - 1));
    });
}
