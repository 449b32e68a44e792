#pragma once

#include "Database.h"

#include <mutex>
#include <string>
#include <vector>

struct sqlite3;

namespace gh::store {

// SQLite through its C API: WAL mode, foreign keys on, a busy timeout, statements prepared once per
// connection. Written over the C API rather than Poco::Data because the hot paths (portal lists,
// bulk loads of millions of rows) need cached statements and zero-copy column access.
class SqliteDatabase : public Database
{
public:
    struct Options
    {
        int busyTimeoutMs = 5000;
        // Connections kept open between requests. Above the server's thread count (a request may hold
        // two at once): a connection opened and closed per request costs its open, pragmas and every
        // prepared statement again.
        std::size_t maxIdleConnections = 512;
        // For building a new database file that nobody else uses yet: no journal, no fsync, exclusive
        // lock, big cache, and no per-row foreign-key lookups (the writer must be trusted: the demo
        // generator is, and its small scale is tested with foreign keys on). A crash leaves a broken
        // file, so only use it on a file that is renamed into place afterwards.
        bool bulkLoad = false;
    };

    explicit SqliteDatabase(std::string path, Options options);
    explicit SqliteDatabase(std::string path)
        : SqliteDatabase(std::move(path), Options{})
    {
    }
    ~SqliteDatabase() override;

    std::string_view dialect() const override { return "sqlite"; }
    std::string url() const override { return "sqlite:" + m_path; }
    const std::string& path() const { return m_path; }

    Lease acquire() override;

    // A connection outside the pool, for bulk work that changes connection-wide pragmas.
    std::unique_ptr<Connection> openConnection();

protected:
    void release(std::unique_ptr<Connection> connection) override;

private:
    std::string m_path;
    Options m_options;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<Connection>> m_idle;
};

} // namespace gh::store
