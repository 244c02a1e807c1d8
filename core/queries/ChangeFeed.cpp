#include "queries/ChangeFeed.h"

#include "storage/SqlReader.h"

#include <QSqlQuery>

namespace meterdesk {

namespace {

// Ids at most this far below the newest may still be in flight when the
// feed starts; they are read once as "seen" so that the first look reports
// only what is new.
constexpr qint64 StartMargin = 100'000;

constexpr int AuditPerLook = 1'000;

} // namespace

bool AuditChange::movesRecordedCosts() const
{
    return action == QLatin1String("reprice") || action == QLatin1String("price")
        || action == QLatin1String("price import");
}

ChangeFeed::ChangeFeed(Database &database) : m_db(database) {}

bool ChangeFeed::readPostgresSnapshot(qint64 *xmin, qint64 *xmax, QString *error)
{
    QSqlQuery query(m_db.sql());
    if (!m_db.select(query,
                     QStringLiteral("SELECT CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text) AS bigint), "
                                    "CAST(CAST(pg_snapshot_xmax(pg_current_snapshot()) AS text) AS bigint)"),
                     {}, error)
        || !query.next())
        return false;
    *xmin = query.value(0).toLongLong();
    *xmax = query.value(1).toLongLong();
    return true;
}

// Read transactions of their own, begun and ended by statement: a
// read-only snapshot on PostgreSQL, a deferred one on SQLite (Database's
// transactions are for writers).
bool ChangeFeed::beginRead(QString *error)
{
    return m_db.exec(m_db.isPostgres() ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                                       : QStringLiteral("BEGIN"),
                     error);
}

bool ChangeFeed::endRead(bool ok, QString *error)
{
    QString ignored;
    if (!ok) {
        m_db.exec(QStringLiteral("ROLLBACK"), &ignored);
        return false;
    }
    return m_db.exec(QStringLiteral("COMMIT"), error);
}

bool ChangeFeed::start(QString *error)
{
    m_started = false;
    m_seenAbove.clear();
    m_checkpoints.clear();
    const bool pg = m_db.isPostgres();
    // One snapshot for the position and the ids seen (PostgreSQL); SQLite's
    // read transaction is one snapshot too.
    if (!beginRead(error))
        return false;
    qint64 xmin = 0;
    qint64 xmax = 0;
    QSqlQuery query(m_db.sql());
    bool ok = (!pg || readPostgresSnapshot(&xmin, &xmax, error))
        && m_db.select(query,
                       QStringLiteral("SELECT (SELECT coalesce(max(id), 0) FROM api_usage_tracking), "
                                      "(SELECT coalesce(max(id), 0) FROM admin_audit_log)"),
                       {}, error)
        && query.next();
    if (ok) {
        m_lastCall = query.value(0).toLongLong();
        m_lastAudit = query.value(1).toLongLong();
        // With no transaction running (xmin = xmax) nothing can commit
        // below the newest id: the mark is the newest id, as on SQLite.
        m_lowWater = pg && xmin < xmax ? qMax<qint64>(0, m_lastCall - StartMargin) : m_lastCall;
    }
    query.finish();
    if (ok && m_lowWater < m_lastCall)
        ok = readRows(m_db, QStringLiteral("SELECT id FROM api_usage_tracking WHERE id > ?"), {m_lowWater},
                      [this](const SqlRow &r) { m_seenAbove.insert(r.integer(0)); }, error);
    if (!endRead(ok, error))
        return false;
    if (pg)
        m_checkpoints.push_back({m_lastCall, xmax});
    m_started = true;
    return true;
}

std::optional<Changes> ChangeFeed::next(int maxCalls, QString *error)
{
    if (!m_started && !start(error))
        return std::nullopt;
    const bool pg = m_db.isPostgres();
    if (!beginRead(error))
        return std::nullopt;
    Changes changes;
    qint64 xmin = 0;
    qint64 xmax = 0;
    qint64 newest = m_lastCall;
    QList<qint64> fresh;
    // The seen ids come back too (they are above the mark): the limit
    // leaves room for them.
    const qint64 limit = qint64(maxCalls) + m_seenAbove.size() + 1;
    bool ok = (!pg || readPostgresSnapshot(&xmin, &xmax, error))
        && readRows(m_db,
                    QStringLiteral("SELECT id, user_id, %1 FROM api_usage_tracking WHERE id > ? ORDER BY id LIMIT ?")
                        .arg(m_db.dialect().dayOf(QStringLiteral("timestamp"))),
                    {m_lowWater, limit},
                    [&](const SqlRow &r) {
                        const qint64 id = r.integer(0);
                        if (m_seenAbove.contains(id))
                            return;
                        fresh << id;
                        newest = qMax(newest, id);
                        if (fresh.size() > maxCalls) {
                            changes.overflow = true;
                            return;
                        }
                        changes.users.insert(r.text(1));
                        changes.days.insert(QDate::fromString(r.text(2).left(10), Qt::ISODate));
                    },
                    error)
        && readAudit(changes, error);
    if (!endRead(ok, error))
        return std::nullopt;
    if (changes.overflow) {
        // Too much to follow call by call: the caller loads everything,
        // and the feed starts again from here.
        changes.users.clear();
        changes.days.clear();
        changes.calls = fresh.size();
        if (!start(error))
            return std::nullopt;
        return changes;
    }
    changes.calls = fresh.size();
    m_lastCall = newest;
    if (!pg) {
        m_lowWater = m_lastCall; // SQLite commits one writer at a time, in id order
        return changes;
    }
    for (qint64 id : std::as_const(fresh))
        m_seenAbove.insert(id);
    m_checkpoints.push_back({m_lastCall, xmax});
    advanceLowWater(xmin);
    return changes;
}

bool ChangeFeed::readAudit(Changes &changes, QString *error)
{
    return readRows(m_db,
                    QStringLiteral("SELECT id, at, actor_role, os_user, action, user_id, new_value "
                                   "FROM admin_audit_log WHERE id > ? ORDER BY id LIMIT ?"),
                    {m_lastAudit, AuditPerLook},
                    [&](const SqlRow &r) {
                        AuditChange change;
                        change.id = r.integer(0);
                        change.at = r.timestamp(1);
                        change.actor = r.text(2);
                        change.osUser = r.text(3);
                        change.action = r.text(4);
                        change.userId = r.text(5);
                        change.newValue = r.text(6);
                        m_lastAudit = change.id;
                        changes.audit << change;
                    },
                    error);
}

void ChangeFeed::advanceLowWater(qint64 xmin)
{
    // A checkpoint's ids are all settled once every transaction that was
    // running at it has ended: the oldest running one now (xmin) started
    // after the checkpoint's snapshot (xmax). (A transaction that drew its
    // id from the sequence a moment before its first write got an xid could
    // still slip by; that takes microseconds against a concurrent commit.)
    while (!m_checkpoints.empty() && m_checkpoints.front().xmax <= xmin) {
        m_lowWater = qMax(m_lowWater, m_checkpoints.front().lastCall);
        m_checkpoints.pop_front();
    }
    m_seenAbove.removeIf([this](qint64 id) { return id <= m_lowWater; });
}

} // namespace meterdesk
