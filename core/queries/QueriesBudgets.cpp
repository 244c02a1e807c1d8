// The users table's budget column: each user's most used budget now.
#include "queries/Queries.h"

#include "budgets/BudgetStore.h"

namespace meterdesk {

bool Queries::addBudgetUse(QList<UserRow> &rows, QString *error)
{
    BudgetStore store(m_db);
    const auto budgets = store.budgets(error);
    if (!budgets)
        return false;
    if (budgets->isEmpty())
        return true;
    // Each user's own budgets with the defaults, so that no user walks the
    // whole list (thousands of per-user budgets stay cheap).
    QList<Budget> defaults;
    QHash<QString, QList<Budget>> own;
    for (const Budget &budget : *budgets)
        (budget.userId.isEmpty() ? defaults : own[budget.userId]) << budget;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto spend = store.spend(defaults.isEmpty() ? own.keys() : QStringList(), now, error);
    if (!spend)
        return false;
    for (UserRow &row : rows) {
        const auto mine = own.constFind(row.userId);
        if (defaults.isEmpty() && mine == own.constEnd())
            continue;
        const QList<BudgetUse> uses =
            budgetUses(mine == own.constEnd() ? defaults : defaults + *mine, row.userId, spend->value(row.userId), now);
        for (const BudgetUse &use : uses) {
            const auto permille = qint64(double(use.spent) * 1000.0 / double(use.budget.limit));
            if (permille > row.budgetPermille) {
                row.budgetPermille = permille;
                row.budgetText = QStringLiteral("%1 of %2 %3").arg(use.budget.spentText(use.spent), use.budget.amount(use.budget.limit),
                                                                   thisPeriod(use.budget.period));
                if (!use.budget.service.isEmpty())
                    row.budgetText += QStringLiteral(" (%1)").arg(use.budget.service);
            }
        }
    }
    return true;
}

} // namespace meterdesk
