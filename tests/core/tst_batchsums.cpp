// A batch's sums per aggregate: each row's counters, the rows' order (the
// order the upserts lock rows in) and each user's last activity, against
// maps keyed by tuples of strings, as the Tracker once summed them. Users
// whose ids differ only in case or lie outside ASCII, days across a week's
// and a year's end, and a cost that leaves 64 bits.
#include <queries/DateRange.h>
#include <tracking/BatchSums.h>

#include <QMap>
#include <QRandomGenerator>
#include <QTest>

#include <stdexcept>
#include <tuple>

using namespace meterdesk;

namespace {

struct Call
{
    QString user, service, model, endpoint, stamp;
    TokenCounts tokens;
    qint64 cost = 0;
    bool priced = true;
};

// The reference: what each aggregate gets, summed independently.
struct Expected
{
    QMap<QString, Counters> perUser;
    QMap<QString, QString> lastActivity;
    QMap<std::tuple<QString, QString>, Counters> perUserService;
    QMap<std::tuple<QString, QString, QString, QString>, Counters> perDay;
    QMap<std::tuple<QString, QString, QString>, Counters> perWeek;
    QMap<std::tuple<QString, QString, QString, QString>, Counters> perDayService;
};

void addTo(Counters &c, const Call &call)
{
    c.requests += 1;
    c.input += call.tokens.input;
    c.output += call.tokens.output;
    c.cachedInput += call.tokens.cachedInput;
    c.cacheWrite += call.tokens.cacheWrite;
    c.costNanos += call.cost;
    c.unpriced += call.priced ? 0 : 1;
}

Expected expected(const QList<Call> &calls)
{
    Expected e;
    for (const Call &call : calls) {
        const QString day = call.stamp.left(10);
        // The Monday: back from the day by its weekday (1 is Monday).
        const QDate date = QDate::fromString(day, Qt::ISODate);
        const QString monday = date.addDays(1 - date.dayOfWeek()).toString(Qt::ISODate);
        addTo(e.perUser[call.user], call);
        QString &last = e.lastActivity[call.user];
        last = qMax(last, call.stamp);
        addTo(e.perUserService[{call.user, call.service}], call);
        addTo(e.perDay[{day, call.user, call.service, call.model}], call);
        addTo(e.perWeek[{monday, call.user, call.service}], call);
        addTo(e.perDayService[{day, call.service, call.model, call.endpoint}], call);
    }
    return e;
}

bool same(const Counters &a, const Counters &b)
{
    return a.requests == b.requests && a.input == b.input && a.output == b.output &&
           a.cachedInput == b.cachedInput && a.cacheWrite == b.cacheWrite &&
           a.costNanos == b.costNanos && a.unpriced == b.unpriced;
}

template <typename Key, int N>
QString compareRows(const QMap<Key, Counters> &expected, const QList<BatchSums::Row<N>> &rows)
{
    if (rows.size() != expected.size())
        return QStringLiteral("%1 rows, expected %2").arg(rows.size()).arg(expected.size());
    qsizetype i = 0;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it, ++i) {
        std::array<QString, N> key;
        std::apply([&](const auto &...parts) { key = {parts...}; }, it.key());
        for (int k = 0; k < N; ++k)
            if (rows[i].key[k] != key[k])
                return QStringLiteral("row %1: key part %2 is \"%3\", expected \"%4\"")
                    .arg(i)
                    .arg(k)
                    .arg(rows[i].key[k].toString(), key[k]);
        if (!same(rows[i].counters, it.value()))
            return QStringLiteral("row %1: other counters").arg(i);
    }
    return {};
}

QList<Call> randomCalls(quint32 seed, int count, int dayShift = 0)
{
    QRandomGenerator random(seed);
    const QStringList users{QStringLiteral("b"),       QStringLiteral("B"),
                            QStringLiteral("ä"),       QStringLiteral("Z"),
                            QStringLiteral("user-10"), QStringLiteral("user-9"),
                            QStringLiteral("日本"),    QStringLiteral("😀"),
                            QStringLiteral("\uFFFD"),  QStringLiteral("a b")};
    const QStringList services{QStringLiteral("openai"), QStringLiteral("anthropic"),
                               QStringLiteral("google")};
    const QStringList models{QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini"),
                             QStringLiteral("claude")};
    const QStringList endpoints{QString(), QStringLiteral("chat"), QStringLiteral("embeddings")};
    // Sunday and Monday across a week's end, and the last day of a year.
    const QList<QDate> days{QDate(2026, 11, 29), QDate(2026, 11, 30), QDate(2026, 12, 31),
                            QDate(2027, 1, 1)};
    QList<Call> calls;
    for (int i = 0; i < count; ++i) {
        Call call;
        call.user = users[random.bounded(int(users.size()))];
        call.service = services[random.bounded(int(services.size()))];
        call.model = models[random.bounded(int(models.size()))];
        call.endpoint = endpoints[random.bounded(int(endpoints.size()))];
        const QDateTime at(days[random.bounded(int(days.size()))].addDays(dayShift),
                           QTime(0, 0).addSecs(random.bounded(86400)), Qt::UTC);
        call.stamp = at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        call.tokens = {random.bounded(5000), random.bounded(900), random.bounded(3) * 100,
                       random.bounded(2) * 50};
        call.cost = random.bounded(1'000'000);
        call.priced = random.bounded(5) != 0;
        calls.append(call);
    }
    return calls;
}

void sumAll(BatchSums &sums, const QList<Call> &calls)
{
    for (const Call &call : calls)
        sums.add(call.user, call.service, call.model, call.endpoint, call.stamp, call.tokens,
                 call.cost, call.priced);
    sums.finish();
}

} // namespace

class TestBatchSums : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sumsEachAggregateInKeyOrder_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<int>("count");
        QTest::newRow("one call") << 1u << 1;
        QTest::newRow("twenty") << 2u << 20;
        QTest::newRow("a thousand") << 3u << 1000;
        QTest::newRow("another thousand") << 4u << 1000;
    }

    void sumsEachAggregateInKeyOrder()
    {
        QFETCH(quint32, seed);
        QFETCH(int, count);
        const QList<Call> calls = randomCalls(seed, count);
        BatchSums sums;
        sumAll(sums, calls);
        const Expected e = expected(calls);

        QCOMPARE(sums.users(), e.perUser.keys());
        QCOMPARE(sums.perUser().size(), e.perUser.size());
        for (const BatchSums::UserRow &row : sums.perUser()) {
            QVERIFY2(same(row.counters, e.perUser.value(row.user.toString())),
                     qPrintable(row.user.toString()));
            QCOMPARE(row.lastActivity.toString(), e.lastActivity.value(row.user.toString()));
        }
        QString problem = compareRows(e.perUserService, sums.perUserService());
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("per user and service: ") + problem));
        problem = compareRows(e.perDay, sums.perDay());
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("per day: ") + problem));
        problem = compareRows(e.perWeek, sums.perWeek());
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("per week: ") + problem));
        problem = compareRows(e.perDayService, sums.perDayService());
        QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("per day and service: ") + problem));
    }

    void aBatchAfterAClearIsSummedAlone()
    {
        // One BatchSums for batch after batch, as the Tracker keeps it.
        BatchSums sums;
        const QList<Call> first = randomCalls(7, 500), second = randomCalls(8, 300, 3);
        sumAll(sums, first);
        sums.clear();
        sumAll(sums, second);
        const Expected e = expected(second);
        QCOMPARE(sums.users(), e.perUser.keys());
        QString problem = compareRows(e.perDay, sums.perDay());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        problem = compareRows(e.perWeek, sums.perWeek());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        for (const BatchSums::UserRow &row : sums.perUser())
            QCOMPARE(row.lastActivity.toString(), e.lastActivity.value(row.user.toString()));
    }

    void anEmptyEndpointIsTextNotNull()
    {
        BatchSums sums;
        const QString stamp = QStringLiteral("2026-11-30 10:00:00.000");
        sums.add(u"u", u"openai", u"gpt-4o", QStringView(), stamp, {1, 1, 0, 0}, 5, true);
        sums.finish();
        QCOMPARE(sums.perDayService().size(), 1);
        QVERIFY(sums.perDayService().first().key[3].isEmpty());
        QCOMPARE(sums.perWeek().first().key[0], QStringView(u"2026-11-30"));
    }

    void aCostBeyondSixtyFourBitsIsRefused()
    {
        BatchSums sums;
        const QString stamp = QStringLiteral("2026-11-30 10:00:00.000");
        sums.add(u"u", u"openai", u"gpt-4o", u"", stamp, {1, 1, 0, 0},
                 std::numeric_limits<qint64>::max(), true);
        sums.add(u"u", u"openai", u"gpt-4o", u"", stamp, {1, 1, 0, 0}, 1, true);
        QVERIFY_THROWS_EXCEPTION(std::overflow_error, sums.finish());
    }
};

QTEST_APPLESS_MAIN(TestBatchSums)
#include "tst_batchsums.moc"
