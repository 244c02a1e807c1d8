// The dashboard's totals of a range (overview, costs by model, series by
// service), and the sums of the per-day service rollup behind them.

#include "queries/Queries.h"
#include "queries/TotalsSums.h"

#include "storage/KeptConnections.h"
#include "storage/SqlReader.h"

#include <algorithm>
#include <numeric>

namespace meterdesk {

void OverviewSums::add(const SqlRow &row)
{
    ServiceTotals &totals = m_overview.perService[m_services.get(row.utf8(0))];
    totals.requests += row.integer(2);
    totals.tokens += row.integer(9);
    totals.cost += Money::fromNanos(row.integer(7));
    m_overview.unpricedEvents += row.integer(8);
}

void addUpServices(Overview &overview)
{
    for (const ServiceTotals &totals : std::as_const(overview.perService)) {
        overview.totalRequests += totals.requests;
        overview.totalTokens += totals.tokens;
        overview.totalCost += totals.cost;
    }
}

void CostSums::add(const SqlRow &row)
{
    const QByteArrayView service = row.utf8(0), model = row.utf8(1);
    // A day's rows of one model (one per endpoint) come together.
    if (m_last < 0 || m_keys[m_last].first != service || m_keys[m_last].second != model) {
        m_key.clear();
        m_key.append(service).append('\0').append(model);
        m_last = m_at.value(m_key, -1);
        if (m_last < 0) {
            m_last = m_rows.size();
            m_at.insert(m_key, m_last);
            m_keys.append({service.toByteArray(), model.toByteArray()});
            CostRow cost;
            cost.service = QString::fromUtf8(service);
            cost.model = QString::fromUtf8(model);
            m_rows.append(cost);
        }
    }
    CostRow &cost = m_rows[m_last];
    cost.requests += row.integer(2);
    cost.tokens.input += row.integer(3);
    cost.tokens.output += row.integer(4);
    cost.tokens.cachedInput += row.integer(5);
    cost.tokens.cacheWrite += row.integer(6);
    cost.cost += Money::fromNanos(row.integer(7));
    cost.unpricedEvents += row.integer(8);
}

QList<CostRow> CostSums::sorted() const
{
    QList<qsizetype> order(m_rows.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [this](qsizetype a, qsizetype b) {
        if (m_rows[a].cost != m_rows[b].cost)
            return m_rows[b].cost < m_rows[a].cost;
        return m_keys[a] < m_keys[b];
    });
    QList<CostRow> sorted;
    sorted.reserve(m_rows.size());
    for (const qsizetype i : std::as_const(order))
        sorted.append(m_rows[i]);
    return sorted;
}

void SeriesSums::add(const SqlRow &row)
{
    const QByteArrayView service = row.utf8(0), day = row.utf8(10);
    if (!m_last || m_lastDay != day || m_lastService != service) {
        const QString dayText = QString::fromLatin1(day.first(qMin<qsizetype>(day.size(), 10)));
        const QDate start = bucketStart(QDate::fromString(dayText, Qt::ISODate), m_bucket);
        const QString &name = m_services.get(service);
        m_last = &m_points[{start, name}]; // a map's values stay where they are as it grows
        m_last->bucketStart = start;
        m_last->service = name;
        m_lastDay = day.toByteArray();
        m_lastService = service.toByteArray();
    }
    m_last->requests += row.integer(2);
    m_last->cost += Money::fromNanos(row.integer(7));
}

std::optional<DashboardTotals> Queries::dashboardTotals(const DateRange &range, Bucket bucket, QString *error)
{
    DashboardTotals totals;
    if (m_db.isPostgres()) {
        // The server sums each in a moment (5 to 8 ms of all time at 10M
        // calls); the rows themselves would be 37,000.
        auto overview = this->overview(range, error, UserCounts::None);
        auto costs = overview ? this->costs(range, error) : std::nullopt;
        auto series = costs ? costSeries(range, bucket, error) : std::nullopt;
        if (!series)
            return std::nullopt;
        return DashboardTotals{std::move(*overview), std::move(*costs), std::move(*series)};
    }
    // One read for the three: each reading the rows on its own, the three
    // took 53 to 86 ms of all time at 10M calls, one read 42 to 59.
    OverviewSums overview(totals.overview);
    CostSums costs;
    SeriesSums series(bucket);
    if (!readRows(m_db,
                  dailyServiceRowsSql(), dayBounds(range),
                  [&](const SqlRow &row) {
                      overview.add(row);
                      costs.add(row);
                      series.add(row);
                  },
                  error))
        return std::nullopt;
    addUpServices(totals.overview);
    totals.costs = costs.sorted();
    totals.series = series.points();
    return totals;
}

bool Queries::canReadAside() const
{
    return m_db.spec().path != QLatin1String(":memory:");
}

std::optional<DashboardLoad> Queries::dashboard(const DateRange &range, Bucket bucket, QString *error,
                                                const UsersSnapshot *known)
{
    // The totals are read aside, on a third connection: users() keeps two
    // cores busy but not always both (all time leaves its second connection
    // idle for a third of the load), and the totals fill that gap rather
    // than follow the users (SQLite, medians of 30 loads of all time at 10M
    // calls: 389 ms against 407). PostgreSQL sums them on the server in 15
    // to 40 ms, which a connection opened for them cost again; on a kept
    // one (KeptConnections) its all-time load took 277 and 352 ms against
    // 320 and 387 (the bench, alternating).
    std::optional<DashboardTotals> totals;
    std::optional<KeptConnections::Running> aside;
    if (canReadAside())
        aside.emplace(m_db.keptConnections().start([&](Database &db, QString *asideError) {
            totals = Queries(db).dashboardTotals(range, bucket, asideError);
            return totals.has_value();
        }));
    auto users = this->users(range, error, known);
    if (aside && !aside->finish(nullptr))
        totals.reset();
    if (!users)
        return std::nullopt;
    if (!totals) // no third connection, or it failed: this one reads them
        totals = dashboardTotals(range, bucket, error);
    if (!totals)
        return std::nullopt;
    return DashboardLoad{std::move(*users), std::move(*totals)};
}

} // namespace meterdesk
