#include "ContactsModel.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

ContactsModel::ContactsModel(ApiClient* client, QObject* parent)
    : RemoteTableModel(client, u"contact"_s, u"id"_s, parent)
{
    setSortKey(u"lastName"_s);
    setParentField(u"customerNumber"_s);
    setSections(Catalogue(client).sections());
}

void ContactsModel::setSections(const QList<Catalogue::Entry>& sections)
{
    // The same sections in another language: new header texts, the rows stay.
    const auto current = columnList();
    QList<int> sectionColumns;
    for (int i = 0; i < current.size(); ++i) {
        if (current.at(i).kind == Kind::SectionFlag)
            sectionColumns.append(i);
    }
    bool sameKeys = sectionColumns.size() == sections.size() && !sections.isEmpty();
    for (int i = 0; sameKeys && i < sections.size(); ++i)
        sameKeys = current.at(sectionColumns.at(i)).extra == sections.at(i).key;
    if (sameKeys) {
        for (int i = 0; i < sections.size(); ++i) {
            setColumnLabel(sectionColumns.at(i), shortSectionLabel(sections.at(i)));
            m_sectionLabels.insert(sections.at(i).key, sections.at(i).label);
        }
        return;
    }
    // Short headers keep a dozen check-box columns on one screen; the tool tip has the full name.
    QList<Column> columns{
        {u"firstName"_s, QT_TRANSLATE_NOOP("Columns", "First name")},
        {u"lastName"_s, QT_TRANSLATE_NOOP("Columns", "Last name")},
        {u"email"_s, QT_TRANSLATE_NOOP("Columns", "Email")},
        {u"canRegister"_s, QT_TRANSLATE_NOOP("Columns", "Register"), Kind::Bool, true, false},
    };
    for (const auto& section : sections)
        columns.append({u"sections"_s, "", Kind::SectionFlag, true, false, section.key, shortSectionLabel(section)});
    columns.append({u"makePayment"_s, QT_TRANSLATE_NOOP("Columns", "Pay"), Kind::Bool, true, false});
    columns.append({u"isAccountAdmin"_s, QT_TRANSLATE_NOOP("Columns", "Admin"), Kind::Bool, true, false});
    columns.append({u"ownOrdersOnly"_s, QT_TRANSLATE_NOOP("Columns", "Own only"), Kind::Bool, true, false});
    m_sectionLabels.clear();
    for (const auto& section : sections)
        m_sectionLabels.insert(section.key, section.label);
    setColumns(columns);
}

QString ContactsModel::shortSectionLabel(const Catalogue::Entry& section)
{
    static const QHash<QString, const char*> shortNames{
        {u"account.summary"_s, QT_TRANSLATE_NOOP("Columns", "Account")},
        {u"account.addresses"_s, QT_TRANSLATE_NOOP("Columns", "Addresses")},
        {u"orders.view"_s, QT_TRANSLATE_NOOP("Columns", "Orders")},
        {u"deliveries.view"_s, QT_TRANSLATE_NOOP("Columns", "Deliveries")},
        {u"invoices.view"_s, QT_TRANSLATE_NOOP("Columns", "Invoices")},
        {u"statements.download"_s, QT_TRANSLATE_NOOP("Columns", "Statement")},
        {u"quotes.view"_s, QT_TRANSLATE_NOOP("Columns", "Quotes")},
        {u"payments.view"_s, QT_TRANSLATE_NOOP("Columns", "Payments")},
    };
    const auto* name = shortNames.value(section.key);
    return name ? QCoreApplication::translate("Columns", name) : section.label;
}

QVariant ContactsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::ToolTipRole || orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return RemoteTableModel::headerData(section, orientation, role);
    const auto column = columnList().at(section);
    if (column.kind == Kind::SectionFlag)
        return QCoreApplication::translate("Columns", "Portal section “%1” (%2)")
            .arg(m_sectionLabels.value(column.extra, column.extra), column.extra);
    if (column.field == u"canRegister"_s)
        return QCoreApplication::translate("Columns", "Can Register: may sign up for the portal");
    if (column.field == u"makePayment"_s)
        return QCoreApplication::translate("Columns", "Make Payment: may pay invoices in the portal");
    if (column.field == u"isAccountAdmin"_s)
        return QCoreApplication::translate("Columns", "Account Admin: manages the sub-accounts of this customer");
    if (column.field == u"ownOrdersOnly"_s)
        return QCoreApplication::translate("Columns",
                                           "Own Orders Only: sees only their own orders and the invoices of those");
    return RemoteTableModel::headerData(section, orientation, role);
}

void ContactsModel::setCustomer(const QString& number)
{
    m_customer = number;
    if (number.isEmpty()) {
        setPath({});
        clear();
        return;
    }
    setPath(u"/customers/"_s + QString::fromLatin1(QUrl::toPercentEncoding(number)) + u"/contacts"_s);
    reload();
}

QString ContactsModel::recordPath(const QString& key) const
{
    return u"/contacts/"_s + key;
}
