#include "Guardrails.h"

#include <budgets/BudgetStore.h>
#include <queries/Queries.h>
#include <queries/RiskSuggestions.h>

#include <QSqlQuery>

using namespace meterdesk;

void measureRiskSuggestions(Database &db, BenchReport &report)
{
    // "Now" is the last day with calls, so that today has usage to judge.
    QSqlQuery query(db.sql());
    QString error;
    QDateTime now;
    if (db.select(query, QStringLiteral("SELECT max(day) FROM api_usage_daily"), {}, &error) && query.next())
        now = QDateTime(query.value(0).toDate(), QTime(23, 59), Qt::UTC);
    qint64 users = 0;
    if (db.select(query, QStringLiteral("SELECT count(*) FROM api_usage_stats"), {}, &error) && query.next())
        users = query.value(0).toLongLong();
    std::optional<QHash<QString, RiskSuggestion>> ours, baseline;
    BenchRow row{QStringLiteral("suggest risk scores for %1 users").arg(users), QStringLiteral("ms")};
    row.value = medianMs(3, [&] { ours = RiskSuggestions(db, now).compute(&error); });
    row.baseline = medianMs(1, [&] { baseline = RiskSuggestions(db, now, RiskSuggestions::Source::Log).compute(&error); });
    row.goal = QStringLiteral("< 1000 ms");
    QString failure;
    if (!ours || !baseline)
        failure = error;
    else if (ours->isEmpty())
        failure = QStringLiteral("no user had a reason: nothing was judged");
    else if (ours->size() != baseline->size())
        failure = QStringLiteral("the two sides flagged %1 and %2 users").arg(ours->size()).arg(baseline->size());
    else
        for (auto it = ours->cbegin(); it != ours->cend() && failure.isEmpty(); ++it)
            if (baseline->value(it.key()).score != it.value().score)
                failure = QStringLiteral("the two sides scored %1 differently").arg(it.key());
    if (ours)
        row.name += QStringLiteral(" (%1 with a reason)").arg(ours->size());
    report.add(row, false, 0, 1000, failure);
}

void measureBudgetColumn(Database &db, BenchReport &report)
{
    // A default budget of $50 a month for the time of the measure.
    Budget budget;
    budget.limit = 50'000'000'000;
    BudgetStore store(db);
    const ActionResult set = store.set(budget);
    QString error = set.error;
    QStringList users;
    QSqlQuery query(db.sql());
    if (set.ok && db.select(query, QStringLiteral("SELECT user_id FROM api_usage_stats"), {}, &error))
        while (query.next())
            users << query.value(0).toString();
    std::optional<QHash<QString, UserBudget>> ours;
    QHash<QString, qint64> plain;
    BenchRow row{QStringLiteral("budget column of %1 users, a default budget").arg(users.size()), QStringLiteral("ms")};
    row.value = medianMs(3, [&] { ours = Queries(db).budgetUse(users, &error); });
    // The plain way: one GROUP BY of the month's rollup rows per user.
    const QDate today = QDateTime::currentDateTimeUtc().date();
    row.baseline = medianMs(3, [&] {
        plain.clear();
        QSqlQuery sums(db.sql());
        if (!db.select(sums,
                       QStringLiteral("SELECT user_id, sum(cost_nanos) FROM api_usage_daily WHERE day >= ? AND day <= ? "
                                      "GROUP BY user_id"),
                       {QDate(today.year(), today.month(), 1).toString(Qt::ISODate), today.toString(Qt::ISODate)}, &error))
            return;
        while (sums.next())
            plain.insert(sums.value(0).toString(), qint64(double(sums.value(1).toLongLong()) * 1000.0 / double(budget.limit)));
    });
    row.goal = QStringLiteral("< 1000 ms");
    QString failure = set.ok ? QString() : set.error;
    if (failure.isEmpty() && !ours)
        failure = error;
    else if (failure.isEmpty() && ours->size() != users.size())
        failure = QStringLiteral("%1 of %2 users got a budget column").arg(ours->size()).arg(users.size());
    else
        for (auto it = ours ? ours->cbegin() : QHash<QString, UserBudget>::const_iterator(); failure.isEmpty() && ours && it != ours->cend(); ++it)
            if (plain.value(it.key(), 0) != it.value().permille)
                failure = QStringLiteral("the two sides differ for %1").arg(it.key());
    report.add(row, false, 0, 1000, failure);
    // The database as it was.
    if (const auto budgets = store.budgets(&error))
        for (const Budget &b : *budgets)
            if (b.userId.isEmpty() && b.service.isEmpty() && b.period == BudgetPeriod::Month && b.metric == BudgetMetric::Usd)
                store.remove(b.id);
}
