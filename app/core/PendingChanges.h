#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QSqlDatabase>

// The local workspace: edits not yet sent with Update, kept in a SQLite file so that they survive a
// crash of the app and are offered back at the next start. One row per (entity, key, field) holds
// the record's version when the edit began, the original value and the new value.
class PendingChanges : public QObject
{
    Q_OBJECT
public:
    struct Change
    {
        QString entity;
        QString key;
        qint64 version = 0;
        QString field;
        QJsonValue original;
        QJsonValue value;
        QString parent; // the record this one belongs to, e.g. a contact's customer number
    };

    // path empty: <AppDataLocation>/workspace.sqlite. serverId scopes the edits to one server.
    explicit PendingChanges(const QString& path = {}, QObject* parent = nullptr);
    ~PendingChanges() override;

    bool isOpen() const { return m_open; }
    QString path() const { return m_path; }
    QString lastError() const { return m_lastError; }

    void setServer(const QString& serverId);
    QString server() const { return m_server; }

    // Records an edit; an edit back to the original value drops the pending change.
    void setValue(const QString& entity, const QString& key, qint64 version, const QString& field,
                  const QJsonValue& original, const QJsonValue& value, const QString& parent = {});
    bool contains(const QString& entity, const QString& key, const QString& field) const;
    bool containsRecord(const QString& entity, const QString& key) const;
    // Any pending edit of an entity's records that belong to parent (contacts of one customer).
    bool containsUnder(const QString& entity, const QString& parent) const;
    QJsonValue value(const QString& entity, const QString& key, const QString& field) const;

    int count() const { return int(m_changes.size()); }
    int recordCount() const;
    QList<Change> changes() const;

    // The body of POST /changesets: one change per record with all its fields.
    QJsonObject changeset() const;

    void revertRecord(const QString& entity, const QString& key);
    void clear();

signals:
    void changed();

private:
    static QString hashKey(const QString& entity, const QString& key, const QString& field);
    void load();
    bool exec(const QString& sql, const QVariantList& values);

    QString m_path;
    QString m_connectionName;
    QString m_server;
    QString m_lastError;
    bool m_open = false;
    QHash<QString, Change> m_changes;
};
