#pragma once

#include "RemoteTableModel.h"

// Audit events (GET /audit-events): who changed what and when, before and after.
class AuditModel : public RemoteTableModel
{
    Q_OBJECT
public:
    explicit AuditModel(ApiClient* client, QObject* parent = nullptr);

    // What staff know a record by: a customer's number and name, a contact's customer number and
    // e-mail, a portal user's e-mail (never a database id when the event says more).
    static QString recordName(const QJsonObject& event);
    // The fields whose value differs between before and after (bookkeeping fields left out).
    static QStringList changedFields(const QJsonObject& event);
    // Readable text of one field's value ("Yes", "Account Summary, Addresses", ...).
    static QString valueText(const QJsonValue& value);
    static QString entityName(const QString& entity);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

protected:
    QString displayText(const Column& column, const QJsonValue& value) const override;
};
