#include "JobsModel.h"

#include "DateTimeText.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QDateTime>

using namespace Qt::StringLiterals;

JobsModel::JobsModel(ApiClient* client, QObject* parent)
    : RemoteTableModel(client, u"job"_s, u"id"_s, parent)
{
    setPath(u"/jobs"_s);
    setSortKey({});
    // Newest first, as the server lists them; it offers no other order.
    setColumns({
        {u"id"_s, QT_TRANSLATE_NOOP("Columns", "Run"), Kind::Text, false, false},
        {u"name"_s, QT_TRANSLATE_NOOP("Columns", "Job"), Kind::Text, false, false},
        {u"kind"_s, QT_TRANSLATE_NOOP("Columns", "Kind"), Kind::Text, false, false},
        {u"status"_s, QT_TRANSLATE_NOOP("Columns", "Status"), Kind::Text, false, false},
        {u"progress"_s, QT_TRANSLATE_NOOP("Columns", "Progress"), Kind::Text, false, false},
        {u"counts"_s, QT_TRANSLATE_NOOP("Columns", "Counts"), Kind::Json, false, false},
        {u"createdAt"_s, QT_TRANSLATE_NOOP("Columns", "Queued"), Kind::Text, false, false},
        {u"startedAt"_s, QT_TRANSLATE_NOOP("Columns", "Started"), Kind::Text, false, false},
        {u"finishedAt"_s, QT_TRANSLATE_NOOP("Columns", "Finished"), Kind::Text, false, false},
    });
}

void JobsModel::setScheduleLabels(const QHash<QString, QString>& labels)
{
    if (labels == m_scheduleLabels)
        return;
    m_scheduleLabels = labels;
    const int column = columnOfField(u"name"_s);
    if (rowCount() > 0 && column >= 0)
        emit dataChanged(index(0, column), index(rowCount() - 1, column));
}

QString JobsModel::statusText(const QString& status)
{
    if (status == u"queued"_s)
        return QCoreApplication::translate("JobsModel", "Queued");
    if (status == u"running"_s)
        return QCoreApplication::translate("JobsModel", "Running");
    if (status == u"done"_s)
        return QCoreApplication::translate("JobsModel", "Done");
    if (status == u"failed"_s)
        return QCoreApplication::translate("JobsModel", "Failed");
    return status;
}

QString JobsModel::countsText(const QJsonObject& counts)
{
    // The counts the server's jobs report in the order one reads them; any others after, by name.
    QStringList keys{u"sent"_s, u"failed"_s, u"exported"_s, u"waiting"_s};
    keys.removeIf([&counts](const QString& key) { return !counts.contains(key); });
    for (const auto& key : counts.keys()) {
        if (!keys.contains(key))
            keys << key;
    }
    QStringList parts;
    for (const auto& key : std::as_const(keys)) {
        const auto value = counts.value(key);
        parts << key + u": "_s
                + (value.isDouble() ? QString::number(value.toDouble(), 'g', 15) : value.toVariant().toString());
    }
    return parts.join(u", "_s);
}

QString JobsModel::displayText(const Column& column, const QJsonValue& value) const
{
    if (column.field == u"status"_s)
        return statusText(value.toString());
    if (column.field == u"progress"_s && value.isDouble())
        return QCoreApplication::translate("JobsModel", "%1 %").arg(value.toInt());
    if (column.field == u"counts"_s && value.isObject())
        return countsText(value.toObject());
    if (column.field == u"name"_s)
        return m_scheduleLabels.value(value.toString(), value.toString());
    if (column.field.endsWith(u"At"_s) && value.isString()) {
        const auto text = DateTimeText::fromIso(value.toString());
        if (!text.isEmpty())
            return text;
    }
    return RemoteTableModel::displayText(column, value);
}

QVariant JobsModel::data(const QModelIndex& index, int role) const
{
    if (role == Qt::ForegroundRole && index.isValid() && index.column() == columnOfField(u"status"_s)
        && record(index.row()).value(u"status"_s).toString() == u"failed"_s)
        return QBrush(QColor(0xb0, 0x00, 0x20));
    return RemoteTableModel::data(index, role);
}
