#pragma once

#include "core/PasswordHasher.h"
#include "store/Database.h"

#include <Poco/Logger.h>

#include <memory>
#include <string>

namespace gh::services {

// What the request handlers and jobs share: the database pool, the password hasher and the
// server's options. One per running server.
struct Options
{
    std::string portalDir = GATEHOUSE_PORTAL_DIR; // portal web files (resources/portal)
    std::string dataDir = "var"; // outbox, exports, import staging
    std::string publicUrl; // how browsers reach the server, for links in emails; empty: the listen URL
};

class Services
{
public:
    Services(std::unique_ptr<store::Database> database, Options options, core::PasswordHasher hasher = {})
        : m_database(std::move(database))
        , m_options(std::move(options))
        , m_hasher(hasher)
    {
    }

    store::Database& database() { return *m_database; }
    const Options& options() const { return m_options; }
    Options& options() { return m_options; }
    const core::PasswordHasher& hasher() const { return m_hasher; }
    Poco::Logger& logger() const { return Poco::Logger::get("gatehouse"); }

private:
    std::unique_ptr<store::Database> m_database;
    Options m_options;
    core::PasswordHasher m_hasher;
};

} // namespace gh::services
