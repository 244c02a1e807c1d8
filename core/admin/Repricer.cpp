#include "admin/Repricer.h"

#include "admin/AdminActions.h"
#include "admin/PriceTable.h"
#include "storage/LockOrder.h"
#include "storage/Schema.h"
#include "storage/Timestamps.h"

#include <QMap>
#include <QSqlQuery>

namespace meterdesk {

// One call whose cost or priced flag moves.
struct Repricer::Change
{
    qint64 id = 0;
    QString userId, service, model, day;
    qint64 oldNanos = 0, newNanos = 0;
    qint64 unpricedDelta = 0; // +requests when it becomes unpriced, -requests when priced
    bool priced = false;
    QString endpoint; // as the per-day totals count it (Schema::rollupEndpoint)
};

namespace {

// Differences per aggregate row, keyed in sorted order (QMap): rows are
// taken in key order, tables in the one lock order.
struct Deltas
{
    QMap<std::pair<QString, QString>, qint64> userService;
    QMap<QString, std::pair<qint64, qint64>> stats; // cost, unpriced
    QMap<std::tuple<QString, QString, QString, QString>, std::pair<qint64, qint64>> daily;
    QMap<std::tuple<QString, QString, QString>, std::pair<qint64, qint64>> weekly; // Monday, user, service
    QMap<std::tuple<QString, QString, QString, QString>, std::pair<qint64, qint64>> dailyService; // with the endpoint
};

QString scopeFilter(const RepriceScope &scope)
{
    return QStringLiteral("timestamp >= ? AND timestamp < ?") + (scope.model.isEmpty() ? QString() : QStringLiteral(" AND model = ?"));
}

QVariantList scopeValues(const RepriceScope &scope)
{
    QVariantList values{scope.range.firstTime(), scope.range.endTime()};
    if (!scope.model.isEmpty())
        values << scope.model;
    return values;
}

bool exec(QSqlQuery &query, const QVariantList &values, QString *error)
{
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (query.exec())
        return true;
    *error = describe(query.lastError());
    return false;
}

} // namespace

Repricer::Repricer(Database &database, const PriceBook &prices) : m_db(database), m_prices(prices) {}

RepriceResult Repricer::run(const RepriceScope &scope, bool dryRun, const std::function<bool(qint64, qint64)> &progress)
{
    RepriceResult result;
    const auto book = PriceTable(m_db).book(m_prices, &result.error);
    if (!book)
        return result;
    QSqlQuery count(m_db.sql());
    count.prepare(QStringLiteral("SELECT count(*) FROM api_usage_tracking WHERE ") + scopeFilter(scope));
    if (!exec(count, scopeValues(scope), &result.error) || !count.next())
        return result;
    const qint64 total = count.value(0).toLongLong();
    count.finish();
    const QString select = QStringLiteral(
        "SELECT id, user_id, service, coalesce(model, ''), timestamp, coalesce(input_tokens, 0), "
        "coalesce(output_tokens, 0), coalesce(cached_input_tokens, 0), coalesce(cache_write_tokens, 0), "
        "coalesce(cost_nanos, 0), priced, coalesce(request_count, 1), coalesce(endpoint, ''), coalesce(service_tier, '') "
        "FROM api_usage_tracking "
        "WHERE id > ? AND %1 ORDER BY id LIMIT %2%3")
        .arg(scopeFilter(scope)).arg(BatchSize).arg(dryRun ? QString() : m_db.dialect().forUpdate());
    for (qint64 lastId = 0;;) {
        if (!dryRun && !m_db.begin(&result.error))
            return result;
        QSqlQuery rows(m_db.sql());
        rows.setForwardOnly(true);
        rows.prepare(select);
        if (!exec(rows, QVariantList{lastId} + scopeValues(scope), &result.error)) {
            m_db.rollback();
            return result;
        }
        QList<Change> changes;
        qint64 read = 0;
        while (rows.next()) {
            ++read;
            lastId = rows.value(0).toLongLong();
            const QDateTime at = utcFromSql(rows.value(4));
            const TokenCounts tokens{rows.value(5).toLongLong(), rows.value(6).toLongLong(), rows.value(7).toLongLong(),
                                     rows.value(8).toLongLong()};
            const QString model = rows.value(3).toString();
            // At the tier the call was made on: a batch call stays half price.
            const auto quote = book->quote(model, tokens, at, rows.value(13).toString());
            const bool wasPriced = rows.value(10).toBool();
            const qint64 oldNanos = rows.value(9).toLongLong();
            if (!quote || (quote->cost.nanos() == oldNanos && quote->priced == wasPriced))
                continue;
            const qint64 requests = rows.value(11).toLongLong();
            changes.append({lastId, rows.value(1).toString(), rows.value(2).toString(), model,
                            at.date().toString(Qt::ISODate), oldNanos, quote->cost.nanos(),
                            (wasPriced ? 0 : -requests) + (quote->priced ? 0 : requests),
                            quote->priced,
                            Schema::rollupEndpoint(rows.value(12).toString(), model).toString()});
        }
        rows.finish();
        result.examined += read;
        for (const Change &change : std::as_const(changes)) {
            result.oldTotal += Money::fromNanos(change.oldNanos);
            result.newTotal += Money::fromNanos(change.newNanos);
            result.nowPriced += change.unpricedDelta < 0;
            result.nowUnpriced += change.unpricedDelta > 0;
        }
        result.changed += changes.size();
        if (!dryRun) {
            if (!changes.isEmpty() && !applyBatch(changes, scope, &result.error)) {
                m_db.rollback();
                return result;
            }
            if (!m_db.commit(&result.error))
                return result;
        }
        if (read < BatchSize)
            break;
        if (progress && !progress(result.examined, total)) {
            result.error = QStringLiteral("stopped after %1 of %2 calls; the batches done stay done").arg(result.examined).arg(total);
            return result;
        }
    }
    if (progress)
        progress(result.examined, total);
    result.ok = true;
    return result;
}

bool Repricer::addToRows(const QString &table, const QStringList &keys, const QStringList &types, const QString &sets,
                         const QList<QVariantList> &rows, QString *error)
{
    // `rows` are in key order (QMap). Many rows a statement; on PostgreSQL
    // the rows are locked first in key order (SELECT ... ORDER BY ... FOR
    // UPDATE), as every writer takes them (LockOrder.h), then changed.
    constexpr qsizetype Chunk = 500;
    QStringList casts;
    for (const QString &type : types)
        casts << QStringLiteral("CAST(? AS %1)").arg(type);
    const QString row = u'(' + casts.join(QStringLiteral(", ")) + u')';
    QStringList keyCasts = casts.mid(0, keys.size()), match;
    for (qsizetype k = 0; k < keys.size(); ++k)
        match << QStringLiteral("%1.%2 = v.column%3").arg(table, keys[k]).arg(k + 1);
    const QString keyList = keys.join(QStringLiteral(", "));
    for (qsizetype start = 0; start < rows.size(); start += Chunk) {
        const qsizetype count = qMin(Chunk, rows.size() - start);
        QVariantList values, keyValues;
        for (qsizetype i = start; i < start + count; ++i) {
            values << rows[i];
            keyValues << rows[i].mid(0, keys.size());
        }
        if (!m_db.dialect().forUpdate().isEmpty()) {
            QSqlQuery lock(m_db.sql());
            lock.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE (%2) IN (VALUES %3) ORDER BY %2%4")
                             .arg(table, keyList, QStringList(count, u'(' + keyCasts.join(QStringLiteral(", ")) + u')').join(u','),
                                  m_db.dialect().forUpdate()));
            if (!exec(lock, keyValues, error))
                return false;
        }
        QSqlQuery update(m_db.sql());
        update.prepare(QStringLiteral("UPDATE %1 SET %2 FROM (VALUES %3) AS v WHERE %4")
                           .arg(table, sets, QStringList(count, row).join(u','), match.join(QStringLiteral(" AND "))));
        if (!exec(update, values, error))
            return false;
    }
    return true;
}

bool Repricer::updateCalls(const QList<Change> &changes, QString *error)
{
    // One statement per 500 calls: a statement per call was most of the
    // time on PostgreSQL (a round trip each).
    constexpr qsizetype Chunk = 500;
    for (qsizetype start = 0; start < changes.size(); start += Chunk) {
        const qsizetype count = qMin(Chunk, changes.size() - start);
        QStringList rows(count, QStringLiteral("(CAST(? AS bigint), CAST(? AS bigint), CAST(? AS boolean))"));
        QSqlQuery update(m_db.sql());
        update.prepare(QStringLiteral("UPDATE api_usage_tracking SET cost_nanos = v.column2, priced = v.column3, "
                                      "estimated_cost = CASE WHEN writer = 1 THEN v.column2 / 1000000000.0 "
                                      "ELSE estimated_cost END FROM (VALUES %1) AS v "
                                      "WHERE api_usage_tracking.id = v.column1").arg(rows.join(u',')));
        QVariantList values;
        for (qsizetype i = start; i < start + count; ++i)
            values << changes[i].id << changes[i].newNanos << changes[i].priced;
        if (!exec(update, values, error))
            return false;
    }
    return true;
}

bool Repricer::applyBatch(const QList<Change> &changes, const RepriceScope &scope, QString *error)
{
    // The log rows are locked already (SELECT ... FOR UPDATE): they change
    // first, many a statement, then the aggregates in the one lock order.
    if (!updateCalls(changes, error))
        return false;
    Deltas deltas;
    Money oldTotal, newTotal;
    for (const Change &change : changes) {
        const qint64 delta = change.newNanos - change.oldNanos;
        deltas.userService[{change.userId, change.service}] += delta;
        auto &stats = deltas.stats[change.userId];
        stats.first += delta;
        stats.second += change.unpricedDelta;
        auto &daily = deltas.daily[{change.day, change.userId, change.service, change.model}];
        daily.first += delta;
        daily.second += change.unpricedDelta;
        const QString week = bucketStart(QDate::fromString(change.day, Qt::ISODate), Bucket::Week).toString(Qt::ISODate);
        auto &weekly = deltas.weekly[{week, change.userId, change.service}];
        weekly.first += delta;
        weekly.second += change.unpricedDelta;
        auto &dailyService = deltas.dailyService[{change.day, change.service, change.model, change.endpoint}];
        dailyService.first += delta;
        dailyService.second += change.unpricedDelta;
        oldTotal += Money::fromNanos(change.oldNanos);
        newTotal += Money::fromNanos(change.newNanos);
    }
    const Dialect &dialect = m_db.dialect();
    const QString text = dialect.textType(), day = dialect.dayType(), number = QStringLiteral("bigint");
    for (Aggregate aggregate : AggregateLockOrder) {
        QList<QVariantList> rows;
        bool ok = true;
        switch (aggregate) {
        case Aggregate::UserService:
            for (auto it = deltas.userService.cbegin(); it != deltas.userService.cend(); ++it)
                rows.append({it.key().first, it.key().second, it.value()});
            ok = addToRows(QStringLiteral("api_usage_user_service"), {QStringLiteral("user_id"), QStringLiteral("service")},
                           {text, text, number}, QStringLiteral("cost_nanos = cost_nanos + v.column3"), rows, error);
            break;
        case Aggregate::Stats:
            // The breakdown is rebuilt from the per-service totals just moved
            // (on PostgreSQL by the stats row's own trigger, with total_cost).
            for (auto it = deltas.stats.cbegin(); it != deltas.stats.cend(); ++it)
                rows.append({it.key(), it.value().first, it.value().second});
            ok = addToRows(QStringLiteral("api_usage_stats"), {QStringLiteral("user_id")}, {text, number, number},
                           QStringLiteral("total_cost_nanos = total_cost_nanos + v.column2, "
                                          "unpriced_requests = unpriced_requests + v.column3")
                               + (dialect.derivesStatsTotals()
                                      ? QString()
                                      : QStringLiteral(", total_cost = %1, service_breakdown = %2")
                                            .arg(dialect.statsTotalCostPlus(QStringLiteral("v.column2")),
                                                 Schema::serviceBreakdown(dialect))),
                           rows, error);
            break;
        case Aggregate::Daily:
            for (auto it = deltas.daily.cbegin(); it != deltas.daily.cend(); ++it) {
                const auto &[d, user, service, model] = it.key();
                rows.append({d, user, service, model, it.value().first, it.value().second});
            }
            ok = addToRows(QStringLiteral("api_usage_daily"),
                           {QStringLiteral("day"), QStringLiteral("user_id"), QStringLiteral("service"), QStringLiteral("model")},
                           {day, text, text, text, number, number},
                           QStringLiteral("cost_nanos = cost_nanos + v.column5, unpriced_requests = unpriced_requests + v.column6"),
                           rows, error);
            break;
        case Aggregate::Weekly:
            for (auto it = deltas.weekly.cbegin(); it != deltas.weekly.cend(); ++it) {
                const auto &[week, user, service] = it.key();
                rows.append({week, user, service, it.value().first, it.value().second});
            }
            ok = addToRows(QStringLiteral("api_usage_weekly"),
                           {QStringLiteral("week"), QStringLiteral("user_id"), QStringLiteral("service")},
                           {day, text, text, number, number},
                           QStringLiteral("cost_nanos = cost_nanos + v.column4, unpriced_requests = unpriced_requests + v.column5"),
                           rows, error);
            break;
        case Aggregate::DailyService:
            for (auto it = deltas.dailyService.cbegin(); it != deltas.dailyService.cend(); ++it) {
                const auto &[d, service, model, endpoint] = it.key();
                rows.append({d, service, model, endpoint, it.value().first, it.value().second});
            }
            ok = addToRows(QStringLiteral("api_usage_daily_service"),
                           {QStringLiteral("day"), QStringLiteral("service"), QStringLiteral("model"), QStringLiteral("endpoint")},
                           {day, text, text, text, number, number},
                           QStringLiteral("cost_nanos = cost_nanos + v.column5, unpriced_requests = unpriced_requests + v.column6"),
                           rows, error);
            break;
        }
        if (!ok)
            return false;
    }
    AdminActions audit(m_db);
    return audit.audit(QStringLiteral("reprice"), scope.model.isEmpty() ? QStringLiteral("*") : scope.model,
                       oldTotal.toString(9), newTotal.toString(9),
                       scope.range.isAllTime()
                           ? QStringLiteral("%1 calls, every day").arg(changes.size())
                           : QStringLiteral("%1 calls from %2 to %3").arg(changes.size()).arg(scope.range.firstDay(), scope.range.lastDay()),
                       error);
}

} // namespace meterdesk
