#include "RangeCalls.h"
#include "TestSupport.h"

#include <admin/AdminActions.h>
#include <money/PriceBook.h>
#include <queries/Queries.h>
#include <queries/Reports.h>
#include <queries/UsersSnapshot.h>
#include <storage/Timestamps.h>
#include <tracking/Tracker.h>
#include <queries/Utf8Keys.h>

#include <QBuffer>
#include <QTest>

#include <algorithm>

using namespace meterdesk;
using namespace meterdesk::test;


class TestQueries : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

private Q_SLOTS:
    void initTestCase()
    {
        if (usePostgres())
            METERDESK_REQUIRE_PG();
        m_db = newUsageDatabase(m_dir, QStringLiteral("queries"));
        QVERIFY(m_db);
        Tracker tracker(*m_db, PriceBook::builtIn());
        const QDate d1(2026, 3, 2), d2(2026, 3, 10), d3(2026, 4, 20);
        // gpt-4o: 1M in = $2.50; claude-3-haiku 1M in = $0.25; unknown: $5 per 1M
        const BatchOutcome outcome = tracker.trackBatch({
            usageAt(QStringLiteral("alice"), QStringLiteral("openai"), QStringLiteral("gpt-4o"), 1'000'000, 0, d1, 9),
            usageAt(QStringLiteral("alice"), QStringLiteral("openai"), QStringLiteral("gpt-4o"), 1'000'000, 0, d2, 10),
            usageAt(QStringLiteral("alice"), QStringLiteral("anthropic"), QStringLiteral("claude-3-haiku"), 1'000'000, 0, d3, 11),
            usageAt(QStringLiteral("bob"), QStringLiteral("google"), QStringLiteral("gemini-x-unknown"), 1'000'000, 0, d2, 12),
            usageAt(HostileId, QStringLiteral("openai"), QStringLiteral("gpt-4o"), 400'000, 0, d3, 13),
        });
        QVERIFY(outcome.ok);
        QCOMPARE(outcome.recorded, 5);
        QVERIFY(execOn(*m_db, QStringLiteral("UPDATE users SET first_name = 'Alice', last_name = 'Liddell', "
                                             "email = 'alice@example.com' WHERE id = 'alice'")));
        QVERIFY(AdminActions(*m_db).block(QStringLiteral("carol"), QStringLiteral("no usage, still blocked")).ok);
    }

    void overviewAllTimeAndRanges()
    {
        QString error;
        Queries queries(*m_db);
        auto all = queries.overview(DateRange::allTime(), &error);
        QVERIFY2(all, qPrintable(error));
        QCOMPARE(all->totalRequests, 5);
        QCOMPARE(all->totalCost.toString(6), QStringLiteral("11.250000"));
        QCOMPARE(all->activeUsers, 3);
        QCOMPARE(all->blockedUsers, 1);
        QCOMPARE(all->unpricedEvents, 1);
        QCOMPARE(all->perService.value(QStringLiteral("openai")).requests, 3);
        QCOMPARE(all->perService.value(QStringLiteral("openai")).cost.toString(6), QStringLiteral("6.000000"));

        auto march = queries.overview({QDate(2026, 3, 1), QDate(2026, 3, 31)}, &error);
        QVERIFY(march);
        QCOMPARE(march->totalRequests, 3);
        QCOMPARE(march->totalCost.toString(6), QStringLiteral("10.000000"));
        QCOMPARE(march->activeUsers, 2);
        // Both ends are whole days, included.
        auto oneDay = queries.overview({QDate(2026, 3, 10), QDate(2026, 3, 10)}, &error);
        QCOMPARE(oneDay->totalRequests, 2);
        auto empty = queries.overview({QDate(2025, 1, 1), QDate(2025, 1, 31)}, &error);
        QCOMPARE(empty->totalRequests, 0);
        QCOMPARE(empty->totalCost.nanos(), 0);
    }

    void usersAllTimeAndInARange()
    {
        QString error;
        auto rows = Queries(*m_db).users(DateRange::allTime(), &error);
        QVERIFY2(rows, qPrintable(error));
        QCOMPARE(rows->size(), 4);
        auto find = [&](const QString &id) {
            for (const UserRow &row : *rows)
                if (row.userId == id)
                    return row;
            return UserRow{};
        };
        const UserRow alice = find(QStringLiteral("alice"));
        QCOMPARE(alice.displayName(), QStringLiteral("Alice Liddell"));
        QCOMPARE(alice.email, QStringLiteral("alice@example.com"));
        QCOMPARE(alice.requests, 3);
        QCOMPARE(alice.cost.toString(6), QStringLiteral("5.250000"));
        QCOMPARE(alice.lastActivity, QDateTime(QDate(2026, 4, 20), QTime(11, 30), Qt::UTC));
        QCOMPARE(alice.perService.size(), 2);
        const UserRow hostile = find(HostileId);
        QCOMPARE(hostile.userId, HostileId);
        QCOMPARE(hostile.displayName(), HostileId);
        QCOMPARE(find(QStringLiteral("bob")).unpricedEvents, 1);
        const UserRow carol = find(QStringLiteral("carol"));
        QVERIFY(carol.blocked);
        QCOMPARE(carol.requests, 0);

        rows = Queries(*m_db).users({QDate(2026, 4, 1), QDate(2026, 4, 30)}, &error);
        QVERIFY(rows);
        QCOMPARE(rows->size(), 3); // alice, the hostile name, and blocked carol
        QCOMPARE(find(QStringLiteral("alice")).cost.toString(6), QStringLiteral("0.250000"));
        QCOMPARE(find(QStringLiteral("alice")).perService.size(), 1);

        // On SQLite a range's first four fifths of days (here to April 18)
        // are summed on a second connection; March and April must add up.
        rows = Queries(*m_db).users({QDate(2026, 3, 1), QDate(2026, 4, 30)}, &error);
        QVERIFY2(rows, qPrintable(error));
        QCOMPARE(rows->size(), 4);
        QCOMPARE(find(QStringLiteral("alice")).requests, 3);
        QCOMPARE(find(QStringLiteral("alice")).cost.toString(6), QStringLiteral("5.250000"));
        QCOMPARE(find(QStringLiteral("alice")).perService.value(QStringLiteral("openai")).requests, 2);
        QCOMPARE(find(QStringLiteral("alice")).perService.value(QStringLiteral("anthropic")).requests, 1);
        QCOMPARE(find(QStringLiteral("bob")).unpricedEvents, 1);
        QCOMPARE(find(HostileId).requests, 1);
    }

    // A range is read from whole weeks and the days at its ends: whatever
    // its ends, every user's sums must be the calls of its days. The
    // expected sums are added up here from the calls themselves.
    void usersOfAnyRangeEqualTheirCalls()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("weeks"));
        QVERIFY(db);
        const QList<UsageEvent> events = rangeCalls();
        Tracker tracker(*db, PriceBook::builtIn());
        const BatchOutcome outcome = tracker.trackBatch(events);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.recorded, events.size());
        QString error;
        QVERIFY2(Queries(*db).verify(&error)->isEmpty(), qPrintable(error));

        struct Sums
        {
            qint64 requests = 0, tokens = 0, nanos = 0, unpriced = 0;
            QMap<QString, qint64> serviceNanos;
        };
        const auto expected = [&](const DateRange &range) {
            QMap<QString, Sums> sums;
            for (const UsageEvent &e : std::as_const(events)) {
                if (!range.contains(e.timestamp.date()))
                    continue;
                const auto quote = PriceBook::builtIn().quote(e.model, e.tokens);
                Sums &user = sums[e.userId];
                ++user.requests;
                user.tokens += e.tokens.total();
                user.nanos += quote->cost.nanos();
                user.unpriced += quote->priced ? 0 : 1;
                user.serviceNanos[e.service] += quote->cost.nanos();
            }
            return sums;
        };
        const QList<DateRange> ranges = rangesOverCalls();
        // Read afresh, and from a snapshot of every user as the live
        // dashboard does (closed ranges: runs of ids shared out between two
        // threads); live updates append new users, out of id order.
        const auto snapshot = Queries(*db).snapshot(&error);
        QVERIFY2(snapshot, qPrintable(error));
        QList<UserRow> reversedRows = snapshot->rows();
        std::reverse(reversedRows.begin(), reversedRows.end());
        UsersSnapshot reversed;
        reversed.update(reversedRows);
        for (const DateRange &range : std::as_const(ranges)) {
            for (const UsersSnapshot *known : QList<const UsersSnapshot *>{nullptr, &*snapshot, &reversed}) {
                const auto rows = Queries(*db).users(range, &error, known);
                QVERIFY2(rows, qPrintable(error));
                const QMap<QString, Sums> want = expected(range);
                const QString where = QStringLiteral("%1 to %2%3").arg(range.firstDay(), range.lastDay(),
                                                                      known ? QStringLiteral(" from the snapshot") : QString());
                QVERIFY2(rows->size() == want.size(), qPrintable(where));
                for (const UserRow &row : *rows) {
                    const Sums &sums = want.value(row.userId);
                    QVERIFY2(row.requests == sums.requests, qPrintable(where + u' ' + row.userId));
                    QVERIFY2(row.tokens == sums.tokens, qPrintable(where));
                    QVERIFY2(row.cost.nanos() == sums.nanos, qPrintable(where));
                    QVERIFY2(row.unpricedEvents == sums.unpriced, qPrintable(where));
                    for (auto it = sums.serviceNanos.cbegin(); it != sums.serviceNanos.cend(); ++it)
                        QVERIFY2(row.perService.value(it.key()).cost.nanos() == it.value(), qPrintable(where + u' ' + it.key()));
                }
            }
        }
    }

    void costsPerServiceAndModel()
    {
        QString error;
        const auto rows = Queries(*m_db).costs(DateRange::allTime(), &error);
        QVERIFY2(rows, qPrintable(error));
        QCOMPARE(rows->size(), 3);
        QCOMPARE(rows->at(0).model, QStringLiteral("gpt-4o"));
        QCOMPARE(rows->at(0).cost.toString(6), QStringLiteral("6.000000"));
        QCOMPARE(rows->at(0).tokens.input, 2'400'000);
        QCOMPARE(rows->at(1).model, QStringLiteral("gemini-x-unknown"));
        QCOMPARE(rows->at(1).unpricedEvents, 1);
    }

    void costSeriesBuckets()
    {
        QString error;
        Queries queries(*m_db);
        auto days = queries.costSeries(DateRange::allTime(), Bucket::Day, &error);
        QVERIFY2(days, qPrintable(error));
        QCOMPARE(days->size(), 5); // (03-02 openai) (03-10 google, openai) (04-20 anthropic, openai)
        auto months = queries.costSeries(DateRange::allTime(), Bucket::Month, &error);
        QCOMPARE(months->size(), 4);
        QCOMPARE(months->at(0).bucketStart, QDate(2026, 3, 1));
        QCOMPARE(months->at(0).service, QStringLiteral("google"));
        QCOMPARE(months->at(1).cost.toString(6), QStringLiteral("5.000000"));
        auto weeks = queries.costSeries({QDate(2026, 3, 1), QDate(2026, 3, 31)}, Bucket::Week, &error);
        QCOMPARE(weeks->size(), 3);
        QCOMPARE(weeks->at(0).bucketStart, QDate(2026, 3, 2)); // a Monday
        QCOMPARE(bucketStart(QDate(2026, 3, 8), Bucket::Week), QDate(2026, 3, 2));
        QCOMPARE(bucketEnd(QDate(2026, 3, 4), Bucket::Week), QDate(2026, 3, 8)); // a Sunday
        QCOMPARE(bucketEnd(QDate(2026, 2, 10), Bucket::Month), QDate(2026, 2, 28));
        QCOMPARE(bucketEnd(QDate(2026, 2, 10), Bucket::Day), QDate(2026, 2, 10));
        QCOMPARE(suggestedBucket({QDate(2026, 1, 1), QDate(2026, 3, 31)}, {}, {}), Bucket::Day);
        QCOMPARE(suggestedBucket({QDate(2026, 1, 1), QDate(2026, 12, 31)}, {}, {}), Bucket::Week);
        QCOMPARE(suggestedBucket(DateRange::allTime(), QDate(2020, 1, 1), QDate(2026, 1, 1)), Bucket::Month);
    }

    void userEventsArePagedNewestFirst()
    {
        QString error;
        Queries queries(*m_db);
        auto page = queries.userEvents(QStringLiteral("alice"), DateRange::allTime(), 2, 0, &error);
        QVERIFY2(page, qPrintable(error));
        QCOMPARE(page->size(), 2);
        QCOMPARE(page->at(0).model, QStringLiteral("claude-3-haiku"));
        QCOMPARE(page->at(0).timestamp, QDateTime(QDate(2026, 4, 20), QTime(11, 30), Qt::UTC));
        page = queries.userEvents(QStringLiteral("alice"), DateRange::allTime(), 2, 2, &error);
        QCOMPARE(page->size(), 1);
        QCOMPARE(page->at(0).timestamp.date(), QDate(2026, 3, 2));
        page = queries.userEvents(QStringLiteral("alice"), {QDate(2026, 3, 10), QDate(2026, 3, 10)}, 10, 0, &error);
        QCOMPARE(page->size(), 1);
        page = queries.userEvents(HostileId, DateRange::allTime(), 10, 0, &error);
        QCOMPARE(page->size(), 1);
        page = queries.userEvents(QStringLiteral("' OR '1'='1"), DateRange::allTime(), 10, 0, &error);
        QCOMPARE(page->size(), 0);
    }

    void usersReportNeutralisesFormulas()
    {
        UserRow row;
        row.userId = QStringLiteral("=HYPERLINK(\"http://x\")");
        row.name = QStringLiteral("+cmd|' /C calc'!A0");
        row.email = QStringLiteral("a,b@example.com");
        row.cost = Money::fromNanos(1'500);
        row.perService.insert(QStringLiteral("openai"), {1, 2, Money::fromNanos(1'500)});
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QString error;
        QVERIFY(Reports::writeUsersCsv(buffer, {row}, &error));
        const QByteArray expected =
            "user_id,name,email,requests,tokens,cost_usd,openai_cost_usd,last_activity_utc,risk_score,budget_used_percent,"
            "blocked,block_reason,blocked_by,unpriced_events\r\n"
            "\"'=HYPERLINK(\"\"http://x\"\")\",'+cmd|' /C calc'!A0,\"a,b@example.com\",0,0,0.000002,0.000002,,0,,no,,,0\r\n";
        QCOMPARE(buffer.data(), expected);
    }

    void utf8KeyIndexFindsEveryKeyAndNoOther()
    {
        Utf8KeyIndex index;
        QList<QByteArray> keys;
        for (int i = 0; i < 5000; ++i) // several rehashes
            keys << QStringLiteral("user-%1-\u00e9").arg(i).toUtf8();
        keys << QByteArray() << QByteArray("a\0b", 3);
        for (qsizetype i = 0; i < keys.size(); ++i)
            index.insert(keys[i], i);
        index.insert(keys[7], 999); // a second insert keeps the first position
        for (qsizetype i = keys.size() - 1; i >= 0; --i) {
            QCOMPARE(index.find(keys[i]), i);
            QCOMPARE(index.find(keys[i]), i); // answered from the last lookup
        }
        QCOMPARE(index.find("user-1"), -1);
        QCOMPARE(index.find(QByteArray("a\0c", 3)), -1);
        QCOMPARE(index.find("user-4999-\xc3\xa9x"), -1);

        // Many at once, placed in the order of their slots: beside keys
        // inserted one at a time, and a key appended twice keeps its first
        // position, as does one inserted before.
        Utf8KeyIndex appended;
        appended.insert(keys[3], 3);
        for (qsizetype i = 0; i < keys.size(); ++i)
            appended.append(keys[i], i == 3 ? 777 : i);
        appended.append(keys[9], 888);
        appended.place();
        appended.insert("late", 5000);
        for (qsizetype i = 0; i < keys.size(); ++i)
            QCOMPARE(appended.lookup(keys[i]), i);
        QCOMPARE(appended.lookup("late"), 5000);
        QCOMPARE(appended.lookup("user-1"), -1);
        const Utf8KeyIndex copy(appended);
        QCOMPARE(copy.lookup(keys[4321]), 4321);

        SharedStrings names;
        const QString first = names.get("openai");
        QCOMPARE(first, QStringLiteral("openai"));
        QVERIFY(names.get("openai").isSharedWith(first));
        QCOMPARE(names.get("\xc3\xa9t\xc3\xa9"), QStringLiteral("\u00e9t\u00e9"));
        for (int i = 0; i < 100; ++i) // more distinct values than it looks through one by one
            QCOMPARE(names.get(QByteArray::number(i)), QString::number(i));
    }

    void timestampsFromSqlText()
    {
        const QDate day(2026, 1, 2);
        QCOMPARE(utcFromSqlText("2026-01-02 03:04:05"), QDateTime(day, QTime(3, 4, 5), Qt::UTC));
        QCOMPARE(utcFromSqlText("2026-01-02 03:04:05.678"), QDateTime(day, QTime(3, 4, 5, 678), Qt::UTC));
        QCOMPARE(utcFromSqlText("2026-01-02 03:04:05.5"), QDateTime(day, QTime(3, 4, 5, 500), Qt::UTC));
        QCOMPARE(utcFromSqlText("2026-01-02 03:04:05.123456"), QDateTime(day, QTime(3, 4, 5, 123), Qt::UTC)); // PostgreSQL
        QCOMPARE(utcFromSqlText("2026-01-02T03:04:05Z"), QDateTime(day, QTime(3, 4, 5), Qt::UTC));
        QVERIFY(utcFromSqlText(QByteArrayView()).isNull());
        QVERIFY(!utcFromSqlText("2026-13-02 03:04:05").isValid());
        QVERIFY(!utcFromSqlText("yesterday").isValid());
    }

    void serviceMapKeepsServicesInOrder()
    {
        ServiceMap map;
        QVERIFY(map.isEmpty());
        for (const char *service : {"other", "anthropic", "openai", "google", "anthropic"})
            map[QString::fromLatin1(service)].requests += 1;
        QCOMPARE(map.keys(), (QStringList{QStringLiteral("anthropic"), QStringLiteral("google"), QStringLiteral("openai"), QStringLiteral("other")}));
        QCOMPARE(map.value(QStringLiteral("anthropic")).requests, 2);
        QCOMPARE(map.value(QStringLiteral("mistral")).requests, 0);
        QCOMPARE(map.size(), 4);
        map.insert(QStringLiteral("google"), {5, 6, Money::fromNanos(7)});
        QCOMPARE(map.value(QStringLiteral("google")).cost.nanos(), 7);
        qint64 requests = 0;
        for (const ServiceTotals &totals : map)
            requests += totals.requests;
        QCOMPARE(requests, 9);
    }

    void dateRangeParsing()
    {
        QString error;
        QVERIFY(DateRange::parse(QStringLiteral("2026-01-01"), QStringLiteral("2026-01-31"), &error));
        QVERIFY(DateRange::parse(QString(), QString(), &error)->isAllTime());
        QVERIFY(!DateRange::parse(QStringLiteral("2026-13-01"), QString(), &error));
        QVERIFY(!DateRange::parse(QStringLiteral("2026-02-01"), QStringLiteral("2026-01-01"), &error));
        QVERIFY(error.contains(QStringLiteral("after")));
        QCOMPARE(DateRange::lastDays(7, QDate(2026, 1, 10)).from, QDate(2026, 1, 4));
    }

    void aggregatesAgreeWithTheLog()
    {
        QString error;
        const auto problems = Queries(*m_db).verify(&error);
        QVERIFY2(problems, qPrintable(error));
        QVERIFY2(problems->isEmpty(), qPrintable(problems->join(u'\n')));
        // And a tampered rollup is found.
        QVERIFY(execOn(*m_db, QStringLiteral("UPDATE api_usage_daily SET cost_nanos = cost_nanos + 1 WHERE user_id = 'bob'")));
        QVERIFY(!Queries(*m_db).verify(&error)->isEmpty());
        QVERIFY(execOn(*m_db, QStringLiteral("UPDATE api_usage_daily SET cost_nanos = cost_nanos - 1 WHERE user_id = 'bob'")));
        QVERIFY(Queries(*m_db).verify(&error)->isEmpty());
    }

    // What the original admin page reads (service_breakdown, total_cost) and
    // the unpriced counts are checked too. On PostgreSQL the stats row's
    // trigger would put a tampered breakdown right at once: it is switched
    // off for the tampering, as a hand edit by the owner could.
    void verifyChecksBreakdownTotalCostAndUnpriced_data()
    {
        QTest::addColumn<QString>("tamper");
        QTest::addColumn<QString>("repair");
        QTest::addColumn<QString>("named");
        const bool pg = usePostgres();
        QTest::newRow("breakdown")
            << (pg ? QStringLiteral("UPDATE api_usage_stats SET service_breakdown = jsonb_set(service_breakdown, "
                                    "'{openai,requests}', '99') WHERE user_id = 'alice'")
                   : QStringLiteral("UPDATE api_usage_stats SET service_breakdown = json_set(service_breakdown, "
                                    "'$.openai.requests', 99) WHERE user_id = 'alice'"))
            // Put back: by the trigger itself on PostgreSQL, by hand on SQLite.
            << (pg ? QStringLiteral("UPDATE api_usage_stats SET updated_at = updated_at WHERE user_id = 'alice'")
                   : QStringLiteral("UPDATE api_usage_stats SET service_breakdown = json_set(service_breakdown, "
                                    "'$.openai.requests', (SELECT requests FROM api_usage_user_service "
                                    "WHERE user_id = 'alice' AND service = 'openai')) WHERE user_id = 'alice'"))
            << QStringLiteral("service_breakdown");
        QTest::newRow("total_cost") << QStringLiteral("UPDATE api_usage_stats SET total_cost = total_cost + 0.01 WHERE user_id = 'alice'")
                                    << QStringLiteral("UPDATE api_usage_stats SET total_cost = total_cost - 0.01 WHERE user_id = 'alice'")
                                    << QStringLiteral("total_cost");
        QTest::newRow("stats unpriced") << QStringLiteral("UPDATE api_usage_stats SET unpriced_requests = unpriced_requests + 1 WHERE user_id = 'alice'")
                                        << QStringLiteral("UPDATE api_usage_stats SET unpriced_requests = unpriced_requests - 1 WHERE user_id = 'alice'")
                                        << QStringLiteral("unpriced");
        QTest::newRow("weekly") << QStringLiteral("UPDATE api_usage_weekly SET tokens = tokens + 1 WHERE user_id = 'alice'")
                                << QStringLiteral("UPDATE api_usage_weekly SET tokens = tokens - 1 WHERE user_id = 'alice'")
                                << QStringLiteral("api_usage_weekly");
        QTest::newRow("weekly unpriced") << QStringLiteral("UPDATE api_usage_weekly SET unpriced_requests = unpriced_requests + 1 WHERE user_id = 'bob'")
                                         << QStringLiteral("UPDATE api_usage_weekly SET unpriced_requests = unpriced_requests - 1 WHERE user_id = 'bob'")
                                         << QStringLiteral("api_usage_weekly");
        QTest::newRow("daily unpriced") << QStringLiteral("UPDATE api_usage_daily_service SET unpriced_requests = unpriced_requests + 1")
                                        << QStringLiteral("UPDATE api_usage_daily_service SET unpriced_requests = unpriced_requests - 1")
                                        << QStringLiteral("api_usage_daily_service (unpriced)");
    }

    void verifyChecksBreakdownTotalCostAndUnpriced()
    {
        QFETCH(QString, tamper);
        QFETCH(QString, repair);
        QFETCH(QString, named);
        const bool pg = usePostgres();
        if (pg)
            QVERIFY(execOn(*m_db, QStringLiteral("ALTER TABLE api_usage_stats DISABLE TRIGGER meterdesk_stats_truth")));
        QVERIFY(execOn(*m_db, tamper));
        QString error;
        const auto problems = Queries(*m_db).verify(&error);
        if (pg)
            QVERIFY(execOn(*m_db, QStringLiteral("ALTER TABLE api_usage_stats ENABLE TRIGGER meterdesk_stats_truth")));
        QVERIFY(execOn(*m_db, repair));
        QVERIFY2(problems, qPrintable(error));
        QVERIFY2(problems->join(u'\n').contains(named), qPrintable(problems->join(u'\n')));
        QVERIFY2(Queries(*m_db).verify(&error)->isEmpty(), qPrintable(Queries(*m_db).verify(&error)->join(u'\n')));
    }

    // A total of exactly half a micro-dollar past a whole one ($0.2518755):
    // the stats row's double and the log's nanos must round alike.
    void verifyAgreesOnHalfMicroTotals()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("half"));
        QVERIFY(db);
        PriceBook book = PriceBook::builtIn();
        QString error;
        QVERIFY(book.merge(R"({"models":[{"model":"half-llm","input":"0.5","output":"0.5"}]})", &error));
        UsageEvent event;
        event.userId = QStringLiteral("hal");
        event.service = QStringLiteral("other");
        event.model = QStringLiteral("half-llm");
        event.tokens.input = 503'751; // x 500 nano-dollars = 251,875,500
        QVERIFY(Tracker(*db, book).track(event).status == EventStatus::Recorded);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT cost_nanos FROM api_usage_tracking")), 251'875'500);
        const auto problems = Queries(*db).verify(&error);
        QVERIFY2(problems, qPrintable(error));
        QVERIFY2(problems->isEmpty(), qPrintable(problems->join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestQueries)
#include "tst_queries.moc"
