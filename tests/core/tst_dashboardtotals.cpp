// The dashboard's totals of a range (overview, costs by model, series by
// service) against sums of the calls themselves, for every kind of range
// and bucket; and the whole load, users and totals together.

#include "RangeCalls.h"
#include "TestSupport.h"

#include <money/PriceBook.h>
#include <queries/Queries.h>
#include <tracking/Tracker.h>

#include <QTest>

#include <algorithm>

using namespace meterdesk;
using namespace meterdesk::test;

namespace {

// What the calls of a range add up to, for one bucket.
DashboardTotals expectedTotals(const QList<UsageEvent> &events, const DateRange &range, Bucket bucket)
{
    DashboardTotals want;
    QMap<std::pair<QString, QString>, CostRow> costs;
    QMap<std::pair<QDate, QString>, SeriesPoint> points;
    for (const UsageEvent &e : events) {
        if (!range.contains(e.timestamp.date()))
            continue;
        const auto quote = PriceBook::builtIn().quote(e.model, e.tokens);
        const qint64 unpriced = quote->priced ? 0 : 1;
        ServiceTotals &service = want.overview.perService[e.service];
        ++service.requests;
        service.tokens += e.tokens.total();
        service.cost += quote->cost;
        ++want.overview.totalRequests;
        want.overview.totalTokens += e.tokens.total();
        want.overview.totalCost += quote->cost;
        want.overview.unpricedEvents += unpriced;
        CostRow &cost = costs[{e.service, e.model}];
        cost.service = e.service;
        cost.model = e.model;
        ++cost.requests;
        cost.tokens.input += e.tokens.input;
        cost.tokens.output += e.tokens.output;
        cost.cost += quote->cost;
        cost.unpricedEvents += unpriced;
        const QDate start = bucketStart(e.timestamp.date(), bucket);
        SeriesPoint &point = points[{start, e.service}];
        point.bucketStart = start;
        point.service = e.service;
        ++point.requests;
        point.cost += quote->cost;
    }
    // Costliest first, then by service and model (ASCII names here).
    want.costs = costs.values();
    std::stable_sort(want.costs.begin(), want.costs.end(),
                     [](const CostRow &a, const CostRow &b) { return b.cost < a.cost; });
    want.series = points.values();
    return want;
}

QString differences(const DashboardTotals &got, const DashboardTotals &want)
{
    QStringList found;
    const Overview &o = got.overview, &w = want.overview;
    if (o.totalRequests != w.totalRequests || o.totalTokens != w.totalTokens || o.totalCost != w.totalCost
        || o.unpricedEvents != w.unpricedEvents)
        found << QStringLiteral("overview %1 requests, $%2, %3 unpriced; want %4, $%5, %6")
                     .arg(o.totalRequests).arg(o.totalCost.toString(9)).arg(o.unpricedEvents)
                     .arg(w.totalRequests).arg(w.totalCost.toString(9)).arg(w.unpricedEvents);
    if (o.perService.keys() != w.perService.keys())
        found << QStringLiteral("services %1; want %2").arg(o.perService.keys().join(u','), w.perService.keys().join(u','));
    for (auto it = w.perService.cbegin(); it != w.perService.cend(); ++it) {
        const ServiceTotals t = o.perService.value(it.key());
        if (t.requests != it->requests || t.tokens != it->tokens || t.cost != it->cost)
            found << QStringLiteral("service %1").arg(it.key());
    }
    if (got.costs.size() != want.costs.size())
        found << QStringLiteral("%1 cost rows; want %2").arg(got.costs.size()).arg(want.costs.size());
    for (qsizetype i = 0; i < qMin(got.costs.size(), want.costs.size()); ++i) {
        const CostRow &g = got.costs[i], &c = want.costs[i];
        if (g.service != c.service || g.model != c.model || g.requests != c.requests || g.cost != c.cost
            || g.tokens.input != c.tokens.input || g.tokens.output != c.tokens.output
            || g.unpricedEvents != c.unpricedEvents)
            found << QStringLiteral("cost row %1: %2 %3; want %4 %5").arg(i).arg(g.service, g.model, c.service, c.model);
    }
    if (got.series.size() != want.series.size())
        found << QStringLiteral("%1 points; want %2").arg(got.series.size()).arg(want.series.size());
    for (qsizetype i = 0; i < qMin(got.series.size(), want.series.size()); ++i) {
        const SeriesPoint &g = got.series[i], &p = want.series[i];
        if (g.bucketStart != p.bucketStart || g.service != p.service || g.requests != p.requests || g.cost != p.cost)
            found << QStringLiteral("point %1: %2 %3; want %4 %5")
                         .arg(i).arg(g.bucketStart.toString(Qt::ISODate), g.service, p.bucketStart.toString(Qt::ISODate), p.service);
    }
    return found.join(QStringLiteral("; "));
}

} // namespace

class TestDashboardTotals : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QList<UsageEvent> m_events = rangeCalls();

private Q_SLOTS:
    void initTestCase()
    {
        if (usePostgres())
            METERDESK_REQUIRE_PG();
        m_db = newUsageDatabase(m_dir, QStringLiteral("totals"));
        QVERIFY(m_db);
        const BatchOutcome outcome = Tracker(*m_db, PriceBook::builtIn()).trackBatch(m_events);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.recorded, m_events.size());
    }

    void totalsOfAnyRangeAndBucketEqualTheirCalls()
    {
        for (const DateRange &range : rangesOverCalls())
            for (const Bucket bucket : {Bucket::Day, Bucket::Week, Bucket::Month}) {
                QString error;
                const auto totals = Queries(*m_db).dashboardTotals(range, bucket, &error);
                QVERIFY2(totals, qPrintable(error));
                const QString wrong = differences(*totals, expectedTotals(m_events, range, bucket));
                QVERIFY2(wrong.isEmpty(), qPrintable(QStringLiteral("%1 to %2, bucket %3: %4")
                                                          .arg(range.firstDay(), range.lastDay())
                                                          .arg(int(bucket)).arg(wrong)));
            }
    }

    // What an open range's bucket follows: the first and last day with
    // calls, and none on an empty database.
    void daySpanIsTheFirstAndLastDayWithCalls()
    {
        QDate first, last;
        for (const UsageEvent &e : std::as_const(m_events)) {
            const QDate day = e.timestamp.date();
            first = first.isNull() || day < first ? day : first;
            last = last.isNull() || day > last ? day : last;
        }
        QCOMPARE(Queries(*m_db).daySpan(), std::make_pair(first, last));
        auto empty = newUsageDatabase(m_dir, QStringLiteral("empty"));
        QVERIFY(empty);
        QCOMPARE(Queries(*empty).daySpan(), std::make_pair(QDate(), QDate()));
    }

    // The whole load: the totals read aside on a connection of their own
    // while this one reads the users, and both as read alone.
    void loadHasTheUsersAndTheTotals()
    {
        for (const DateRange &range : {DateRange::allTime(), DateRange{QDate(2026, 1, 5), QDate(2026, 2, 3)}}) {
            QString error;
            const auto load = Queries(*m_db).dashboard(range, Bucket::Week, &error);
            QVERIFY2(load, qPrintable(error));
            QCOMPARE(differences(load->totals, expectedTotals(m_events, range, Bucket::Week)), QString());
            const auto users = Queries(*m_db).users(range, &error);
            QVERIFY2(users, qPrintable(error));
            QCOMPARE(load->users.size(), users->size());
            qint64 requests = 0;
            for (const UserRow &row : load->users)
                requests += row.requests;
            QCOMPARE(requests, load->totals.overview.totalRequests);
        }
    }
};

QTEST_GUILESS_MAIN(TestDashboardTotals)
#include "tst_dashboardtotals.moc"
