#pragma once

#include "storage/ConnectionSpec.h"
#include "tracking/Tracker.h"
#include "tracking/UsageEvent.h"
#include "meterdesk_core_export.h"

#include <QMutex>
#include <QObject>
#include <QQueue>
#include <QWaitCondition>

#include <memory>

class QThread;

namespace meterdesk {

class PriceBook;

struct AsyncTrackerOptions
{
    ConnectionSpec database;
    // Where events wait while the database is away; replayed when it is back.
    QString journalPath;
    int queueCapacity = 10000; // beyond this, record() writes to the journal
    int batchSize = 500;
    int flushIntervalMs = 100;
    int maxBackoffMs = 4000;   // longest wait between reconnection attempts
    TrackerOptions tracker;
    const PriceBook *prices = nullptr; // the built-in book when null
};

// Where journal lines that cannot be read are kept: beside the journal.
METERDESK_CORE_EXPORT QString unreadablePath(const QString &journalPath);

struct AsyncTrackerStats
{
    qint64 accepted = 0;
    qint64 recorded = 0;
    qint64 duplicates = 0;
    qint64 rejected = 0;
    qint64 journaled = 0;
    qint64 replayed = 0;
    qint64 unreadable = 0; // journal lines that could not be read, kept aside
    bool databaseReachable = false;
    QString lastError;
};

// Records calls off the caller's thread: record() only queues (or, when the
// queue is full, appends to the journal) and never waits for the database
// or throws. A worker thread with its own connection writes batches, retries
// with backoff, journals what the database would not take, and replays the
// journal when it can; event ids make every replay exact.
class METERDESK_CORE_EXPORT AsyncTracker : public QObject
{
    Q_OBJECT

public:
    explicit AsyncTracker(AsyncTrackerOptions options, QObject *parent = nullptr);
    ~AsyncTracker() override;

    // False (with the reason) only for an event that can never be recorded.
    bool record(UsageEvent event, QString *error = nullptr);
    // Waits until everything accepted so far is in the database; false on timeout.
    bool flush(int timeoutMs);
    AsyncTrackerStats stats() const;

Q_SIGNALS:
    // From the worker thread: the database is away, a batch was journaled, ...
    void problem(const QString &message);

private:
    void run();
    bool appendToJournal(const QList<UsageEvent> &events);
    bool replayJournal(Tracker &tracker);
    bool keepUnreadable(const QByteArray &lines, qint64 count);
    void account(const BatchOutcome &outcome, qint64 *replayed);
    void setError(const QString &message);

    AsyncTrackerOptions m_options;
    mutable QMutex m_mutex; // guards the queue, the counters and the flags below
    QWaitCondition m_wake;
    QWaitCondition m_idle;
    QQueue<UsageEvent> m_queue;
    int m_inFlight = 0;
    bool m_stopping = false;
    bool m_journalPending = false;
    AsyncTrackerStats m_stats;
    QMutex m_journalMutex; // serialises journal appends and moving the journal aside
    std::unique_ptr<QThread> m_thread;
};

} // namespace meterdesk
