#include "Catalogue.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

// The specification's entries; their labels are translated each time they are asked for, so a
// language switch shows at once. The server's labels (English) are used only for keys not known here.
struct Known
{
    const char* key;
    const char* label;
};
constexpr Known kSections[] = {
    {"account.summary", QT_TRANSLATE_NOOP("Catalogue", "Account Summary")},
    {"account.addresses", QT_TRANSLATE_NOOP("Catalogue", "Addresses")},
    {"orders.view", QT_TRANSLATE_NOOP("Catalogue", "View Order History")},
    {"deliveries.view", QT_TRANSLATE_NOOP("Catalogue", "View Deliveries")},
    {"invoices.view", QT_TRANSLATE_NOOP("Catalogue", "View Invoice History")},
    {"statements.download", QT_TRANSLATE_NOOP("Catalogue", "Download Statement")},
    {"quotes.view", QT_TRANSLATE_NOOP("Catalogue", "View Quotes & Enquiries")},
    {"payments.view", QT_TRANSLATE_NOOP("Catalogue", "View Payments")},
};
constexpr Known kProcesses[] = {
    {"pay_invoices", QT_TRANSLATE_NOOP("Catalogue", "Pay invoices")},
    {"pay_on_account", QT_TRANSLATE_NOOP("Catalogue", "Pay on account")},
    {"email_documents", QT_TRANSLATE_NOOP("Catalogue", "Email documents")},
};

template <std::size_t N> QList<Catalogue::Entry> entriesOf(const Known (&known)[N])
{
    QList<Catalogue::Entry> entries;
    for (const auto& k : known)
        entries.append({QString::fromLatin1(k.key), QString::fromLatin1(k.label)});
    return entries;
}

// The label in the current language when the key is one of the specification's.
template <std::size_t N> QList<Catalogue::Entry> translated(QList<Catalogue::Entry> entries, const Known (&known)[N])
{
    for (auto& entry : entries) {
        for (const auto& k : known) {
            if (entry.key == QLatin1String(k.key))
                entry.label = QCoreApplication::translate("Catalogue", k.label);
        }
    }
    return entries;
}

} // namespace

Catalogue::Catalogue(ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_sections(entriesOf(kSections))
    , m_processes(entriesOf(kProcesses))
{
}

QList<Catalogue::Entry> Catalogue::sections() const
{
    return translated(m_sections, kSections);
}

QList<Catalogue::Entry> Catalogue::processes() const
{
    return translated(m_processes, kProcesses);
}

QString Catalogue::sectionLabel(const QString& key) const
{
    for (const auto& entry : sections()) {
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
