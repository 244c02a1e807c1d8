// The admin's own prices in the database: every writer prices with them,
// each from its effective day, audited; bad prices change nothing.

#include "TestSupport.h"

#include <admin/AuditChain.h>
#include <admin/PriceTable.h>
#include <money/PriceBook.h>
#include <tracking/Tracker.h>

#include <QJsonObject>
#include <QTemporaryFile>
#include <QTest>
#include <QTimeZone>

using namespace meterdesk;
using namespace meterdesk::test;

namespace {

constexpr qint64 Million = 1'000'000;

Money usd(const char *text)
{
    return *Money::fromDecimal(QString::fromLatin1(text));
}

ModelPrice priceOf(const char *model, const char *input, const char *output, QDate from)
{
    ModelPrice price;
    price.model = QString::fromLatin1(model);
    price.rates.input = usd(input).nanos();
    price.rates.output = usd(output).nanos();
    price.effectiveFrom = from;
    return price;
}

UsageEvent call(const QString &user, const char *model, const QDateTime &at)
{
    UsageEvent event;
    event.userId = user;
    event.service = QStringLiteral("anthropic");
    event.model = QString::fromLatin1(model);
    event.tokens.input = Million;
    event.timestamp = at;
    return event;
}

} // namespace

class TestPriceTable : public QObject
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

    // The tracker prices each call at the price in force on its day: the
    // map's $5 before the admin's price starts, the admin's $4 from then,
    // under every spelling of the model.
    void callsArePricedOnTheirDay()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("days"));
        QVERIFY(db);
        PriceTable table(*db);
        QString error;
        const QDate from(2026, 11, 1);
        QVERIFY2(table.set(priceOf("Claude-Opus-4-5", "4.00", "20.00", from), &error), qPrintable(error));
        Tracker tracker(*db, PriceBook::builtIn());
        const QDateTime before(from.addDays(-1), QTime(23, 59), QTimeZone::utc());
        const QDateTime after(from, QTime(0, 0), QTimeZone::utc());
        const BatchOutcome outcome = tracker.trackBatch({call(QStringLiteral("ann"), "claude-opus-4-5-20251101", before),
                                                         call(QStringLiteral("ann"), "claude-opus-4-5-20251101", after),
                                                         call(QStringLiteral("ann"), "vertex_ai/claude-opus-4-5@20251101", after)});
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.events[0].cost, usd("5.00"));
        QCOMPARE(outcome.events[1].cost, usd("4.00"));
        QCOMPARE(outcome.events[2].cost, usd("4.00"));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(cost_nanos) FROM api_usage_tracking")), usd("13.00").nanos());

        // What the price table says, as a book: the admin's entry, named.
        const auto book = table.book(PriceBook::builtIn(), &error);
        QVERIFY(book);
        const auto quote = book->quote(u"claude-opus-4-5", {Million, 0, 0, 0});
        QCOMPARE(quote->cost, usd("4.00"));
        QCOMPARE(quote->effectiveFrom, from);
        QVERIFY2(quote->source.contains(u"admin"), qPrintable(quote->source));

        // Audited, in the hash chain.
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM admin_audit_log WHERE action = 'price' "
                                            "AND user_id = 'claude-opus-4-5'")), 1);
        const auto chain = verifyAuditChain(*db, &error);
        QVERIFY2(chain && chain->intact(), qPrintable(error));
    }

    void badPricesChangeNothing_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QString>("expected");
        const QDate today = QDateTime::currentDateTimeUtc().date();
        QTest::newRow("blank name") << QStringLiteral("  ") << QStringLiteral("1") << QDate() << QStringLiteral("model name");
        QTest::newRow("10,000 characters") << QString(10'000, u'x') << QStringLiteral("1") << QDate()
                                           << QStringLiteral("at most 200");
        QTest::newRow("absurd price") << QStringLiteral("acme") << QStringLiteral("10000.01") << QDate()
                                      << QStringLiteral("$10,000");
        QTest::newRow("before 2020") << QStringLiteral("acme") << QStringLiteral("1") << QDate(2019, 12, 31)
                                     << QStringLiteral("2020-01-01");
        QTest::newRow("over a year ahead") << QStringLiteral("acme") << QStringLiteral("1") << today.addYears(1).addDays(1)
                                           << QStringLiteral("a year from today");
    }
    void badPricesChangeNothing()
    {
        QFETCH(QString, model);
        QFETCH(QString, input);
        QFETCH(QDate, from);
        QFETCH(QString, expected);
        auto db = newUsageDatabase(m_dir, QStringLiteral("bad"));
        QVERIFY(db);
        ModelPrice price = priceOf("acme", "1", "1", from);
        price.model = model;
        price.rates.input = Money::fromDecimal(input)->nanos();
        QString error;
        QVERIFY(!PriceTable(*db).set(price, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(!PriceTable(*db).setAll({priceOf("fine", "1", "1", {}), price}, QStringLiteral("file"), &error));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM meterdesk_prices")), 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM admin_audit_log")), 0);
    }

    // `meterctl prices import` takes a LiteLLM map; what it holds then prices
    // `meterctl cost --db` first.
    void importedMapPricesFirst()
    {
        QString url;
        auto db = newUsageDatabase(m_dir, QStringLiteral("import"), &url);
        QVERIFY(db);
        QTemporaryFile map;
        QVERIFY(map.open());
        map.write(R"({"acme-llm-2": {"input_cost_per_token": 2e-06, "output_cost_per_token": 8e-06,
                      "input_cost_per_token_above_200k_tokens": 4e-06, "litellm_provider": "acme", "mode": "chat"},
                      "gpt-4o": {"input_cost_per_token": 1e-06, "output_cost_per_token": 1e-06}})");
        map.close();
        RunResult run = meterctl({QStringLiteral("--db"), url, QStringLiteral("prices"), QStringLiteral("import"), map.fileName()});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.contains("imported 2 prices"));
        run = meterctl({QStringLiteral("--db"), url, QStringLiteral("cost"), QStringLiteral("--model"),
                        QStringLiteral("gpt-4o-2024-08-06"), QStringLiteral("--input"), QStringLiteral("1000000"),
                        QStringLiteral("--output"), QStringLiteral("1000000"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject quote = run.json().object();
        QCOMPARE(quote.value(u"cost").toDouble(), 2.0);
        QCOMPARE(quote.value(u"matchedModel").toString(), QStringLiteral("gpt-4o"));
        QCOMPARE(quote.value(u"matchedBy").toString(), QStringLiteral("snapshot-tag"));
        // The map's long-context tier is kept: 300k input tokens at $4 per 1M.
        run = meterctl({QStringLiteral("--db"), url, QStringLiteral("cost"), QStringLiteral("--model"),
                        QStringLiteral("acme-llm-2"), QStringLiteral("--input"), QStringLiteral("300000"),
                        QStringLiteral("--output"), QStringLiteral("0"), QStringLiteral("--json")});
        QCOMPARE(run.json().object().value(u"cost").toDouble(), 1.2);
        QCOMPARE(run.json().object().value(u"longContext").toBool(), true);
        // Without --db: the built-in book's $2.50 + $10.
        run = meterctl({QStringLiteral("cost"), QStringLiteral("--model"), QStringLiteral("gpt-4o-2024-08-06"),
                        QStringLiteral("--input"), QStringLiteral("1000000"), QStringLiteral("--output"),
                        QStringLiteral("1000000"), QStringLiteral("--json")});
        QCOMPARE(run.json().object().value(u"cost").toDouble(), 12.5);
    }
};

QTEST_GUILESS_MAIN(TestPriceTable)
#include "tst_pricetable.moc"
