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
    bool ownRow = false; // written by Meterdesk: its estimated_cost is the cost
};

namespace {

// Differences per aggregate row, keyed in sorted order (QMap): rows are
// taken in key order, tables in the one lock order.
struct Deltas
{
    QMap<std::pair<QString, QString>, qint64> userService;
    QMap<QString, std::pair<qint64, qint64>> stats; // cost, unpriced
    QMap<std::tuple<QString, QString, QString, QString>, std::pair<qint64, qint64>> daily;
    QMap<std::tuple<QString, QString, QString>, std::pair<qint64, qint64>> dailyService;
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
        "coalesce(cost_nanos, 0), priced, writer, coalesce(request_count, 1) FROM api_usage_tracking "
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
            const auto quote = book->quote(model, tokens, at);
            const bool wasPriced = rows.value(10).toBool();
            const qint64 oldNanos = rows.value(9).toLongLong();
            if (!quote || (quote->cost.nanos() == oldNanos && quote->priced == wasPriced))
                continue;
            const qint64 requests = rows.value(12).toLongLong();
            changes.append({lastId, rows.value(1).toString(), rows.value(2).toString(), model,
                            at.date().toString(Qt::ISODate), oldNanos, quote->cost.nanos(),
                            (wasPriced ? 0 : -requests) + (quote->priced ? 0 : requests), quote->priced,
                            rows.value(11).toInt() == 1});
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

bool Repricer::applyBatch(const QList<Change> &changes, const RepriceScope &scope, QString *error)
{
    // The log rows are locked already (SELECT ... FOR UPDATE): they change
    // first, then the aggregates in the one lock order.
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("UPDATE api_usage_tracking SET cost_nanos = ?, priced = ?, "
                                 "estimated_cost = CASE WHEN writer = 1 THEN ? ELSE estimated_cost END WHERE id = ?"));
    Deltas deltas;
    Money oldTotal, newTotal;
    for (const Change &change : changes) {
        if (!exec(query, {change.newNanos, change.priced, Money::fromNanos(change.newNanos).toDecimalString(), change.id},
                  error))
            return false;
        const qint64 delta = change.newNanos - change.oldNanos;
        deltas.userService[{change.userId, change.service}] += delta;
        auto &stats = deltas.stats[change.userId];
        stats.first += delta;
        stats.second += change.unpricedDelta;
        auto &daily = deltas.daily[{change.day, change.userId, change.service, change.model}];
        daily.first += delta;
        daily.second += change.unpricedDelta;
        auto &dailyService = deltas.dailyService[{change.day, change.service, change.model}];
        dailyService.first += delta;
        dailyService.second += change.unpricedDelta;
        oldTotal += Money::fromNanos(change.oldNanos);
        newTotal += Money::fromNanos(change.newNanos);
    }
    const Dialect &dialect = m_db.dialect();
    for (Aggregate aggregate : AggregateLockOrder) {
        switch (aggregate) {
        case Aggregate::UserService:
            query.prepare(QStringLiteral("UPDATE api_usage_user_service SET cost_nanos = cost_nanos + ? "
                                         "WHERE user_id = ? AND service = ?"));
            for (auto it = deltas.userService.cbegin(); it != deltas.userService.cend(); ++it)
                if (!exec(query, {it.value(), it.key().first, it.key().second}, error))
                    return false;
            break;
        case Aggregate::Stats:
            // The breakdown is rebuilt from the per-service totals just moved.
            query.prepare(QStringLiteral("UPDATE api_usage_stats SET total_cost = %1, "
                                         "total_cost_nanos = total_cost_nanos + ?, "
                                         "unpriced_requests = unpriced_requests + ?, service_breakdown = %2 "
                                         "WHERE user_id = ?")
                              .arg(dialect.statsTotalCostPlus(), Schema::serviceBreakdown(dialect)));
            for (auto it = deltas.stats.cbegin(); it != deltas.stats.cend(); ++it)
                if (!exec(query, {it.value().first, it.value().first, it.value().second, it.key()}, error))
                    return false;
            break;
        case Aggregate::Daily:
            query.prepare(QStringLiteral("UPDATE api_usage_daily SET cost_nanos = cost_nanos + ?, "
                                         "unpriced_requests = unpriced_requests + ? "
                                         "WHERE day = ? AND user_id = ? AND service = ? AND model = ?"));
            for (auto it = deltas.daily.cbegin(); it != deltas.daily.cend(); ++it) {
                const auto &[day, user, service, model] = it.key();
                if (!exec(query, {it.value().first, it.value().second, day, user, service, model}, error))
                    return false;
            }
            break;
        case Aggregate::DailyService:
            query.prepare(QStringLiteral("UPDATE api_usage_daily_service SET cost_nanos = cost_nanos + ?, "
                                         "unpriced_requests = unpriced_requests + ? "
                                         "WHERE day = ? AND service = ? AND model = ?"));
            for (auto it = deltas.dailyService.cbegin(); it != deltas.dailyService.cend(); ++it) {
                const auto &[day, service, model] = it.key();
                if (!exec(query, {it.value().first, it.value().second, day, service, model}, error))
                    return false;
            }
            break;
        }
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
