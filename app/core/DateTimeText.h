#pragma once

#include <QDateTime>
#include <QString>

// The one way the app writes a date and time: the user's locale (short date, time with seconds) in
// local time, followed by the time zone ("02.12.26 07:05:09 CET"), on every page.
namespace DateTimeText {

QString format(const QDateTime& time);
// An ISO 8601 text from the server; empty when it is not a time.
QString fromIso(const QString& text);

} // namespace DateTimeText
