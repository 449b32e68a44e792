#include "SqliteDatabase.h"

#include <sqlite3.h>

#include <Poco/File.h>
#include <Poco/Path.h>

#include <mutex>
#include <unordered_map>

namespace gh::store {
namespace {

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what)
{
    const int primary = rc & 0xFF;
    auto kind = primary == SQLITE_CONSTRAINT                   ? DatabaseError::Kind::Constraint
        : (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) ? DatabaseError::Kind::Busy
                                                               : DatabaseError::Kind::General;
    std::string message(what);
    message += ": ";
    message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw DatabaseError(kind, message);
}

class SqliteStatement final : public Statement
{
public:
    SqliteStatement(sqlite3* db, sqlite3_stmt* stmt)
        : m_db(db)
        , m_stmt(stmt)
    {
    }
    ~SqliteStatement() override { sqlite3_finalize(m_stmt); }

    void bindNull(int index) override { check(sqlite3_bind_null(m_stmt, index)); }
    void bindInt(int index, std::int64_t value) override { check(sqlite3_bind_int64(m_stmt, index, value)); }
    void bindDouble(int index, double value) override { check(sqlite3_bind_double(m_stmt, index, value)); }
    void bindText(int index, std::string_view value) override
    {
        check(sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    }
    void bindBlob(int index, std::string_view bytes) override
    {
        check(sqlite3_bind_blob64(m_stmt, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
    }
    bool step() override
    {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE)
            return false;
        sqlite3_reset(m_stmt);
        fail(m_db, rc, "query failed");
    }
    void reset() override
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    bool isNull(int column) override { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }
    std::int64_t columnInt(int column) override { return sqlite3_column_int64(m_stmt, column); }
    double columnDouble(int column) override { return sqlite3_column_double(m_stmt, column); }
    std::string columnText(int column) override { return std::string(columnTextView(column)); }
    std::string_view columnTextView(int column) override
    {
        const auto* text = sqlite3_column_blob(m_stmt, column);
        const int size = sqlite3_column_bytes(m_stmt, column);
        return text ? std::string_view(static_cast<const char*>(text), static_cast<std::size_t>(size))
                    : std::string_view();
    }
    int columnCount() override { return sqlite3_column_count(m_stmt); }

private:
    void check(int rc)
    {
        if (rc != SQLITE_OK)
            fail(m_db, rc, "binding failed");
    }
    sqlite3* m_db;
    sqlite3_stmt* m_stmt;
};

class SqliteConnection final : public Connection
{
public:
    SqliteConnection(const std::string& path, int busyTimeoutMs, bool bulkLoad)
    {
        const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
        const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
        if (rc != SQLITE_OK) {
            std::string message = "cannot open database " + path;
            if (m_db) {
                message += ": ";
                message += sqlite3_errmsg(m_db);
                sqlite3_close(m_db);
            }
            throw DatabaseError(DatabaseError::Kind::General, message);
        }
        sqlite3_extended_result_codes(m_db, 1);
        sqlite3_busy_timeout(m_db, busyTimeoutMs);
        if (bulkLoad)
            execute("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE; "
                    "PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-1000000;");
        else
            execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
                    "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-8000;");
    }
    ~SqliteConnection() override
    {
        m_statements.clear();
        sqlite3_close(m_db);
    }

    std::string_view dialect() const override { return "sqlite"; }

    Statement& prepare(std::string_view sql) override
    {
        auto it = m_statements.find(sql);
        if (it != m_statements.end()) {
            return *it->second;
        }
        sqlite3_stmt* stmt = nullptr;
        const int rc = sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                          &stmt, nullptr);
        if (rc != SQLITE_OK)
            fail(m_db, rc, "cannot prepare '" + std::string(sql.substr(0, 80)) + "'");
        auto [inserted, ok] = m_statements.emplace(std::string(sql), std::make_unique<SqliteStatement>(m_db, stmt));
        return *inserted->second;
    }

    void execute(std::string_view sql) override
    {
        char* error = nullptr;
        const std::string text(sql);
        const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &error);
        if (rc != SQLITE_OK) {
            std::string message = error ? error : sqlite3_errstr(rc);
            sqlite3_free(error);
            const int primary = rc & 0xFF;
            throw DatabaseError(primary == SQLITE_CONSTRAINT ? DatabaseError::Kind::Constraint
                                    : primary == SQLITE_BUSY ? DatabaseError::Kind::Busy
                                                             : DatabaseError::Kind::General,
                                message);
        }
    }

    std::int64_t changes() override { return sqlite3_changes64(m_db); }

    // Transaction control runs as statements prepared once per connection: sqlite3_exec would parse
    // the text again each time, which showed up as several per cent of a portal list request.
    void begin(bool write) override { runPrepared(write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED"); }
    void commit() override { runPrepared("COMMIT"); }
    void rollback() override
    {
        if (!sqlite3_get_autocommit(m_db))
            runPrepared("ROLLBACK");
    }
    bool inTransaction() const override { return !sqlite3_get_autocommit(m_db); }

private:
    void runPrepared(std::string_view sql)
    {
        auto& statement = prepare(sql);
        try {
            statement.step();
        } catch (...) {
            statement.reset();
            throw;
        }
        statement.reset();
    }

    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    sqlite3* m_db = nullptr;
    std::unordered_map<std::string, std::unique_ptr<SqliteStatement>, Hash, std::equal_to<>> m_statements;
};

} // namespace

SqliteDatabase::SqliteDatabase(std::string path, Options options)
    : m_path(std::move(path))
    , m_options(options)
{
    // Memory statistics take one process-wide mutex on every SQLite allocation, which the request
    // threads then queue on; nothing here reads the statistics. Must precede SQLite's initialisation
    // (a later call is refused with SQLITE_MISUSE and changes nothing, which is fine).
    static std::once_flag configured;
    std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
    const Poco::Path parent = Poco::Path(m_path).parent();
    if (!parent.toString().empty())
        Poco::File(parent).createDirectories();
    // Opening one connection at once reports a bad path here rather than at the first request.
    release(openConnection());
}

SqliteDatabase::~SqliteDatabase() = default;

std::unique_ptr<Connection> SqliteDatabase::openConnection()
{
    return std::make_unique<SqliteConnection>(m_path, m_options.busyTimeoutMs, m_options.bulkLoad);
}

Database::Lease SqliteDatabase::acquire()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_idle.empty()) {
            auto connection = std::move(m_idle.back());
            m_idle.pop_back();
            return Lease(this, std::move(connection));
        }
    }
    return Lease(this, openConnection());
}

void SqliteDatabase::release(std::unique_ptr<Connection> connection)
{
    if (connection->inTransaction())
        connection->rollback(); // never hand a half-done transaction to the next user
    std::lock_guard lock(m_mutex);
    if (m_idle.size() < m_options.maxIdleConnections)
        m_idle.push_back(std::move(connection));
}

std::unique_ptr<Database> openDatabase(const std::string& url)
{
    constexpr std::string_view kSqlite = "sqlite:";
    if (url.rfind(kSqlite, 0) == 0) {
        std::string path = url.substr(kSqlite.size());
        if (path.rfind("//", 0) == 0)
            path = path.substr(2);
        if (path.empty())
            throw DatabaseError(DatabaseError::Kind::General, "the database URL names no file: " + url);
        return std::make_unique<SqliteDatabase>(path);
    }
    if (url.rfind("postgresql:", 0) == 0 || url.rfind("postgres:", 0) == 0)
        throw DatabaseError(DatabaseError::Kind::General,
                            "PostgreSQL is not available in this build yet; use sqlite:PATH");
    throw DatabaseError(DatabaseError::Kind::General, "unsupported database URL (use sqlite:PATH): " + url);
}

} // namespace gh::store
