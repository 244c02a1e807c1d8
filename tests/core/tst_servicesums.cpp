// ServiceSums: rollup rows summed per user the same whichever way they come,
// in order of id as they are summed, or in any order kept and grouped by
// their ids' hash, where two ids of one hash must stay two users.

#include <queries/ServiceSums.h>

#include <QTest>

#include <algorithm>
#include <random>

using namespace meterdesk;

namespace {

// One rollup row: user_id, service, requests, tokens, cost_nanos, unpriced.
class ListRow : public SqlRow
{
public:
    QByteArray user, service;
    qint64 numbers[4] = {};

    QString text(int column) const override { return QString::fromUtf8(utf8(column)); }
    QByteArrayView utf8(int column) const override { return column == 0 ? user : service; }
    qint64 integer(int column) const override { return numbers[column - 2]; }
    QDateTime timestamp(int) const override { return {}; }
    bool isNull(int) const override { return false; }
    QVariant value(int column) const override { return column < 2 ? QVariant(text(column)) : QVariant(integer(column)); }
    qsizetype rowsAfter() const override { return after; }
    qsizetype after = -1; // as SQLite; PostgreSQL's results count down
};

size_t allCollide(QByteArrayView, size_t) { return 42; }
size_t byLength(QByteArrayView key, size_t) { return size_t(key.size()) << 40; }

struct Want
{
    qint64 requests = 0, tokens = 0, nanos = 0, unpriced = 0;
    QMap<QString, qint64> serviceNanos;
};

} // namespace

class TestServiceSums : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anyOrderAndAnyHashGiveEachUserTheirRows()
    {
        // Long ids alike but for their ends (past the bytes kept beside the
        // hash), short ones, an empty one and one not ASCII.
        const QList<QByteArray> users{"customer-with-a-long-id-0001", "customer-with-a-long-id-0002",
                                      "customer-with-a-long-id-00010", "ann", "ben", "", "\xc3\xa9l\xc3\xa8ve"};
        // More services than are looked through one by one.
        QList<QByteArray> services{"openai", "anthropic", "google"};
        for (int i = 0; i < 37; ++i)
            services << "service-" + QByteArray::number(i);
        QList<ListRow> rows;
        for (int i = 0; i < 400; ++i) {
            ListRow row;
            row.user = users[i % users.size()];
            row.service = services[(i / 7 + i) % services.size()];
            row.numbers[0] = 1 + i % 3;
            row.numbers[1] = 100 + i;
            row.numbers[2] = 1'000'000 + 7 * i;
            row.numbers[3] = i % 11 == 0 ? 1 : 0;
            rows << row;
        }
        std::shuffle(rows.begin(), rows.end(), std::mt19937(7));
        QMap<QByteArray, Want> want;
        QList<QByteArray> firstSeen;
        for (const ListRow &row : std::as_const(rows)) {
            if (!want.contains(row.user))
                firstSeen << row.user;
            Want &w = want[row.user];
            w.requests += row.numbers[0];
            w.tokens += row.numbers[1];
            w.nanos += row.numbers[2];
            w.unpriced += row.numbers[3];
            w.serviceNanos[QString::fromUtf8(row.service)] += row.numbers[2];
        }

        const QList<std::pair<ServiceSums::Order, ServiceSums::KeyHash>> ways{
            {ServiceSums::Order::ById, hashUtf8Key},
            {ServiceSums::Order::Any, hashUtf8Key},
            {ServiceSums::Order::Any, allCollide},
            {ServiceSums::Order::Any, byLength}};
        // Each way with rows that say how many follow, as PostgreSQL's do,
        // in two results (room made for each), and with rows that do not.
        for (const bool counted : {false, true}) {
            for (const auto &[order, hash] : ways) {
                ServiceSums sums(order, hash);
                for (qsizetype i = 0; i < rows.size(); ++i) {
                    ListRow row = rows[i];
                    if (counted)
                        row.after = i < 150 ? 149 - i : rows.size() - 1 - i;
                    sums.add(row);
                }
                const QList<UserServiceSums> &got = sums.users();
                QCOMPARE(got.size(), firstSeen.size());
                for (qsizetype i = 0; i < got.size(); ++i) {
                    const UserServiceSums &user = got[i];
                    QCOMPARE(user.userId, firstSeen[i]); // in the order of their first rows
                    const Want &w = want[user.userId];
                    QCOMPARE(user.requests, w.requests);
                    QCOMPARE(user.tokens, w.tokens);
                    QCOMPARE(user.cost.nanos(), w.nanos);
                    QCOMPARE(user.unpricedEvents, w.unpriced);
                    QCOMPARE(user.perService.keys(), w.serviceNanos.keys());
                    for (auto it = w.serviceNanos.cbegin(); it != w.serviceNanos.cend(); ++it)
                        QCOMPARE(user.perService.value(it.key()).cost.nanos(), it.value());
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestServiceSums)
#include "tst_servicesums.moc"
