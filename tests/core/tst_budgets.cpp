// Budgets that block by themselves: in the recording transaction, exactly
// once under concurrent writers, lifted when the period ends, never over an
// admin's block; reservations that cannot pass a limit together.
#include "SeedWriter.h"
#include "TestSupport.h"

#include <admin/AdminActions.h>
#include <admin/AuditChain.h>
#include <budgets/Alerts.h>
#include <budgets/BudgetStore.h>
#include <money/PriceBook.h>
#include <tracking/AccessGuard.h>
#include <tracking/Tracker.h>

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>
#include <functional>

using namespace meterdesk;
using namespace meterdesk::test;

namespace {

// gpt-4o-mini's input price is $0.15 per 1M tokens: 100,000 tokens cost
// $0.015, written out by hand here.
constexpr qint64 CallNanos = 15'000'000;
constexpr qint64 CallInput = 100'000;

const QDateTime Monday2300 = QDateTime(QDate(2026, 11, 30), QTime(23, 0), Qt::UTC);

UsageEvent call(const QString &user, const QDateTime &at, const QString &service = QStringLiteral("openai"))
{
    UsageEvent e;
    e.userId = user;
    e.service = service;
    e.model = QStringLiteral("gpt-4o-mini");
    e.tokens.input = CallInput;
    e.timestamp = at;
    return e;
}

Budget budget(const QString &user, qint64 limit, BudgetPeriod period, BudgetMetric metric = BudgetMetric::Usd,
              int soft = 0, const QString &service = {})
{
    Budget b;
    b.userId = user;
    b.limit = limit;
    b.period = period;
    b.metric = metric;
    b.softPercent = soft;
    b.service = service;
    return b;
}

} // namespace

#define QVERIFY_SET(expression)                                                                                    \
    do {                                                                                                           \
        const ActionResult set_ = (expression);                                                                   \
        QVERIFY2(set_.ok, qPrintable(set_.error));                                                                 \
    } while (false)

class TestBudgets : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QDateTime m_now = Monday2300;

    TrackerOptions clocked()
    {
        TrackerOptions options;
        options.clock = [this] { return m_now; };
        return options;
    }

    static qint64 count(Database &db, const QString &sql) { return scalar(db, sql); }

    // Runs `work` on `threads` threads at once, each with its own connection
    // to `url`; false when a connection could not be opened or a thread hung.
    static bool together(int threads, const QString &url, const std::function<void(Database &)> &work)
    {
        std::atomic<bool> opened = true;
        QList<QThread *> running;
        for (int t = 0; t < threads; ++t) {
            running << QThread::create([&] {
                QString error;
                auto connection = Database::open(*ConnectionSpec::parse(url, &error), &error);
                if (!connection) {
                    opened = false;
                    return;
                }
                work(*connection);
            });
            running.last()->start();
        }
        bool finished = true;
        for (QThread *thread : running) {
            finished = thread->wait(300'000) && finished;
            delete thread;
        }
        return finished && opened;
    }

private Q_SLOTS:
    void init()
    {
        if (usePostgres())
            METERDESK_REQUIRE_PG();
        m_now = Monday2300;
    }

    void aRecordedCallPastTheLimitBlocksInItsTransaction()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("block"));
        QVERIFY(db);
        // $0.10 a month for every user: six calls ($0.09) pass, the seventh
        // ($0.105) reaches it.
        QVERIFY_SET(BudgetStore(*db).set(budget({}, 100'000'000, BudgetPeriod::Month, BudgetMetric::Usd, 80)));
        Tracker tracker(*db, PriceBook::builtIn(), clocked());
        AccessGuard guard(*db);
        guard.setClock([this] { return m_now; });
        for (int i = 0; i < 6; ++i) {
            const BatchOutcome outcome = tracker.trackBatch({call(QStringLiteral("ann"), m_now)});
            QVERIFY2(outcome.ok, qPrintable(outcome.error));
            QVERIFY(outcome.budgetBlocked.isEmpty());
            QVERIFY(guard.check(QStringLiteral("ann")).allowed);
        }
        QCOMPARE(count(*db, QStringLiteral("SELECT sum(cost_nanos) FROM api_usage_tracking")), 6 * CallNanos);
        // 80% of $0.10 was passed at the sixth call: one soft alert.
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM meterdesk_alerts WHERE kind = 'budget-soft'")), 1);
        const BatchOutcome seventh = tracker.trackBatch({call(QStringLiteral("ann"), m_now)});
        QVERIFY2(seventh.ok, qPrintable(seventh.error));
        QCOMPARE(seventh.budgetBlocked, QStringList{QStringLiteral("ann")});
        const AccessDecision decision = guard.check(QStringLiteral("ann"));
        QVERIFY(!decision.allowed);
        QCOMPARE(decision.message, QStringLiteral("API access blocked for this user"));
        QVERIFY(decision.byBudget);
        QCOMPARE(decision.reason, QStringLiteral("Budget exceeded: $0.105 of $0.10 this month"));
        QCOMPARE(decision.until, QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC));
        // Audited with the budget as the actor, in an intact chain; one alert.
        QSqlQuery query(db->sql());
        QVERIFY(query.exec(QStringLiteral("SELECT actor_role, action, new_value FROM admin_audit_log WHERE user_id = 'ann'")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("budget"));
        QCOMPARE(query.value(1).toString(), QStringLiteral("budget-block"));
        QVERIFY(query.value(2).toString().startsWith(QStringLiteral("blocked: Budget exceeded")));
        QVERIFY(!query.next());
        QString error;
        const auto chain = verifyAuditChain(*db, &error);
        QVERIFY2(chain && chain->intact(), qPrintable(chain ? chain->problem : error));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM meterdesk_alerts WHERE kind = 'budget-block'")), 1);
        // Another call recorded anyway (it was in flight): no second block.
        QVERIFY(tracker.trackBatch({call(QStringLiteral("ann"), m_now)}).budgetBlocked.isEmpty());
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM admin_audit_log WHERE action = 'budget-block'")), 1);
    }

    void theBlockLiftsWhenThePeriodEndsButAnAdminsStays()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("reset"));
        QVERIFY(db);
        // Two requests a day.
        QVERIFY_SET(BudgetStore(*db).set(budget({}, 2, BudgetPeriod::Day, BudgetMetric::Requests)));
        Tracker tracker(*db, PriceBook::builtIn(), clocked());
        AccessGuard guard(*db);
        guard.setClock([this] { return m_now; });
        for (const QString &user : {QStringLiteral("bob"), QStringLiteral("cat")})
            QVERIFY(tracker.trackBatch({call(user, m_now), call(user, m_now)}).ok);
        QVERIFY(!guard.check(QStringLiteral("bob")).allowed);
        QVERIFY(!guard.check(QStringLiteral("cat")).allowed);
        // An admin blocks cat by hand as well: that block is the admin's now.
        QVERIFY(AdminActions(*db).block(QStringLiteral("cat"), QStringLiteral("chargeback")).ok);
        m_now = m_now.addSecs(59 * 60 + 59); // 23:59:59, the same day
        QVERIFY(!guard.check(QStringLiteral("bob")).allowed);
        m_now = m_now.addSecs(2); // the next day
        const AccessDecision bob = guard.check(QStringLiteral("bob"));
        QVERIFY(bob.allowed);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM api_usage_stats WHERE user_id = 'bob' AND is_blocked = true")), 0);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM admin_audit_log WHERE action = 'budget-lift' AND user_id = 'bob'")), 1);
        const AccessDecision cat = guard.check(QStringLiteral("cat"));
        QVERIFY(!cat.allowed);
        QVERIFY(!cat.byBudget);
        QCOMPARE(cat.reason, QStringLiteral("chargeback"));
        // Bob's new day has its own two calls, then the block comes back.
        QVERIFY(tracker.trackBatch({call(QStringLiteral("bob"), m_now)}).budgetBlocked.isEmpty());
        QCOMPARE(tracker.trackBatch({call(QStringLiteral("bob"), m_now)}).budgetBlocked, QStringList{QStringLiteral("bob")});
        QString error;
        const auto chain = verifyAuditChain(*db, &error);
        QVERIFY2(chain && chain->intact(), qPrintable(chain ? chain->problem : error));
    }

    void aUsersOwnBudgetAndAServiceBudget()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("scopes"));
        QVERIFY(db);
        BudgetStore store(*db);
        // The default allows two requests a week; dan's own allows five, and
        // his OpenAI calls alone are held to $0.03 a week.
        QVERIFY_SET(store.set(budget({}, 2, BudgetPeriod::Week, BudgetMetric::Requests)));
        QVERIFY_SET(store.set(budget(QStringLiteral("dan"), 5, BudgetPeriod::Week, BudgetMetric::Requests)));
        QVERIFY_SET(store.set(budget(QStringLiteral("dan"), 30'000'000, BudgetPeriod::Week, BudgetMetric::Usd, 0,
                                 QStringLiteral("openai"))));
        Tracker tracker(*db, PriceBook::builtIn(), clocked());
        QVERIFY(tracker.trackBatch({call(QStringLiteral("dan"), m_now, QStringLiteral("other")),
                                    call(QStringLiteral("dan"), m_now, QStringLiteral("other"))})
                    .budgetBlocked.isEmpty());
        QVERIFY(tracker.trackBatch({call(QStringLiteral("dan"), m_now)}).budgetBlocked.isEmpty());
        const BatchOutcome second = tracker.trackBatch({call(QStringLiteral("dan"), m_now)});
        QCOMPARE(second.budgetBlocked, QStringList{QStringLiteral("dan")});
        QSqlQuery query(db->sql());
        QVERIFY(query.exec(QStringLiteral("SELECT block_reason FROM api_usage_stats WHERE user_id = 'dan'")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("Budget exceeded: $0.03 of $0.03 this week (openai)"));
    }

    void aBatchOfManyUsersMeetsTheirOwnBudgets_data()
    {
        QTest::addColumn<int>("othersBudgets");
        QTest::newRow("a few budgets, read whole") << 0;
        QTest::newRow("more budgets than are read whole") << 1100;
    }

    // A batch of sixty users finds each one's own budget and the default,
    // whether the budgets table is read whole or by lists of users.
    void aBatchOfManyUsersMeetsTheirOwnBudgets()
    {
        QFETCH(int, othersBudgets);
        auto db = newUsageDatabase(m_dir, QStringLiteral("many%1").arg(othersBudgets));
        QVERIFY(db);
        BudgetStore store(*db);
        // Three requests a week for everyone; u010 has two, u055 one.
        QVERIFY_SET(store.set(budget({}, 3, BudgetPeriod::Week, BudgetMetric::Requests)));
        QVERIFY_SET(store.set(budget(QStringLiteral("u010"), 2, BudgetPeriod::Week, BudgetMetric::Requests)));
        QVERIFY_SET(store.set(budget(QStringLiteral("u055"), 1, BudgetPeriod::Week, BudgetMetric::Requests)));
        // Budgets of one request for users who make no call in the batch.
        QString error;
        QVERIFY(db->begin(&error));
        QSqlQuery insert(db->sql());
        QVERIFY(insert.prepare(QStringLiteral("INSERT INTO meterdesk_budgets (user_id, service, metric, period, "
                                              "limit_value, soft_percent, set_by, set_at) "
                                              "VALUES (?, '', 'requests', 'week', 1, 0, 'test', ?)")));
        for (int i = 0; i < othersBudgets; ++i) {
            insert.addBindValue(QStringLiteral("other-%1").arg(i, 4, 10, QLatin1Char('0')));
            insert.addBindValue(QStringLiteral("2026-11-01 00:00:00"));
            QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        }
        QVERIFY(db->commit(&error));
        QList<UsageEvent> batch;
        for (int i = 0; i < 60; ++i) {
            const QString user = QStringLiteral("u%1").arg(i, 3, 10, QLatin1Char('0'));
            const int calls = i == 10 ? 2 : i == 20 ? 3 : 1;
            for (int c = 0; c < calls; ++c)
                batch << call(user, m_now);
        }
        Tracker tracker(*db, PriceBook::builtIn(), clocked());
        const BatchOutcome outcome = tracker.trackBatch(batch);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QStringList blocked = outcome.budgetBlocked;
        blocked.sort();
        // u010 reached its own two, u020 the default three, u055 its own one.
        QCOMPARE(blocked, (QStringList{QStringLiteral("u010"), QStringLiteral("u020"), QStringLiteral("u055")}));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM api_usage_stats WHERE is_blocked = %1")
                                .arg(db->isPostgres() ? QStringLiteral("true") : QStringLiteral("1"))),
                 3);
    }

    void badBudgetsAreRefusedAndTheSameScopeReplaces()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("bad"));
        QVERIFY(db);
        BudgetStore store(*db);
        QVERIFY(store.set(budget({}, 0, BudgetPeriod::Day)).error.contains(QStringLiteral("more than zero")));
        QVERIFY(store.set(budget({}, -5, BudgetPeriod::Day)).error.contains(QStringLiteral("more than zero")));
        QVERIFY(store.set(budget({}, 5, BudgetPeriod::Day, BudgetMetric::Usd, 100)).error.contains(QStringLiteral("1 to 99")));
        QVERIFY(store.set(budget({}, 5, BudgetPeriod::Day, BudgetMetric::Usd, 0, QStringLiteral("nosuch")))
                    .error.contains(QStringLiteral("unknown service \"nosuch\"")));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM meterdesk_budgets")), 0);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM admin_audit_log")), 0);
        // A user not seen yet may have a budget; setting the same scope again
        // replaces it, and says so.
        bool replaced = true;
        QVERIFY_SET(store.set(budget(QStringLiteral("later"), 5, BudgetPeriod::Day), &replaced));
        QVERIFY(!replaced);
        QVERIFY_SET(store.set(budget(QStringLiteral("later"), 7, BudgetPeriod::Day), &replaced));
        QVERIFY(replaced);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM meterdesk_budgets")), 1);
        QCOMPARE(count(*db, QStringLiteral("SELECT limit_value FROM meterdesk_budgets")), 7);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM admin_audit_log WHERE action = 'budget-set'")), 2);
        const qint64 id = count(*db, QStringLiteral("SELECT id FROM meterdesk_budgets"));
        QVERIFY(store.remove(id).ok);
        QVERIFY(store.remove(id).error.contains(QStringLiteral("no budget has the id")));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM meterdesk_budgets")), 0);
    }

    // Four writers record for the same user at once, each asking the guard
    // before each call: the user is blocked exactly once, and the spend
    // passes the limit by at most the calls already in flight (one each).
    void fourWritersBlockExactlyOnce()
    {
        QString url;
        auto db = newUsageDatabase(m_dir, QStringLiteral("four"), &url);
        QVERIFY(db);
        constexpr qint64 Limit = 40 * CallNanos;
        constexpr int Writers = 4;
        QVERIFY_SET(BudgetStore(*db).set(budget({}, Limit, BudgetPeriod::Month)));
        std::atomic<int> failures = 0, blocks = 0, refusedAfter = 0;
        QVERIFY(together(Writers, url, [&](Database &connection) {
            Tracker tracker(connection, PriceBook::builtIn(), clocked());
            AccessGuard guard(connection);
            guard.setClock([this] { return m_now; });
            for (int i = 0; i < 100; ++i) {
                if (!guard.check(QStringLiteral("eve")).allowed) {
                    ++refusedAfter;
                    return;
                }
                const BatchOutcome outcome = tracker.trackBatch({call(QStringLiteral("eve"), m_now)});
                failures += outcome.ok ? 0 : 1;
                blocks += int(outcome.budgetBlocked.size());
            }
        }));
        QCOMPARE(failures.load(), 0);
        QCOMPARE(blocks.load(), 1);
        QCOMPARE(refusedAfter.load(), Writers);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM admin_audit_log WHERE action = 'budget-block'")), 1);
        const qint64 spent = count(*db, QStringLiteral("SELECT sum(cost_nanos) FROM api_usage_tracking"));
        const qint64 overshoot = spent - Limit;
        qInfo("spent %lld nano-dollars against a limit of %lld: %lld call(s) past it", spent, Limit, overshoot / CallNanos);
        QVERIFY(spent >= Limit);
        QVERIFY2(overshoot < Writers * CallNanos, qPrintable(QString::number(overshoot)));
    }

    // Eight callers reserve each call's most before making it: the limit is
    // never passed by more than one call's reserved-minus-real.
    void eightReservingCallersNeverPassTheLimit()
    {
        QString url;
        auto db = newUsageDatabase(m_dir, QStringLiteral("eight"), &url);
        QVERIFY(db);
        constexpr qint64 Limit = 50 * CallNanos;
        QVERIFY_SET(BudgetStore(*db).set(budget(QStringLiteral("fay"), Limit, BudgetPeriod::Day)));
        std::atomic<int> failures = 0, reserved = 0, refused = 0;
        QVERIFY(together(8, url, [&](Database &connection) {
            const PriceBook &prices = PriceBook::builtIn();
            Tracker tracker(connection, prices, clocked());
            AccessGuard guard(connection, prices);
            guard.setClock([this] { return m_now; });
            for (int i = 0; i < 1000; ++i) {
                // At most 100,000 input and 1,000 output tokens
                // ($0.0156); the call uses 100,000 and none.
                ReservationRequest request{QStringLiteral("fay"), QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"),
                                           TokenCounts{CallInput, 1'000, 0, 0}, 600};
                const Reservation r = guard.reserve(request);
                if (!r.allowed) {
                    ++refused;
                    failures += r.unknown ? 1 : 0;
                    return;
                }
                ++reserved;
                UsageEvent e = call(QStringLiteral("fay"), m_now);
                e.reservationId = r.id;
                failures += tracker.trackBatch({e}).ok ? 0 : 1;
            }
        }));
        QCOMPARE(failures.load(), 0);
        QCOMPARE(refused.load(), 8);
        const qint64 spent = count(*db, QStringLiteral("SELECT sum(cost_nanos) FROM api_usage_tracking"));
        QCOMPARE(spent, reserved.load() * CallNanos);
        constexpr qint64 Difference = 1'000 * 600; // 1,000 output tokens at $0.60 per 1M
        QVERIFY2(spent <= Limit + Difference, qPrintable(QString::number(spent)));
        // Every reservation settled by its call.
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM meterdesk_reservations")), 0);
    }

    void aReservationNeverSettledExpires()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("expire"));
        QVERIFY(db);
        QVERIFY_SET(BudgetStore(*db).set(budget({}, 1, BudgetPeriod::Day, BudgetMetric::Requests)));
        AccessGuard guard(*db, PriceBook::builtIn());
        guard.setClock([this] { return m_now; });
        ReservationRequest request{QStringLiteral("gus"), QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"),
                                   TokenCounts{10, 10, 0, 0}, 60};
        QVERIFY(guard.reserve(request).allowed);
        const Reservation second = guard.reserve(request);
        QVERIFY(!second.allowed);
        QVERIFY2(second.message.startsWith(QStringLiteral("Budget would be exceeded")), qPrintable(second.message));
        m_now = m_now.addSecs(61);
        QVERIFY(guard.reserve(request).allowed);
    }

    // LiteLLM #40095: first calls of a user nobody has seen yet skipped the
    // default budget. Here four at once reserve for a new user; the default
    // of one request a day lets exactly one through.
    void concurrentFirstCallsOfANewUserMeetTheDefault()
    {
        QString url;
        auto db = newUsageDatabase(m_dir, QStringLiteral("newcomer"), &url);
        QVERIFY(db);
        QVERIFY_SET(BudgetStore(*db).set(budget({}, 1, BudgetPeriod::Day, BudgetMetric::Requests)));
        std::atomic<int> allowed = 0, unknown = 0;
        QVERIFY(together(4, url, [&](Database &connection) {
            AccessGuard guard(connection, PriceBook::builtIn());
            guard.setClock([this] { return m_now; });
            const Reservation r = guard.reserve({QStringLiteral("brand-new"), QStringLiteral("openai"),
                                                 QStringLiteral("gpt-4o-mini"), TokenCounts{10, 10, 0, 0}, 60});
            allowed += r.allowed ? 1 : 0;
            unknown += r.unknown ? 1 : 0;
        }));
        QCOMPARE(unknown.load(), 0);
        QCOMPARE(allowed.load(), 1);
    }

    // The original web app's writer on PostgreSQL: its trigger counts the
    // row and enforces the same budgets in the same transaction, with the
    // same words as the C++ rules.
    void theOriginalWritersCallsMeetTheBudgetsToo()
    {
        if (!usePostgres())
            QSKIP("the original writer's trigger is PostgreSQL's");
        auto db = newUsageDatabase(m_dir, QStringLiteral("legacy"));
        QVERIFY(db);
        Budget monthly = budget({}, 40'000'000, BudgetPeriod::Month, BudgetMetric::Usd, 50);
        QVERIFY_SET(BudgetStore(*db).set(monthly));
        QVERIFY(execOn(*db, QStringLiteral("INSERT INTO users (id) VALUES ('old')")));
        QString error;
        for (int i = 0; i < 2; ++i)
            QVERIFY2(seedWriterTrack(*db, QStringLiteral("old"), QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"),
                                     int(CallInput), 0, 0.01, &error),
                     qPrintable(error));
        QVERIFY(AccessGuard(*db).check(QStringLiteral("old")).allowed);
        // $0.03 of $0.04: the soft alert, worded as the C++ rules word it.
        monthly.id = count(*db, QStringLiteral("SELECT id FROM meterdesk_budgets"));
        BudgetUse use;
        use.budget = monthly;
        use.userId = QStringLiteral("old");
        use.spent = 2 * CallNanos;
        QSqlQuery query(db->sql());
        QVERIFY(query.exec(QStringLiteral("SELECT message FROM meterdesk_alerts WHERE kind = 'budget-soft'")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("%1 of %2 used %3 (50% alert)")
                                                .arg(monthly.spentText(use.spent), monthly.describe(), thisPeriod(monthly.period)));
        QVERIFY2(seedWriterTrack(*db, QStringLiteral("old"), QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"),
                                 int(CallInput), 0, 0.01, &error),
                 qPrintable(error));
        use.spent = 3 * CallNanos;
        const AccessDecision decision = AccessGuard(*db).check(QStringLiteral("old"));
        QVERIFY(!decision.allowed);
        QVERIFY(decision.byBudget);
        QCOMPARE(decision.reason, use.blockReason());
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM meterdesk_alerts WHERE kind = 'budget-block'")), 1);
        const auto chain = verifyAuditChain(*db, &error);
        QVERIFY2(chain && chain->intact(), qPrintable(chain ? chain->problem : error));
    }

    // The words of amounts in SQL (for the original writer) and in C++.
    void amountsAreWordedAlikeInSqlAndCpp()
    {
        if (!usePostgres())
            QSKIP("the SQL twin is PostgreSQL's");
        auto db = newUsageDatabase(m_dir, QStringLiteral("words"));
        QVERIFY(db);
        QSqlQuery query(db->sql());
        QVERIFY(query.prepare(QStringLiteral("SELECT meterdesk_budget_amount(CAST(? AS bigint), CAST(? AS text), CAST(? AS boolean))")));
        const QList<qint64> values{0, 1, 999, 1'000, 1'234'567, 10'000'000, 45'000'000, 105'000'000, 999'999'999,
                                   1'000'000'000, 1'234'567'890, 1'005'000'000, 51'200'000'000, 1'234'567'000'000'000};
        for (BudgetMetric metric : {BudgetMetric::Usd, BudgetMetric::Requests}) {
            Budget b;
            b.metric = metric;
            for (qint64 value : values) {
                for (bool spent : {false, true}) {
                    query.addBindValue(value);
                    query.addBindValue(metricName(metric));
                    query.addBindValue(spent);
                    QVERIFY2(query.exec() && query.next(), qPrintable(query.lastError().text()));
                    QCOMPARE(query.value(0).toString(), spent ? b.spentText(value) : b.amount(value));
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestBudgets)
#include "tst_budgets.moc"
