#include "Migrations.h"

#include "core/Time.h"

#include <stdexcept>
#include <string>

namespace gh::store {
namespace {

constexpr std::string_view kMigration1 = R"SQL(
CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    customer_group TEXT NOT NULL DEFAULT '',
    payer_number TEXT NOT NULL DEFAULT '',
    stat_id TEXT NOT NULL DEFAULT '',
    erp_status TEXT NOT NULL DEFAULT '',
    portal_enabled INTEGER NOT NULL DEFAULT 1,
    currency TEXT NOT NULL DEFAULT 'EUR',
    free_fields TEXT NOT NULL DEFAULT '{}',
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX customers_name ON customers(name);
CREATE INDEX customers_stat_id ON customers(stat_id);
CREATE INDEX customers_group ON customers(customer_group);

CREATE TABLE addresses (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('invoice', 'delivery', 'other')),
    line1 TEXT NOT NULL DEFAULT '',
    line2 TEXT NOT NULL DEFAULT '',
    line3 TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    postcode TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT ''
);
CREATE INDEX addresses_customer ON addresses(customer_id);

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    first_name TEXT NOT NULL DEFAULT '',
    last_name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    can_register INTEGER NOT NULL DEFAULT 0,
    sections INTEGER NOT NULL DEFAULT 0,
    make_payment INTEGER NOT NULL DEFAULT 0,
    is_account_admin INTEGER NOT NULL DEFAULT 0,
    own_orders_only INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL DEFAULT '',
    UNIQUE (customer_id, email)
);
CREATE INDEX contacts_email ON contacts(email);

CREATE TABLE erp_roles (
    code TEXT PRIMARY KEY,
    description TEXT NOT NULL DEFAULT '',
    processes INTEGER NOT NULL DEFAULT 0,
    modules INTEGER NOT NULL DEFAULT 0,
    no_access INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL DEFAULT ''
);

CREATE TABLE portal_users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    first_name TEXT NOT NULL DEFAULT '',
    last_name TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'active', 'disabled', 'locked')),
    kind TEXT NOT NULL DEFAULT 'external' CHECK (kind IN ('external', 'internal')),
    contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,
    sections INTEGER NOT NULL DEFAULT 0,
    is_admin INTEGER NOT NULL DEFAULT 0,
    make_payment INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX portal_users_contact ON portal_users(contact_id);
CREATE INDEX portal_users_customer ON portal_users(customer_id);

CREATE TABLE portal_user_customers (
    user_id INTEGER NOT NULL REFERENCES portal_users(id) ON DELETE CASCADE,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, customer_id)
);
CREATE INDEX portal_user_customers_customer ON portal_user_customers(customer_id);

CREATE TABLE portal_user_roles (
    user_id INTEGER NOT NULL REFERENCES portal_users(id) ON DELETE CASCADE,
    role_code TEXT NOT NULL REFERENCES erp_roles(code) ON DELETE CASCADE ON UPDATE CASCADE,
    PRIMARY KEY (user_id, role_code)
);
CREATE INDEX portal_user_roles_role ON portal_user_roles(role_code);

CREATE TABLE invoices (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    number TEXT NOT NULL,
    order_number TEXT NOT NULL DEFAULT '',
    po_reference TEXT NOT NULL DEFAULT '',
    invoice_date TEXT NOT NULL,
    due_date TEXT NOT NULL DEFAULT '',
    amount INTEGER NOT NULL DEFAULT 0,
    open_amount INTEGER NOT NULL DEFAULT 0,
    currency TEXT NOT NULL DEFAULT 'EUR',
    status TEXT NOT NULL CHECK (status IN ('open', 'paid', 'partially_paid', 'credit')),
    is_open INTEGER NOT NULL DEFAULT 1,
    has_documents INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    number TEXT NOT NULL,
    po_reference TEXT NOT NULL DEFAULT '',
    order_date TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'partially_delivered', 'delivered', 'invoiced')),
    is_open INTEGER NOT NULL DEFAULT 1,
    delivery TEXT NOT NULL DEFAULT '',
    placed_by TEXT NOT NULL DEFAULT '',
    has_documents INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE shipments (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    shipment_number TEXT NOT NULL,
    delivery_number TEXT NOT NULL DEFAULT '',
    forwarding_agent TEXT NOT NULL DEFAULT '',
    tracking_reference TEXT NOT NULL DEFAULT '',
    ship_date TEXT NOT NULL DEFAULT ''
);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    owner_kind TEXT NOT NULL CHECK (owner_kind IN ('invoice', 'order', 'delivery')),
    owner_id INTEGER NOT NULL,
    kind TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL DEFAULT 'application/pdf',
    size INTEGER NOT NULL DEFAULT 0,
    content BLOB NOT NULL
);
CREATE INDEX documents_owner ON documents(owner_kind, owner_id);
CREATE INDEX documents_customer ON documents(customer_id);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT ''
);

CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor_kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_key TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    before_json TEXT NOT NULL DEFAULT '',
    after_json TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL CHECK (origin IN ('app', 'api', 'import', 'sync', 'portal'))
);
CREATE INDEX audit_events_at ON audit_events(at);
CREATE INDEX audit_events_entity ON audit_events(entity, entity_key);
CREATE INDEX audit_events_actor ON audit_events(actor);

CREATE TABLE job_runs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('import', 'export', 'sync', 'email')),
    name TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
    progress INTEGER NOT NULL DEFAULT 0,
    counts_json TEXT NOT NULL DEFAULT '{}',
    error_report TEXT NOT NULL DEFAULT '',
    file TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    started_at TEXT NOT NULL DEFAULT '',
    finished_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX job_runs_kind ON job_runs(kind, id);
)SQL";

constexpr std::string_view kMigration2 = R"SQL(
CREATE TABLE staff_users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'viewer')),
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);

CREATE TABLE staff_tokens (
    token_hash TEXT PRIMARY KEY,
    staff_id INTEGER NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX staff_tokens_staff ON staff_tokens(staff_id);

CREATE TABLE portal_sessions (
    id_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES portal_users(id) ON DELETE CASCADE,
    customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    read_only INTEGER NOT NULL DEFAULT 0,
    preview_staff_id INTEGER REFERENCES staff_users(id) ON DELETE CASCADE
);
CREATE INDEX portal_sessions_user ON portal_sessions(user_id);

CREATE TABLE user_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES portal_users(id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('set_password', 'reset_password')),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);
CREATE INDEX user_tokens_user ON user_tokens(user_id);

CREATE TABLE sign_in_failures (
    id INTEGER PRIMARY KEY,
    account TEXT NOT NULL,
    client TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX sign_in_failures_account ON sign_in_failures(account, at);
CREATE INDEX sign_in_failures_client ON sign_in_failures(client, at);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    to_address TEXT NOT NULL,
    from_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    attachments_json TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    sent_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_status ON outbox(status, id);

CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    entity TEXT NOT NULL,
    options_json TEXT NOT NULL DEFAULT '{}',
    file_path TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'uploaded'
        CHECK (status IN ('uploaded', 'checking', 'checked', 'running', 'done', 'failed')),
    progress INTEGER NOT NULL DEFAULT 0,
    result_json TEXT NOT NULL DEFAULT '{}',
    staff_id INTEGER REFERENCES staff_users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE exports (
    id INTEGER PRIMARY KEY,
    entity TEXT NOT NULL,
    options_json TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
    progress INTEGER NOT NULL DEFAULT 0,
    file_path TEXT NOT NULL DEFAULT '',
    row_count INTEGER NOT NULL DEFAULT 0,
    staff_id INTEGER REFERENCES staff_users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    finished_at TEXT NOT NULL DEFAULT ''
);
)SQL";

// Per customer and open flag, how many invoices there are: the portal's list total without a filter
// on dates or numbers is then one primary-key read instead of counting up to 12,000 index entries
// per request (the big account on the large data set). And per customer a generation that every
// write to its invoices bumps, which tells the portal's deep-page anchors (PortalListRepository)
// whether they still hold. Triggers keep both exact whoever writes.
constexpr std::string_view kMigration4 = R"SQL(
CREATE TABLE invoice_counts (
    customer_id INTEGER NOT NULL,
    is_open INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (customer_id, is_open)
) WITHOUT ROWID;
INSERT INTO invoice_counts (customer_id, is_open, n)
    SELECT customer_id, is_open, COUNT(*) FROM invoices GROUP BY customer_id, is_open;
CREATE TABLE invoice_generations (
    customer_id INTEGER PRIMARY KEY,
    generation INTEGER NOT NULL
);
)SQL";

// One number that every write to what a signed-in portal user's access is computed from (the user,
// their customers and ERP roles, the role definitions, the customers, the settings) moves on. The
// server keeps each user's loaded access in memory only while this number is the one it was loaded
// under (services::PortalContextCache), so a change made by any server instance, the admin API, a
// sync or by hand in SQL counts at the very next request. Sessions are not part of it: the session
// row is read on every request.
const std::string& migration5()
{
    static const std::string sql = [] {
        std::string text = "CREATE TABLE access_generation (id INTEGER PRIMARY KEY CHECK (id = 1), "
                           "n INTEGER NOT NULL);\n"
                           "INSERT INTO access_generation (id, n) VALUES (1, 1);\n";
        for (const char* table :
             {"portal_users", "portal_user_customers", "portal_user_roles", "erp_roles", "customers", "settings"}) {
            for (const char* event : {"INSERT", "UPDATE", "DELETE"}) {
                text += std::string("CREATE TRIGGER access_generation_") + table + "_" + event + " AFTER " + event
                    + " ON " + table + " BEGIN UPDATE access_generation SET n = n + 1 WHERE id = 1; END;\n";
            }
        }
        return text;
    }();
    return sql;
}

constexpr std::string_view kMigration8 = R"SQL(
CREATE TABLE registration_failures (
    id INTEGER PRIMARY KEY,
    customer_number TEXT NOT NULL,
    client TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX registration_failures_customer ON registration_failures(customer_number, at);
CREATE INDEX registration_failures_client ON registration_failures(client, at);

CREATE TABLE password_reset_requests (
    id INTEGER PRIMARY KEY,
    address TEXT NOT NULL,
    requested_at INTEGER NOT NULL,
    handled_at INTEGER,
    mailed INTEGER NOT NULL DEFAULT 0,
    language TEXT NOT NULL DEFAULT 'en'
);
CREATE INDEX password_reset_requests_address ON password_reset_requests(address, requested_at);
CREATE INDEX password_reset_requests_pending ON password_reset_requests(id) WHERE handled_at IS NULL;

CREATE TABLE preview_links (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES portal_users(id) ON DELETE CASCADE,
    customer_id INTEGER REFERENCES customers(id) ON DELETE CASCADE,
    staff_id INTEGER NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);

CREATE TABLE sign_in_codes (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES portal_users(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER,
    wrong_attempts INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sign_in_codes_user ON sign_in_codes(user_id, created_at);
)SQL";

} // namespace

const std::vector<Migration>& Migrations::all()
{
    static const std::vector<Migration> migrations = {
        {1, "domain tables", kMigration1},
        {2, "sessions, tokens, staff, outbox, imports and exports", kMigration2},
        // Migration 3 adds the large tables' indexes through bulkIndexes(), so a bulk load can
        // drop and rebuild exactly the same definitions.
        {3, "portal list indexes", ""},
        {4, "invoice counts and generations for the portal list", kMigration4},
        {5, "access generation for the portal's cached user access", migration5()},
        // An email being sent is leased to the server instance sending it (EmailJob), so two
        // instances on one database never send the same email; a lease left by a crash runs out.
        {6, "outbox leases", "ALTER TABLE outbox ADD COLUMN claimed_until INTEGER NOT NULL DEFAULT 0;"},
        // A running job run is leased to the instance running it and the lease renewed as it
        // progresses; a run whose lease ran out was left behind by a server that stopped (JobRunner).
        {7, "job run leases",
         "ALTER TABLE job_runs ADD COLUMN lease_until INTEGER NOT NULL DEFAULT 0; "
         "CREATE INDEX job_runs_status_lease ON job_runs(status, lease_until);"},
        // Issue 9: failed registrations (throttled per customer number and client address), password
        // reset requests (recorded alike for every address, mailed by the email job, at most 3 an hour),
        // one-off preview links exchanged for a new session, and e-mailed sign-in codes that let a
        // locked-out owner in.
        {8, "registration failures, reset requests, preview links, sign-in codes", kMigration8},
        // A contact's check boxes are the rights of the portal user with its e-mail at its customer
        // (SPEC "Who sees what"), so a contact's rights, e-mail or customer count for the access
        // generation as well (migration 5), whoever writes them: another instance, an import, SQL.
        {9, "contacts count for the access generation",
         "CREATE TRIGGER access_generation_contacts_INSERT AFTER INSERT ON contacts BEGIN "
         "UPDATE access_generation SET n = n + 1 WHERE id = 1; END; "
         "CREATE TRIGGER access_generation_contacts_UPDATE AFTER UPDATE OF customer_id, email, sections, "
         "make_payment, is_account_admin, own_orders_only ON contacts BEGIN "
         "UPDATE access_generation SET n = n + 1 WHERE id = 1; END; "
         "CREATE TRIGGER access_generation_contacts_DELETE AFTER DELETE ON contacts BEGIN "
         "UPDATE access_generation SET n = n + 1 WHERE id = 1; END;"},
        // Why an export failed, for the export list (services::ExportService).
        {10, "export error reports", "ALTER TABLE exports ADD COLUMN error_report TEXT NOT NULL DEFAULT '';"},
    };
    return migrations;
}

const std::vector<Migrations::Index>& Migrations::bulkTriggers()
{
    // Keep invoice_counts (exact totals for the unfiltered portal lists) and invoice_generations
    // (what the remembered deep-page positions are checked against) in step with every write.
    static const std::vector<Index> triggers = {
        {"invoice_counts_insert", R"SQL(CREATE TRIGGER invoice_counts_insert AFTER INSERT ON invoices BEGIN
    INSERT INTO invoice_counts (customer_id, is_open, n) VALUES (NEW.customer_id, NEW.is_open, 1)
        ON CONFLICT (customer_id, is_open) DO UPDATE SET n = n + 1;
    INSERT INTO invoice_generations (customer_id, generation) VALUES (NEW.customer_id, 1)
        ON CONFLICT (customer_id) DO UPDATE SET generation = generation + 1;
END)SQL"},
        {"invoice_counts_delete", R"SQL(CREATE TRIGGER invoice_counts_delete AFTER DELETE ON invoices BEGIN
    UPDATE invoice_counts SET n = n - 1 WHERE customer_id = OLD.customer_id AND is_open = OLD.is_open;
    INSERT INTO invoice_generations (customer_id, generation) VALUES (OLD.customer_id, 1)
        ON CONFLICT (customer_id) DO UPDATE SET generation = generation + 1;
END)SQL"},
        {"invoice_counts_update",
         R"SQL(CREATE TRIGGER invoice_counts_update AFTER UPDATE OF customer_id, is_open ON invoices BEGIN
    UPDATE invoice_counts SET n = n - 1 WHERE customer_id = OLD.customer_id AND is_open = OLD.is_open;
    INSERT INTO invoice_counts (customer_id, is_open, n) VALUES (NEW.customer_id, NEW.is_open, 1)
        ON CONFLICT (customer_id, is_open) DO UPDATE SET n = n + 1;
END)SQL"},
        {"invoice_generations_update", R"SQL(CREATE TRIGGER invoice_generations_update AFTER UPDATE ON invoices BEGIN
    INSERT INTO invoice_generations (customer_id, generation) VALUES (OLD.customer_id, 1)
        ON CONFLICT (customer_id) DO UPDATE SET generation = generation + 1;
    INSERT INTO invoice_generations (customer_id, generation) VALUES (NEW.customer_id, 1)
        ON CONFLICT (customer_id) DO UPDATE SET generation = generation + 1;
END)SQL"},
    };
    return triggers;
}

const std::vector<Migrations::Index>& Migrations::bulkIndexes()
{
    static const std::vector<Index> indexes = {
        {"invoices_customer_number", "CREATE UNIQUE INDEX invoices_customer_number ON invoices(customer_id, number)"},
        {"invoices_customer_date", "CREATE INDEX invoices_customer_date ON invoices(customer_id, invoice_date)"},
        {"invoices_customer_open_date",
         "CREATE INDEX invoices_customer_open_date ON invoices(customer_id, is_open, invoice_date)"},
        {"invoices_customer_po", "CREATE INDEX invoices_customer_po ON invoices(customer_id, po_reference)"},
        {"orders_customer_number", "CREATE UNIQUE INDEX orders_customer_number ON orders(customer_id, number)"},
        {"orders_customer_date", "CREATE INDEX orders_customer_date ON orders(customer_id, order_date)"},
        {"orders_customer_open_date",
         "CREATE INDEX orders_customer_open_date ON orders(customer_id, is_open, order_date)"},
        {"orders_customer_po", "CREATE INDEX orders_customer_po ON orders(customer_id, po_reference)"},
        {"shipments_order", "CREATE INDEX shipments_order ON shipments(order_id)"},
    };
    return indexes;
}

void Migrations::refreshCountTables(Connection& connection)
{
    // The same values the triggers would have left: one count per (customer, open flag), and a
    // generation that went up once per invoice written.
    connection.execute("DELETE FROM invoice_counts; DELETE FROM invoice_generations;"
                       "INSERT INTO invoice_counts (customer_id, is_open, n) "
                       "SELECT customer_id, is_open, COUNT(*) FROM invoices GROUP BY customer_id, is_open;"
                       "INSERT INTO invoice_generations (customer_id, generation) "
                       "SELECT customer_id, COUNT(*) FROM invoices GROUP BY customer_id;");
}

int Migrations::latestVersion()
{
    return all().back().version;
}

int Migrations::currentVersion(Connection& connection)
{
    connection.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                       "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    auto q = connection.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    return q.next() ? static_cast<int>(q.integer(0)) : 0;
}

int Migrations::apply(Connection& connection, int targetVersion)
{
    if (targetVersion < 0)
        targetVersion = latestVersion();
    if (targetVersion > latestVersion())
        throw std::invalid_argument("no migration " + std::to_string(targetVersion));
    const int current = currentVersion(connection);
    if (current > latestVersion())
        throw DatabaseError(DatabaseError::Kind::General,
                            "the database has schema version " + std::to_string(current)
                                + ", newer than this program knows (" + std::to_string(latestVersion()) + ")");
    int applied = 0;
    for (const auto& migration : all()) {
        if (migration.version <= current || migration.version > targetVersion)
            continue;
        Transaction tx(connection);
        if (!migration.sqlite.empty())
            connection.execute(migration.sqlite);
        if (migration.version == 3) {
            for (const auto& index : bulkIndexes())
                connection.execute(index.create);
        }
        if (migration.version == 4) {
            for (const auto& trigger : bulkTriggers())
                connection.execute(trigger.create);
        }
        connection
            .query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", migration.version,
                   migration.name, core::nowRfc3339())
            .run();
        tx.commit();
        ++applied;
    }
    return applied;
}

} // namespace gh::store
