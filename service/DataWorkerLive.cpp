// The data thread's live updates: it watches the database for commits of
// other processes (PostgreSQL's notifications, SQLite's data_version), reads
// what changed through a ChangeFeed, and sends the touched users' rows, the
// range's costs and the touched buckets of the chart. Each is read again
// whole, so an update applied twice shows the same as once.

#include "DataWorker.h"

#include "LiveRead.h"

#include <queries/Queries.h>

#include <QElapsedTimer>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTimer>

namespace meterdesk {

namespace {

// More new calls than this in one look, or more users touched, and a full
// load is quicker than following them one by one (and keeps the UI thread
// from announcing thousands of rows).
constexpr int MaxCallsPerUpdate = 20'000;
constexpr qsizetype MaxUsersPerUpdate = 2'000;

const QString Channel = QStringLiteral("meterdesk_changes");

} // namespace

void DataWorker::setLive(bool on)
{
    m_live = on;
    if (on) {
        watch();
        checkChanges(); // what came while paused
        if (m_liveRequest != 0)
            scheduleSnapshot();
        return;
    }
    m_snapshot.reset(); // nothing keeps it current while paused
    ++m_snapshotGeneration;
    if (m_poll)
        m_poll->stop();
}

void DataWorker::watch()
{
    if (!m_poll) {
        m_poll = new QTimer(this);
        connect(m_poll, &QTimer::timeout, this, &DataWorker::pollChanges);
        m_coalesce = new QTimer(this);
        m_coalesce->setSingleShot(true);
        m_coalesce->setInterval(50);
        connect(m_coalesce, &QTimer::timeout, this, &DataWorker::checkChanges);
    }
    if (!m_db)
        return;
    // The feed follows every load, paused or not: resuming reads from it.
    // It reads where the dashboard reads: a replica shows a call once it
    // has it, whatever the primary's notification said.
    if (!m_feed || &m_feed->database() != &reader())
        m_feed = std::make_unique<ChangeFeed>(reader());
    if (!m_live)
        return;
    // PostgreSQL tells at once; the slow poll only finds a connection that
    // went away, and a replica, which replays a notified commit a moment
    // later, is polled more often. SQLite has nobody to tell: its
    // data_version is asked often, which costs a few microseconds.
    m_poll->start(!m_db->isPostgres() ? 200 : m_readDb ? 500 : 2'000);
    listen();
}

void DataWorker::listen()
{
    if (!m_db || !m_db->isPostgres())
        return;
    // On the primary: a standby cannot LISTEN.
    QSqlDriver *driver = m_db->sql().driver();
    if (driver == m_listening || !driver)
        return;
    if (!driver->subscribeToNotification(Channel))
        return; // polled instead, every two seconds
    m_listening = driver;
    connect(driver, &QSqlDriver::notification, this, [this](const QString &name) {
        if (name == Channel && !m_coalesce->isActive())
            m_coalesce->start(); // a burst of notifications is one look
    });
}

void DataWorker::pollChanges()
{
    if (!m_db || !m_live || m_liveRequest == 0)
        return;
    if (m_db->isPostgres()) {
        listen(); // again after a reconnect
        checkChanges();
        return;
    }
    QSqlQuery query(reader().sql());
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return;
    const qint64 version = query.value(0).toLongLong();
    if (version == m_dataVersion)
        return;
    m_dataVersion = version;
    checkChanges();
}

void DataWorker::checkChanges()
{
    if (!m_db || !m_live || m_liveRequest == 0 || !m_feed)
        return;
    QElapsedTimer timer;
    timer.start();
    QString error;
    if (!ensureConnected(&error)) {
        Q_EMIT liveLost(error);
        return;
    }
    listen();
    auto changes = m_feed->next(MaxCallsPerUpdate, &error);
    if (!changes || changes->overflow)
        m_snapshot.reset(); // the fallback's load reads everyone again
    if (!changes) {
        Q_EMIT liveFallback(tr("following changes failed (%1)").arg(error));
        return;
    }
    if (changes->overflow) {
        Q_EMIT liveFallback(tr("%1 calls arrived at once").arg(QLocale().toString(changes->calls)));
        return;
    }
    QSet<QString> touched = changes->users;
    for (const AuditChange &change : std::as_const(changes->audit)) {
        if (change.movesRecordedCosts()) {
            m_snapshot.reset();
            Q_EMIT liveFallback(tr("%1 changed prices (%2)").arg(change.actor, change.action));
            return;
        }
        touched.insert(change.userId);
    }
    if (touched.isEmpty())
        return;
    if (touched.size() > MaxUsersPerUpdate) {
        m_snapshot.reset();
        Q_EMIT liveFallback(tr("%1 users changed at once").arg(QLocale().toString(touched.size())));
        return;
    }
    LiveUpdate update;
    update.baseRequestId = m_liveRequest;
    update.calls = changes->calls;
    update.audit = changes->audit;
    if (!readLiveUpdate(reader(), m_liveRange, m_liveBucket, touched, changes->days, update, &error)) {
        m_snapshot.reset();
        Q_EMIT liveFallback(tr("reading the changes failed (%1)").arg(error));
        return;
    }
    // The new users go after the load's rows, in this order, in the model too.
    for (const UserRow &row : std::as_const(update.users)) {
        qsizetype at = m_rowIndex.value(row.userId, -1);
        if (at < 0) {
            at = m_loadedUsers.size();
            m_rowIndex.insert(row.userId, at);
            m_loadedUsers << row.userId;
        }
        update.rowIndexes << at;
        // As the table keeps it (UsersModel::replaceRows).
        if (m_sentGuardrails)
            m_sentGuardrails->takeBudgetUse(row.userId, update.budgetUse);
    }
    // All time's rows are the snapshot's own: no second read.
    if (m_liveRange.isAllTime() && m_snapshot)
        m_snapshot->update(update.users);
    else
        refreshSnapshot(QStringList(touched.cbegin(), touched.cend()));
    update.workerMs = timer.elapsed();
    Q_EMIT liveUpdated(update);
}

bool DataWorker::catchUp()
{
    QString error;
    auto changes = m_feed->next(MaxCallsPerUpdate, &error);
    if (!changes || changes->overflow)
        return false;
    QSet<QString> touched = changes->users;
    for (const AuditChange &change : std::as_const(changes->audit)) {
        if (change.movesRecordedCosts())
            return false;
        touched.insert(change.userId);
    }
    if (touched.size() > MaxUsersPerUpdate)
        return false;
    refreshSnapshot(QStringList(touched.cbegin(), touched.cend()));
    return m_snapshot.has_value();
}

void DataWorker::scheduleSnapshot()
{
    if (!m_snapshotDelay) {
        m_snapshotDelay = new QTimer(this);
        m_snapshotDelay->setSingleShot(true);
        m_snapshotDelay->setInterval(2'000);
        connect(m_snapshotDelay, &QTimer::timeout, this, [this] { takeSnapshot(m_snapshotRequested); });
    }
    m_snapshotRequested = m_snapshotGeneration;
    m_snapshotDelay->start();
}

void DataWorker::takeSnapshot(quint64 generation)
{
    // A newer load, a pause or a reconnect since the request: not this one.
    if (generation != m_snapshotGeneration || m_snapshot || !m_live || !m_feed || !m_feed->isStarted() || !m_db)
        return;
    QString error;
    m_snapshot = Queries(reader()).snapshot(&error); // none on an error: the next range reads everyone
}

void DataWorker::refreshSnapshot(const QStringList &userIds)
{
    if (!m_snapshot || userIds.isEmpty())
        return;
    QString error;
    if (auto rows = Queries(reader()).someUsers(DateRange::allTime(), userIds, &error))
        m_snapshot->update(*rows);
    else
        m_snapshot.reset(); // the next load reads everyone again
}

void DataWorker::followLoad(quint64 requestId, const DateRange &range, Bucket bucket)
{
    m_liveRequest = requestId;
    m_liveRange = range;
    m_liveBucket = bucket;
    m_rowIndex.clear();
    m_rowIndex.reserve(m_loadedUsers.size());
    for (qsizetype i = 0; i < m_loadedUsers.size(); ++i)
        m_rowIndex.insert(m_loadedUsers.at(i), i);
}

} // namespace meterdesk
