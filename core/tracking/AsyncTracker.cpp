#include "tracking/AsyncTracker.h"

#include "storage/Database.h"
#include "money/PriceBook.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QThread>
#include <QUuid>

namespace meterdesk {

namespace {

QString replayingPath(const QString &journal) { return journal + QStringLiteral(".replaying"); }

} // namespace

QString unreadablePath(const QString &journal) { return journal + QStringLiteral(".unreadable"); }

AsyncTracker::AsyncTracker(AsyncTrackerOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options))
{
    if (!m_options.prices)
        m_options.prices = &PriceBook::builtIn();
    m_options.batchSize = qMax(1, m_options.batchSize);
    m_options.queueCapacity = qMax(1, m_options.queueCapacity);
    m_journalPending = QFileInfo::exists(m_options.journalPath)
        || QFileInfo::exists(replayingPath(m_options.journalPath));
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("meterdesk-async-tracker"));
    m_thread->start();
}

AsyncTracker::~AsyncTracker()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
    }
    m_thread->wait();
}

bool AsyncTracker::record(UsageEvent event, QString *error)
{
    if (event.userId.trimmed().isEmpty() && !m_options.tracker.unattributedUserId.isEmpty())
        event.userId = m_options.tracker.unattributedUserId;
    const QString problem = event.validate();
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        QMutexLocker lock(&m_mutex);
        ++m_stats.rejected;
        return false;
    }
    // Every queued event gets an id, so that a replay can never count it twice.
    if (event.eventId.isEmpty())
        event.eventId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!event.timestamp.isValid())
        event.timestamp = QDateTime::currentDateTimeUtc();

    QMutexLocker lock(&m_mutex);
    ++m_stats.accepted;
    if (m_queue.size() < m_options.queueCapacity) {
        m_queue.enqueue(std::move(event));
        m_wake.wakeOne();
        return true;
    }
    lock.unlock();
    if (!appendToJournal({event})) {
        if (error)
            *error = QStringLiteral("the queue is full and the journal cannot be written");
        return false;
    }
    return true;
}

bool AsyncTracker::flush(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QMutexLocker lock(&m_mutex);
    m_wake.wakeAll();
    while (!m_queue.isEmpty() || m_inFlight > 0 || m_journalPending) {
        if (!m_idle.wait(&m_mutex, deadline))
            return false;
    }
    return true;
}

AsyncTrackerStats AsyncTracker::stats() const
{
    QMutexLocker lock(&m_mutex);
    return m_stats;
}

void AsyncTracker::setError(const QString &message)
{
    {
        QMutexLocker lock(&m_mutex);
        m_stats.lastError = message;
    }
    Q_EMIT problem(message);
}

bool AsyncTracker::appendToJournal(const QList<UsageEvent> &events)
{
    QMutexLocker journalLock(&m_journalMutex);
    QFile journal(m_options.journalPath);
    if (!journal.open(QIODevice::Append | QIODevice::WriteOnly)) {
        setError(QStringLiteral("cannot write the tracking journal %1: %2")
                     .arg(m_options.journalPath, journal.errorString()));
        return false;
    }
    QByteArray lines;
    for (const UsageEvent &event : events)
        lines += QJsonDocument(eventToJson(event)).toJson(QJsonDocument::Compact) + '\n';
    const bool written = journal.write(lines) == lines.size() && journal.flush();
    journal.close();
    QMutexLocker lock(&m_mutex);
    if (written) {
        m_stats.journaled += events.size();
        m_journalPending = true;
    }
    return written;
}

void AsyncTracker::account(const BatchOutcome &outcome, qint64 *replayed)
{
    QMutexLocker lock(&m_mutex);
    m_stats.recorded += outcome.recorded;
    m_stats.duplicates += outcome.duplicates;
    m_stats.rejected += outcome.rejected;
    if (replayed)
        *replayed += outcome.recorded + outcome.duplicates;
}

bool AsyncTracker::replayJournal(Tracker &tracker)
{
    const QString replaying = replayingPath(m_options.journalPath);
    {
        // The journal lock covers moving the file aside, never a database
        // write: record() may append while the database stalls the replay,
        // and its appends go to a fresh journal file.
        QMutexLocker journalLock(&m_journalMutex);
        if (!QFileInfo::exists(replaying) && QFileInfo::exists(m_options.journalPath)
            && !QFile::rename(m_options.journalPath, replaying))
            return false;
    }
    // Only this worker thread touches the file being replayed.
    QFile file(replaying);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return false;
        QList<UsageEvent> batch;
        QByteArray unreadable;
        qint64 replayed = 0, unreadableLines = 0;
        const auto flushBatch = [&] {
            const BatchOutcome outcome = tracker.trackBatch(batch);
            if (!outcome.ok)
                return false;
            account(outcome, &replayed);
            batch.clear();
            return true;
        };
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (line.isEmpty())
                continue;
            QString error;
            if (auto event = parseEventJson(line, &error)) {
                batch.append(*event);
            } else {
                unreadable += line + '\n';
                ++unreadableLines;
            }
            if (batch.size() >= m_options.batchSize && !flushBatch())
                return false;
        }
        if (!batch.isEmpty() && !flushBatch())
            return false;
        file.close();
        // A line that cannot be read (a torn write, a hand edit) is kept
        // beside the journal, never dropped in silence.
        if (unreadableLines && !keepUnreadable(unreadable, unreadableLines))
            return false;
        file.remove();
        QMutexLocker lock(&m_mutex);
        m_stats.replayed += replayed;
        m_stats.unreadable += unreadableLines;
    }
    QMutexLocker journalLock(&m_journalMutex);
    QMutexLocker lock(&m_mutex);
    m_journalPending = QFileInfo::exists(m_options.journalPath);
    if (!m_journalPending)
        m_idle.wakeAll();
    return true;
}

bool AsyncTracker::keepUnreadable(const QByteArray &lines, qint64 count)
{
    const QString path = unreadablePath(m_options.journalPath);
    QFile kept(path);
    if (!kept.open(QIODevice::Append | QIODevice::WriteOnly) || kept.write(lines) != lines.size() || !kept.flush()) {
        setError(QStringLiteral("cannot keep %1 unreadable journal lines in %2: %3; the journal stays for the next try")
                     .arg(count).arg(path, kept.errorString()));
        return false;
    }
    setError(QStringLiteral("%1 journal lines could not be read and were not recorded; they are kept in %2")
                 .arg(count).arg(path));
    return true;
}

void AsyncTracker::run()
{
    std::unique_ptr<Database> database;
    std::unique_ptr<Tracker> tracker;
    QElapsedTimer sinceAttempt;
    int backoffMs = 0;

    const auto connect = [&] {
        if (database)
            return true;
        if (sinceAttempt.isValid() && sinceAttempt.elapsed() < backoffMs)
            return false;
        sinceAttempt.start();
        QString error;
        database = Database::open(m_options.database, &error);
        if (database && !database->checkReady(&error))
            database.reset();
        if (!database) {
            backoffMs = qBound(100, backoffMs * 2, m_options.maxBackoffMs);
            setError(error);
            return false;
        }
        backoffMs = 0;
        tracker = std::make_unique<Tracker>(*database, *m_options.prices, m_options.tracker);
        QMutexLocker lock(&m_mutex);
        m_stats.databaseReachable = true;
        return true;
    };
    const auto disconnect = [&](const QString &why) {
        tracker.reset();
        database.reset();
        backoffMs = 100;
        sinceAttempt.start();
        {
            QMutexLocker lock(&m_mutex);
            m_stats.databaseReachable = false;
        }
        setError(why);
    };

    for (;;) {
        QList<UsageEvent> batch;
        bool stopping = false;
        bool journalPending = false;
        {
            QMutexLocker lock(&m_mutex);
            if (m_queue.isEmpty() && !m_stopping)
                m_wake.wait(&m_mutex, m_options.flushIntervalMs);
            while (!m_queue.isEmpty() && batch.size() < m_options.batchSize)
                batch.append(m_queue.dequeue());
            m_inFlight = int(batch.size());
            stopping = m_stopping;
            journalPending = m_journalPending;
        }
        const bool up = connect();
        if (up && journalPending && !replayJournal(*tracker))
            disconnect(QStringLiteral("replaying the tracking journal failed; will retry"));
        if (!batch.isEmpty()) {
            bool stored = false;
            if (tracker) {
                const BatchOutcome outcome = tracker->trackBatch(batch);
                if (outcome.ok) {
                    account(outcome, nullptr);
                    stored = true;
                } else {
                    disconnect(QStringLiteral("recording failed, events kept in the journal: %1").arg(outcome.error));
                }
            }
            if (!stored)
                appendToJournal(batch);
        }
        {
            QMutexLocker lock(&m_mutex);
            m_inFlight = 0;
            if (m_queue.isEmpty() && !m_journalPending)
                m_idle.wakeAll();
            if (stopping && m_queue.isEmpty())
                break;
        }
    }
}

} // namespace meterdesk
