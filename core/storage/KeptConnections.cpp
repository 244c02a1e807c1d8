#include "storage/KeptConnections.h"

#include "storage/Database.h"

#include <QThread>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <vector>

namespace meterdesk {

// One thread and its connection, opened on that thread (Qt binds a
// connection to the thread that opened it) when the first read comes, and
// closed there when the worker goes.
class KeptConnections::Worker
{
public:
    Worker(ConnectionSpec spec, std::atomic<int> &opened)
        : m_spec(std::move(spec)), m_opened(opened), m_thread(QThread::create([this] { loop(); }))
    {
        m_thread->start();
    }

    ~Worker()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        m_thread->wait();
    }

    void start(Read read)
    {
        {
            std::lock_guard lock(m_mutex);
            m_read = std::move(read);
            m_busy = true;
        }
        m_wake.notify_all();
    }

    bool finish(QString *error)
    {
        std::unique_lock lock(m_mutex);
        m_wake.wait(lock, [this] { return !m_busy; });
        if (!m_ok && error)
            *error = m_error;
        return m_ok;
    }

private:
    void loop()
    {
        std::unique_ptr<Database> db;
        for (;;) {
            Read read;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stop || m_read; });
                if (!m_read)
                    break; // stopped while idle
                read = std::move(m_read);
                m_read = nullptr;
            }
            QString error;
            // A kept connection may have died while idle (the server
            // restarted, an idle timeout): made again before the read,
            // whose rows its handlers take as they come and could not take
            // twice.
            if (db && !db->isAlive())
                db.reset();
            if (!db && (db = Database::open(m_spec, &error)))
                ++m_opened;
            const bool ok = db && read(*db, &error);
            {
                std::lock_guard lock(m_mutex);
                m_ok = ok;
                m_error = error;
                m_busy = false;
            }
            m_wake.notify_all();
        }
        db.reset(); // on this thread, which opened it
    }

    const ConnectionSpec m_spec;
    std::atomic<int> &m_opened;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    Read m_read;
    bool m_busy = false, m_stop = false, m_ok = false;
    QString m_error;
    std::unique_ptr<QThread> m_thread;
};

// The idle workers, shared with the reads still running so that one given
// back after its KeptConnections went is closed rather than kept.
struct KeptConnections::Running::Shelf
{
    ConnectionSpec spec;
    int keep = 0;
    std::atomic<int> opened = 0;
    mutable std::mutex mutex;
    std::vector<std::unique_ptr<Worker>> idle;
    bool closed = false;

    void giveBack(std::unique_ptr<Worker> worker)
    {
        std::unique_lock lock(mutex);
        if (closed || int(idle.size()) >= keep) {
            lock.unlock();
            worker.reset(); // its thread closes its connection
            return;
        }
        idle.push_back(std::move(worker));
    }
};

KeptConnections::KeptConnections(ConnectionSpec spec, int keep) : m_shelf(std::make_shared<Running::Shelf>())
{
    m_shelf->spec = std::move(spec);
    m_shelf->keep = keep;
}

KeptConnections::~KeptConnections()
{
    std::vector<std::unique_ptr<Worker>> idle;
    {
        std::lock_guard lock(m_shelf->mutex);
        m_shelf->closed = true;
        idle.swap(m_shelf->idle);
    }
    // Closed outside the lock: each waits for its thread.
}

KeptConnections::Running KeptConnections::start(Read read)
{
    std::unique_ptr<Worker> worker;
    {
        std::lock_guard lock(m_shelf->mutex);
        if (!m_shelf->idle.empty()) {
            worker = std::move(m_shelf->idle.back());
            m_shelf->idle.pop_back();
        }
    }
    if (!worker)
        worker = std::make_unique<Worker>(m_shelf->spec, m_shelf->opened);
    worker->start(std::move(read));
    return Running(m_shelf, std::move(worker));
}

int KeptConnections::opened() const
{
    return m_shelf->opened;
}

int KeptConnections::idle() const
{
    std::lock_guard lock(m_shelf->mutex);
    return int(m_shelf->idle.size());
}

KeptConnections::Running::Running(std::shared_ptr<Shelf> shelf, std::unique_ptr<Worker> worker)
    : m_shelf(std::move(shelf)), m_worker(std::move(worker))
{
}

KeptConnections::Running::Running(Running &&) noexcept = default;

KeptConnections::Running::~Running()
{
    finish(nullptr);
}

bool KeptConnections::Running::finish(QString *error)
{
    if (m_worker) {
        m_ok = m_worker->finish(&m_error);
        m_shelf->giveBack(std::move(m_worker));
    }
    if (!m_ok && error)
        *error = m_error;
    return m_ok;
}

} // namespace meterdesk
