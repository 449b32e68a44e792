#include "ContactsModel.h"

using namespace Qt::StringLiterals;

ContactsModel::ContactsModel(ApiClient* client, QObject* parent)
    : RemoteTableModel(client, u"contact"_s, u"id"_s, parent)
{
    setSortKey(u"lastName"_s);
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
        for (int i = 0; i < sections.size(); ++i)
            setColumnLabel(sectionColumns.at(i), sections.at(i).label);
        return;
    }
    QList<Column> columns{
        {u"firstName"_s, QT_TRANSLATE_NOOP("Columns", "First name")},
        {u"lastName"_s, QT_TRANSLATE_NOOP("Columns", "Last name")},
        {u"email"_s, QT_TRANSLATE_NOOP("Columns", "Email")},
        {u"canRegister"_s, QT_TRANSLATE_NOOP("Columns", "Can Register"), Kind::Bool, true, false},
    };
    for (const auto& section : sections)
        columns.append({u"sections"_s, "", Kind::SectionFlag, true, false, section.key, section.label});
    columns.append({u"makePayment"_s, QT_TRANSLATE_NOOP("Columns", "Make Payment"), Kind::Bool, true, false});
    columns.append({u"isAccountAdmin"_s, QT_TRANSLATE_NOOP("Columns", "Account Admin"), Kind::Bool, true, false});
    columns.append({u"ownOrdersOnly"_s, QT_TRANSLATE_NOOP("Columns", "Own Orders Only"), Kind::Bool, true, false});
    setColumns(columns);
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
