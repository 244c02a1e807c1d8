// The users table's budget column: each user's most used budget now.
#include "queries/Queries.h"

#include "budgets/BudgetStore.h"

namespace meterdesk {

std::optional<QHash<QString, UserBudget>> Queries::budgetUse(const QStringList &userIds, QString *error)
{
    QHash<QString, UserBudget> result;
    BudgetStore store(m_db);
    const auto budgets = store.budgets(error);
    if (!budgets)
        return std::nullopt;
    if (budgets->isEmpty())
        return result;
    // Each user's own budgets with the defaults, so that no user walks the
    // whole list (thousands of per-user budgets stay cheap).
    QList<Budget> defaults;
    QHash<QString, QList<Budget>> own;
    for (const Budget &budget : *budgets)
        (budget.userId.isEmpty() ? defaults : own[budget.userId]) << budget;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // With a default every user's sums are read in one pass; without, the
    // users who have a budget of their own.
    const bool perService = std::any_of(budgets->cbegin(), budgets->cend(), [](const Budget &b) { return !b.service.isEmpty(); });
    const auto spend = store.spend(defaults.isEmpty() ? own.keys() : QStringList(), now, error, perService);
    if (!spend)
        return std::nullopt;
    result.reserve(defaults.isEmpty() ? own.size() : userIds.size());
    for (const QString &userId : userIds) {
        const auto mine = own.constFind(userId);
        if (defaults.isEmpty() && mine == own.constEnd())
            continue;
        const QList<BudgetUse> uses =
            budgetUses(mine == own.constEnd() ? defaults : defaults + *mine, userId, spend->value(userId), now);
        UserBudget most;
        for (const BudgetUse &use : uses) {
            const auto permille = qint64(double(use.spent) * 1000.0 / double(use.budget.limit));
            if (permille > most.permille)
                most = {permille, use.spent, use.budget.limit, use.budget.metric == BudgetMetric::Usd,
                        int(use.budget.period), use.budget.service};
        }
        if (most.permille >= 0)
            result.insert(userId, most);
    }
    return result;
}

bool Queries::addBudgetUse(QList<UserRow> &rows, QString *error, QHash<QString, UserBudget> *words)
{
    QStringList ids;
    ids.reserve(rows.size());
    for (const UserRow &row : rows)
        ids << row.userId;
    const auto use = budgetUse(ids, error);
    if (!use)
        return false;
    for (UserRow &row : rows)
        row.budgetPermille = use->value(row.userId).permille;
    if (words)
        *words = std::move(*use);
    return true;
}

QString UserBudget::text() const
{
    if (permille < 0)
        return {};
    Budget budget;
    budget.metric = usd ? BudgetMetric::Usd : BudgetMetric::Requests;
    budget.period = BudgetPeriod(period);
    budget.limit = limit;
    QString words = QStringLiteral("%1 of %2 %3").arg(budget.spentText(spent), budget.amount(limit), thisPeriod(budget.period));
    if (!service.isEmpty())
        words += QStringLiteral(" (%1)").arg(service);
    return words;
}

} // namespace meterdesk
