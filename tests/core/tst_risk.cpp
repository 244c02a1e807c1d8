// Suggested risk scores: each signal fires on the usage crafted for it and
// stays quiet on a normal user; the same data gives the same scores.
#include "TestSupport.h"

#include <money/PriceBook.h>
#include <queries/RiskSuggestions.h>
#include <tracking/Tracker.h>

#include <QSqlQuery>
#include <QTest>

#include <libpq-fe.h>

using namespace meterdesk;
using namespace meterdesk::test;

namespace {

const QDateTime Now = QDateTime(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);
const QDate Today = Now.date();

// gpt-4o input is $2.50 per 1M tokens: 40,000 tokens cost $0.10.
UsageEvent call(const QString &user, const QDateTime &at, qint64 input = 40'000,
                const QString &model = QStringLiteral("gpt-4o"))
{
    UsageEvent e;
    e.userId = user;
    e.service = QStringLiteral("openai");
    e.model = model;
    e.tokens.input = input;
    e.timestamp = at;
    return e;
}

QDateTime at(int daysAgo, int minutes)
{
    return QDateTime(Today.addDays(-daysAgo), QTime(9, 0), Qt::UTC).addSecs(minutes * 60);
}

} // namespace

class TestRisk : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

    static QStringList signalsOf(const QHash<QString, RiskSuggestion> &all, const QString &user)
    {
        QStringList names;
        for (const RiskReason &reason : all.value(user).reasons)
            names << reason.signal;
        return names;
    }

    static int pointsOf(const QHash<QString, RiskSuggestion> &all, const QString &user, const QString &signal)
    {
        for (const RiskReason &reason : all.value(user).reasons)
            if (reason.signal == signal)
                return reason.points;
        return 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (usePostgres())
            METERDESK_REQUIRE_PG();
        m_db = newUsageDatabase(m_dir, QStringLiteral("risk"));
        QVERIFY(m_db);
        QList<UsageEvent> events;
        for (int day = 14; day >= 0; --day) {
            // Six normal users: two $0.10 calls a day.
            for (int n = 1; n <= 6; ++n)
                for (int k = 0; k < 2; ++k)
                    events << call(QStringLiteral("normal-%1").arg(n), at(day, k * 10));
            // The whale: thirty such calls a day, every day: most of all spend.
            for (int k = 0; k < 30; ++k)
                events << call(QStringLiteral("whale"), at(day, k * 5));
            // The spike: two calls a day, then 25 today.
            if (day > 0)
                for (int k = 0; k < 2; ++k)
                    events << call(QStringLiteral("spiky"), at(day, k * 10));
            // The pricey user: a 1M-token call ($2.50) every other day, none today.
            if (day > 0 && day % 2 == 0)
                events << call(QStringLiteral("pricey"), at(day, 30), 1'000'000);
        }
        for (int k = 0; k < 25; ++k)
            events << call(QStringLiteral("spiky"), QDateTime(Today, QTime(0, 0), Qt::UTC).addSecs(k * 20 * 60));
        // The burst: 70 cheap calls within one minute last night.
        for (int k = 0; k < 70; ++k)
            events << call(QStringLiteral("burster"), QDateTime(Today.addDays(-1), QTime(20, 0), Qt::UTC).addMSecs(k * 500),
                           1'000, QStringLiteral("gpt-4o-mini"));
        // Ten calls of a model nobody priced, small ones.
        for (int k = 0; k < 10; ++k)
            events << call(QStringLiteral("unpriced"), at(3, k), 1'000, QStringLiteral("mystery-model-x"));
        // Ten priced and ten unpriced calls in one day: two rollup rows of
        // that day, which count together.
        for (int k = 0; k < 10; ++k)
            events << call(QStringLiteral("mixed"), at(4, k), 1'000, QStringLiteral("gpt-4o-mini"))
                   << call(QStringLiteral("mixed"), at(4, k), 1'000, QStringLiteral("mystery-model-x"));
        // Nineteen cheap calls in each of three minutes running: no burst.
        for (int k = 0; k < 57; ++k)
            events << call(QStringLiteral("steady"), QDateTime(Today.addDays(-1), QTime(21, 0), Qt::UTC).addSecs(k * 60 / 19),
                           1'000, QStringLiteral("gpt-4o-mini"));
        const BatchOutcome outcome = Tracker(*m_db, PriceBook::builtIn()).trackBatch(events);
        QVERIFY2(outcome.ok && outcome.recorded == events.size(), qPrintable(outcome.error));
    }

    void eachSignalFiresOnItsCase()
    {
        QString error;
        const auto all = RiskSuggestions(*m_db, Now).compute(&error);
        QVERIFY2(all, qPrintable(error));
        // $2.50 today against a usual $0.20: 12.5x (said as 13x), 30 points.
        QCOMPARE(signalsOf(*all, QStringLiteral("spiky")), QStringList{QStringLiteral("spike")});
        QCOMPARE(pointsOf(*all, QStringLiteral("spiky"), QStringLiteral("spike")), 30);
        QVERIFY(all->value(QStringLiteral("spiky")).reasons.first().sentence.startsWith(QStringLiteral("13x their usual daily cost ($2.50 today, $0.20 on a usual day)")));
        // $45 of about $83 in 15 days: more than a quarter, 15 points.
        QCOMPARE(signalsOf(*all, QStringLiteral("whale")), QStringList{QStringLiteral("share")});
        QCOMPARE(pointsOf(*all, QStringLiteral("whale"), QStringLiteral("share")), 15);
        // 70 calls in one minute: 20 points.
        QVERIFY(signalsOf(*all, QStringLiteral("burster")).contains(QStringLiteral("burst")));
        QCOMPARE(pointsOf(*all, QStringLiteral("burster"), QStringLiteral("burst")), 20);
        QVERIFY(all->value(QStringLiteral("burster")).reasons.first().sentence.contains(QStringLiteral("70 calls in one minute")));
        // Ten of ten calls unpriced: 15 points.
        QCOMPARE(pointsOf(*all, QStringLiteral("unpriced"), QStringLiteral("unpriced")), 15);
        // $2.50 a call against the median user's $0.10: 25x, 20 points.
        QCOMPARE(signalsOf(*all, QStringLiteral("pricey")), QStringList{QStringLiteral("per-call")});
        QCOMPARE(pointsOf(*all, QStringLiteral("pricey"), QStringLiteral("per-call")), 20);
        QCOMPARE(all->value(QStringLiteral("pricey")).score, 20);
        // Ten of twenty calls, from two rows of one day: 15 points.
        QCOMPARE(signalsOf(*all, QStringLiteral("mixed")), QStringList{QStringLiteral("unpriced")});
        QCOMPARE(all->value(QStringLiteral("mixed")).reasons.first().sentence,
                 QStringLiteral("10 of 20 calls used models without a price"));
        QCOMPARE(pointsOf(*all, QStringLiteral("mixed"), QStringLiteral("unpriced")), 15);
        // 57 calls in three minutes are 19 in the busiest.
        QVERIFY2(!all->contains(QStringLiteral("steady")), qPrintable(signalsOf(*all, QStringLiteral("steady")).join(u',')));
    }

    void normalUsersStayQuiet()
    {
        QString error;
        const auto all = RiskSuggestions(*m_db, Now).compute(&error);
        QVERIFY2(all, qPrintable(error));
        for (int n = 1; n <= 6; ++n)
            QVERIFY2(!all->contains(QStringLiteral("normal-%1").arg(n)),
                     qPrintable(signalsOf(*all, QStringLiteral("normal-%1").arg(n)).join(u',')));
    }

    void theSameDataGivesTheSameScores()
    {
        QString error;
        const auto first = RiskSuggestions(*m_db, Now).compute(&error);
        const auto second = RiskSuggestions(*m_db, Now).compute(&error);
        QVERIFY(first && second);
        QCOMPARE(first->keys().size(), second->keys().size());
        for (auto it = first->cbegin(); it != first->cend(); ++it) {
            QCOMPARE(second->value(it.key()).score, it.value().score);
            QCOMPARE(second->value(it.key()).reasons.size(), it.value().reasons.size());
        }
        // One user alone gives that user's answer.
        const auto one = RiskSuggestions(*m_db, Now).compute(&error, QStringLiteral("spiky"));
        QVERIFY(one);
        QCOMPARE(one->size(), 1);
        QCOMPARE(one->value(QStringLiteral("spiky")).score, first->value(QStringLiteral("spiky")).score);
    }

    // Computed aside, on a connection of their own, they are the same; a
    // connection that cannot be opened says why.
    void asideTheyAreTheSame()
    {
        QString error;
        const auto here = RiskSuggestions(*m_db, Now).compute(&error);
        RiskSuggestionsAside aside(m_db->keptConnections(), Now);
        const auto there = aside.take(&error);
        QVERIFY2(here && there, qPrintable(error));
        QCOMPARE(there->keys().size(), here->keys().size());
        QVERIFY(!there->isEmpty());
        for (auto it = here->cbegin(); it != here->cend(); ++it) {
            QCOMPARE(there->value(it.key()).score, it.value().score);
            QCOMPARE(there->value(it.key()).reasons.size(), it.value().reasons.size());
        }

        KeptConnections nowhere(ConnectionSpec::sqlite(m_dir.filePath(QStringLiteral("missing/folder/usage.sqlite"))));
        RiskSuggestionsAside failing(nowhere, Now);
        error.clear();
        QVERIFY(!failing.take(&error));
        QVERIFY(!error.isEmpty());
    }

    // On PostgreSQL the window's rollup rows are read without a parallel
    // scan or JIT, even where the planner would choose them (here made
    // free), and the session keeps its own settings afterwards. The plan
    // is the server's own, sent back by auto_explain.
    void theWindowIsReadWithoutAParallelScanOrJit()
    {
        if (!usePostgres())
            QSKIP("PostgreSQL's planner only");
        QString error;
        for (const char *statement :
             {"SET parallel_setup_cost = 0", "SET parallel_tuple_cost = 0",
              "SET min_parallel_table_scan_size = 0", "SET max_parallel_workers_per_gather = 1",
              "SET jit = on", "SET jit_above_cost = 0", "LOAD 'auto_explain'",
              "SET auto_explain.log_min_duration = 0", "SET client_min_messages = log"})
            QVERIFY2(m_db->exec(QLatin1String(statement), &error), qPrintable(error));
        QStringList plans;
        PGconn *connection = Dialect::postgresHandle(m_db->sql());
        QVERIFY(connection);
        const PQnoticeProcessor previous = PQsetNoticeProcessor(
            connection,
            [](void *into, const char *message) {
                static_cast<QStringList *>(into)->append(QString::fromUtf8(message));
            },
            &plans);
        const auto all = RiskSuggestions(*m_db, Now).compute(&error);
        PQsetNoticeProcessor(connection, previous, nullptr);
        QVERIFY2(m_db->exec(QStringLiteral("SET client_min_messages = warning"), &error),
                 qPrintable(error));
        QVERIFY2(all && !all->isEmpty(), qPrintable(error));

        const auto planOf = [&](const QString &read) {
            for (const QString &plan : std::as_const(plans))
                if (plan.contains(read))
                    return plan;
            return QString();
        };
        const QString window = planOf(QStringLiteral("FROM api_usage_daily WHERE day"));
        QVERIFY2(!window.isEmpty(), qPrintable(plans.join(u'\n')));
        QVERIFY2(!window.contains(QLatin1String("Gather")) &&
                     !window.contains(QLatin1String("JIT:")),
                 qPrintable(window));
        // The same session's other reads still may: the log's last day is
        // planned with its workers (the planner's choice, made free here).
        const QString bursts =
            planOf(QStringLiteral("SELECT user_id, timestamp FROM api_usage_tracking"));
        QVERIFY2(bursts.contains(QLatin1String("JIT:")), qPrintable(bursts));

        QSqlQuery settings(m_db->sql());
        QVERIFY(settings.exec(QStringLiteral(
            "SELECT current_setting('max_parallel_workers_per_gather'), current_setting('jit')")));
        QVERIFY(settings.next());
        QCOMPARE(settings.value(0).toString(), QStringLiteral("1"));
        QCOMPARE(settings.value(1).toString(), QStringLiteral("on"));
    }
};

QTEST_GUILESS_MAIN(TestRisk)
#include "tst_risk.moc"
