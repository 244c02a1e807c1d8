// Repricing recorded calls: every aggregate moves by exactly the difference,
// verify stays clean, a stopped run resumes, a writer beside it loses
// nothing, and every batch is audited.

#include "TestSupport.h"

#include <admin/AuditChain.h>
#include <admin/PriceTable.h>
#include <admin/Repricer.h>
#include <money/PriceBook.h>
#include <queries/Queries.h>
#include <tracking/Tracker.h>

#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

#include <thread>

using namespace meterdesk;
using namespace meterdesk::test;

namespace {

UsageEvent call(int n, const char *model, const QDate &day)
{
    UsageEvent event;
    event.userId = QStringLiteral("user-%1").arg(n % 7);
    event.service = QStringLiteral("openai");
    event.model = QString::fromLatin1(model);
    event.tokens = {1000 + n % 13, 100 + n % 5, n % 3 == 0 ? 500 : 0, 0};
    event.timestamp = QDateTime(day, QTime(10, 0).addSecs(n % 3600), QTimeZone::utc());
    return event;
}

// nano-dollars of tokens at per-1M prices given in nano-dollars, rounded once.
qint64 expectedNanos(const TokenCounts &t, qint64 input, qint64 output, qint64 cached)
{
    // Small counts here: the products stay far below 2^63.
    const qint64 scaled = t.input * input + t.output * output + t.cachedInput * cached;
    return (scaled + 500'000) / 1'000'000;
}

ModelPrice price(const char *model, const char *input, const char *output, const char *cached, QDate from)
{
    ModelPrice p;
    p.model = QString::fromLatin1(model);
    p.rates = {Money::fromDecimal(QString::fromLatin1(input))->nanos(), Money::fromDecimal(QString::fromLatin1(output))->nanos(),
               Money::fromDecimal(QString::fromLatin1(cached))->nanos(), std::nullopt};
    p.effectiveFrom = from;
    return p;
}

void expectClean(Database &db)
{
    QString error;
    const auto problems = Queries(db).verify(&error);
    QVERIFY2(problems, qPrintable(error));
    QVERIFY2(problems->isEmpty(), qPrintable(problems->join(u'\n')));
}

} // namespace

class TestReprice : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void init()
    {
        if (usePostgres())
            METERDESK_REQUIRE_PG();
    }

    void movesEveryAggregateByTheDifference()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("exact"));
        QVERIFY(db);
        const QDate day(2026, 10, 5);
        QList<UsageEvent> events;
        for (int n = 0; n < 300; ++n)
            events << call(n, n % 2 ? "gpt-4o-mini-2024-07-18" : "acme-private-llm", day);
        Tracker tracker(*db, PriceBook::builtIn());
        QVERIFY(tracker.trackBatch(events).ok);
        const qint64 before = scalar(*db, QStringLiteral("SELECT sum(cost_nanos) FROM api_usage_tracking"));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(unpriced_requests) FROM api_usage_stats")), 150);

        // Nothing to do yet: the book prices them as they were priced.
        Repricer repricer(*db, PriceBook::builtIn());
        RepriceResult result = repricer.run({}, false);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.examined, 300);
        QCOMPARE(result.changed, 0);

        // New prices from before the calls: gpt-4o-mini cheaper, the private
        // model priced at last.
        QString error;
        PriceTable table(*db);
        QVERIFY2(table.set(price("gpt-4o-mini", "0.10", "0.40", "0.05", QDate(2026, 1, 1)), &error), qPrintable(error));
        QVERIFY2(table.set(price("acme-private-llm", "1.00", "2.00", "0.50", QDate(2026, 1, 1)), &error), qPrintable(error));
        qint64 expected = 0;
        for (int n = 0; n < 300; ++n) {
            const TokenCounts t = events[n].tokens;
            expected += n % 2 ? expectedNanos(t, 100'000'000, 400'000'000, 50'000'000)
                              : expectedNanos(t, 1'000'000'000, 2'000'000'000, 500'000'000);
        }
        const RepriceResult dry = repricer.run({}, true);
        QVERIFY(dry.ok);
        QCOMPARE(dry.changed, 300);
        QCOMPARE(dry.oldTotal.nanos(), before);
        QCOMPARE(dry.newTotal.nanos(), expected);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(cost_nanos) FROM api_usage_tracking")), before); // dry

        result = repricer.run({}, false);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.changed, 300);
        QCOMPARE(result.nowPriced, 150);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(cost_nanos) FROM api_usage_tracking")), expected);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(total_cost_nanos) FROM api_usage_stats")), expected);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(cost_nanos) FROM api_usage_daily_service")), expected);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(unpriced_requests) FROM api_usage_stats")), 0);
        expectClean(*db);
        // Once is enough: a second run finds nothing to move.
        QCOMPARE(repricer.run({}, false).changed, 0);
        // One audit row for the batch, in the chain.
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM admin_audit_log WHERE action = 'reprice'")), 1);
        const auto chain = verifyAuditChain(*db, &error);
        QVERIFY2(chain && chain->intact(), qPrintable(error));
        // A scope with no calls: nothing to do, nothing written.
        result = repricer.run({QStringLiteral("no-such-model"), {}}, false);
        QVERIFY(result.ok);
        QCOMPARE(result.examined, 0);
    }

    // Stopped after its first batch and started again, it finishes the
    // rest; a writer recording the same model beside it loses nothing.
    void resumesAndLosesNothingBesideAWriter()
    {
        QString url;
        auto db = newUsageDatabase(m_dir, QStringLiteral("resume"), &url);
        QVERIFY(db);
        const QDate day(2026, 10, 6);
        QList<UsageEvent> events;
        for (int n = 0; n < 2 * Repricer::BatchSize + 500; ++n)
            events << call(n, "gpt-4o-mini", day);
        Tracker tracker(*db, PriceBook::builtIn());
        QVERIFY(tracker.trackBatch(events).ok);
        QString error;
        QVERIFY(PriceTable(*db).set(price("gpt-4o-mini", "0.30", "1.20", "0.15", QDate(2026, 1, 1)), &error));

        Repricer repricer(*db, PriceBook::builtIn());
        RepriceResult stopped = repricer.run({}, false, [](qint64, qint64) { return false; });
        QVERIFY(!stopped.ok);
        QCOMPARE(stopped.changed, qint64(Repricer::BatchSize));
        expectClean(*db);

        // The rest, while another connection records more calls of the model.
        std::atomic<bool> done = false;
        qint64 recorded = 0;
        std::thread writer([&] {
            QString ignored;
            auto other = Database::open(*ConnectionSpec::parse(url, &ignored), &ignored);
            if (!other)
                return;
            Tracker beside(*other, PriceBook::builtIn());
            for (int round = 0; round < 40 || !done; ++round) {
                QList<UsageEvent> more;
                for (int n = 0; n < 50; ++n)
                    more << call(100'000 + round * 50 + n, "gpt-4o-mini", day.addDays(1));
                const BatchOutcome outcome = beside.trackBatch(more);
                if (outcome.ok)
                    recorded += outcome.recorded;
            }
        });
        const RepriceResult rest = repricer.run({}, false);
        done = true;
        writer.join();
        QVERIFY2(rest.ok, qPrintable(rest.error));
        QVERIFY(recorded >= 2000);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM api_usage_tracking")), events.size() + recorded);
        expectClean(*db);
        // Every call, old and new, at the new price.
        qint64 expected = 0;
        QSqlQuery all(db->sql());
        QVERIFY(all.exec(QStringLiteral("SELECT input_tokens, output_tokens, cached_input_tokens FROM api_usage_tracking")));
        while (all.next())
            expected += expectedNanos({all.value(0).toLongLong(), all.value(1).toLongLong(), all.value(2).toLongLong(), 0},
                                      300'000'000, 1'200'000'000, 150'000'000);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(cost_nanos) FROM api_usage_tracking")), expected);
    }
};

QTEST_GUILESS_MAIN(TestReprice)
#include "tst_reprice.moc"
