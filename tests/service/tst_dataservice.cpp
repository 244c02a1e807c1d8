// DataService on its worker thread, with a QCoreApplication only: a load
// answers with the totals the test recorded, a stale answer is dropped, and
// an admin action comes back with what it changed, read from the database.
#include "TestSupport.h"

#include <DataService.h>
#include <budgets/BudgetStore.h>
#include <money/PriceBook.h>
#include <queries/Queries.h>
#include <storage/Timestamps.h>
#include <tracking/Tracker.h>

#include <QCoreApplication>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringMatcher>
#include <QTest>

using namespace meterdesk;
using namespace meterdesk::test;

namespace {

// 1,000 input tokens of gpt-4o: $0.0025 at $2.50 per 1M input tokens.
UsageEvent call(const QString &userId, const QDateTime &when)
{
    UsageEvent e;
    e.userId = userId;
    e.service = QStringLiteral("openai");
    e.model = QStringLiteral("gpt-4o");
    e.tokens = {1000, 0, 0, 0};
    e.timestamp = when;
    return e;
}

// Opens the service on `url` and waits until it is open.
bool openOn(DataService &service, const QString &url)
{
    QSignalSpy opened(&service, &DataService::opened);
    QString error;
    service.open(*ConnectionSpec::parse(url, &error), false);
    return opened.wait(10'000);
}

} // namespace

class TestDataService : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_url;

private Q_SLOTS:
    void initTestCase()
    {
        if (usePostgres())
            METERDESK_REQUIRE_PG();
        // A plain QCoreApplication: the service needs no GUI (this test links no QtGui).
        QCOMPARE(QCoreApplication::instance()->metaObject()->className(), "QCoreApplication");
        auto db = newUsageDatabase(m_dir, QStringLiteral("service"), &m_url);
        QVERIFY(db);
        QList<UsageEvent> events;
        for (int i = 0; i < 30; ++i) // $0.0025 each
            events << call(QStringLiteral("u%1").arg(i % 3), QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC));
        QVERIFY(Tracker(*db, PriceBook::builtIn()).trackBatch(events).ok);
    }

    void loadsAndDropsStaleAnswers()
    {
        DataService service;
        QSignalSpy opened(&service, &DataService::opened);
        QString error;
        service.open(*ConnectionSpec::parse(m_url, &error), false);
        QVERIFY(opened.wait(10'000));
        QVERIFY(opened.first().at(1).value<Capabilities>().canBlock);

        QSignalSpy loaded(&service, &DataService::loaded);
        service.load(DateRange::lastDays(7, QDate(2026, 3, 1)), Bucket::Day); // superseded at once
        const quint64 newest = service.load(DateRange::allTime(), std::nullopt);
        QVERIFY(loaded.wait(10'000));
        QTest::qWait(200);
        QCOMPARE(loaded.size(), 1);
        const auto data = loaded.first().at(0).value<DashboardData>();
        QCOMPARE(data.requestId, newest);
        QCOMPARE(data.overview.totalRequests, 30);
        QCOMPARE(data.overview.totalCost.toString(6), QStringLiteral("0.075000"));
        QCOMPARE(data.users.size(), 3);
        QCOMPARE(data.overview.activeUsers, 3);
    }

    // A load counts its active and blocked users from its rows: a blocked
    // user with no calls in the range still counts, a budget's block whose
    // period ended does not. overview() counts the same in SQL.
    void aLoadCountsBlockedUsersAsTheDatabaseDoes()
    {
        QString url;
        auto db = newUsageDatabase(m_dir, QStringLiteral("counts"), &url);
        QVERIFY(db);
        QList<UsageEvent> events;
        for (int i = 0; i < 4; ++i)
            events << call(QStringLiteral("c%1").arg(i), QDateTime(QDate(2026, 3, i + 1), QTime(12, 0), Qt::UTC));
        QVERIFY(Tracker(*db, PriceBook::builtIn()).trackBatch(events).ok);
        const QString block = QStringLiteral("UPDATE api_usage_stats SET is_blocked = ?, block_reason = 'test', "
                                             "block_source = ?, block_until = ? WHERE user_id = ?");
        const QDateTime past(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC), future(QDate(2099, 1, 1), QTime(0, 0), Qt::UTC);
        QSqlQuery query(db->sql());
        for (const auto &[user, source, until] : {std::tuple{"c0", "admin", QVariant()},
                                                 std::tuple{"c1", "budget", QVariant(sqlTimestamp(future))},
                                                 std::tuple{"c2", "budget", QVariant(sqlTimestamp(past))}}) {
            QVERIFY(query.prepare(block));
            query.addBindValue(true);
            query.addBindValue(QString::fromLatin1(source));
            query.addBindValue(until);
            query.addBindValue(QString::fromLatin1(user));
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }

        DataService service;
        QVERIFY(openOn(service, url));
        QSignalSpy loaded(&service, &DataService::loaded);
        QString error;
        // c3 alone called on 4 March; c0 and c1 are blocked, c2 no longer.
        const DateRange fourth{QDate(2026, 3, 4), QDate(2026, 3, 4)};
        for (const DateRange &range : {fourth, DateRange::allTime()}) {
            service.load(range, Bucket::Day);
            QVERIFY(loaded.wait(10'000));
            const auto data = loaded.takeFirst().at(0).value<DashboardData>();
            const auto counted = Queries(*db).overview(range, &error);
            QVERIFY2(counted, qPrintable(error));
            QCOMPARE(data.overview.blockedUsers, 2);
            QCOMPARE(counted->blockedUsers, 2);
            QCOMPARE(data.overview.activeUsers, range.isAllTime() ? 4 : 1);
            QCOMPARE(counted->activeUsers, data.overview.activeUsers);
        }
    }

    // After the guardrails, the next load's rows come with the values the
    // table was sent (RowGuardrails): it need not write into them.
    void aReloadComesWithTheGuardrailsItWasSent()
    {
        QString url;
        auto db = newUsageDatabase(m_dir, QStringLiteral("stamped"), &url);
        QVERIFY(db);
        QList<UsageEvent> events;
        for (int i = 0; i < 6; ++i) // $0.0025 each
            events << call(i < 4 ? QStringLiteral("s1") : QStringLiteral("s2"), QDateTime::currentDateTimeUtc());
        QVERIFY(Tracker(*db, PriceBook::builtIn()).trackBatch(events).ok);
        Budget budget;
        budget.userId = QStringLiteral("s1");
        budget.limit = 40'000'000; // $0.04 a month in nano-dollars; s1 spent $0.01 of it: 250 permille
        QVERIFY(BudgetStore(*db).set(budget).ok);

        DataService service;
        QVERIFY(openOn(service, url));
        QSignalSpy loaded(&service, &DataService::loaded);
        QSignalSpy guardrails(&service, &DataService::guardrailsLoaded);
        service.load(DateRange::allTime(), std::nullopt);
        QVERIFY(loaded.wait(10'000));
        for (const UserRow &row : loaded.takeFirst().at(0).value<DashboardData>().users)
            QCOMPARE(row.suggestedRisk, -1); // none sent yet
        service.loadGuardrails();
        QVERIFY(guardrails.wait(10'000));
        const auto sent = guardrails.takeFirst().at(0).value<GuardrailData>();
        QVERIFY2(sent.error.isEmpty(), qPrintable(sent.error));
        service.load(DateRange::allTime(), std::nullopt);
        QVERIFY(loaded.wait(10'000));
        const auto users = loaded.takeFirst().at(0).value<DashboardData>().users;
        QCOMPARE(users.size(), 2);
        for (const UserRow &row : users) {
            QCOMPARE(row.suggestedRisk, sent.suggestions.value(row.userId).score);
            QCOMPARE(row.budgetPermille, row.userId == u"s1" ? qint64(250) : qint64(-1));
        }
    }

    // A load's rows come in the order the table asked for.
    void aLoadComesInTheTablesOrder()
    {
        DataService service;
        QVERIFY(openOn(service, m_url));
        const QList<UserColumn> columns = userColumns(InDashboard);
        const auto column = [&](const QString &csvName) {
            for (qsizetype i = 0; i < columns.size(); ++i)
                if (columns[i].csvName == csvName)
                    return int(i);
            return -1;
        };
        QSignalSpy loaded(&service, &DataService::loaded);
        // initTestCase's u0, u1, u2, without names: shown by their ids, descending, then ascending.
        for (const auto &[order, ids] :
             {std::pair{
                  UserOrder{column(QStringLiteral("user")), true, true},
                  QStringList{QStringLiteral("u2"), QStringLiteral("u1"), QStringLiteral("u0")}},
              std::pair{
                  UserOrder{column(QStringLiteral("user")), false},
                  QStringList{QStringLiteral("u0"), QStringLiteral("u1"), QStringLiteral("u2")}}}) {
            QVERIFY(order.column >= 0);
            service.setUserOrder(order);
            service.load(DateRange::allTime(), std::nullopt);
            QVERIFY(loaded.wait(10'000));
            const DashboardData data = loaded.takeFirst().at(0).value<DashboardData>();
            QStringList got;
            for (const UserRow &row : data.users)
                got << row.userId;
            QCOMPARE(got, ids);
            // With the column's keys, in the same order, for the table to take.
            QCOMPARE(data.userKeys.column(), &dashboardColumns().at(order.column));
            QCOMPARE(data.userKeys.size(), data.users.size());
            for (qsizetype i = 1; i < data.userKeys.size(); ++i)
                QVERIFY(order.descending ? data.userKeys[i - 1] > data.userKeys[i] : data.userKeys[i - 1] < data.userKeys[i]);
            // While the table has a search, with the rows' text for it.
            QCOMPARE(data.userSearch.size(), order.searching ? data.users.size() : 0);
            if (order.searching)
                QVERIFY(data.userSearch.contains(
                    0, QStringMatcher(SearchText::fold(QStringLiteral("U2")), Qt::CaseSensitive)));
        }
    }

    void anActionComesBackWithWhatItChanged()
    {
        DataService service;
        QVERIFY(openOn(service, m_url));
        QSignalSpy finished(&service, &DataService::actionFinished);
        service.apply(AdminRequest::block({QStringLiteral("u2"), QStringLiteral("u0")}, QStringLiteral("chargeback")));
        QVERIFY(finished.wait(10'000));
        auto outcome = finished.takeFirst().at(0).value<ActionOutcome>();
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.request.kind, AdminRequest::Kind::Block);
        QCOMPARE(outcome.blockedUsers, 2);
        QCOMPARE(outcome.after.size(), 2);
        for (const AdminState &state : outcome.after) {
            QVERIFY(state.blocked);
            QCOMPARE(state.blockReason, QStringLiteral("chargeback"));
        }

        service.apply(AdminRequest::setRisk({QStringLiteral("u0")}, 70));
        QVERIFY(finished.wait(10'000));
        outcome = finished.takeFirst().at(0).value<ActionOutcome>();
        QVERIFY(outcome.ok);
        QCOMPARE(outcome.after.value(0).riskScore, 70);
        QVERIFY(outcome.after.value(0).blocked); // untouched by a risk change

        service.apply(AdminRequest::unblock({QStringLiteral("u0"), QStringLiteral("u2")}));
        QVERIFY(finished.wait(10'000));
        outcome = finished.takeFirst().at(0).value<ActionOutcome>();
        QCOMPARE(outcome.blockedUsers, 0);

        // Refused: a risk score out of range changes nothing.
        service.apply(AdminRequest::setRisk({QStringLiteral("u1")}, 101));
        QVERIFY(finished.wait(10'000));
        outcome = finished.takeFirst().at(0).value<ActionOutcome>();
        QVERIFY(!outcome.ok);
        QVERIFY(outcome.error.contains(QStringLiteral("0 to 100")));
        QVERIFY(outcome.after.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDataService)
#include "tst_dataservice.moc"
