#include "DateTimeText.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace DateTimeText {

QString format(const QDateTime& time)
{
    if (!time.isValid())
        return {};
    const QLocale locale;
    const auto local = time.toLocalTime();
    // The locale's short time, with seconds: audit events and job runs are often seconds apart.
    auto timeFormat = locale.timeFormat(QLocale::ShortFormat);
    if (!timeFormat.contains(u's'))
        timeFormat.replace(u"mm"_s, u"mm:ss"_s);
    return locale.toString(local.date(), QLocale::ShortFormat) + u' ' + locale.toString(local.time(), timeFormat) + u' '
        + local.timeZoneAbbreviation();
}

QString fromIso(const QString& text)
{
    return format(QDateTime::fromString(text, Qt::ISODate));
}

} // namespace DateTimeText
