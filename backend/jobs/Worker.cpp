#include "Worker.h"

#include <Poco/Logger.h>

#include <chrono>

namespace gh::jobs {

Worker::Worker(std::string name, int intervalMs, std::function<void()> pass, Poco::Logger& log)
    : m_name(std::move(name))
    , m_intervalMs(intervalMs)
    , m_pass(std::move(pass))
    , m_log(log)
{
}

Worker::~Worker()
{
    stop();
}

void Worker::start()
{
    if (m_thread.joinable())
        return;
    m_stopping = false;
    m_thread = std::thread([this] { loop(); });
}

void Worker::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void Worker::trigger()
{
    {
        std::lock_guard lock(m_mutex);
        m_triggered = true;
    }
    m_wake.notify_all();
}

void Worker::loop()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_triggered = false;
        lock.unlock();
        try {
            m_pass();
        } catch (const std::exception& e) {
            m_log.error(m_name + ": " + e.what());
        }
        lock.lock();
        m_wake.wait_for(lock, std::chrono::milliseconds(m_intervalMs), [this] { return m_stopping || m_triggered; });
    }
}

} // namespace gh::jobs
