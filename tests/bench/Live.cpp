#include "Live.h"

#include <LiveRead.h>
#include <UsersFilterProxy.h>
#include <UsersModel.h>

#include <queries/ChangeFeed.h>
#include <queries/Queries.h>
#include <queries/UserColumns.h>

using namespace meterdesk;

namespace {

constexpr int Runs = 5;

struct FullLoad
{
    QList<UserRow> users;
    QList<CostRow> costs;
};

// What DataWorker::load reads: the baseline of the data thread.
std::optional<FullLoad> loadEverything(Database &db, const DateRange &range, QString *error)
{
    Queries queries(db);
    auto overview = queries.overview(range, error, Queries::UserCounts::None);
    auto users = overview ? queries.users(range, error) : std::nullopt;
    auto costs = users ? queries.costs(range, error) : std::nullopt;
    auto series = costs ? queries.costSeries(range, Bucket::Day, error) : std::nullopt;
    if (!series)
        return std::nullopt;
    return FullLoad{std::move(*users), std::move(*costs)};
}

QString compareRows(const UserRow &live, const UserRow &full)
{
    if (live.requests != full.requests || live.cost != full.cost || live.tokens != full.tokens)
        return QStringLiteral("the live row of %1 differs from the load's").arg(full.userId);
    return {};
}

} // namespace

void measureLiveUpdate(Database &db, const DateRange &range, QTextStream &out, BenchReport &report)
{
    out << "Live update:" << Qt::endl;
    QString error;
    auto full = loadEverything(db, range, &error);
    BenchRow worker{QStringLiteral("live update, one call, data thread"), QStringLiteral("ms")};
    worker.goal = QStringLiteral("< 20 ms");
    if (!full || full->users.isEmpty()) {
        report.add(worker, false, 0, 20, full ? QStringLiteral("no users in the range") : error);
        return;
    }
    const UserRow chosen = full->users.at(full->users.size() / 2);
    ChangeFeed feed(db);
    if (!feed.start(&error)) {
        report.add(worker, false, 0, 20, error);
        return;
    }
    LiveUpdate update;
    bool ok = true;
    worker.value = medianMs(Runs, [&] {
        update = {};
        ok = feed.next(20'000, &error).has_value()
            && readLiveUpdate(db, range, Bucket::Day, {chosen.userId}, {range.to}, update, &error) && ok;
    });
    worker.baseline = medianMs(Runs, [&] { full = loadEverything(db, range, &error); });
    QString failure = !ok || !full ? error
        : update.users.size() != 1 ? QStringLiteral("the live update read %1 rows").arg(update.users.size())
                                   : compareRows(update.users.first(), chosen);
    Money loadedCost;
    for (const CostRow &cost : std::as_const(full->costs))
        loadedCost += cost.cost;
    if (failure.isEmpty() && update.totals.totalCost != loadedCost)
        failure = QStringLiteral("the live update's total cost differs from the load's");
    report.add(worker, false, 0, 20, failure);

    // The UI thread: the row in place, moving to the top of the cost order,
    // against a reset with the same rows (what a reload does there).
    BenchRow ui{QStringLiteral("live update, one call, UI thread (table)"), QStringLiteral("ms")};
    ui.goal = QStringLiteral("< 5 ms");
    UsersModel model;
    model.setRows(full->users);
    UsersFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(UsersModel::CostColumn, Qt::DescendingOrder);
    const qsizetype at = full->users.size() / 2;
    UserRow raised = chosen;
    raised.cost += Money::fromNanos(1'000'000'000'000); // $1,000: the top spender
    bool moved = true;
    int run = 0;
    ui.value = medianMs(Runs, [&] {
        // Up and back in turn, so that every run moves the row.
        const UserRow &row = run++ % 2 == 0 ? raised : chosen;
        moved = model.replaceRows({row}, {at}, {}).has_value() && moved;
    });
    QList<UserRow> rows = full->users;
    rows[at] = raised;
    // A reload's rows come in the table's order (DataWorker::load).
    sortUsers(rows, {UsersModel::CostColumn, true});
    const bool liveTop = (model.replaceRows({raised}, {at}, {}).has_value())
        && proxy.index(0, 0).data(UsersModel::UserIdRole).toString() == chosen.userId;
    ui.baseline = medianMs(Runs, [&] { model.setRows(rows); });
    const bool resetTop = proxy.index(0, 0).data(UsersModel::UserIdRole).toString() == chosen.userId;
    report.add(ui, false, 0, 5,
               !moved              ? QStringLiteral("the row was not where the update said")
                   : !liveTop      ? QStringLiteral("the live update did not move the row to the top")
                   : !resetTop     ? QStringLiteral("the reset did not put the row at the top")
                                   : QString());
}
