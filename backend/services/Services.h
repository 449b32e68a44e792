#pragma once

#include "core/PasswordHasher.h"
#include "services/PortalAccess.h"
#include "store/Database.h"

#include <Poco/Logger.h>

#include <functional>
#include <memory>
#include <string>

namespace gh::services {

// What the request handlers and jobs share: the database pool, the password hasher and the
// server's options. One per running server.
struct Options
{
    std::string portalDir; // portal web files (installed: share/gatehouse/portal; the server finds them)
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
    // Signed-in portal users' access, kept while the database's access generation holds.
    PortalContextCache& portalContexts() { return m_portalContexts; }
    Poco::Logger& logger() const { return Poco::Logger::get("gatehouse"); }

    // Wakes the email job after a message was queued, so it goes out now rather than at the next
    // poll. Set once before serving by whoever runs the job; without one this does nothing.
    void setOutboxListener(std::function<void()> listener) { m_outboxListener = std::move(listener); }
    void outboxChanged() const
    {
        if (m_outboxListener)
            m_outboxListener();
    }

    // Wakes the job runner after a run was queued ("run now"), so it starts at once. Set once before
    // serving by whoever runs the jobs; without one this does nothing.
    void setJobListener(std::function<void()> listener) { m_jobListener = std::move(listener); }
    void jobQueued() const
    {
        if (m_jobListener)
            m_jobListener();
    }

private:
    std::unique_ptr<store::Database> m_database;
    Options m_options;
    core::PasswordHasher m_hasher;
    std::function<void()> m_outboxListener;
    std::function<void()> m_jobListener;
    PortalContextCache m_portalContexts;
};

} // namespace gh::services
