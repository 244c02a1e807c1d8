#pragma once

#include "storage/Database.h"
#include "money/Money.h"
#include "tracking/UsageEvent.h"
#include "meterdesk_core_export.h"

#include <QList>
#include <QSqlQuery>

#include <QSet>

#include <functional>
#include <memory>
#include <optional>

namespace meterdesk {

class BatchSums;
class PriceBook;

struct TrackerOptions
{
    // Where calls without a user id go. Empty: they are refused with a clear
    // error instead of vanishing (the seed's "empty admin panel").
    QString unattributedUserId;
    // Retries of a whole batch on busy, deadlock or a lost connection.
    int maxRetries = 6;
    int initialBackoffMs = 20;
    // The time budgets are enforced at (their periods are UTC calendar
    // periods); the system clock unless a test says otherwise.
    std::function<QDateTime()> clock;
};

enum class EventStatus { Recorded, Duplicate, Rejected };

struct EventOutcome
{
    EventStatus status = EventStatus::Rejected;
    Money cost;
    bool priced = false;
    QString error; // why it was rejected
};

struct BatchOutcome
{
    bool ok = false;           // the transaction committed
    QString error;             // why it did not
    SqlFailure failure = SqlFailure::None;
    QList<EventOutcome> events; // one per input event, in order
    int recorded = 0;
    int duplicates = 0;
    int rejected = 0;
    QStringList budgetBlocked; // users this batch blocked for a budget
};

// Records calls synchronously: each batch is one transaction that inserts
// the log rows and adds to the stats row, the per-service totals and both
// rollups with upserts, so concurrent writers never lose an update.
//
// On SQLite the Tracker keeps its connection's temporary storage in memory
// (PRAGMA temp_store = MEMORY), for the journal each multi-row statement
// keeps to undo itself alone: on a file it cost a batch of a thousand calls
// a sixth of its time. A batch's statements are a few hundred rows each, so
// that memory stays small; give the Tracker a connection of its own rather
// than one that also runs updates of millions of rows or holds temporary
// tables (changing the setting drops them).
class METERDESK_CORE_EXPORT Tracker
{
public:
    Tracker(Database &database, const PriceBook &prices, TrackerOptions options = {});
    ~Tracker();

    EventOutcome track(const UsageEvent &event);
    // Events that cannot be recorded (no user, unknown user in a host-owned
    // database, bad values) are rejected one by one; the rest commit together.
    BatchOutcome trackBatch(const QList<UsageEvent> &events);

    // The cost and priced flag of one event, without recording it, at the
    // prices in force on its day.
    EventOutcome price(const UsageEvent &event) const;

private:
    struct Statements;
    struct Batch;
    // One try at a batch, in one transaction, in these steps.
    // With `auditLock`, the audit chain's lock is taken first: a batch that
    // must block a user for a budget is retried so (LockOrder.h).
    BatchOutcome attempt(const QList<UsageEvent> &events, bool auditLock = false);
    QList<UsageEvent> priceAll(const QList<UsageEvent> &input, BatchOutcome *outcome) const;
    std::optional<QSet<QString>> ensureUsers(const Batch &batch, const BatchOutcome &outcome, QSqlError *sqlError);
    bool insertLog(Batch &batch, const QSet<QString> &knownUsers, BatchOutcome &outcome, QSqlError *sqlError);
    void sumNewEvents(Batch &batch, BatchOutcome &outcome, BatchSums &sums);
    bool writeAggregates(const BatchSums &sums, QSqlError *sqlError);
    bool settleReservations(const Batch &batch, QSqlError *sqlError);
    void prepareStatements();

    Database &m_db;
    const PriceBook &m_prices;
    // m_prices with the database's own prices (admin/PriceTable.h), read
    // again with the statements (on start and after a reconnect).
    std::optional<PriceBook> m_book;
    TrackerOptions m_options;
    std::unique_ptr<Statements> m_statements;
};

} // namespace meterdesk
