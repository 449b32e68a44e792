#include "RolesModel.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

RolesModel::RolesModel(ApiClient* client, QObject* parent)
    : RemoteTableModel(client, u"role"_s, u"code"_s, parent)
{
    setPath(u"/roles"_s);
    setMode(Mode::Paged);
    setPageSize(20);
    setSortKey(u"code"_s);
    setColumns({
        {u"code"_s, QT_TRANSLATE_NOOP("Columns", "Role")},
        {u"description"_s, QT_TRANSLATE_NOOP("Columns", "Description")},
        {u"processes"_s, QT_TRANSLATE_NOOP("Columns", "Processes"), Kind::ListValue, false, false},
        {u"modules"_s, QT_TRANSLATE_NOOP("Columns", "Modules displayed"), Kind::ListValue, false, false},
        {u"noAccess"_s, QT_TRANSLATE_NOOP("Columns", "No access"), Kind::Text},
    });
}

void RolesModel::setLabels(const QHash<QString, QString>& labels)
{
    m_labels = labels;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

QString RolesModel::displayText(const Column& column, const QJsonValue& value) const
{
    if (column.kind != Kind::ListValue || m_labels.isEmpty())
        return RemoteTableModel::displayText(column, value);
    QStringList labels;
    for (const auto& item : value.toArray())
        labels << m_labels.value(item.toString(), item.toString());
    return labels.join(u", "_s);
}
