// Cost by service, model or endpoint: the charts' other views, the table
// beside them, `meterctl costs --by`, and the drill-down to users.

#include "queries/Queries.h"

#include "queries/SqlValues.h"

#include <QSqlQuery>

#include <QSet>

namespace meterdesk {

const QString Queries::OtherModels = QStringLiteral("(other models)");

QString Queries::breakdownColumn(Breakdown by)
{
    switch (by) {
    case Breakdown::Service:
        return QStringLiteral("service");
    case Breakdown::Model:
        return QStringLiteral("model");
    case Breakdown::Endpoint:
        return QStringLiteral("endpoint");
    }
    return QStringLiteral("service");
}

std::optional<QList<BreakdownRow>> Queries::costsBy(const DateRange &range, Breakdown by, QString *error)
{
    const QString column = breakdownColumn(by);
    QSqlQuery query;
    if (!run(query,
             QStringLiteral("SELECT %1, sum(requests), sum(tokens), sum(cost_nanos) FROM api_usage_daily_service "
                            "WHERE day >= ? AND day <= ? GROUP BY %1 ORDER BY sum(cost_nanos) DESC, %1").arg(column),
             dayBounds(range), error))
        return std::nullopt;
    QList<BreakdownRow> rows;
    while (query.next())
        rows.append({query.value(0).toString(), toInt64(query.value(1)), toInt64(query.value(2)), toMoney(query.value(3))});
    return rows;
}

std::optional<QList<SeriesPoint>> Queries::costSeries(const DateRange &range, Bucket bucket, Breakdown by,
                                                      QString *error, int topModels)
{
    if (by == Breakdown::Service)
        return costSeries(range, bucket, error);
    // The models kept by name: the costliest of the range.
    QSet<QString> named;
    if (by == Breakdown::Model) {
        const auto totals = costsBy(range, by, error);
        if (!totals)
            return std::nullopt;
        for (qsizetype i = 0; i < totals->size() && i < topModels; ++i)
            named.insert(totals->at(i).key);
    }
    const QString column = breakdownColumn(by);
    QSqlQuery query;
    if (!run(query,
             QStringLiteral("SELECT day, %1, sum(requests), sum(cost_nanos) FROM api_usage_daily_service "
                            "WHERE day >= ? AND day <= ? GROUP BY day, %1 ORDER BY day, %1").arg(column),
             dayBounds(range), error))
        return std::nullopt;
    QMap<std::pair<QDate, QString>, SeriesPoint> points;
    while (query.next()) {
        const QDate start = bucketStart(dateFromSql(query.value(0)), bucket);
        QString key = query.value(1).toString();
        if (by == Breakdown::Model && !named.contains(key))
            key = OtherModels;
        SeriesPoint &point = points[{start, key}];
        point.bucketStart = start;
        point.service = key;
        point.requests += toInt64(query.value(2));
        point.cost += toMoney(query.value(3));
    }
    return points.values();
}

std::optional<QStringList> Queries::usersOf(const DateRange &range, Breakdown by, const QString &key, QString *error)
{
    QSqlQuery query;
    bool ok = false;
    if (by == Breakdown::Endpoint) {
        // The log by its time index; the endpoint as the totals count it.
        ok = run(query,
                 QStringLiteral("SELECT DISTINCT user_id FROM api_usage_tracking WHERE timestamp >= ? AND timestamp < ? "
                                "AND (CASE WHEN endpoint IS NULL OR endpoint = model THEN '' ELSE endpoint END) = ? "
                                "AND user_id IS NOT NULL"),
                 {range.firstTime(), range.endTime(), key}, error);
    } else {
        ok = run(query,
                 QStringLiteral("SELECT DISTINCT user_id FROM api_usage_daily WHERE day >= ? AND day <= ? AND %1 = ? "
                                "AND cost_nanos > 0").arg(breakdownColumn(by)),
                 dayBounds(range) + QVariantList{key}, error);
    }
    if (!ok)
        return std::nullopt;
    QStringList ids;
    while (query.next())
        ids << query.value(0).toString();
    return ids;
}

} // namespace meterdesk
