#include "tracking/Tracker.h"

#include "admin/PriceTable.h"
#include "budgets/BudgetEnforcer.h"

#include "money/PriceBook.h"
#include "queries/DateRange.h"
#include "storage/BulkStatement.h"
#include "storage/LockOrder.h"
#include "storage/Schema.h"
#include "storage/Timestamps.h"
#include "tracking/BatchSums.h"
#include "tracking/LegacyMetadata.h"

#include <QRandomGenerator>
#include <QSet>
#include <QThread>

namespace meterdesk {

namespace {

// The counter columns of both rollups, in bind order.
const char *const RollupColumns = "requests, input_tokens, output_tokens, cached_input_tokens, "
                                  "cache_write_tokens, tokens, cost_nanos, unpriced_requests";

void addCounters(BulkRows &rows, const Counters &c)
{
    rows.addInteger(c.requests).addInteger(c.input).addInteger(c.output).addInteger(c.cachedInput);
    rows.addInteger(c.cacheWrite)
        .addInteger(c.tokens())
        .addInteger(c.costNanos)
        .addInteger(c.unpriced);
}

} // namespace

struct Tracker::Statements
{
    std::optional<BulkStatement> ensureUsers, existingUsers, insertEvents, upsertStats, upsertUserService,
        upsertDaily, upsertWeekly, upsertDailyService, settleReservations;
    BulkRows scratch{1}; // each statement's rows in turn, in memory kept from batch to batch
    BatchSums sums;
};

Tracker::Tracker(Database &database, const PriceBook &prices, TrackerOptions options)
    : m_db(database), m_prices(prices), m_options(std::move(options))
{
}

Tracker::~Tracker() = default;

void Tracker::prepareStatements()
{
    // A database without the price table yet (an older schema) prices with
    // the book it was given.
    QString ignored;
    m_book = PriceTable(m_db).book(m_prices, &ignored);
    auto s = std::make_unique<Statements>();
    const QSqlDatabase &db = m_db.sql();
    // The batch's statement journals in memory, not a file (Tracker.h).
    if (!m_db.isPostgres())
        m_db.exec(QStringLiteral("PRAGMA temp_store = MEMORY"), &ignored);
    const QString totalCost = m_db.dialect().statsTotalCostUpsert();
    // The per-service totals are written first (LockOrder.h), so the stats
    // row's breakdown is rebuilt from them in the same statement as its
    // counters. On PostgreSQL an existing row's is rebuilt by its own
    // trigger once the row is locked (Schema::legacyWriterSupport), which
    // overrides what this statement sets.
    //
    // So on PostgreSQL the statement builds the breakdown only for a user
    // without a stats row: for the others the trigger's is the one kept, and
    // building both cost a quarter of the stats upsert. (A stats row goes
    // only with its user, whom this batch's log rows hold by their foreign
    // key, so one seen here is still there at the insert.)
    const bool pg = m_db.isPostgres();
    const QString breakdown = pg
        ? QStringLiteral("CASE WHEN EXISTS (SELECT 1 FROM api_usage_stats s WHERE s.user_id = ?) THEN NULL ELSE %1 END")
              .arg(Schema::serviceBreakdown(m_db.dialect(), QStringLiteral("?")))
        : Schema::serviceBreakdown(m_db.dialect(), QStringLiteral("?"));
    const auto rollup = [&](const QString &table, const QString &keys, int keyCount) {
        QStringList sets;
        for (const QString &column : QString::fromLatin1(RollupColumns).split(QStringLiteral(", ")))
            sets << QStringLiteral("%1 = %2.%1 + excluded.%1").arg(column, table);
        const QStringList keyTypes = QStringList{QStringLiteral("date")} + QStringList(keyCount - 1, QStringLiteral("varchar"));
        return BulkStatement(db, QStringLiteral("INSERT INTO %1 (%2, %3)").arg(table, keys, QLatin1String(RollupColumns)),
                             placeholders(keyCount + 8),
                             QStringLiteral("ON CONFLICT (%1) DO UPDATE SET %2").arg(keys, sets.join(QStringLiteral(", "))),
                             keyTypes + QStringList(8, QStringLiteral("bigint")), 200);
    };
    const QString text = QStringLiteral("varchar"), integer = QStringLiteral("bigint"),
                  stamp = QStringLiteral("timestamp");
    s->ensureUsers.emplace(db, QStringLiteral("INSERT INTO users (id)"), QStringLiteral("(?)"),
                           QStringLiteral("ON CONFLICT (id) DO NOTHING"), QStringList{text}, 200);
    s->existingUsers.emplace(db, QStringLiteral("SELECT id FROM users WHERE id IN ("), QStringLiteral("(?)"),
                             QStringLiteral(")"), QStringList{text}, 200);
    s->insertEvents.emplace(
        db,
        QStringLiteral("INSERT INTO api_usage_tracking (user_id, service, endpoint, request_count, tokens_used, "
                       "estimated_cost, timestamp, metadata, event_id, model, input_tokens, output_tokens, "
                       "cached_input_tokens, cache_write_tokens, cost_nanos, priced, writer, service_tier)"),
        QStringLiteral("(?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)"),
        QStringLiteral("ON CONFLICT (event_id) DO NOTHING RETURNING event_id"),
        QStringList{text, text, text, integer, QStringLiteral("numeric"), stamp, QStringLiteral("jsonb"), text, text,
                    integer, integer, integer, integer, integer, QStringLiteral("boolean"), text},
        100);
    s->upsertStats.emplace(
        db,
        // is_blocked and risk_score keep their defaults: a writer role may
        // not touch them at all (see Schema::roles).
        QStringLiteral("INSERT INTO api_usage_stats (user_id, total_requests, total_cost, total_tokens, "
                       "total_cost_nanos, unpriced_requests, last_activity, updated_at, service_breakdown)"),
        QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, %1)").arg(breakdown),
        QStringLiteral("ON CONFLICT (user_id) DO UPDATE SET "
                       "total_requests = coalesce(api_usage_stats.total_requests, 0) + excluded.total_requests, "
                       "total_cost = %1, "
                       "total_tokens = api_usage_stats.total_tokens + excluded.total_tokens, "
                       "total_cost_nanos = api_usage_stats.total_cost_nanos + excluded.total_cost_nanos, "
                       "unpriced_requests = api_usage_stats.unpriced_requests + excluded.unpriced_requests, "
                       "last_activity = CASE WHEN api_usage_stats.last_activity IS NULL OR "
                       "api_usage_stats.last_activity < excluded.last_activity "
                       "THEN excluded.last_activity ELSE api_usage_stats.last_activity END, "
                       "updated_at = excluded.updated_at, service_breakdown = excluded.service_breakdown").arg(totalCost),
        QStringList{text, integer, QStringLiteral("numeric"), integer, integer, integer, stamp, stamp, text}
            + (pg ? QStringList{text} : QStringList{}),
        200);
    s->upsertUserService.emplace(
        db, QStringLiteral("INSERT INTO api_usage_user_service (user_id, service, requests, tokens, cost_nanos)"),
        placeholders(5),
        QStringLiteral("ON CONFLICT (user_id, service) DO UPDATE SET "
                       "requests = api_usage_user_service.requests + excluded.requests, "
                       "tokens = api_usage_user_service.tokens + excluded.tokens, "
                       "cost_nanos = api_usage_user_service.cost_nanos + excluded.cost_nanos"),
        QStringList{text, text, integer, integer, integer}, 200);
    s->upsertDaily.emplace(rollup(QStringLiteral("api_usage_daily"), QStringLiteral("day, user_id, service, model"), 4));
    s->upsertWeekly.emplace(
        db, QStringLiteral("INSERT INTO api_usage_weekly (week, user_id, service, requests, tokens, cost_nanos, unpriced_requests)"),
        placeholders(7),
        QStringLiteral("ON CONFLICT (week, user_id, service) DO UPDATE SET "
                       "requests = api_usage_weekly.requests + excluded.requests, "
                       "tokens = api_usage_weekly.tokens + excluded.tokens, "
                       "cost_nanos = api_usage_weekly.cost_nanos + excluded.cost_nanos, "
                       "unpriced_requests = api_usage_weekly.unpriced_requests + excluded.unpriced_requests"),
        QStringList{QStringLiteral("date"), text, text, integer, integer, integer, integer}, 200);
    s->settleReservations.emplace(db, QStringLiteral("DELETE FROM meterdesk_reservations WHERE id IN ("),
                                  QStringLiteral("(?)"), QStringLiteral(")"), QStringList{text}, 200);
    s->upsertDailyService.emplace(
        rollup(QStringLiteral("api_usage_daily_service"), QStringLiteral("day, service, model, endpoint"), 4));
    m_statements = std::move(s);
}

EventOutcome Tracker::price(const UsageEvent &event) const
{
    EventOutcome outcome;
    const QString problem = event.validate();
    if (!problem.isEmpty()) {
        outcome.error = problem;
        return outcome;
    }
    const PriceBook &book = m_book ? *m_book : m_prices;
    const auto quote = book.quote(event.model, event.tokens, event.timestamp, event.serviceTier);
    if (!quote) {
        outcome.error = QStringLiteral("the cost of this call does not fit in 64 bits of nano-dollars");
        return outcome;
    }
    outcome.status = EventStatus::Recorded;
    outcome.cost = quote->cost;
    outcome.priced = quote->priced;
    return outcome;
}

EventOutcome Tracker::track(const UsageEvent &event)
{
    const BatchOutcome batch = trackBatch({event});
    if (!batch.ok) {
        EventOutcome failed;
        failed.error = batch.error;
        return failed;
    }
    return batch.events.value(0);
}

BatchOutcome Tracker::trackBatch(const QList<UsageEvent> &events)
{
    int backoffMs = m_options.initialBackoffMs;
    BatchOutcome outcome;
    for (int attemptNo = 0;; ++attemptNo) {
        outcome = attempt(events);
        if (outcome.ok || !isTransient(outcome.failure))
            return outcome;
        // A lost connection is made again even when no retry is left: the
        // next batch would otherwise start on a dead one.
        if (outcome.failure == SqlFailure::ConnectionLost) {
            m_statements.reset();
            QString ignored;
            m_db.reconnect(&ignored);
        }
        if (attemptNo >= m_options.maxRetries)
            return outcome;
        QThread::msleep(backoffMs + QRandomGenerator::global()->bounded(backoffMs));
        backoffMs = qMin(backoffMs * 2, 2000);
    }
}

// The events of one attempt, as they move through its steps.
struct Tracker::Batch
{
    QList<UsageEvent> events;   // normalised copies of the input
    QList<QString> stamps;      // each logged event's timestamp as stored
    QList<qsizetype> logged;    // the events sent to the log, in order
    QHash<QString, int> inserted; // event ids the log took, with how often
};

BatchOutcome Tracker::attempt(const QList<UsageEvent> &input, bool auditLock)
{
    BatchOutcome outcome;
    QSqlError sqlError;
    const auto fail = [&] {
        outcome.ok = false;
        outcome.failure = classify(sqlError);
        outcome.error = describe(sqlError);
        m_db.rollback();
        return outcome;
    };
    if (!m_statements)
        prepareStatements();

    // Price and validate before the transaction: a bad event costs nothing.
    Batch batch;
    batch.events = priceAll(input, &outcome);
    if (!m_db.begin(&outcome.error, &outcome.failure))
        return outcome;
    if (auditLock && !m_db.exec(m_db.dialect().transactionLock(AuditChainLock), &outcome.error, &outcome.failure)) {
        m_db.rollback();
        return outcome;
    }
    const auto knownUsers = ensureUsers(batch, outcome, &sqlError);
    if (!knownUsers || !insertLog(batch, *knownUsers, outcome, &sqlError))
        return fail();
    // Kept from batch to batch with the statements; what it holds of the
    // last batch's events is forgotten here, before anything reads it.
    BatchSums &sums = m_statements->sums;
    sums.clear();
    try {
        sumNewEvents(batch, outcome, sums);
    } catch (const std::overflow_error &) {
        m_db.rollback();
        outcome.error = QStringLiteral("the batch's total cost is out of range");
        outcome.failure = SqlFailure::Other;
        return outcome;
    }
    if (!writeAggregates(sums, &sqlError) || !settleReservations(batch, &sqlError))
        return fail();
    const QDateTime now = m_options.clock ? m_options.clock() : QDateTime::currentDateTimeUtc();
    const BudgetEnforcer::Outcome budgets =
        BudgetEnforcer(m_db).enforce(sums.users(), now, auditLock);
    if (!budgets.ok) {
        m_db.rollback();
        outcome.error = QStringLiteral("enforcing budgets failed: %1").arg(budgets.error);
        outcome.failure = SqlFailure::Other;
        return outcome;
    }
    if (budgets.needsAuditLock) {
        m_db.rollback();
        return attempt(input, true);
    }
    outcome.budgetBlocked = budgets.blocked;
    if (!m_db.commit(&outcome.error, &outcome.failure))
        return outcome;

    outcome.ok = true;
    for (const EventOutcome &event : std::as_const(outcome.events)) {
        outcome.recorded += event.status == EventStatus::Recorded;
        outcome.duplicates += event.status == EventStatus::Duplicate;
        outcome.rejected += event.status == EventStatus::Rejected;
    }
    return outcome;
}

QList<UsageEvent> Tracker::priceAll(const QList<UsageEvent> &input, BatchOutcome *outcome) const
{
    QList<UsageEvent> events = input;
    outcome->events.resize(events.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        UsageEvent &event = events[i];
        if (event.userId.trimmed().isEmpty() && !m_options.unattributedUserId.isEmpty())
            event.userId = m_options.unattributedUserId;
        event.service = event.service.trimmed().toLower();
        outcome->events[i] = price(event);
    }
    return events;
}

std::optional<QSet<QString>> Tracker::ensureUsers(const Batch &batch, const BatchOutcome &outcome,
                                                  QSqlError *sqlError)
{
    QStringList users;
    for (qsizetype i = 0; i < batch.events.size(); ++i)
        if (outcome.events[i].status == EventStatus::Recorded)
            users << batch.events[i].userId;
    users.sort();
    users.removeDuplicates();
    QList<QVariantList> userRows;
    for (const QString &user : std::as_const(users))
        userRows.append({user});
    // Meterdesk's own database adds a user it has not seen; the host's
    // users table is only read, and an unknown user's events are rejected.
    QSet<QString> knownUsers;
    if (m_db.ownsUsers()) {
        if (!m_statements->ensureUsers->exec(userRows, sqlError))
            return std::nullopt;
        knownUsers = QSet<QString>(users.cbegin(), users.cend());
    } else if (!m_statements->existingUsers->exec(userRows, sqlError,
                                                  [&](const QVariant &id) { knownUsers.insert(id.toString()); })) {
        return std::nullopt;
    }
    return knownUsers;
}

bool Tracker::insertLog(Batch &batch, const QSet<QString> &knownUsers, BatchOutcome &outcome, QSqlError *sqlError)
{
    BulkRows &rows = m_statements->scratch;
    rows.reset(16);
    QDateTime lastAt;
    QString lastStamp;
    batch.stamps.resize(batch.events.size());
    for (qsizetype i = 0; i < batch.events.size(); ++i) {
        EventOutcome &result = outcome.events[i];
        if (result.status != EventStatus::Recorded)
            continue;
        const UsageEvent &event = batch.events[i];
        if (!knownUsers.contains(event.userId)) {
            result.status = EventStatus::Rejected;
            result.error = QStringLiteral("unknown user \"%1\": not in the users table of this database")
                               .arg(event.userId.left(80));
            continue;
        }
        // A batch's calls often share their millisecond: its text is made once.
        const QDateTime at =
            event.timestamp.isValid() ? event.timestamp : QDateTime::currentDateTimeUtc();
        if (at != lastAt || lastStamp.isNull()) {
            lastAt = at;
            lastStamp = sqlTimestamp(at);
        }
        batch.stamps[i] = lastStamp;
        rows.addText(event.userId)
            .addText(event.service)
            .addText(event.endpoint.isEmpty() ? event.model : event.endpoint);
        rows.addInteger(event.tokens.total())
            .addText(result.cost.toDecimalString())
            .addText(batch.stamps[i]);
        rows.addText(legacyMetadata(event)).addTextOrNull(event.eventId).addText(event.model);
        rows.addInteger(event.tokens.input)
            .addInteger(event.tokens.output)
            .addInteger(event.tokens.cachedInput);
        rows.addInteger(event.tokens.cacheWrite)
            .addInteger(result.cost.nanos())
            .addBool(result.priced);
        rows.addTextOrNull(event.serviceTier);
        batch.logged.append(i);
    }
    // RETURNING names the rows that went in; an id it does not name (or names
    // fewer times than it occurs) was recorded before: a replay.
    return m_statements->insertEvents->exec(rows, sqlError, [&](const QVariant &eventId) {
        if (!eventId.isNull())
            ++batch.inserted[eventId.toString()];
    });
}

void Tracker::sumNewEvents(Batch &batch, BatchOutcome &outcome, BatchSums &sums)
{
    for (qsizetype i : std::as_const(batch.logged)) {
        const UsageEvent &event = batch.events[i];
        EventOutcome &result = outcome.events[i];
        if (!event.eventId.isEmpty()) {
            auto it = batch.inserted.find(event.eventId);
            if (it == batch.inserted.end() || *it == 0) {
                result.status = EventStatus::Duplicate;
                continue;
            }
            --*it;
        }
        // The endpoint as it is logged (the model where none is given), counted as none.
        const QString &logged = event.endpoint.isEmpty() ? event.model : event.endpoint;
        sums.add(event.userId, event.service, event.model,
                 Schema::rollupEndpoint(logged, event.model), batch.stamps[i], event.tokens,
                 result.cost.nanos(), result.priced);
    }
    sums.finish();
}

bool Tracker::settleReservations(const Batch &batch, QSqlError *sqlError)
{
    // After the aggregates: a reservation is held under its user's stats
    // row, as AccessGuard::reserve takes them (LockOrder.h).
    QStringList ids;
    for (qsizetype i : std::as_const(batch.logged))
        if (!batch.events[i].reservationId.isEmpty())
            ids << batch.events[i].reservationId;
    if (ids.isEmpty())
        return true;
    ids.sort();
    ids.removeDuplicates();
    QList<QVariantList> rows;
    for (const QString &id : std::as_const(ids))
        rows.append({id});
    return m_statements->settleReservations->exec(rows, sqlError);
}

bool Tracker::writeAggregates(const BatchSums &sums, QSqlError *sqlError)
{
    // Keys go in sorted order and tables in the one lock order, so
    // concurrent batches, the legacy trigger and admin actions take the
    // same rows in the same order and cannot deadlock each other.
    Statements &s = *m_statements;
    const QString now = sqlTimestamp(QDateTime::currentDateTimeUtc());
    const bool pg = m_db.isPostgres();
    for (Aggregate aggregate : AggregateLockOrder) {
        BulkStatement *statement = nullptr;
        BulkRows &rows = s.scratch;
        switch (aggregate) {
        case Aggregate::UserService:
            statement = &*s.upsertUserService;
            rows.reset(5);
            for (const auto &[key, c] : sums.perUserService())
                rows.addText(key[0])
                    .addText(key[1])
                    .addInteger(c.requests)
                    .addInteger(c.tokens())
                    .addInteger(c.costNanos);
            break;
        case Aggregate::Stats:
            statement = &*s.upsertStats;
            rows.reset(pg ? 10 : 9);
            for (const BatchSums::UserRow &row : sums.perUser()) {
                const Counters &c = row.counters;
                rows.addText(row.user)
                    .addInteger(c.requests)
                    .addText(Money::fromNanos(c.costNanos).toDecimalString());
                rows.addInteger(c.tokens()).addInteger(c.costNanos).addInteger(c.unpriced);
                rows.addText(row.lastActivity).addText(now).addText(row.user);
                if (pg) // the breakdown's user, then the existing row's
                    rows.addText(row.user);
            }
            break;
        case Aggregate::Daily:
            statement = &*s.upsertDaily;
            rows.reset(12);
            for (const auto &[key, c] : sums.perDay()) {
                rows.addText(key[0]).addText(key[1]).addText(key[2]).addText(key[3]);
                addCounters(rows, c);
            }
            break;
        case Aggregate::Weekly:
            statement = &*s.upsertWeekly;
            rows.reset(7);
            for (const auto &[key, c] : sums.perWeek()) {
                rows.addText(key[0]).addText(key[1]).addText(key[2]);
                rows.addInteger(c.requests)
                    .addInteger(c.tokens())
                    .addInteger(c.costNanos)
                    .addInteger(c.unpriced);
            }
            break;
        case Aggregate::DailyService:
            statement = &*s.upsertDailyService;
            rows.reset(12);
            for (const auto &[key, c] : sums.perDayService()) {
                rows.addText(key[0]).addText(key[1]).addText(key[2]).addText(key[3]);
                addCounters(rows, c);
            }
            break;
        }
        if (!statement->exec(rows, sqlError))
            return false;
    }
    return true;
}

} // namespace meterdesk
