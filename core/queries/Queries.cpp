// The totals, series, events and audit reads; the users table's read is in
// QueriesUsers.cpp.

#include "queries/Queries.h"

#include "budgets/Budget.h"
#include "queries/SqlValues.h"
#include "queries/TotalsSums.h"
#include "queries/Utf8Keys.h"
#include "storage/SqlReader.h"
#include "storage/Timestamps.h"

#include <QHash>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>
#include <numeric>

namespace meterdesk {

Queries::Queries(Database &database) : m_db(database) {}

bool Queries::run(QSqlQuery &query, const QString &sql, const QVariantList &values, QString *error)
{
    return m_db.select(query, sql, values, error);
}

QVariantList Queries::dayBounds(const DateRange &range) const
{
    return {range.firstDay(), range.lastDay()};
}

std::optional<Overview> Queries::overview(const DateRange &range, QString *error, UserCounts counts)
{
    Overview overview;
    QSqlQuery query;
    if (m_db.isPostgres()) {
        if (!run(query,
                 QStringLiteral("SELECT service, sum(requests), sum(tokens), sum(cost_nanos), sum(unpriced_requests) "
                                "FROM api_usage_daily_service WHERE day >= ? AND day <= ? GROUP BY service"),
                 dayBounds(range), error))
            return std::nullopt;
        while (query.next()) {
            overview.perService.insert(query.value(0).toString(), {toInt64(query.value(1)), toInt64(query.value(2)),
                                                                   toMoney(query.value(3))});
            overview.unpricedEvents += toInt64(query.value(4));
        }
    } else {
        // SQLite sorts the rows for a GROUP BY: all time is 37,000 rows of
        // a year of days and endpoints, summed here in three fifths of the
        // time (15 ms against 26 on the 10M-call file).
        OverviewSums sums(overview);
        if (!readRows(m_db,
                      dailyServiceRowsSql(), dayBounds(range), [&sums](const SqlRow &r) { sums.add(r); }, error))
            return std::nullopt;
    }
    addUpServices(overview);
    if (counts == UserCounts::ActiveAndBlocked) {
        const QString active =
            range.isAllTime() ? QStringLiteral("SELECT count(DISTINCT user_id) FROM "
                                               "api_usage_user_service WHERE requests > 0")
                              // DISTINCT in a subquery: PostgreSQL hashes the ids instead of
                              // sorting them (30 days at 10M calls, 435,000 rows: 165 to 187 ms
                              // against 269 to 367); SQLite takes the same time either way.
                              : QStringLiteral("SELECT count(*) FROM (SELECT DISTINCT user_id FROM "
                                               "api_usage_daily WHERE day >= ? AND day <= ?) u");
        if (!run(query, active, range.isAllTime() ? QVariantList() : dayBounds(range), error) || !query.next())
            return std::nullopt;
        overview.activeUsers = toInt64(query.value(0));
    }
    if (counts != UserCounts::None) {
        if (!run(query, QStringLiteral("SELECT count(*) FROM api_usage_stats WHERE ") + BlockedNowCondition,
                 {true, sqlTimestamp(QDateTime::currentDateTimeUtc())}, error)
            || !query.next())
            return std::nullopt;
        overview.blockedUsers = toInt64(query.value(0));
    }
    return overview;
}

void Queries::countUsers(Overview &overview, const QList<UserRow> &rows)
{
    overview.activeUsers = overview.blockedUsers = 0;
    for (const UserRow &row : rows) {
        overview.activeUsers += row.requests > 0 ? 1 : 0;
        overview.blockedUsers += row.blocked ? 1 : 0;
    }
}

std::optional<QList<CostRow>> Queries::costs(const DateRange &range, QString *error)
{
    if (!m_db.isPostgres())
        return sumCosts(range, error);
    QSqlQuery query;
    if (!run(query,
             QStringLiteral("SELECT service, model, sum(requests), sum(input_tokens), sum(output_tokens), "
                            "sum(cached_input_tokens), sum(cache_write_tokens), sum(cost_nanos), "
                            "sum(unpriced_requests) FROM api_usage_daily_service WHERE day >= ? AND day <= ? "
                            "GROUP BY service, model ORDER BY sum(cost_nanos) DESC, service, model"),
             dayBounds(range), error))
        return std::nullopt;
    QList<CostRow> rows;
    while (query.next()) {
        CostRow row;
        row.service = query.value(0).toString();
        row.model = query.value(1).toString();
        row.requests = toInt64(query.value(2));
        row.tokens = {toInt64(query.value(3)), toInt64(query.value(4)), toInt64(query.value(5)),
                      toInt64(query.value(6))};
        row.cost = toMoney(query.value(7));
        row.unpricedEvents = toInt64(query.value(8));
        rows.append(row);
    }
    return rows;
}

std::optional<QList<CostRow>> Queries::sumCosts(const DateRange &range, QString *error)
{
    // As costs() on SQLite, whose GROUP BY sorts.
    CostSums sums;
    if (!readRows(m_db,
                  dailyServiceRowsSql(), dayBounds(range), [&sums](const SqlRow &r) { sums.add(r); }, error))
        return std::nullopt;
    return sums.sorted();
}

std::optional<QList<SeriesPoint>> Queries::costSeries(const DateRange &range, Bucket bucket, QString *error)
{
    QSqlQuery query;
    if (!run(query,
             QStringLiteral("SELECT day, service, sum(requests), sum(cost_nanos) FROM api_usage_daily_service "
                            "WHERE day >= ? AND day <= ? GROUP BY day, service ORDER BY day, service"),
             dayBounds(range), error))
        return std::nullopt;
    QMap<std::pair<QDate, QString>, SeriesPoint> points;
    while (query.next()) {
        const QDate start = bucketStart(dateFromSql(query.value(0)), bucket);
        SeriesPoint &point = points[{start, query.value(1).toString()}];
        point.bucketStart = start;
        point.service = query.value(1).toString();
        point.requests += toInt64(query.value(2));
        point.cost += toMoney(query.value(3));
    }
    return points.values();
}

std::optional<QList<UserDayRow>> Queries::userDaily(const QString &userId, const DateRange &range, QString *error)
{
    QSqlQuery query;
    if (!run(query,
             QStringLiteral("SELECT day, service, model, requests, tokens, cost_nanos FROM api_usage_daily "
                            "WHERE user_id = ? AND day >= ? AND day <= ? ORDER BY day, service, model"),
             QVariantList{userId} + dayBounds(range), error))
        return std::nullopt;
    QList<UserDayRow> rows;
    while (query.next())
        rows.append({dateFromSql(query.value(0)), query.value(1).toString(), query.value(2).toString(),
                     toInt64(query.value(3)), toInt64(query.value(4)), toMoney(query.value(5))});
    return rows;
}

std::optional<QList<EventRow>> Queries::userEvents(const QString &userId, const DateRange &range, int limit,
                                                   int offset, QString *error)
{
    const QString from = range.firstTime(), before = range.endTime();
    QSqlQuery query;
    if (!run(query,
             QStringLiteral("SELECT id, timestamp, service, model, endpoint, input_tokens, output_tokens, "
                            "cached_input_tokens, cache_write_tokens, cost_nanos, priced, event_id "
                            "FROM api_usage_tracking WHERE user_id = ? AND timestamp >= ? AND timestamp < ? "
                            "ORDER BY timestamp DESC, id DESC LIMIT ? OFFSET ?"),
             {userId, from, before, qBound(1, limit, 10000), qMax(0, offset)}, error))
        return std::nullopt;
    QList<EventRow> rows;
    while (query.next()) {
        EventRow row;
        row.id = toInt64(query.value(0));
        row.timestamp = utcFromSql(query.value(1));
        row.service = query.value(2).toString();
        row.model = query.value(3).toString();
        row.endpoint = query.value(4).toString();
        row.tokens = {toInt64(query.value(5)), toInt64(query.value(6)), toInt64(query.value(7)),
                      toInt64(query.value(8))};
        row.cost = toMoney(query.value(9));
        row.priced = query.value(10).isNull() || query.value(10).toBool();
        row.eventId = query.value(11).toString();
        rows.append(row);
    }
    return rows;
}

std::optional<QList<AuditRow>> Queries::audit(const QString &userId, const QString &action, int limit,
                                              QString *error)
{
    QStringList conditions;
    QVariantList values;
    if (!userId.isEmpty()) {
        conditions << QStringLiteral("user_id = ?");
        values << userId;
    }
    if (!action.isEmpty()) {
        conditions << QStringLiteral("action = ?");
        values << action;
    }
    values << qBound(1, limit, 1000000);
    QSqlQuery query;
    if (!run(query,
             QStringLiteral("SELECT id, at, actor_role, os_user, action, user_id, old_value, new_value, reason "
                            "FROM admin_audit_log %1 ORDER BY id DESC LIMIT ?")
                 .arg(conditions.isEmpty() ? QString() : QStringLiteral("WHERE ") + conditions.join(QStringLiteral(" AND "))),
             values, error))
        return std::nullopt;
    QList<AuditRow> rows;
    while (query.next()) {
        rows.append({toInt64(query.value(0)), utcFromSql(query.value(1)), query.value(2).toString(),
                     query.value(3).toString(), query.value(4).toString(), query.value(5).toString(),
                     query.value(6).toString(), query.value(7).toString(), query.value(8).toString()});
    }
    return rows;
}

std::pair<QDate, QDate> Queries::daySpan()
{
    QSqlQuery span(m_db.sql());
    // One subquery each: together in one SELECT, SQLite scanned the whole
    // rollup for them (7 to 11 ms at 10M calls); apart, each is the first or
    // last entry of its key.
    if (!span.exec(QStringLiteral("SELECT (SELECT min(day) FROM api_usage_daily_service), "
                                  "(SELECT max(day) FROM api_usage_daily_service)"))
        || !span.next())
        return {};
    return {QDate::fromString(span.value(0).toString().left(10), Qt::ISODate),
            QDate::fromString(span.value(1).toString().left(10), Qt::ISODate)};
}

std::optional<QStringList> Queries::verify(QString *error)
{
    const Dialect &dialect = m_db.dialect();
    const QString dayOf = dialect.dayOf(QStringLiteral("timestamp"));
    const QString tokens = QStringLiteral("input_tokens + output_tokens + cached_input_tokens + cache_write_tokens");
    const QString unpriced = QStringLiteral("sum(CASE WHEN priced = %1 THEN coalesce(request_count, 1) ELSE 0 END)")
                                 .arg(dialect.boolean(false));
    // Dollars as the seed's columns hold them (doubles on SQLite), compared to the micro-dollar.
    // Both sides to whole nanos (a double holds $9M to the nano), then to
    // micros by one integer rounding: two roundings split half-micro totals.
    const auto micros = [&](const QString &dollars) {
        return dialect.microsFromNanos(QStringLiteral("CAST(round(%1 * 1000000000) AS bigint)").arg(dollars));
    };
    const QString logMicros = dialect.microsFromNanos(QStringLiteral("sum(cost_nanos)"));
    // The seed's service_breakdown JSON, one row per user and service.
    const QString entry = QStringLiteral("e.value");
    const QString breakdownRows = QStringLiteral("SELECT s.user_id, e.key, %1, %2, %3 FROM api_usage_stats s, %4")
                                      .arg(dialect.jsonNumber(entry, QStringLiteral("requests"), QStringLiteral("bigint")),
                                           micros(dialect.jsonNumber(entry, QStringLiteral("cost"), QStringLiteral("numeric"))),
                                           dialect.jsonNumber(entry, QStringLiteral("tokens"), QStringLiteral("bigint")),
                                           dialect.jsonEntries(QStringLiteral("s.service_breakdown")));
    // The endpoint as the per-day totals count it (written independently of Schema's rule).
    const QString endpoint = QStringLiteral("CASE WHEN endpoint IS NULL OR endpoint = model THEN '' ELSE endpoint END");
    // The Monday of a call's week, written apart from Dialect::weekOf: the
    // day less its days since Monday (SQLite's %w counts from Sunday).
    const QString weekOf = m_db.isPostgres()
        ? QStringLiteral("CAST(timestamp AS date) - CAST(extract(isodow FROM timestamp) AS integer) + 1")
        : QStringLiteral("date(timestamp, '-' || ((CAST(strftime('%w', timestamp) AS integer) + 6) % 7) || ' days')");
    struct Check
    {
        QString name;
        QString fromLog;
        QString stored;
    };
    const QList<Check> checks{
        {QStringLiteral("api_usage_stats"),
         QStringLiteral("SELECT user_id, sum(coalesce(request_count, 1)), sum(cost_nanos), sum(%1) "
                        "FROM api_usage_tracking GROUP BY user_id").arg(tokens),
         QStringLiteral("SELECT user_id, total_requests, total_cost_nanos, total_tokens FROM api_usage_stats "
                        "WHERE total_requests <> 0 OR total_cost_nanos <> 0 OR total_tokens <> 0")},
        {QStringLiteral("api_usage_stats (total_cost, unpriced)"),
         QStringLiteral("SELECT user_id, %1, %2 FROM api_usage_tracking GROUP BY user_id").arg(logMicros, unpriced),
         QStringLiteral("SELECT user_id, %1, unpriced_requests FROM api_usage_stats "
                        "WHERE total_requests <> 0 OR total_cost_nanos <> 0 OR total_tokens <> 0")
             .arg(micros(QStringLiteral("total_cost")))},
        {QStringLiteral("api_usage_stats (service_breakdown)"),
         QStringLiteral("SELECT user_id, service, sum(coalesce(request_count, 1)), %1, sum(%2) "
                        "FROM api_usage_tracking GROUP BY user_id, service").arg(logMicros, tokens),
         breakdownRows},
        {QStringLiteral("api_usage_user_service"),
         QStringLiteral("SELECT user_id, service, sum(coalesce(request_count, 1)), sum(cost_nanos), sum(%1) "
                        "FROM api_usage_tracking GROUP BY user_id, service").arg(tokens),
         QStringLiteral("SELECT user_id, service, requests, cost_nanos, tokens FROM api_usage_user_service")},
        {QStringLiteral("api_usage_daily"),
         QStringLiteral("SELECT %1, user_id, service, model, sum(coalesce(request_count, 1)), sum(cost_nanos), "
                        "sum(%2) FROM api_usage_tracking GROUP BY %1, user_id, service, model").arg(dayOf, tokens),
         QStringLiteral("SELECT day, user_id, service, model, requests, cost_nanos, tokens FROM api_usage_daily")},
        {QStringLiteral("api_usage_daily (unpriced)"),
         QStringLiteral("SELECT %1, user_id, service, model, %2 FROM api_usage_tracking GROUP BY %1, user_id, service, model")
             .arg(dayOf, unpriced),
         QStringLiteral("SELECT day, user_id, service, model, unpriced_requests FROM api_usage_daily")},
        {QStringLiteral("api_usage_weekly"),
         QStringLiteral("SELECT %1, user_id, service, sum(coalesce(request_count, 1)), sum(cost_nanos), sum(%2), %3 "
                        "FROM api_usage_tracking GROUP BY %1, user_id, service").arg(weekOf, tokens, unpriced),
         QStringLiteral("SELECT week, user_id, service, requests, cost_nanos, tokens, unpriced_requests FROM api_usage_weekly")},
        {QStringLiteral("api_usage_daily_service (unpriced)"),
         QStringLiteral("SELECT %1, service, model, %3, %2 FROM api_usage_tracking GROUP BY %1, service, model, %3")
             .arg(dayOf, unpriced, endpoint),
         QStringLiteral("SELECT day, service, model, endpoint, unpriced_requests FROM api_usage_daily_service")},
        {QStringLiteral("api_usage_daily_service"),
         QStringLiteral("SELECT %1, service, model, %3, sum(coalesce(request_count, 1)), sum(cost_nanos), sum(%2) "
                        "FROM api_usage_tracking GROUP BY %1, service, model, %3").arg(dayOf, tokens, endpoint),
         QStringLiteral("SELECT day, service, model, endpoint, requests, cost_nanos, tokens FROM api_usage_daily_service")},
    };
    QStringList problems;
    for (const Check &check : checks) {
        for (const auto &[left, right, label] :
             {std::tuple{check.fromLog, check.stored, QStringLiteral("in the log, not in")},
              std::tuple{check.stored, check.fromLog, QStringLiteral("in, not matching the log:")}}) {
            QSqlQuery query;
            if (!run(query, QStringLiteral("SELECT * FROM (%1 EXCEPT %2) AS difference").arg(left, right), {}, error))
                return std::nullopt;
            while (query.next()) {
                QStringList fields;
                for (int i = 0; i < query.record().count(); ++i)
                    fields << query.value(i).toString();
                problems << QStringLiteral("%1 %2 (%3)").arg(label, check.name, fields.join(u", "));
            }
        }
    }
    return problems;
}

} // namespace meterdesk
