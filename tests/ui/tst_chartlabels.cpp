// The charts' labels as Qt Charts draws them (the text items of their
// scenes): dates, amounts and legends whole at every size, and each date
// its bucket's own in any time zone.

#include <CostOverTimeChart.h>
#include <CostSeriesModel.h>
#include <Languages.h>
#include <ServiceColors.h>
#include <ServiceShareChart.h>

#include <money/Money.h>

#include <QApplication>
#include <QChart>
#include <QDateTimeAxis>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QLegend>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTest>

#include <algorithm>
#include <ctime>

using namespace meterdesk;

namespace {

// The texts a chart shows now: titles, axis labels and legend entries.
QStringList shownTexts(const QChartView &chart)
{
    QStringList texts;
    for (QGraphicsItem *item : chart.scene()->items())
        if (auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible())
            texts << text->toPlainText();
    return texts;
}

// Qt Charts cuts a label that does not fit with "..." or "…".
bool anyCut(const QStringList &texts)
{
    return std::any_of(texts.begin(), texts.end(), [](const QString &text) {
        return text.endsWith(QStringLiteral("...")) || text.endsWith(QChar(0x2026));
    });
}

// A cost chart of these daily buckets, shown at a size.
struct ShownCostChart
{
    ShownCostChart(const QList<SeriesPoint> &points, QSize size)
    {
        series.setSeries(points, Bucket::Day);
        chart.setModel(&series);
        chart.resize(size);
        chart.show();
    }
    CostSeriesModel series;
    CostOverTimeChart chart;
};

} // namespace

class TestChartLabels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(Languages::install(*qApp, QStringLiteral("en"))); }

    // The dates under the plot: one a day while they fit, fewer when the
    // chart is narrow, and never cut to "1 …" as eight ticks at 1024 px
    // wide once were; nor the amounts beside it when it is short.
    void labelsUnderAndBesideThePlotFit()
    {
        // Eight days, the most ticks the chart puts under a plot; the
        // widest of dates ("28 Dec") in English, as initTestCase installs.
        QList<SeriesPoint> points;
        for (int day = 21; day <= 28; ++day)
            points.append({QDate(2026, 12, day), QStringLiteral("openai"), 1,
                           Money::fromNanos(qint64(day) * 1'000'000'000)});
        ShownCostChart fixture(points, {1200, 400});
        CostOverTimeChart &chart = fixture.chart;
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const int days = fixture.series.rowCount();
        QCOMPARE(days, 8);
        const auto dateAxis = [&] {
            return qobject_cast<QDateTimeAxis *>(chart.chart()->axes(Qt::Horizontal).value(0));
        };
        const auto labels = [&] { return shownTexts(chart); };
        QVERIFY(dateAxis());
        QTRY_COMPARE(dateAxis()->tickCount(), days);
        for (const int width : {240, 300}) {
            chart.resize(width, 400);
            QTRY_VERIFY2(dateAxis()->tickCount() < days, qPrintable(QString::number(width)));
            QTest::qWait(50);
            const QStringList shown = labels();
            QVERIFY(!shown.isEmpty());
            QVERIFY2(
                !anyCut(shown),
                qPrintable(
                    QStringLiteral("%1 px: %2").arg(width).arg(shown.join(QStringLiteral(" | ")))));
        }
        chart.resize(1200, 400);
        QTRY_COMPARE(dateAxis()->tickCount(), days);
        // The details pane's chart: compact, and as short as it is let be.
        chart.setCompact(true);
        chart.setMinimumHeight(120);
        chart.resize(300, 120);
        QTest::qWait(50);
        QTRY_VERIFY(chart.chart()->plotArea().height() < 100);
        const QStringList shown = labels();
        QVERIFY2(shown.contains(QStringLiteral("$0.00")),
                 qPrintable(shown.join(QStringLiteral(" | "))));
        QVERIFY2(!anyCut(shown), qPrintable(shown.join(QStringLiteral(" | "))));
    }

    // A range of one day is one bucket: the chart fills the day, from its
    // first minute to its last, where it once drew nothing at all.
    void oneDayFillsThePlot()
    {
        const QDate day(2026, 12, 1);
        ShownCostChart fixture(
            {{day, QStringLiteral("openai"), 3, Money::fromNanos(2'500'000'000)}}, {600, 300});
        CostOverTimeChart &chart = fixture.chart;
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        auto *axis = qobject_cast<QDateTimeAxis *>(chart.chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(axis);
        QCOMPARE(axis->min(), QDateTime(day, QTime(0, 0)));
        QCOMPARE(axis->max(), QDateTime(day, QTime(23, 59)));
        // The middle of the plot, a quarter up, is painted in the service's
        // colour, not the background.
        QTest::qWait(50);
        const QRectF plot = chart.chart()->plotArea();
        const QPoint inside = chart.mapFromScene(chart.chart()->mapToScene(
            QPointF(plot.center().x(), plot.bottom() - plot.height() / 4)));
        const QColor painted = chart.grab().toImage().pixelColor(inside);
        const QColor expected = serviceColor(QStringLiteral("openai"));
        QVERIFY2(qAbs(painted.red() - expected.red()) + qAbs(painted.green() - expected.green()) +
                         qAbs(painted.blue() - expected.blue()) <
                     12,
                 qPrintable(QStringLiteral("%1 at (%2, %3), not %4")
                                .arg(painted.name())
                                .arg(inside.x())
                                .arg(inside.y())
                                .arg(expected.name())));
    }

    // Qt Charts labels dates in local time: west of Greenwich each date
    // once showed the day before its bucket's.
    void datesAreTheBucketsOwnInAnyTimeZone()
    {
        const QByteArray zone = qgetenv("TZ");
        const auto restore = qScopeGuard([&] {
            zone.isNull() ? qunsetenv("TZ") : qputenv("TZ", zone);
            tzset();
        });
        for (const char *where : {"America/New_York", "Asia/Tokyo", "UTC"}) {
            qputenv("TZ", where);
            tzset();
            QList<SeriesPoint> points;
            QStringList expected;
            for (int day = 21; day <= 23; ++day) {
                points.append({QDate(2026, 12, day), QStringLiteral("openai"), 1,
                               Money::fromNanos(1'000'000'000)});
                expected << QStringLiteral("%1 Dec").arg(day);
            }
            ShownCostChart fixture(points, {1000, 300});
            CostOverTimeChart &chart = fixture.chart;
            QVERIFY(QTest::qWaitForWindowExposed(&chart));
            QTest::qWait(50);
            QStringList dates =
                shownTexts(chart).filter(QRegularExpression(QStringLiteral(" Dec$")));
            dates.sort();
            QVERIFY2(dates == expected,
                     qPrintable(QStringLiteral("%1: %2").arg(QString::fromLatin1(where),
                                                             dates.join(QStringLiteral(", ")))));
        }
    }

    // The share chart's legend stands beside the ring while its labels fit
    // there whole, and goes, not cut to "anthro...", where they do not.
    void theShareLegendIsWholeOrGone()
    {
        QMap<QString, ServiceTotals> totals;
        totals[QStringLiteral("openai")] = {10, 100, Money::fromNanos(22'000'000'000)};
        totals[QStringLiteral("anthropic")] = {10, 100, Money::fromNanos(69'000'000'000)};
        totals[QStringLiteral("google")] = {10, 100, Money::fromNanos(6'000'000'000)};
        totals[QStringLiteral("other")] = {10, 100, Money::fromNanos(3'000'000'000)};
        ServiceShareChart chart;
        chart.setTotals(totals);
        chart.resize(700, 300);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const auto legendTexts = [&] {
            QStringList texts = shownTexts(chart);
            texts.removeAll(chart.chart()->title());
            texts.sort();
            return texts;
        };
        const QStringList whole{QStringLiteral("anthropic 69%"), QStringLiteral("google 6.0%"),
                                QStringLiteral("openai 22%"), QStringLiteral("other 3.0%")};
        QTRY_COMPARE(legendTexts(), whole);
        chart.resize(270, 300);
        QTRY_COMPARE(legendTexts(), QStringList());
        chart.resize(700, 300);
        QTRY_COMPARE(legendTexts(), whole);
    }

    // Six endpoints' names do not fit in one row under a plot 600 px wide:
    // the legend goes beside it, each name whole; under a wide one it
    // stays below.
    void theLegendIsBelowOrBesideWhole()
    {
        const QStringList keys{
            QStringLiteral("ai-response-generation"), QStringLiteral("booking-message-parser"),
            QStringLiteral("confirmation-parsing"),   QStringLiteral("event-matching"),
            QStringLiteral("support-chat"),           QStringLiteral("weekly-digest")};
        QList<SeriesPoint> points;
        for (const QString &key : keys)
            points.append({QDate(2026, 12, 1), key, 1, Money::fromNanos(1'000'000'000)});
        ShownCostChart fixture(points, {600, 300});
        CostOverTimeChart &chart = fixture.chart;
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const auto legendShows = [&] {
            const QStringList shown = shownTexts(chart);
            return std::all_of(keys.begin(), keys.end(),
                               [&](const QString &key) { return shown.contains(key); }) &&
                   !anyCut(shown);
        };
        QTRY_VERIFY2(legendShows(), qPrintable(shownTexts(chart).join(QStringLiteral(" | "))));
        QCOMPARE(chart.chart()->legend()->alignment(), Qt::AlignRight);
        chart.resize(1400, 300);
        QTRY_COMPARE(chart.chart()->legend()->alignment(), Qt::AlignBottom);
        QTRY_VERIFY2(legendShows(), qPrintable(shownTexts(chart).join(QStringLiteral(" | "))));
    }
};

QTEST_MAIN(TestChartLabels)
#include "tst_chartlabels.moc"
