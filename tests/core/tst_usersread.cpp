// The users table's and the totals' reads against what the database holds
// by other means: each user's own name whatever order the ids come in, and
// SQLite's totals summed by Meterdesk equal to the GROUP BY they replace.
#include "TestSupport.h"

#include <money/PriceBook.h>
#include <queries/Queries.h>
#include <queries/UsersSnapshot.h>
#include <tracking/Tracker.h>

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace meterdesk;
using namespace meterdesk::test;

namespace {

UsageEvent call(const QString &user, const QString &service, const QString &model, qint64 input, QDate day)
{
    UsageEvent e;
    e.userId = user;
    e.service = service;
    e.model = model;
    e.tokens = {input, 0, 0, 0};
    e.timestamp = QDateTime(day, QTime(12, 30), Qt::UTC);
    return e;
}

} // namespace

class TestUsersRead : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        if (usePostgres())
            METERDESK_REQUIRE_PG();
    }

    // The names' scan takes the next stats row's user when its id matches
    // and looks the id up otherwise: users without a stats row between
    // others, ids of one length that differ, ids that are not ASCII.
    void everyUserGetsTheirOwnName()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("names"));
        QVERIFY(db);
        const QStringList ids{QStringLiteral("u01"), QStringLiteral("u02"), QStringLiteral("u03"),
                              QStringLiteral("ué"), QStringLiteral("u05"), QStringLiteral("été"),
                              QStringLiteral("u07"), QStringLiteral("zz")};
        QList<UsageEvent> events;
        for (const QString &id : ids)
            events << call(id, QStringLiteral("openai"), QStringLiteral("gpt-4o"), 1000, QDate(2026, 3, 2));
        QVERIFY(Tracker(*db, PriceBook::builtIn()).trackBatch(events).ok);
        // Users without calls, between and around those with them.
        QSqlQuery query(db->sql());
        for (const QString &id : {QStringLiteral("u015"), QStringLiteral("u0"), QStringLiteral("u04"),
                                  QStringLiteral("uè"), QStringLiteral("zzz")}) {
            QVERIFY(query.prepare(QStringLiteral("INSERT INTO users (id) VALUES (?)")));
            query.addBindValue(id);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }
        // Every user's own name; every third without a last name.
        QSqlQuery names(db->sql());
        QVERIFY(names.exec(QStringLiteral("SELECT id FROM users")));
        QStringList all;
        while (names.next())
            all << names.value(0).toString();
        QCOMPARE(all.size(), ids.size() + 5);
        for (qsizetype i = 0; i < all.size(); ++i) {
            QVERIFY(query.prepare(QStringLiteral("UPDATE users SET first_name = ?, last_name = ?, email = ? WHERE id = ?")));
            query.addBindValue(QString(QStringLiteral(" First ") + all[i]));
            query.addBindValue(i % 3 == 0 ? QVariant(QMetaType(QMetaType::QString)) : QVariant(QString(QStringLiteral("Last ") + all[i] + u' ')));
            query.addBindValue(QString(all[i] + QStringLiteral("@example.com")));
            query.addBindValue(all[i]);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }
        QString error;
        const auto rows = Queries(*db).users(DateRange::allTime(), &error);
        QVERIFY2(rows, qPrintable(error));
        QCOMPARE(rows->size(), ids.size());
        for (const UserRow &row : *rows) {
            const qsizetype i = all.indexOf(row.userId);
            QVERIFY(i >= 0);
            QString expected = QStringLiteral("First ") + row.userId;
            if (i % 3 != 0)
                expected += QStringLiteral(" Last ") + row.userId;
            QCOMPARE(row.name, expected);
            QCOMPARE(row.email, row.userId + QStringLiteral("@example.com"));
        }
    }

    // Hundreds of users whose rows come out of id order: looks beside the
    // last row stop paying after a run of misses and are skipped, and every
    // row must still find its user by its id.
    void manyUsersOutOfOrderGetTheirOwnSums()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("many"));
        QVERIFY(db);
        QList<UsageEvent> events;
        QMap<QString, qint64> wantRequests, wantTokens;
        for (int u = 0; u < 600; ++u)
            for (int day = 1; day <= 1 + u % 3; ++day) {
                const QString id = QStringLiteral("user-%1").arg((u * 7919) % 600, 4, 10, QLatin1Char('0'));
                events << call(id, day % 2 ? QStringLiteral("openai") : QStringLiteral("google"), QStringLiteral("gpt-4o"),
                               100 * u + day, QDate(2026, 3, 2 + day));
                ++wantRequests[id];
                wantTokens[id] += 100 * u + day;
            }
        QVERIFY(Tracker(*db, PriceBook::builtIn()).trackBatch(events).ok);
        QString error;
        const auto snapshot = Queries(*db).snapshot(&error);
        QVERIFY2(snapshot, qPrintable(error));
        QList<UserRow> shuffled = snapshot->rows();
        for (qsizetype i = 0; i < shuffled.size(); ++i) // a fixed shuffle: out of id order throughout
            shuffled.swapItemsAt(i, (i * 7 + 3) % shuffled.size());
        UsersSnapshot outOfOrder;
        outOfOrder.update(shuffled);
        const DateRange range{QDate(2026, 3, 3), QDate(2026, 3, 5)};
        for (const UsersSnapshot *known : QList<const UsersSnapshot *>{nullptr, &*snapshot, &outOfOrder}) {
            const auto rows = Queries(*db).users(range, &error, known);
            QVERIFY2(rows, qPrintable(error));
            QCOMPARE(rows->size(), wantRequests.size());
            for (const UserRow &row : *rows) {
                QVERIFY2(row.requests == wantRequests.value(row.userId), qPrintable(row.userId));
                QVERIFY2(row.tokens == wantTokens.value(row.userId), qPrintable(row.userId));
                QCOMPARE(row.perService.value(QStringLiteral("openai")).requests + row.perService.value(QStringLiteral("google")).requests,
                         row.requests);
            }
        }
    }

    // SQLite's totals by service and by model are summed by Meterdesk, not
    // by a GROUP BY: they must equal the GROUP BY's, in its order, with
    // endpoints split over rows, ties of cost, and names that are not ASCII.
    void totalsEqualTheirGroupBy()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("totals"));
        QVERIFY(db);
        QList<UsageEvent> events;
        const QStringList models{QStringLiteral("zeta-unknown"), QStringLiteral("alpha-unknown"),
                                 QStringLiteral("ébène-unknown"), QStringLiteral("beta-unknown")};
        for (int day = 1; day <= 20; ++day)
            for (int i = 0; i < 6; ++i) {
                UsageEvent e = call(QStringLiteral("u%1").arg(i), i % 2 ? QStringLiteral("openai") : QStringLiteral("google"),
                                    i % 3 == 0 ? QStringLiteral("gpt-4o") : models[(day + i) % models.size()],
                                    1000 * (i % 3 + 1), QDate(2026, 3, day));
                e.endpoint = QStringLiteral("/e%1").arg(day % 3);
                events << e;
            }
        QVERIFY(Tracker(*db, PriceBook::builtIn()).trackBatch(events).ok);
        const QString bounds = QStringLiteral(" FROM api_usage_daily_service WHERE day >= ? AND day <= ? ");
        for (const DateRange &range : {DateRange::allTime(), DateRange{QDate(2026, 3, 4), QDate(2026, 3, 11)}}) {
            QString error;
            Queries queries(*db);
            const auto costs = queries.costs(range, &error);
            QVERIFY2(costs, qPrintable(error));
            QSqlQuery query(db->sql());
            QVERIFY(query.prepare(QStringLiteral("SELECT service, model, sum(requests), sum(input_tokens), "
                                                 "sum(cost_nanos), sum(unpriced_requests)") + bounds
                                  + QStringLiteral("GROUP BY service, model ORDER BY sum(cost_nanos) DESC, service, model")));
            query.addBindValue(range.firstDay());
            query.addBindValue(range.lastDay());
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            qsizetype i = 0;
            for (; query.next(); ++i) {
                QVERIFY(i < costs->size());
                const CostRow &row = costs->at(i);
                QCOMPARE(row.service, query.value(0).toString());
                QCOMPARE(row.model, query.value(1).toString());
                QCOMPARE(row.requests, query.value(2).toLongLong());
                QCOMPARE(row.tokens.input, query.value(3).toLongLong());
                QCOMPARE(row.cost.nanos(), query.value(4).toLongLong());
                QCOMPARE(row.unpricedEvents, query.value(5).toLongLong());
            }
            QCOMPARE(i, costs->size());
            QVERIFY(i >= 5);

            const auto overview = queries.overview(range, &error);
            QVERIFY2(overview, qPrintable(error));
            QVERIFY(query.prepare(QStringLiteral("SELECT service, sum(requests), sum(tokens), sum(cost_nanos), "
                                                 "sum(unpriced_requests)") + bounds + QStringLiteral("GROUP BY service")));
            query.addBindValue(range.firstDay());
            query.addBindValue(range.lastDay());
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            qint64 requests = 0, unpriced = 0;
            while (query.next()) {
                const ServiceTotals totals = overview->perService.value(query.value(0).toString());
                QCOMPARE(totals.requests, query.value(1).toLongLong());
                QCOMPARE(totals.tokens, query.value(2).toLongLong());
                QCOMPARE(totals.cost.nanos(), query.value(3).toLongLong());
                requests += query.value(1).toLongLong();
                unpriced += query.value(4).toLongLong();
            }
            QCOMPARE(overview->perService.size(), 2);
            QCOMPARE(overview->totalRequests, requests);
            QCOMPARE(overview->unpricedEvents, unpriced);
        }
    }
};

QTEST_GUILESS_MAIN(TestUsersRead)
#include "tst_usersread.moc"
