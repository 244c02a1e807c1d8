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
    const auto spend = store.spend(defaults.isEmpty() ? own.keys() : QStringList(), now, error);
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
            if (permille <= most.permille)
                continue;
            most.permille = permille;
            most.text = QStringLiteral("%1 of %2 %3").arg(use.budget.spentText(use.spent), use.budget.amount(use.budget.limit),
                                                          thisPeriod(use.budget.period));
            if (!use.budget.service.isEmpty())
                most.text += QStringLiteral(" (%1)").arg(use.budget.service);
        }
        if (most.permille >= 0)
            result.insert(userId, most);
    }
    return result;
}

bool Queries::addBudgetUse(QList<UserRow> &rows, QString *error)
{
    QStringList ids;
    ids.reserve(rows.size());
    for (const UserRow &row : rows)
        ids << row.userId;
    const auto use = budgetUse(ids, error);
    if (!use)
        return false;
    for (UserRow &row : rows) {
        const UserBudget most = use->value(row.userId);
        row.budgetPermille = most.permille;
        row.budgetText = most.text;
    }
    return true;
}

} // namespace meterdesk
