#pragma once

#include "Catalogue.h"
#include "RemoteTableModel.h"

#include <QHash>

// The selected customer's contacts (GET /customers/{number}/contacts) with one check-box column per
// permission: Can Register, each portal section, Make Payment, Account Admin, Own Orders Only.
class ContactsModel : public RemoteTableModel
{
    Q_OBJECT
public:
    explicit ContactsModel(ApiClient* client, QObject* parent = nullptr);

    void setCustomer(const QString& number);
    QString customer() const { return m_customer; }
    void setSections(const QList<Catalogue::Entry>& sections);
    static QString shortSectionLabel(const Catalogue::Entry& section);
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QString recordPath(const QString& key) const override;

private:
    QString m_customer;
    QHash<QString, QString> m_sectionLabels;
};
