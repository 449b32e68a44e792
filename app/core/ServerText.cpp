#include "ServerText.h"

#include <QCoreApplication>

namespace {

// What the server sends (backend/core/SettingsCatalogue.cpp: labels and choices), for lupdate.
[[maybe_unused]] constexpr const char* kKnown[] = {
    QT_TRANSLATE_NOOP("ServerText", "Customer selection mode"),
    QT_TRANSLATE_NOOP("ServerText", "Internal user allowed sections"),
    QT_TRANSLATE_NOOP("ServerText", "Restricted customer groups"),
    QT_TRANSLATE_NOOP("ServerText", "Access policy"),
    QT_TRANSLATE_NOOP("ServerText", "Allowed customers"),
    QT_TRANSLATE_NOOP("ServerText", "Denied customers"),
    QT_TRANSLATE_NOOP("ServerText", "Order history sync"),
    QT_TRANSLATE_NOOP("ServerText", "Order history from (days back)"),
    QT_TRANSLATE_NOOP("ServerText", "Order history max records"),
    QT_TRANSLATE_NOOP("ServerText", "Invoice history sync"),
    QT_TRANSLATE_NOOP("ServerText", "Invoice history from (days back)"),
    QT_TRANSLATE_NOOP("ServerText", "Invoice history max records"),
    QT_TRANSLATE_NOOP("ServerText", "Customer add/sync"),
    QT_TRANSLATE_NOOP("ServerText", "Only customers with a STAT ID"),
    QT_TRANSLATE_NOOP("ServerText", "Free-field filter"),
    QT_TRANSLATE_NOOP("ServerText", "Additional filter"),
    QT_TRANSLATE_NOOP("ServerText", "Last successful run"),
    QT_TRANSLATE_NOOP("ServerText", "Import customers"),
    QT_TRANSLATE_NOOP("ServerText", "Import orders"),
    QT_TRANSLATE_NOOP("ServerText", "Import invoices"),
    QT_TRANSLATE_NOOP("ServerText", "Export queue"),
    QT_TRANSLATE_NOOP("ServerText", "Email documents"),
    QT_TRANSLATE_NOOP("ServerText", "Transport"),
    QT_TRANSLATE_NOOP("ServerText", "Outbox folder"),
    QT_TRANSLATE_NOOP("ServerText", "Sender"),
    QT_TRANSLATE_NOOP("ServerText", "SMTP host"),
    QT_TRANSLATE_NOOP("ServerText", "SMTP port"),
    QT_TRANSLATE_NOOP("ServerText", "STARTTLS"),
    QT_TRANSLATE_NOOP("ServerText", "SMTP user name"),
    QT_TRANSLATE_NOOP("ServerText", "SMTP password"),
    QT_TRANSLATE_NOOP("ServerText", "Welcome / set password template"),
    QT_TRANSLATE_NOOP("ServerText", "Reset password template"),
    QT_TRANSLATE_NOOP("ServerText", "Already registered template"),
    QT_TRANSLATE_NOOP("ServerText", "Documents template"),
    QT_TRANSLATE_NOOP("ServerText", "Portal name"),
    QT_TRANSLATE_NOOP("ServerText", "ERP free fields on My Account (KEY=Label, …)"),
    QT_TRANSLATE_NOOP("ServerText", "Logo URL"),
    QT_TRANSLATE_NOOP("ServerText", "Session idle timeout (minutes)"),
    QT_TRANSLATE_NOOP("ServerText", "Session absolute timeout (hours)"),
    QT_TRANSLATE_NOOP("ServerText", "Upload limit (MB)"),
    QT_TRANSLATE_NOOP("ServerText", "Minimum length"),
    QT_TRANSLATE_NOOP("ServerText", "Maximum length"),
    QT_TRANSLATE_NOOP("ServerText", "Character classes required"),
    QT_TRANSLATE_NOOP("ServerText", "all"),
    QT_TRANSLATE_NOOP("ServerText", "all_except"),
    QT_TRANSLATE_NOOP("ServerText", "allow_list"),
    QT_TRANSLATE_NOOP("ServerText", "customer"),
    QT_TRANSLATE_NOOP("ServerText", "outbox"),
    QT_TRANSLATE_NOOP("ServerText", "payer"),
    QT_TRANSLATE_NOOP("ServerText", "smtp"),
};

} // namespace

QString ServerText::translate(const QString& english)
{
    const QByteArray source = english.toUtf8();
    return QCoreApplication::translate("ServerText", source.constData());
}
