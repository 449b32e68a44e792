#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace Poco {
class Logger;
}

namespace gh::jobs {

// A background thread that runs one pass at start, then every intervalMs, and at once whenever
// trigger() is called. A pass that throws is logged and the thread goes on. The email job and the
// job runner each own one.
class Worker
{
public:
    Worker(std::string name, int intervalMs, std::function<void()> pass, Poco::Logger& log);
    ~Worker();
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    void start();
    // Waits for a pass under way to finish.
    void stop();
    void trigger();

private:
    void loop();

    std::string m_name;
    int m_intervalMs;
    std::function<void()> m_pass;
    Poco::Logger& m_log;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_triggered = false;
};

} // namespace gh::jobs
