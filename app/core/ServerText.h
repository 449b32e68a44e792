#pragma once

#include <QString>

// The server names its settings, their choices and its schedules in English (GET /settings, /jobs).
// The app shows them in its own language: every text the server is known to send is listed in
// ServerText.cpp for lupdate, and translated here by its English wording; a text not known (a newer
// server) is shown as the server sent it.
class ServerText
{
public:
    static QString translate(const QString& english);
};
