#pragma once

// Sums of the per-day service rollup's rows (api_usage_daily_service) into
// the dashboard's totals: the overview by service, the costs by model and
// the series by service. On SQLite these are summed here, not by a GROUP BY:
// SQLite sorts for one, and one read can feed all three.

#include "queries/Rows.h"
#include "queries/Utf8Keys.h"

#include <QByteArray>
#include <QHash>
#include <QMap>

#include <utility>

namespace meterdesk {

class SqlRow;

// The rollup's rows of a range (bound: first and last day), in the columns'
// order the sums below read.
inline QString dailyServiceRowsSql()
{
    return QStringLiteral("SELECT service, model, requests, input_tokens, output_tokens, cached_input_tokens, "
                          "cache_write_tokens, cost_nanos, unpriced_requests, tokens, day "
                          "FROM api_usage_daily_service WHERE day >= ? AND day <= ?");
}

// The overview's totals from its services' sums.
void addUpServices(Overview &overview);

// Each service's requests, tokens and cost, and the unpriced calls, into
// `overview`; addUpServices() then gives its totals.
class OverviewSums
{
public:
    explicit OverviewSums(Overview &overview) : m_overview(overview) {}
    void add(const SqlRow &row);

private:
    Overview &m_overview;
    SharedStrings m_services;
};

// Each (service, model)'s sums, ordered as costs()' SQL orders them: the
// costliest first, then by the names' bytes.
class CostSums
{
public:
    void add(const SqlRow &row);
    QList<CostRow> sorted() const;

private:
    QList<CostRow> m_rows;
    QList<std::pair<QByteArray, QByteArray>> m_keys; // of each row, UTF-8
    QHash<QByteArray, qsizetype> m_at;               // service, NUL, model
    QByteArray m_key;
    qsizetype m_last = -1;
};

// Each bucket's requests and cost by service, in the order of the bucket's
// start and then the service, as costSeries() gives them.
class SeriesSums
{
public:
    explicit SeriesSums(Bucket bucket) : m_bucket(bucket) {}
    void add(const SqlRow &row);
    QList<SeriesPoint> points() const { return m_points.values(); }

private:
    Bucket m_bucket;
    QMap<std::pair<QDate, QString>, SeriesPoint> m_points;
    SharedStrings m_services;
    // The rows come in the key's order, day and service first: a run of
    // one day's service adds to the last point found.
    QByteArray m_lastDay, m_lastService;
    SeriesPoint *m_last = nullptr;
};

} // namespace meterdesk
