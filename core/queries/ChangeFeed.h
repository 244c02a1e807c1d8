#pragma once

#include "storage/Database.h"
#include "meterdesk_core_export.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

#include <deque>
#include <optional>

namespace meterdesk {

// An admin action read from the audit log, with who made it.
struct METERDESK_CORE_EXPORT AuditChange
{
    qint64 id = 0;
    QDateTime at;
    QString actor; // the database role, or "budget" for a budget's own block
    QString osUser;
    QString action;
    QString userId; // the subject: a user, or a model for price actions
    QString newValue;

    // Repricing and price changes move costs of calls already shown: a
    // live update cannot follow them, a full load can.
    bool movesRecordedCosts() const;
};

// What was committed since the last look: the users and days that new
// calls touched, and the audit rows. The dashboard re-reads those users'
// rows and those days' sums, so a call seen twice changes nothing.
struct Changes
{
    QSet<QString> users; // new calls' users
    QSet<QDate> days;    // new calls' days (UTC)
    qint64 calls = 0;    // new calls seen (each once)
    QList<AuditChange> audit;
    // More calls waited than one update should read: load everything instead.
    bool overflow = false;
};

// Follows the usage log and the audit log from a position. The log's ids
// come from a sequence, and on PostgreSQL a transaction that took its ids
// earlier can commit after one that took later ids: the feed reads from a
// low-water mark behind which every transaction has ended (the snapshot's
// xmin moved past them), and skips the ids it has already seen above it.
// On SQLite commits are serial and the mark is simply the last id.
class METERDESK_CORE_EXPORT ChangeFeed
{
public:
    explicit ChangeFeed(Database &database);

    // Positions the feed at what is committed now. Call it before a full
    // load: a call committed during the load is then read again by the
    // next look, which is harmless (see Changes).
    bool start(QString *error);
    // What was committed since the last look; at most `maxCalls` new calls,
    // else `overflow` (the position then moves past them all).
    std::optional<Changes> next(int maxCalls, QString *error);
    bool isStarted() const { return m_started; }
    Database &database() const { return m_db; }
    qint64 lastCallId() const { return m_lastCall; }

private:
    struct Checkpoint
    {
        qint64 lastCall = 0;
        qint64 xmax = 0; // the snapshot's xmax: every later transaction starts after it
    };
    bool beginRead(QString *error);
    bool endRead(bool ok, QString *error);
    bool readPostgresSnapshot(qint64 *xmin, qint64 *xmax, QString *error);
    bool readAudit(Changes &changes, QString *error);
    void advanceLowWater(qint64 xmin);

    Database &m_db;
    bool m_started = false;
    qint64 m_lowWater = 0;  // every call at or below it has been seen or never will be
    qint64 m_lastCall = 0;  // the highest call id seen
    qint64 m_lastAudit = 0;
    QSet<qint64> m_seenAbove; // PostgreSQL: ids seen above the low-water mark
    std::deque<Checkpoint> m_checkpoints;
};

} // namespace meterdesk
