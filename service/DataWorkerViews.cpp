// The data thread's side of the charts' other views (cost by model or
// endpoint), the drill-down from a chart to its users, and the cards'
// comparison with the period before. Each reads after a load, so none of
// them ever delays one.

#include "DataWorker.h"

#include <queries/Queries.h>
#include <queries/Reconcile.h>

#include <QFile>
#include <QFileInfo>

namespace meterdesk {

void DataWorker::loadBreakdown(quint64 requestId, const DateRange &range, Bucket bucket, Breakdown by)
{
    BreakdownData data;
    data.requestId = requestId;
    data.by = by;
    QString error;
    if (ensureConnected(&error)) {
        Queries queries(reader());
        auto series = queries.costSeries(range, bucket, by, &error);
        auto totals = series ? queries.costsBy(range, by, &error) : std::nullopt;
        if (totals) {
            data.series = std::move(*series);
            data.totals = std::move(*totals);
        }
    }
    data.error = error;
    Q_EMIT breakdownLoaded(data);
}

void DataWorker::loadUsersOf(const DateRange &range, Breakdown by, const QString &key)
{
    UsersOf users;
    users.by = by;
    users.key = key;
    QString error;
    if (ensureConnected(&error))
        if (auto ids = Queries(reader()).usersOf(range, by, key, &error))
            users.userIds = std::move(*ids);
    users.error = error;
    Q_EMIT usersOfLoaded(users);
}

void DataWorker::loadComparison(quint64 requestId, const DateRange &range)
{
    Comparison comparison;
    comparison.requestId = requestId;
    const auto previous = range.previous();
    if (!previous) { // all time, or an open range: nothing before to compare with
        Q_EMIT comparisonLoaded(comparison);
        return;
    }
    comparison.previous = *previous;
    QString error;
    if (ensureConnected(&error))
        if (auto overview = Queries(reader()).overview(*previous, &error))
            comparison.overview = *overview;
    comparison.error = error;
    Q_EMIT comparisonLoaded(comparison);
}

void DataWorker::reconcile(const QString &provider, const QStringList &reportPaths)
{
    ReconcileOutcome outcome;
    outcome.provider = provider;
    QList<QByteArray> contents;
    for (const QString &path : reportPaths) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            outcome.problems << tr("%1 cannot be read: %2").arg(QFileInfo(path).fileName(), file.errorString());
            continue;
        }
        contents << file.readAll();
    }
    QString error;
    const auto bill = Reconcile::readReports(provider, contents, &error);
    if (bill && ensureConnected(&error)) {
        outcome.problems << bill->problems;
        if (auto days = Reconcile::compare(reader(), *bill, {}, &error))
            outcome.days = std::move(*days);
    }
    outcome.error = error;
    Q_EMIT reconciled(outcome);
}

} // namespace meterdesk
