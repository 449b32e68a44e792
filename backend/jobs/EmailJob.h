#pragma once

#include "Worker.h"
#include "services/Services.h"

#include <functional>
#include <map>
#include <string>

namespace gh::jobs {

// Delivers the outbox: queued rows go out through the configured transport (setting
// email.transport): "outbox" writes RFC 5322 .eml files a person can open, "smtp" sends with Poco's
// SMTP client (STARTTLS and AUTH LOGIN when configured). Each row ends "sent", or after
// kMaxAttempts failures "failed", with attempts and last_error recorded.
class EmailJob
{
public:
    static constexpr int kMaxAttempts = 3;
    // How long an email being sent stays leased to this instance (migration 6): longer than any send
    // takes, so only a crashed sender's lease ever runs out.
    static constexpr std::int64_t kLeaseSeconds = 600;

    struct Result
    {
        int sent = 0;
        int failed = 0; // attempts that failed this run
        std::string lastError; // why the last failed attempt failed
    };
    // After each message: how many of this pass's messages are handled, of how many.
    using Progress = std::function<void(int handled, int total, const Result& soFar)>;

    // One pass over the queued rows, in the caller's thread (tests and the job runner call it).
    static Result runOnce(services::Services& services, const Progress& progress = {});

    // The folder the "outbox" transport writes to: setting email.outbox_dir when changed from its
    // default, else {dataDir}/outbox.
    static std::string outboxFolder(services::Services& services, const std::map<std::string, std::string>& settings);

    // Background delivery: every intervalMs and whenever trigger() is called.
    explicit EmailJob(services::Services& services, int intervalMs = 2000);

    void start() { m_worker.start(); }
    void stop() { m_worker.stop(); }
    void trigger() { m_worker.trigger(); }

private:
    Worker m_worker;
};

} // namespace gh::jobs
