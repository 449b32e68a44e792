#include "JobsModel.h"

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
