#include "budgets/BudgetEnforcer.h"

#include "budgets/Alerts.h"
#include "budgets/BudgetBlocks.h"
#include "budgets/BudgetStore.h"
#include "storage/Timestamps.h"

#include <QSet>
#include <QSqlQuery>

namespace meterdesk {

namespace {

QJsonObject useDetails(const BudgetUse &use)
{
    return {{QStringLiteral("budgetId"), use.budget.id},
            {QStringLiteral("budget"), use.budget.describe()},
            {QStringLiteral("metric"), metricName(use.budget.metric)},
            {QStringLiteral("period"), periodName(use.budget.period)},
            {QStringLiteral("spent"), use.budget.spentText(use.spent)},
            {QStringLiteral("limit"), use.budget.amount(use.budget.limit)},
            {QStringLiteral("softPercent"), use.budget.softPercent},
            {QStringLiteral("periodEnd"), use.window.end.toString(Qt::ISODate)}};
}

// Once per user, budget and period.
QString dedupeKey(const QString &kind, const BudgetUse &use)
{
    return QStringLiteral("%1:%2:%3:%4").arg(kind).arg(use.budget.id).arg(use.window.start.toString(Qt::ISODate), use.userId);
}

} // namespace

BudgetEnforcer::BudgetEnforcer(Database &database) : m_db(database) {}

BudgetEnforcer::Outcome BudgetEnforcer::enforce(const QStringList &userIds, const QDateTime &now, bool auditLockHeld)
{
    Outcome outcome;
    BudgetStore store(m_db);
    const auto budgets = store.budgetsFor(userIds, &outcome.error);
    outcome.ok = budgets.has_value();
    if (!budgets || budgets->isEmpty())
        return outcome;
    const bool anyDefault = std::any_of(budgets->cbegin(), budgets->cend(), [](const Budget &b) { return b.userId.isEmpty(); });
    QStringList subjects;
    for (const QString &user : userIds)
        if (anyDefault || std::any_of(budgets->cbegin(), budgets->cend(), [&](const Budget &b) { return b.userId == user; }))
            subjects << user;
    const auto spend = subjects.isEmpty() ? QHash<QString, UserSpend>() : store.spend(subjects, now, &outcome.error);
    if (!spend) {
        outcome.ok = false;
        return outcome;
    }
    QList<BudgetUse> reached;
    for (const QString &user : std::as_const(subjects)) {
        for (const BudgetUse &use : budgetUses(*budgets, user, spend->value(user), now)) {
            if (use.reached())
                reached << use;
            else if (use.pastSoft() && !raiseSoft(use, &outcome.error)) {
                outcome.ok = false;
                return outcome;
            }
        }
    }
    if (!reached.isEmpty())
        outcome.ok = block(reached, now, auditLockHeld, outcome);
    return outcome;
}

bool BudgetEnforcer::block(const QList<BudgetUse> &reached, const QDateTime &now, bool auditLockHeld, Outcome &outcome)
{
    QStringList users;
    for (const BudgetUse &use : reached)
        users << use.userId;
    users.removeDuplicates();
    const auto blocked = blockedNow(users, now, &outcome.error);
    if (!blocked)
        return false;
    users.removeIf([&](const QString &user) { return blocked->contains(user); });
    if (users.isEmpty())
        return true;
    if (!auditLockHeld && m_db.isPostgres()) {
        outcome.needsAuditLock = true;
        return true;
    }
    BudgetBlocks blocks(m_db);
    Alerts alerts(m_db);
    for (const QString &user : std::as_const(users)) {
        // The block lasts until the last of the reached budgets' periods
        // ends; its reason names the most used one.
        QDateTime until;
        const BudgetUse *worst = nullptr;
        for (const BudgetUse &use : reached) {
            if (use.userId != user)
                continue;
            until = until.isValid() ? qMax(until, use.window.end) : use.window.end;
            if (!worst || use.fraction() > worst->fraction())
                worst = &use;
        }
        const auto done = blocks.block(*worst, until, now, &outcome.error);
        if (!done)
            return false;
        if (!*done)
            continue;
        outcome.blocked << user;
        Alert alert{0, now, user, Alert::BudgetBlock, worst->blockReason(), useDetails(*worst)};
        if (!alerts.raise(alert, dedupeKey(Alert::BudgetBlock, *worst), &outcome.error))
            return false;
    }
    return true;
}

std::optional<QSet<QString>> BudgetEnforcer::blockedNow(const QStringList &userIds, const QDateTime &now, QString *error)
{
    QSet<QString> blocked;
    QSqlQuery query(m_db.sql());
    for (const QString &user : userIds) {
        if (!m_db.select(query,
                         QStringLiteral("SELECT 1 FROM api_usage_stats WHERE user_id = ? AND ") + BlockedNowCondition,
                         {user, true, sqlTimestamp(now)}, error))
            return std::nullopt;
        if (query.next())
            blocked.insert(user);
    }
    return blocked;
}

bool BudgetEnforcer::raiseSoft(const BudgetUse &use, QString *error)
{
    const Alert alert{0, QDateTime(), use.userId, Alert::SoftBudget,
                      QStringLiteral("%1 of %2 used %3 (%4% alert)")
                          .arg(use.budget.spentText(use.spent), use.budget.describe(), thisPeriod(use.budget.period))
                          .arg(use.budget.softPercent),
                      useDetails(use)};
    return Alerts(m_db).raise(alert, dedupeKey(Alert::SoftBudget, use), error).has_value();
}

} // namespace meterdesk
