#include "CustomersModel.h"

#include "PendingChanges.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QFont>

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

bool CustomersModel::hasPendingEdits(int row) const
{
    const auto* pending = pendingChanges();
    const auto key = keyOf(row);
    return pending && (pending->containsRecord(entity(), key) || pending->containsUnder(u"contact"_s, key));
}

QVariant CustomersModel::data(const QModelIndex& index, int role) const
{
    if (index.isValid() && index.column() == 0 && hasPendingEdits(index.row())
        && !RemoteTableModel::data(index, ConflictRole).toBool()) {
        switch (role) {
        case Qt::BackgroundRole:
            return QBrush(QColor(0xff, 0xf0, 0xb3));
        case Qt::ForegroundRole:
            return QBrush(QColor(0x20, 0x20, 0x20));
        case Qt::FontRole: {
            QFont font;
            font.setBold(true);
            return font;
        }
        case Qt::ToolTipRole:
            return QCoreApplication::translate("Columns",
                                               "This customer or its contacts hold edits not yet saved "
                                               "(Update saves them)");
        case PendingRole:
            return true;
        default:
            break;
        }
    }
    return RemoteTableModel::data(index, role);
}
