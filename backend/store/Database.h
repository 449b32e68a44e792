#pragma once

// The data-access seam: repositories speak to Connection/Statement, never to a driver, so a
// PostgreSQL driver can be added beside SqliteDatabase without touching the services. SQL uses `?`
// placeholders and the portable subset both engines understand (RETURNING, ON CONFLICT, LIMIT/OFFSET).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace gh::store {

class DatabaseError : public std::runtime_error
{
public:
    enum class Kind
    {
        General,
        Constraint,
        Busy
    };
    DatabaseError(Kind kind, const std::string& message)
        : std::runtime_error(message)
        , m_kind(kind)
    {
    }
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

class Statement
{
public:
    virtual ~Statement() = default;
    // Indexes are 1-based for binding, 0-based for columns (as in both engines' C APIs).
    virtual void bindNull(int index) = 0;
    virtual void bindInt(int index, std::int64_t value) = 0;
    virtual void bindDouble(int index, double value) = 0;
    virtual void bindText(int index, std::string_view value) = 0;
    virtual void bindBlob(int index, std::string_view bytes) = 0;
    // Advances to the next row; false when done. Throws DatabaseError.
    virtual bool step() = 0;
    // Ready for new bindings and a new run.
    virtual void reset() = 0;
    virtual bool isNull(int column) = 0;
    virtual std::int64_t columnInt(int column) = 0;
    virtual double columnDouble(int column) = 0;
    virtual std::string columnText(int column) = 0;
    virtual std::string_view columnTextView(int column) = 0; // valid until the next step()
    virtual int columnCount() = 0;
};

class Query;

class Connection
{
public:
    virtual ~Connection() = default;
    virtual std::string_view dialect() const = 0; // "sqlite" or "postgresql"
    // Prepared once per connection and cached; the returned statement is reset and unbound.
    virtual Statement& prepare(std::string_view sql) = 0;
    // Runs one or more statements without results (DDL, pragmas).
    virtual void execute(std::string_view sql) = 0;
    virtual std::int64_t changes() = 0;
    // A write transaction takes the write lock at once (SQLite: BEGIN IMMEDIATE).
    virtual void begin(bool write) = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;
    virtual bool inTransaction() const = 0;

    template <typename... Args> Query query(std::string_view sql, const Args&... args);
};

// RAII over a cached statement: binds the arguments, steps, and resets on destruction.
class Query
{
public:
    Query(Statement& statement)
        : m_statement(&statement)
    {
    }
    Query(Query&& other) noexcept
        : m_statement(std::exchange(other.m_statement, nullptr))
    {
    }
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;
    ~Query()
    {
        if (m_statement)
            m_statement->reset();
    }

    bool next() { return m_statement->step(); }
    // Runs a statement without rows (INSERT/UPDATE/DELETE) to completion.
    void run()
    {
        while (m_statement->step()) { }
    }
    bool isNull(int c) { return m_statement->isNull(c); }
    std::int64_t integer(int c) { return m_statement->columnInt(c); }
    bool boolean(int c) { return m_statement->columnInt(c) != 0; }
    double real(int c) { return m_statement->columnDouble(c); }
    std::string text(int c) { return m_statement->columnText(c); }
    std::string_view textView(int c) { return m_statement->columnTextView(c); }

    template <typename T> void bindOne(int index, const T& value);

private:
    Statement* m_statement;
};

struct Blob
{
    std::string_view bytes;
};

struct Null
{
};

template <typename T> void Query::bindOne(int index, const T& value)
{
    if constexpr (std::is_same_v<T, Null> || std::is_same_v<T, std::nullptr_t>)
        m_statement->bindNull(index);
    else if constexpr (std::is_same_v<T, bool>)
        m_statement->bindInt(index, value ? 1 : 0);
    else if constexpr (std::is_integral_v<T> || std::is_enum_v<T>)
        m_statement->bindInt(index, static_cast<std::int64_t>(value));
    else if constexpr (std::is_floating_point_v<T>)
        m_statement->bindDouble(index, value);
    else if constexpr (std::is_same_v<T, Blob>)
        m_statement->bindBlob(index, value.bytes);
    else if constexpr (requires { value.has_value(); }) {
        if (value.has_value())
            bindOne(index, *value);
        else
            m_statement->bindNull(index);
    } else
        m_statement->bindText(index, std::string_view(value));
}

template <typename... Args> Query Connection::query(std::string_view sql, const Args&... args)
{
    Query q(prepare(sql));
    int index = 0;
    (q.bindOne(++index, args), ...);
    return q;
}

// A pool of connections to one database (one per concurrent request thread).
class Database
{
public:
    virtual ~Database() = default;
    virtual std::string_view dialect() const = 0;
    virtual std::string url() const = 0;

    class Lease
    {
    public:
        Lease(Database* owner, std::unique_ptr<Connection> connection)
            : m_owner(owner)
            , m_connection(std::move(connection))
        {
        }
        Lease(Lease&&) noexcept = default;
        Lease& operator=(Lease&&) noexcept = default;
        ~Lease()
        {
            if (m_owner && m_connection)
                m_owner->release(std::move(m_connection));
        }
        Connection& operator*() const { return *m_connection; }
        Connection* operator->() const { return m_connection.get(); }

    private:
        Database* m_owner;
        std::unique_ptr<Connection> m_connection;
    };

    virtual Lease acquire() = 0;

protected:
    virtual void release(std::unique_ptr<Connection> connection) = 0;
};

// Opens the database a URL names: "sqlite:PATH" (the only driver so far).
std::unique_ptr<Database> openDatabase(const std::string& url);

// Commits on commit(); rolls back if destroyed before that (an exception, an early return).
class Transaction
{
public:
    explicit Transaction(Connection& connection, bool write = true)
        : m_connection(connection)
    {
        m_connection.begin(write);
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction()
    {
        if (!m_done) {
            try {
                m_connection.rollback();
            } catch (...) {
            }
        }
    }
    void commit()
    {
        m_connection.commit();
        m_done = true;
    }

private:
    Connection& m_connection;
    bool m_done = false;
};

// A read transaction that joins one already open on the connection: the reads inside see one
// snapshot, and nesting costs nothing. Each SQLite read transaction takes the WAL's shared-memory
// locks, so a request that reads through one snapshot instead of one per statement saves that work
// several times over. Never write inside one: ending it does not commit.
class ReadSnapshot
{
public:
    explicit ReadSnapshot(Connection& connection)
        : m_connection(connection)
        , m_owner(!connection.inTransaction())
    {
        if (m_owner)
            m_connection.begin(false);
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;
    ~ReadSnapshot()
    {
        if (m_owner) {
            try {
                m_connection.rollback();
            } catch (...) {
            }
        }
    }

private:
    Connection& m_connection;
    bool m_owner;
};

} // namespace gh::store
