#pragma once

#include "ApiClient.h"

#include <QList>
#include <QObject>

// The two fixed catalogues of SPEC §1: portal sections (modules) and processes. Starts with the
// specification's entries and replaces them with the server's (GET /sections, /processes).
class Catalogue : public QObject
{
    Q_OBJECT
public:
    struct Entry
    {
        QString key;
        QString label;
    };

    explicit Catalogue(ApiClient* client, QObject* parent = nullptr);

    void load();
    // In the current language (the specification's keys are translated; others as the server names them).
    QList<Entry> sections() const;
    QList<Entry> processes() const;
    QString sectionLabel(const QString& key) const;

signals:
    void changed();

private:
    ApiClient* m_client;
    QList<Entry> m_sections;
    QList<Entry> m_processes;
};
