#include "RolesModel.h"

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
