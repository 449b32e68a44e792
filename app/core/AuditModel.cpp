#include "AuditModel.h"

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
        {u"key"_s, QT_TRANSLATE_NOOP("Columns", "Key"), Kind::Text, false, false},
        {u"action"_s, QT_TRANSLATE_NOOP("Columns", "Action"), Kind::Text, false, false},
        {u"before"_s, QT_TRANSLATE_NOOP("Columns", "Before"), Kind::Json, false, false},
        {u"after"_s, QT_TRANSLATE_NOOP("Columns", "After"), Kind::Json, false, false},
    });
}
