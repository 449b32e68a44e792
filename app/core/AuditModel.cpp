#include "AuditModel.h"

#include "DateTimeText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

AuditModel::AuditModel(ApiClient* client, QObject* parent)
    : RemoteTableModel(client, u"audit_event"_s, u"id"_s, parent)
{
    setPath(u"/audit-events"_s);
    setSortKey(u"-at"_s);
    // The server sorts the audit trail by time only.
    setColumns({
        {u"at"_s, QT_TRANSLATE_NOOP("Columns", "Time")},
        {u"actor"_s, QT_TRANSLATE_NOOP("Columns", "Who"), Kind::Text, false, false},
        {u"origin"_s, QT_TRANSLATE_NOOP("Columns", "Origin"), Kind::Text, false, false},
        {u"entity"_s, QT_TRANSLATE_NOOP("Columns", "Entity"), Kind::Text, false, false},
        {u"key"_s, QT_TRANSLATE_NOOP("Columns", "Record"), Kind::Text, false, false},
        {u"action"_s, QT_TRANSLATE_NOOP("Columns", "Action"), Kind::Text, false, false},
        {u"changes"_s, QT_TRANSLATE_NOOP("Columns", "Changed fields"), Kind::Text, false, false},
    });
}

namespace {
QJsonObject side(const QJsonObject& event, const QString& name)
{
    return event.value(name).toObject();
}

QString fieldOf(const QJsonObject& event, const QString& field)
{
    const auto after = side(event, u"after"_s).value(field);
    const auto value = after.isUndefined() || after.isNull() ? side(event, u"before"_s).value(field) : after;
    return value.isDouble() ? QString::number(value.toInteger()) : value.toString();
}

const QSet<QString>& bookkeeping()
{
    static const QSet<QString> fields{u"version"_s, u"updatedAt"_s, u"createdAt"_s};
    return fields;
}
} // namespace

QString AuditModel::entityName(const QString& entity)
{
    if (entity == u"customer"_s)
        return QCoreApplication::translate("AuditModel", "Customer");
    if (entity == u"contact"_s)
        return QCoreApplication::translate("AuditModel", "Contact");
    if (entity == u"portal_user"_s)
        return QCoreApplication::translate("AuditModel", "Portal user");
    if (entity == u"role"_s)
        return QCoreApplication::translate("AuditModel", "ERP role");
    if (entity == u"setting"_s)
        return QCoreApplication::translate("AuditModel", "Setting");
    if (entity == u"job_run"_s)
        return QCoreApplication::translate("AuditModel", "Job run");
    return entity;
}

QString AuditModel::recordName(const QJsonObject& event)
{
    const auto entity = event.value(u"entity"_s).toString();
    const auto keyValue = event.value(u"key"_s);
    const auto key = keyValue.isDouble() ? QString::number(keyValue.toInteger()) : keyValue.toString();
    if (key == u"*"_s)
        return entity == u"contact"_s ? QCoreApplication::translate("AuditModel", "all contacts")
                                      : QCoreApplication::translate("AuditModel", "all customers");
    if (entity == u"contact"_s) {
        const auto customer = fieldOf(event, u"customerNumber"_s);
        const auto email = fieldOf(event, u"email"_s);
        if (!customer.isEmpty() || !email.isEmpty())
            return customer.isEmpty() ? email : email.isEmpty() ? customer : customer + u" · "_s + email;
    } else if (entity == u"portal_user"_s) {
        const auto email = fieldOf(event, u"email"_s);
        if (!email.isEmpty())
            return email;
    } else if (entity == u"customer"_s) {
        const auto name = fieldOf(event, u"name"_s);
        if (!name.isEmpty())
            return key + u" · "_s + name;
    }
    return key;
}

QStringList AuditModel::changedFields(const QJsonObject& event)
{
    const auto before = side(event, u"before"_s);
    const auto after = side(event, u"after"_s);
    QStringList fields;
    auto keys = before.keys() + after.keys();
    keys.removeDuplicates();
    keys.sort();
    for (const auto& field : std::as_const(keys)) {
        if (!bookkeeping().contains(field) && before.value(field) != after.value(field))
            fields << field;
    }
    return fields;
}

QString AuditModel::valueText(const QJsonValue& value)
{
    if (value.isUndefined() || value.isNull())
        return {};
    if (value.isBool())
        return value.toBool() ? QCoreApplication::translate("Columns", "Yes")
                              : QCoreApplication::translate("Columns", "No");
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    if (value.isArray()) {
        QStringList parts;
        for (const auto& item : value.toArray())
            parts << (item.isString() ? item.toString() : valueText(item));
        return parts.join(u", "_s);
    }
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return value.toString();
}

QString AuditModel::displayText(const Column& column, const QJsonValue& value) const
{
    if (column.field == u"at"_s)
        return DateTimeText::fromIso(value.toString());
    if (column.field == u"entity"_s)
        return entityName(value.toString());
    return RemoteTableModel::displayText(column, value);
}

QVariant AuditModel::data(const QModelIndex& index, int role) const
{
    if (index.isValid() && (role == Qt::DisplayRole || role == Qt::ToolTipRole)) {
        const auto& field = columnList().at(index.column()).field;
        const auto event = record(index.row());
        if (field == u"key"_s) {
            const auto keyValue = event.value(u"key"_s);
            const auto key = keyValue.isDouble() ? QString::number(keyValue.toInteger()) : keyValue.toString();
            return role == Qt::DisplayRole
                ? recordName(event)
                : QCoreApplication::translate("AuditModel", "%1 %2 (key %3)")
                      .arg(entityName(event.value(u"entity"_s).toString()), recordName(event), key);
        }
        if (field == u"changes"_s)
            return changedFields(event).join(u", "_s);
    }
    return RemoteTableModel::data(index, role);
}
