#include "PortalUsersModel.h"

using namespace Qt::StringLiterals;

PortalUsersModel::PortalUsersModel(ApiClient* client, QObject* parent)
    : RemoteTableModel(client, u"portal_user"_s, u"id"_s, parent)
{
    setPath(u"/portal-users"_s);
    setSortKey(u"email"_s);
    setColumns({
        {u"email"_s, QT_TRANSLATE_NOOP("Columns", "Email")},
        {u"firstName"_s, QT_TRANSLATE_NOOP("Columns", "First name")},
        {u"lastName"_s, QT_TRANSLATE_NOOP("Columns", "Last name")},
        {u"kind"_s, QT_TRANSLATE_NOOP("Columns", "Kind")},
        {u"status"_s, QT_TRANSLATE_NOOP("Columns", "Status")},
        {u"customerNumber"_s, QT_TRANSLATE_NOOP("Columns", "Customer"), Kind::Text, false, false},
        {u"assignedCustomers"_s, QT_TRANSLATE_NOOP("Columns", "Assigned customers"), Kind::ListValue, false, false},
        {u"sections"_s, QT_TRANSLATE_NOOP("Columns", "Sections"), Kind::ListValue, false, false},
        {u"isAdmin"_s, QT_TRANSLATE_NOOP("Columns", "Admin"), Kind::Text, false, false},
        {u"makePayment"_s, QT_TRANSLATE_NOOP("Columns", "Make Payment"), Kind::Text, false, false},
    });
}
