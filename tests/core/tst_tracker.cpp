#include "TestSupport.h"

#include <money/PriceBook.h>
#include <queries/Queries.h>
#include <tracking/Tracker.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace meterdesk;
using namespace meterdesk::test;

namespace {

UsageEvent usage(const QString &user, const QString &service, const QString &model, qint64 input, qint64 output,
                 const QString &id = {})
{
    UsageEvent e;
    e.userId = user;
    e.service = service;
    e.model = model;
    e.tokens.input = input;
    e.tokens.output = output;
    e.eventId = id;
    e.timestamp = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    return e;
}

} // namespace

class TestTracker : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<Database> fresh(const QString &name, QString *url = nullptr)
    {
        if (usePostgres() && qEnvironmentVariableIsEmpty("METERDESK_TEST_PG"))
            return nullptr;
        return newUsageDatabase(m_dir, name, url);
    }

private Q_SLOTS:
    void init()
    {
        if (usePostgres())
            METERDESK_REQUIRE_PG();
    }

    // A NUL can be in no text PostgreSQL stores, and would end the text a
    // batch sends there: a call with one in its endpoint or event id is
    // refused alone, with the reason, on both backends alike.
    void aNulInAnEndpointOrEventIdRefusesOnlyThatCall()
    {
        auto db = fresh(QStringLiteral("nul"));
        QVERIFY(db);
        QList<UsageEvent> batch;
        for (int i = 0; i < 10; ++i)
            batch << usage(QStringLiteral("user-%1").arg(i), QStringLiteral("openai"), QStringLiteral("gpt-4o"), 100, 10,
                           QStringLiteral("call-%1").arg(i));
        batch[3].endpoint = QStringLiteral("support") + QChar(0) + QStringLiteral("chat");
        batch[6].eventId = QStringLiteral("call") + QChar(0) + QStringLiteral("6");
        const BatchOutcome outcome = Tracker(*db, PriceBook::builtIn()).trackBatch(batch);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.recorded, 8);
        QCOMPARE(outcome.rejected, 2);
        QCOMPARE(outcome.events[3].error, QStringLiteral("endpoint contains control characters"));
        QCOMPARE(outcome.events[6].error, QStringLiteral("event id contains control characters"));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM api_usage_tracking")), 8);
    }

    // On PostgreSQL a batch's rows go through libpq itself: its failures
    // are told apart as the driver's are, so a lock wait that timed out is
    // busy and a session that ended is a lost connection (both retried),
    // and the batch is recorded whole once the cause has gone.
    void postgresBatchFailuresAreToldApart()
    {
        if (!usePostgres())
            QSKIP("the batch arrays are PostgreSQL's");
        QString url, error;
        auto db = fresh(QStringLiteral("failures"), &url);
        QVERIFY(db);
        QList<UsageEvent> batch; // ten users: more rows than go as one small statement
        for (int i = 0; i < 10; ++i)
            batch << usage(QStringLiteral("user-%1").arg(i), QStringLiteral("openai"), QStringLiteral("gpt-4o"), 100, 10);
        TrackerOptions once;
        once.maxRetries = 0;
        Tracker tracker(*db, PriceBook::builtIn(), once);
        QVERIFY(tracker.trackBatch(batch).ok);

        auto other = Database::open(*ConnectionSpec::parse(url, &error), &error);
        QVERIFY2(other, qPrintable(error));
        QVERIFY(other->begin(&error));
        QVERIFY(execOn(*other, QStringLiteral("SELECT 1 FROM api_usage_stats WHERE user_id = 'user-5' FOR UPDATE")));
        QVERIFY(execOn(*db, QStringLiteral("SET lock_timeout = '200ms'")));
        const BatchOutcome busy = tracker.trackBatch(batch);
        QVERIFY(!busy.ok);
        QCOMPARE(int(busy.failure), int(SqlFailure::Busy));
        other->rollback();

        QVERIFY(execOn(*other, QStringLiteral("CREATE FUNCTION end_session() RETURNS trigger LANGUAGE plpgsql AS $$ "
                                              "BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NEW; END $$")));
        QVERIFY(execOn(*other, QStringLiteral("CREATE TRIGGER end_session BEFORE INSERT ON api_usage_weekly "
                                              "FOR EACH ROW EXECUTE FUNCTION end_session()")));
        const BatchOutcome lost = tracker.trackBatch(batch);
        QVERIFY(!lost.ok);
        QCOMPARE(int(lost.failure), int(SqlFailure::ConnectionLost));
        QVERIFY(execOn(*other, QStringLiteral("DROP TRIGGER end_session ON api_usage_weekly")));

        // The next batch finds the connection gone, reconnects and records.
        const BatchOutcome recorded = tracker.trackBatch(batch);
        QVERIFY2(recorded.ok, qPrintable(recorded.error));
        QCOMPARE(scalar(*other, QStringLiteral("SELECT count(*) FROM api_usage_tracking")), 20);
        const auto problems = Queries(*other).verify(&error);
        QVERIFY2(problems && problems->isEmpty(), qPrintable(problems ? problems->join(u'\n') : error));

        // A session the server ended under a read through libpq (which
        // leaves Qt's driver no error to give) is a lost connection at every
        // BEGIN after, not an error without a cause.
        const qint64 pid = scalar(*db, QStringLiteral("SELECT pg_backend_pid()"));
        QVERIFY(execOn(*other, QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid)));
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar(*other, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = %1").arg(pid)), 0, 5000);
        QVERIFY(!Queries(*db).snapshot(&error));
        for (int i = 0; i < 2; ++i) {
            SqlFailure failure = SqlFailure::None;
            QVERIFY(!db->begin(&error, &failure));
            QCOMPARE(int(failure), int(SqlFailure::ConnectionLost));
        }
    }

    void recordsEventAndAggregates()
    {
        auto db = fresh(QStringLiteral("basic"));
        QVERIFY(db);
        Tracker tracker(*db, PriceBook::builtIn());
        UsageEvent first = usage(QStringLiteral("alice"), QStringLiteral("OpenAI"), QStringLiteral("gpt-4o-mini"), 1000, 500);
        first.tokens.cachedInput = 2000;
        first.metadata.insert(QStringLiteral("durationMs"), 812);
        const EventOutcome outcome = tracker.track(first);
        QVERIFY2(outcome.status == EventStatus::Recorded, qPrintable(outcome.error));
        // 1000 x 0.15 + 500 x 0.60 + 2000 x 0.075 per 1M = 0.0006 USD
        QCOMPARE(outcome.cost.toString(9), QStringLiteral("0.000600000"));
        QVERIFY(outcome.priced);
        QVERIFY(tracker.track(usage(QStringLiteral("alice"), QStringLiteral("anthropic"), QStringLiteral("claude-3-haiku"), 1'000'000, 0)).priced);
        QVERIFY(!tracker.track(usage(QStringLiteral("bob"), QStringLiteral("other"), QStringLiteral("mystery-model"), 100, 100)).priced);

        QCOMPARE(scalar(*db, QStringLiteral("SELECT total_requests FROM api_usage_stats WHERE user_id = 'alice'")), 2);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT total_cost_nanos FROM api_usage_stats WHERE user_id = 'alice'")), 250'600'000);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT total_tokens FROM api_usage_stats WHERE user_id = 'alice'")), 1'003'500);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT unpriced_requests FROM api_usage_stats WHERE user_id = 'bob'")), 1);
        // The seed's columns are filled as its writer filled them.
        QCOMPARE(scalar(*db, QStringLiteral("SELECT tokens_used FROM api_usage_tracking WHERE user_id = 'bob'")), 200);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM api_usage_tracking WHERE service = 'openai'")), 1);
        QString error;
        const auto problems = Queries(*db).verify(&error);
        QVERIFY2(problems, qPrintable(error));
        QVERIFY2(problems->isEmpty(), qPrintable(problems->join(u'\n')));

        const auto users = Queries(*db).users(DateRange::allTime(), &error);
        QVERIFY(users);
        QCOMPARE(users->size(), 2);
        const UserRow alice = users->at(users->at(0).userId == u"alice" ? 0 : 1);
        QCOMPARE(alice.perService.value(QStringLiteral("openai")).cost.toString(9), QStringLiteral("0.000600000"));
        QCOMPARE(alice.perService.value(QStringLiteral("anthropic")).cost.toString(9), QStringLiteral("0.250000000"));
    }

    // Calls of one batch at different times keep their own time, in the
    // log and in the rollups of their days, however the batch orders them.
    void eachCallOfABatchKeepsItsTime()
    {
        auto db = fresh(QStringLiteral("times"));
        QVERIFY(db);
        const QDateTime noon(QDate(2026, 3, 1), QTime(12, 0, 0, 250), Qt::UTC);
        const QDateTime nextDay = noon.addDays(1).addMSecs(1);
        QList<UsageEvent> batch;
        for (const QDateTime &at : {noon, noon, nextDay, noon, nextDay.addMSecs(1), noon}) {
            batch.append(usage(QStringLiteral("alice"), QStringLiteral("openai"),
                               QStringLiteral("gpt-4o"), 100, 10));
            batch.last().timestamp = at;
        }
        QVERIFY(Tracker(*db, PriceBook::builtIn()).trackBatch(batch).ok);
        const auto count = [&](const QDateTime &at) {
            return scalar(*db, QStringLiteral(
                                   "SELECT count(*) FROM api_usage_tracking WHERE timestamp = '%1'")
                                   .arg(at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))));
        };
        QCOMPARE(count(noon), 4);
        QCOMPARE(count(nextDay), 1);
        QCOMPARE(count(nextDay.addMSecs(1)), 1);
        QCOMPARE(
            scalar(
                *db,
                QStringLiteral("SELECT count(*) FROM api_usage_stats WHERE last_activity = '%1'")
                    .arg(nextDay.addMSecs(1).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")))),
            1);
        QCOMPARE(scalar(*db, QStringLiteral(
                                 "SELECT requests FROM api_usage_daily WHERE day = '2026-03-02'")),
                 2);
        QString error;
        const auto problems = Queries(*db).verify(&error);
        QVERIFY2(problems, qPrintable(error));
        QVERIFY2(problems->isEmpty(), qPrintable(problems->join(u'\n')));
    }

    // The stats row's service_breakdown is valid JSON with each service's
    // cost to the nano, past the 15 digits a double holds, and below zero.
    void theBreakdownKeepsCostsExact()
    {
        auto db = fresh(QStringLiteral("breakdown"));
        QVERIFY(db);
        QVERIFY(execOn(*db, QStringLiteral("INSERT INTO users (id) VALUES ('big')")));
        QVERIFY(execOn(*db, QStringLiteral("INSERT INTO api_usage_user_service (user_id, service, "
                                           "requests, tokens, cost_nanos) "
                                           "VALUES ('big', 'openai', 3, 7, 12345678123456789), "
                                           "('big', 'credit \"note\"', 1, 0, -1500000000)")));
        // A call of the user's rebuilds the breakdown from the per-service totals.
        QVERIFY(Tracker(*db, PriceBook::builtIn())
                    .trackBatch({usage(QStringLiteral("big"), QStringLiteral("google"),
                                       QStringLiteral("gemini-2.0-flash"), 10, 0)})
                    .ok);
        QSqlQuery query(db->sql());
        QVERIFY(query.exec(QStringLiteral(
            "SELECT CAST(service_breakdown AS text) FROM api_usage_stats WHERE user_id = 'big'")));
        QVERIFY(query.next());
        const QString text = query.value(0).toString();
        QJsonParseError parseError;
        const QJsonObject breakdown = QJsonDocument::fromJson(text.toUtf8(), &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(text));
        QCOMPARE(breakdown.keys(),
                 (QStringList{QStringLiteral("credit \"note\""), QStringLiteral("google"),
                              QStringLiteral("openai")}));
        QCOMPARE(breakdown.value(QStringLiteral("openai"))
                     .toObject()
                     .value(QStringLiteral("requests"))
                     .toInt(),
                 3);
        QVERIFY2(text.contains(QStringLiteral("12345678.123456789")), qPrintable(text));
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("-1\\.50*[,}]"))),
                 qPrintable(text));
        // 10 tokens of gemini-2.0-flash input at $0.10 per million: $0.000001.
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("\"cost\": ?0\\.0000010*[,}]"))),
                 qPrintable(text));
    }

    // metadata keeps the caller's fields and the seed's model and token
    // keys, as valid JSON whatever the model name holds.
    void metadataIsValidJson()
    {
        auto db = fresh(QStringLiteral("metadata"));
        QVERIFY(db);
        Tracker tracker(*db, PriceBook::builtIn());
        UsageEvent quoted = usage(QStringLiteral("carol"), QStringLiteral("other"), QStringLiteral("we\"ird\\model"), 3, 4);
        quoted.tokens.cachedInput = 2000;
        quoted.metadata.insert(QStringLiteral("note"), QStringLiteral("\u00e9\"x"));
        quoted.metadata.insert(QStringLiteral("durationMs"), 812);
        quoted.metadata.insert(QStringLiteral("inputTokens"), QStringLiteral("caller's value is replaced"));
        QCOMPARE(int(tracker.track(quoted).status), int(EventStatus::Recorded));
        QSqlQuery metadata(db->sql());
        QVERIFY(metadata.exec(QStringLiteral("SELECT metadata FROM api_usage_tracking")));
        QVERIFY(metadata.next());
        QJsonParseError parseError;
        const QJsonObject stored = QJsonDocument::fromJson(metadata.value(0).toString().toUtf8(), &parseError).object();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(stored.value(u"model").toString(), quoted.model);
        QCOMPARE(stored.value(u"inputTokens").toInt(), 3);
        QCOMPARE(stored.value(u"outputTokens").toInt(), 4);
        QCOMPARE(stored.value(u"cachedInputTokens").toInt(), 2000);
        QCOMPARE(stored.value(u"note").toString(), QStringLiteral("\u00e9\"x"));
        QCOMPARE(stored.value(u"durationMs").toInt(), 812);
    }

    // Text that a VALUES list, an SQLite binding or a PostgreSQL array
    // literal could mangle comes back exactly as it went in.
    void awkwardTextSurvivesBatches()
    {
        auto db = fresh(QStringLiteral("awkward"));
        QVERIFY(db);
        Tracker tracker(*db, PriceBook::builtIn());
        const QStringList texts{QStringLiteral("NULL"), QStringLiteral("a,b"), QStringLiteral("{x}"),
                                QStringLiteral("q\"uote"), QStringLiteral("back\\slash"), QStringLiteral(" spaced "),
                                QStringLiteral("\u00fcn\u00ef \u20ac"), QStringLiteral("it's"), QStringLiteral("(1, 2)")};
        QList<UsageEvent> batch;
        for (const QString &text : texts)
            batch << usage(QStringLiteral("user ") + text, QStringLiteral("openai"), text, 1, 2, QStringLiteral("id ") + text);
        const BatchOutcome outcome = tracker.trackBatch(batch);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.recorded, texts.size());
        QString error;
        const auto users = Queries(*db).users(DateRange::allTime(), &error);
        QVERIFY2(users, qPrintable(error));
        QSet<QString> ids;
        for (const UserRow &row : *users)
            ids.insert(row.userId);
        for (const QString &text : texts) {
            QVERIFY2(ids.contains(QStringLiteral("user ") + text), qPrintable(text));
            QSqlQuery query(db->sql());
            query.prepare(QStringLiteral("SELECT model, user_id FROM api_usage_tracking WHERE event_id = ?"));
            query.addBindValue(QString(QStringLiteral("id ") + text));
            QVERIFY(query.exec() && query.next());
            QCOMPARE(query.value(0).toString(), text);
            QCOMPARE(query.value(1).toString(), QStringLiteral("user ") + text);
        }
        QVERIFY(Queries(*db).verify(&error)->isEmpty());
    }

    void replayedEventIdCountsOnce()
    {
        auto db = fresh(QStringLiteral("replay"));
        QVERIFY(db);
        Tracker tracker(*db, PriceBook::builtIn());
        const QList<UsageEvent> batch{
            usage(QStringLiteral("u1"), QStringLiteral("openai"), QStringLiteral("gpt-4o"), 10, 10, QStringLiteral("e-1")),
            usage(QStringLiteral("u1"), QStringLiteral("openai"), QStringLiteral("gpt-4o"), 10, 10, QStringLiteral("e-2")),
            usage(QStringLiteral("u1"), QStringLiteral("openai"), QStringLiteral("gpt-4o"), 10, 10, QStringLiteral("e-1"))};
        BatchOutcome outcome = tracker.trackBatch(batch);
        QVERIFY(outcome.ok);
        QCOMPARE(outcome.recorded, 2);
        QCOMPARE(outcome.duplicates, 1);
        QCOMPARE(int(outcome.events[2].status), int(EventStatus::Duplicate));
        outcome = tracker.trackBatch(batch);
        QVERIFY(outcome.ok);
        QCOMPARE(outcome.recorded, 0);
        QCOMPARE(outcome.duplicates, 3);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT total_requests FROM api_usage_stats WHERE user_id = 'u1'")), 2);
        QString error;
        QVERIFY(Queries(*db).verify(&error)->isEmpty());
    }

    void badEventsAreRejectedOthersRecorded()
    {
        auto db = fresh(QStringLiteral("reject"));
        QVERIFY(db);
        Tracker tracker(*db, PriceBook::builtIn());
        UsageEvent negative = usage(QStringLiteral("u1"), QStringLiteral("openai"), QStringLiteral("gpt-4o"), 1, 1);
        negative.tokens.output = -5;
        const BatchOutcome outcome = tracker.trackBatch(
            {usage(QString(), QStringLiteral("openai"), QStringLiteral("gpt-4o"), 1, 1), negative,
             usage(QStringLiteral("u2"), QStringLiteral("openai"), QStringLiteral("gpt-4o"), 1, 1)});
        QVERIFY(outcome.ok);
        QCOMPARE(outcome.recorded, 1);
        QCOMPARE(outcome.rejected, 2);
        QVERIFY(outcome.events[0].error.contains(QStringLiteral("no user id")));
        QVERIFY(outcome.events[1].error.contains(QStringLiteral("token counts")));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM api_usage_tracking")), 1);
    }

    void unattributedCallsGoToTheirOwnRow()
    {
        auto db = fresh(QStringLiteral("unattributed"));
        QVERIFY(db);
        TrackerOptions options;
        options.unattributedUserId = QStringLiteral("(unattributed)");
        Tracker tracker(*db, PriceBook::builtIn(), options);
        QCOMPARE(int(tracker.track(usage(QString(), QStringLiteral("openai"), QStringLiteral("gpt-4o"), 5, 5)).status),
                 int(EventStatus::Recorded));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT total_requests FROM api_usage_stats WHERE user_id = '(unattributed)'")), 1);
    }

    void hostOwnedDatabaseRejectsUnknownUsers()
    {
        auto db = fresh(QStringLiteral("hostowned"));
        QVERIFY(db);
        QVERIFY(execOn(*db, QStringLiteral("UPDATE meterdesk_schema SET owns_users = %1").arg(usePostgres() ? u"false" : u"0")));
        QVERIFY(execOn(*db, QStringLiteral("INSERT INTO users (id, email) VALUES ('known', 'k@example.com')")));
        QString url = db->spec().displayString();
        db.reset();
        QString error;
        auto reopened = Database::open(*ConnectionSpec::parse(usePostgres() ? url : url, &error), &error);
        QVERIFY(reopened);
        Tracker tracker(*reopened, PriceBook::builtIn());
        const BatchOutcome outcome = tracker.trackBatch(
            {usage(QStringLiteral("known"), QStringLiteral("openai"), QStringLiteral("gpt-4o"), 1, 1),
             usage(QStringLiteral("stranger"), QStringLiteral("openai"), QStringLiteral("gpt-4o"), 1, 1)});
        QVERIFY(outcome.ok);
        QCOMPARE(outcome.recorded, 1);
        QVERIFY(outcome.events[1].error.contains(QStringLiteral("unknown user \"stranger\"")));
        QCOMPARE(scalar(*reopened, QStringLiteral("SELECT count(*) FROM users")), 1);
    }

    // Several writers at once, each with its own connection: nothing lost,
    // nothing counted twice, aggregates equal to the log to the nano-dollar.
    void concurrentWritersLoseNothing()
    {
        QString url;
        auto db = fresh(QStringLiteral("concurrent"), &url);
        QVERIFY(db);
        constexpr int Threads = 4;
        constexpr int PerThread = 2500;
        std::atomic<int> failures = 0;
        std::atomic<qint64> expectedNanos = 0;
        QList<QThread *> threads;
        for (int t = 0; t < Threads; ++t) {
            threads << QThread::create([&, t] {
                QString error;
                auto connection = Database::open(*ConnectionSpec::parse(url, &error), &error);
                if (!connection) {
                    ++failures;
                    return;
                }
                Tracker tracker(*connection, PriceBook::builtIn());
                QList<UsageEvent> batch;
                for (int i = 0; i < PerThread; ++i) {
                    // Users in a different order per thread, to provoke lock-order deadlocks.
                    const int user = (t % 2 ? i : PerThread - i) % 23;
                    const bool mini = i % 3;
                    UsageEvent e = usage(QStringLiteral("user-%1").arg(user), mini ? QStringLiteral("openai") : QStringLiteral("anthropic"),
                                         mini ? QStringLiteral("gpt-4o-mini") : QStringLiteral("claude-3-5-haiku"), 100 + i, 7 * i);
                    // The provider's prices, in nano-dollars per token ($1
                    // per 1M tokens is 1,000): gpt-4o-mini $0.15 / $0.60,
                    // claude-3-5-haiku $0.80 / $4.00.
                    expectedNanos += mini ? (100 + i) * 150 + 7 * i * 600 : (100 + i) * 800 + 7 * i * 4000;
                    e.eventId = QStringLiteral("t%1-%2").arg(t).arg(i);
                    e.timestamp = e.timestamp.addSecs(i * 600);
                    batch.append(e);
                    if (batch.size() == (t + 1) * 13 || i + 1 == PerThread) {
                        const BatchOutcome outcome = tracker.trackBatch(batch);
                        if (!outcome.ok) {
                            qWarning("batch failed: %s", qPrintable(outcome.error));
                            ++failures;
                        }
                        batch.clear();
                    }
                }
            });
            threads.last()->start();
        }
        for (QThread *thread : threads) {
            QVERIFY(thread->wait(600'000));
            delete thread;
        }
        QCOMPARE(failures.load(), 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM api_usage_tracking")), Threads * PerThread);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(total_requests) FROM api_usage_stats")), Threads * PerThread);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(total_cost_nanos) FROM api_usage_stats")), expectedNanos.load());
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(cost_nanos) FROM api_usage_daily")), expectedNanos.load());
        QString error;
        const auto problems = Queries(*db).verify(&error);
        QVERIFY2(problems, qPrintable(error));
        QVERIFY2(problems->isEmpty(), qPrintable(problems->mid(0, 5).join(u'\n')));
    }

    // The seed's decimal(10,2) total said $0.00 for this.
    void millionMicroDollarEventsMakeExactlyOneDollar()
    {
        auto db = fresh(QStringLiteral("micro"));
        QVERIFY(db);
        PriceBook prices = PriceBook::builtIn();
        QString error;
        QVERIFY(prices.merge(R"({"models":[{"service":"other","model":"micro","input":"1.00","output":"1.00"}]})", &error));
        Tracker tracker(*db, prices);
        QList<UsageEvent> batch;
        for (int i = 0; i < 1'000'000; ++i) {
            UsageEvent e = usage(QStringLiteral("user-%1").arg(i % 7), QStringLiteral("other"), QStringLiteral("micro"), 1, 0);
            e.timestamp = e.timestamp.addSecs(i % 86400);
            batch.append(e);
            if (batch.size() == 10'000) {
                const BatchOutcome outcome = tracker.trackBatch(batch);
                QVERIFY2(outcome.ok, qPrintable(outcome.error));
                QCOMPARE(outcome.events.first().cost.toString(6), QStringLiteral("0.000001"));
                batch.clear();
            }
        }
        const auto overview = Queries(*db).overview(DateRange::allTime(), &error);
        QVERIFY(overview);
        QCOMPARE(overview->totalRequests, 1'000'000);
        QCOMPARE(overview->totalCost.toString(6), QStringLiteral("1.000000"));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(total_cost_nanos) FROM api_usage_stats")), Money::NanosPerDollar);
        const auto problems = Queries(*db).verify(&error);
        QVERIFY2(problems && problems->isEmpty(), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestTracker)
#include "tst_tracker.moc"
