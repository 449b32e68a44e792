#include "CustomersModel.h"

using namespace Qt::StringLiterals;

CustomersModel::CustomersModel(ApiClient* client, QObject* parent)
    : RemoteTableModel(client, u"customer"_s, u"number"_s, parent)
{
    setPath(u"/customers"_s);
    setSortKey(u"number"_s);
    setColumns({
        {u"number"_s, QT_TRANSLATE_NOOP("Columns", "Number")},
        {u"name"_s, QT_TRANSLATE_NOOP("Columns", "Name")},
        {u"group"_s, QT_TRANSLATE_NOOP("Columns", "Group")},
        {u"statId"_s, QT_TRANSLATE_NOOP("Columns", "STAT ID")},
        {u"erpStatus"_s, QT_TRANSLATE_NOOP("Columns", "ERP status")},
        {u"portalEnabled"_s, QT_TRANSLATE_NOOP("Columns", "Portal"), Kind::Bool, true},
        {u"payerNumber"_s, QT_TRANSLATE_NOOP("Columns", "Payer")},
        {u"currency"_s, QT_TRANSLATE_NOOP("Columns", "Currency")},
    });
}
