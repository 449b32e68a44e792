#include "PendingChanges.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {
QString encode(const QJsonValue& value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
}

QJsonValue decode(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array().at(0);
}
} // namespace

PendingChanges::PendingChanges(const QString& path, QObject* parent)
    : QObject(parent)
    , m_path(path)
    , m_connectionName(u"workspace-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    if (m_path.isEmpty()) {
        const auto dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
        m_path = dir + u"/workspace.sqlite"_s;
    } else {
        QDir().mkpath(QFileInfo(m_path).absolutePath());
    }
    auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        m_lastError = db.lastError().text();
        return;
    }
    m_open = exec(u"CREATE TABLE IF NOT EXISTS pending_change (server TEXT NOT NULL, entity TEXT NOT NULL, "
                  "record_key TEXT NOT NULL, field TEXT NOT NULL, version INTEGER NOT NULL, original TEXT, "
                  "value TEXT, changed_at TEXT DEFAULT CURRENT_TIMESTAMP, parent_key TEXT, "
                  "PRIMARY KEY (server, entity, record_key, field))"_s,
                  {});
    // Workspaces from before parent_key existed get the column (the error when it exists is expected).
    if (m_open) {
        QSqlQuery probe(QSqlDatabase::database(m_connectionName, false));
        if (probe.exec(u"SELECT parent_key FROM pending_change LIMIT 0"_s) == false)
            exec(u"ALTER TABLE pending_change ADD COLUMN parent_key TEXT"_s, {});
    }
    // Every edit is committed at once; a crash loses nothing that was shown as pending.
    exec(u"PRAGMA synchronous = FULL"_s, {});
    load();
}

PendingChanges::~PendingChanges()
{
    {
        auto db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool PendingChanges::exec(const QString& sql, const QVariantList& values)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.prepare(sql)) {
        m_lastError = query.lastError().text();
        return false;
    }
    for (const auto& value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return false;
    }
    return true;
}

void PendingChanges::setServer(const QString& serverId)
{
    if (m_server == serverId)
        return;
    m_server = serverId;
    load();
    emit changed();
}

void PendingChanges::load()
{
    m_changes.clear();
    if (!m_open)
        return;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"SELECT entity, record_key, field, version, original, value, parent_key FROM pending_change "
                  "WHERE server = ?"_s);
    query.addBindValue(m_server);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return;
    }
    while (query.next()) {
        Change change;
        change.entity = query.value(0).toString();
        change.key = query.value(1).toString();
        change.field = query.value(2).toString();
        change.version = query.value(3).toLongLong();
        change.original = decode(query.value(4).toString());
        change.value = decode(query.value(5).toString());
        change.parent = query.value(6).toString();
        m_changes.insert(hashKey(change.entity, change.key, change.field), change);
    }
}

QString PendingChanges::hashKey(const QString& entity, const QString& key, const QString& field)
{
    return entity + QChar(0x1f) + key + QChar(0x1f) + field;
}

void PendingChanges::setValue(const QString& entity, const QString& key, qint64 version, const QString& field,
                              const QJsonValue& original, const QJsonValue& value, const QString& parent)
{
    const auto hash = hashKey(entity, key, field);
    auto existing = m_changes.constFind(hash);
    // Keep the version and original of the first edit: that is what the server must still hold.
    const auto firstOriginal = existing != m_changes.constEnd() ? existing->original : original;
    const auto firstVersion = existing != m_changes.constEnd() ? existing->version : version;
    if (value == firstOriginal) {
        if (existing == m_changes.constEnd())
            return;
        m_changes.remove(hash);
        exec(u"DELETE FROM pending_change WHERE server = ? AND entity = ? AND record_key = ? AND field = ?"_s,
             {m_server, entity, key, field});
    } else {
        m_changes.insert(hash, Change{entity, key, firstVersion, field, firstOriginal, value, parent});
        exec(u"INSERT OR REPLACE INTO pending_change (server, entity, record_key, field, version, original, value, "
             "parent_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
             {m_server, entity, key, field, firstVersion, encode(firstOriginal), encode(value), parent});
    }
    emit changed();
}

bool PendingChanges::contains(const QString& entity, const QString& key, const QString& field) const
{
    return m_changes.contains(hashKey(entity, key, field));
}

bool PendingChanges::containsRecord(const QString& entity, const QString& key) const
{
    for (const auto& change : m_changes) {
        if (change.entity == entity && change.key == key)
            return true;
    }
    return false;
}

bool PendingChanges::containsUnder(const QString& entity, const QString& parent) const
{
    for (const auto& change : m_changes) {
        if (change.entity == entity && change.parent == parent && !parent.isEmpty())
            return true;
    }
    return false;
}

QJsonValue PendingChanges::value(const QString& entity, const QString& key, const QString& field) const
{
    const auto it = m_changes.constFind(hashKey(entity, key, field));
    return it == m_changes.constEnd() ? QJsonValue(QJsonValue::Undefined) : it->value;
}

int PendingChanges::recordCount() const
{
    QSet<QString> records;
    for (const auto& change : m_changes)
        records.insert(change.entity + QChar(0x1f) + change.key);
    return int(records.size());
}

QList<PendingChanges::Change> PendingChanges::changes() const
{
    auto list = m_changes.values();
    std::sort(list.begin(), list.end(), [](const Change& a, const Change& b) {
        return std::tie(a.entity, a.key, a.field) < std::tie(b.entity, b.key, b.field);
    });
    return list;
}

QJsonObject PendingChanges::changeset() const
{
    QJsonArray changesArray;
    QString currentEntity, currentKey;
    QJsonObject current, set;
    const auto flush = [&] {
        if (currentEntity.isEmpty())
            return;
        current.insert(u"set"_s, set);
        changesArray.append(current);
    };
    for (const auto& change : changes()) {
        if (change.entity != currentEntity || change.key != currentKey) {
            flush();
            currentEntity = change.entity;
            currentKey = change.key;
            // Contacts and portal users are keyed by numeric id, customers and roles by text.
            bool numeric = false;
            const auto id = change.key.toLongLong(&numeric);
            const bool idKeyed = change.entity == u"contact"_s || change.entity == u"portal_user"_s;
            current = QJsonObject{{u"entity"_s, change.entity},
                                  {u"key"_s, numeric && idKeyed ? QJsonValue(id) : QJsonValue(change.key)},
                                  {u"version"_s, change.version}};
            set = {};
        }
        set.insert(change.field, change.value);
    }
    flush();
    return {{u"changes"_s, changesArray}};
}

void PendingChanges::revertRecord(const QString& entity, const QString& key)
{
    bool removed = false;
    for (auto it = m_changes.begin(); it != m_changes.end();) {
        if (it->entity == entity && it->key == key) {
            it = m_changes.erase(it);
            removed = true;
        } else {
            ++it;
        }
    }
    exec(u"DELETE FROM pending_change WHERE server = ? AND entity = ? AND record_key = ?"_s, {m_server, entity, key});
    if (removed)
        emit changed();
}

void PendingChanges::clear()
{
    m_changes.clear();
    exec(u"DELETE FROM pending_change WHERE server = ?"_s, {m_server});
    emit changed();
}
