// The change feed behind live updates: it reports each committed call once,
// with its user and day, and each audit row; too many calls at once are an
// overflow; on PostgreSQL a call whose transaction took its id early and
// committed late is still reported. Queries::someUsers gives the rows a full
// read gives, checked against counts of the log itself.
#include "TestSupport.h"

#include <admin/AdminActions.h>
#include <money/PriceBook.h>
#include <queries/ChangeFeed.h>
#include <queries/Queries.h>
#include <tracking/Tracker.h>

#include <QTest>

using namespace meterdesk;
using namespace meterdesk::test;

namespace {

const QDate Day = QDate(2026, 11, 20);

UsageEvent call(const QString &user, QDate day = Day, qint64 input = 1'000)
{
    UsageEvent e;
    e.userId = user;
    e.service = QStringLiteral("openai");
    e.model = QStringLiteral("gpt-4o");
    e.tokens.input = input;
    e.tokens.output = 10;
    e.timestamp = QDateTime(day, QTime(10, 0), Qt::UTC);
    return e;
}

bool track(Database &db, const QList<UsageEvent> &events)
{
    return Tracker(db, PriceBook::builtIn()).trackBatch(events).ok;
}

QSet<QString> users(std::initializer_list<const char *> ids)
{
    QSet<QString> set;
    for (const char *id : ids)
        set.insert(QString::fromLatin1(id));
    return set;
}

} // namespace

class TestChangeFeed : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void reportsEachCommittedCallOnce()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("once"));
        QVERIFY(db);
        QVERIFY(track(*db, {call(QStringLiteral("before"))}));
        ChangeFeed feed(*db);
        QString error;
        QVERIFY2(feed.start(&error), qPrintable(error));
        auto nothing = feed.next(100, &error);
        QVERIFY2(nothing, qPrintable(error));
        QCOMPARE(nothing->calls, 0); // what was there before the start is not new
        QVERIFY(nothing->users.isEmpty());

        QVERIFY(track(*db, {call(QStringLiteral("alice")), call(QStringLiteral("bob"), Day.addDays(1)),
                            call(QStringLiteral("alice"))}));
        auto changes = feed.next(100, &error);
        QVERIFY2(changes, qPrintable(error));
        QCOMPARE(changes->calls, 3);
        QCOMPARE(changes->users, users({"alice", "bob"}));
        QCOMPARE(changes->days, (QSet<QDate>{Day, Day.addDays(1)}));
        QVERIFY(!changes->overflow);
        auto again = feed.next(100, &error);
        QVERIFY(again);
        QCOMPARE(again->calls, 0);
    }

    void reportsAdminActionsWithTheirActor()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("audit"));
        QVERIFY(db);
        QVERIFY(track(*db, {call(QStringLiteral("carol"))}));
        ChangeFeed feed(*db);
        QString error;
        QVERIFY(feed.start(&error));
        QVERIFY(AdminActions(*db).block(QStringLiteral("carol"), QStringLiteral("abuse")).ok);
        auto changes = feed.next(100, &error);
        QVERIFY2(changes, qPrintable(error));
        QCOMPARE(changes->audit.size(), 1);
        const AuditChange &change = changes->audit.first();
        QCOMPARE(change.action, QStringLiteral("block"));
        QCOMPARE(change.userId, QStringLiteral("carol"));
        QCOMPARE(change.actor, db->roleName());
        QVERIFY(!change.movesRecordedCosts());
        QCOMPARE(changes->calls, 0);
    }

    void tooManyCallsAreAnOverflow()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("overflow"));
        QVERIFY(db);
        ChangeFeed feed(*db);
        QString error;
        QVERIFY(feed.start(&error));
        QList<UsageEvent> burst;
        for (int i = 0; i < 5; ++i)
            burst << call(QStringLiteral("u%1").arg(i));
        QVERIFY(track(*db, burst));
        auto changes = feed.next(4, &error);
        QVERIFY2(changes, qPrintable(error));
        QVERIFY(changes->overflow);
        QVERIFY(changes->users.isEmpty());
        // The feed starts again past them: the full load has them.
        auto after = feed.next(4, &error);
        QVERIFY(after);
        QVERIFY(!after->overflow);
        QCOMPARE(after->calls, 0);
    }

    void aCallCommittedLateIsStillReported()
    {
        if (!usePostgres())
            QSKIP("SQLite commits one writer at a time, in id order");
        QString url;
        auto db = newUsageDatabase(m_dir, QStringLiteral("late"), &url);
        QVERIFY(db);
        QVERIFY(track(*db, {call(QStringLiteral("early")), call(QStringLiteral("later"))}));
        QString error;
        auto other = Database::open(*ConnectionSpec::parse(url, &error), &error);
        QVERIFY2(other, qPrintable(error));
        ChangeFeed feed(*db);
        QVERIFY(feed.start(&error));
        // The early transaction takes its id first and commits last.
        QVERIFY(other->begin(&error));
        QVERIFY(execOn(*other, QStringLiteral("INSERT INTO api_usage_tracking (user_id, service, endpoint, tokens_used) "
                                              "VALUES ('early', 'openai', 'gpt-4o', 100)")));
        QVERIFY(track(*db, {call(QStringLiteral("later"))}));
        auto first = feed.next(100, &error);
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(first->users, users({"later"}));
        QCOMPARE(first->calls, 1);
        QVERIFY(other->commit(&error));
        auto second = feed.next(100, &error);
        QVERIFY2(second, qPrintable(error));
        QCOMPARE(second->users, users({"early"}));
        QCOMPARE(second->calls, 1);
        auto third = feed.next(100, &error);
        QVERIFY(third);
        QCOMPARE(third->calls, 0);
    }

    void someUsersAreTheRowsOfAFullRead()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("some"));
        QVERIFY(db);
        QVERIFY(track(*db, {call(QStringLiteral("dan")), call(QStringLiteral("dan"), Day.addDays(-40), 5'000),
                            call(QStringLiteral("eve")), call(QStringLiteral("eve")), call(QStringLiteral("fay"))}));
        QVERIFY(AdminActions(*db).block(QStringLiteral("fay"), QStringLiteral("abuse")).ok);
        Queries queries(*db);
        QString error;
        for (const DateRange &range : {DateRange{Day.addDays(-7), Day}, DateRange::allTime()}) {
            auto some = queries.someUsers(range, {QStringLiteral("dan"), QStringLiteral("fay"), QStringLiteral("nobody")},
                                          &error);
            QVERIFY2(some, qPrintable(error));
            QCOMPARE(some->size(), 2);
            for (const UserRow &row : std::as_const(*some)) {
                // Requests and cost from the log itself.
                const QString where = range.isAllTime()
                    ? QStringLiteral("user_id = '%1'").arg(row.userId)
                    : QStringLiteral("user_id = '%1' AND timestamp >= '%2'").arg(row.userId, range.from.toString(Qt::ISODate));
                QCOMPARE(row.requests, scalar(*db, QStringLiteral("SELECT count(*) FROM api_usage_tracking WHERE ") + where));
                QCOMPARE(row.cost.nanos(),
                         scalar(*db, QStringLiteral("SELECT coalesce(sum(cost_nanos), 0) FROM api_usage_tracking WHERE ") + where));
                QCOMPARE(row.blocked, row.userId == QLatin1String("fay"));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestChangeFeed)
#include "tst_changefeed.moc"
