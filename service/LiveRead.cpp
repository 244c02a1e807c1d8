#include "LiveRead.h"

#include <queries/Queries.h>

namespace meterdesk {

namespace {

// The sums the overview reads from the same per-day, per-service rollup:
// per service, tokens of every kind, unpriced calls.
Overview totalsOf(const QList<CostRow> &costs)
{
    Overview totals;
    for (const CostRow &cost : costs) {
        ServiceTotals &service = totals.perService[cost.service];
        service.requests += cost.requests;
        service.tokens += cost.tokens.total();
        service.cost += cost.cost;
        totals.totalRequests += cost.requests;
        totals.totalTokens += cost.tokens.total();
        totals.totalCost += cost.cost;
        totals.unpricedEvents += cost.unpricedEvents;
    }
    return totals;
}

} // namespace

bool readLiveUpdate(Database &db, const DateRange &range, Bucket bucket, const QSet<QString> &touched,
                    const QSet<QDate> &days, LiveUpdate &update, QString *error)
{
    Queries queries(db);
    auto rows = queries.someUsers(range, QStringList(touched.cbegin(), touched.cend()), error);
    if (!rows)
        return false;
    QStringList shown;
    for (const UserRow &row : std::as_const(*rows))
        shown << row.userId;
    auto budgets = queries.budgetUse(shown, error);
    auto costs = budgets ? queries.costs(range, error) : std::nullopt;
    if (!costs)
        return false;
    update.users = std::move(*rows);
    update.budgetUse = std::move(*budgets);
    update.totals = totalsOf(*costs);
    // Each touched bucket whole, as the load read it: clipped to the range.
    QSet<QDate> buckets;
    for (const QDate &day : days)
        if (range.contains(day))
            buckets.insert(bucketStart(day, bucket));
    for (const QDate &start : std::as_const(buckets)) {
        const DateRange clipped{range.from.isNull() ? start : qMax(start, range.from),
                                range.to.isNull() ? bucketEnd(start, bucket) : qMin(bucketEnd(start, bucket), range.to)};
        auto points = queries.costSeries(clipped, bucket, error);
        if (!points)
            return false;
        update.buckets << start;
        update.series << *points;
    }
    // An admin action may have blocked or unblocked someone.
    if (!update.audit.isEmpty()) {
        auto overview = queries.overview(range, error, Queries::UserCounts::BlockedOnly);
        if (!overview)
            return false;
        update.blockedUsers = overview->blockedUsers;
    }
    return true;
}

} // namespace meterdesk
