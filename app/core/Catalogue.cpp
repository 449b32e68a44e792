#include "Catalogue.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

Catalogue::Catalogue(ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
    m_sections
        = {{u"account.summary"_s, tr("Account Summary")},     {u"account.addresses"_s, tr("Addresses")},
           {u"orders.view"_s, tr("View Order History")},      {u"deliveries.view"_s, tr("View Deliveries")},
           {u"invoices.view"_s, tr("View Invoice History")},  {u"statements.download"_s, tr("Download Statement")},
           {u"quotes.view"_s, tr("View Quotes & Enquiries")}, {u"payments.view"_s, tr("View Payments")}};
    m_processes = {{u"pay_invoices"_s, tr("Pay invoices")},
                   {u"pay_on_account"_s, tr("Pay on account")},
                   {u"email_documents"_s, tr("Email documents")}};
}

QString Catalogue::sectionLabel(const QString& key) const
{
    for (const auto& entry : m_sections) {
        if (entry.key == key)
            return entry.label;
    }
    return key;
}

void Catalogue::load()
{
    const auto parse = [](const QJsonArray& items) {
        QList<Entry> entries;
        for (const auto& item : items) {
            const auto object = item.toObject();
            const auto key = object.value(u"key"_s).toString();
            if (!key.isEmpty())
                entries.append({key, object.value(u"label"_s).toString(key)});
        }
        return entries;
    };
    auto* sections = m_client->get(u"/sections"_s);
    connect(sections, &ApiReply::finished, this, [this, sections, parse] {
        const auto entries = parse(sections->object().value(u"items"_s).toArray());
        if (sections->isOk() && !entries.isEmpty()) {
            m_sections = entries;
            emit changed();
        }
    });
    auto* processes = m_client->get(u"/processes"_s);
    connect(processes, &ApiReply::finished, this, [this, processes, parse] {
        const auto entries = parse(processes->object().value(u"items"_s).toArray());
        if (processes->isOk() && !entries.isEmpty()) {
            m_processes = entries;
            emit changed();
        }
    });
}
