#include "budgets/Budget.h"

#include "money/Money.h"

#include <QTimeZone>

namespace meterdesk {

QString periodName(BudgetPeriod period)
{
    switch (period) {
    case BudgetPeriod::Day:
        return QStringLiteral("day");
    case BudgetPeriod::Week:
        return QStringLiteral("week");
    case BudgetPeriod::Month:
        return QStringLiteral("month");
    }
    return {};
}

std::optional<BudgetPeriod> periodFromName(const QString &name)
{
    for (BudgetPeriod period : {BudgetPeriod::Day, BudgetPeriod::Week, BudgetPeriod::Month})
        if (periodName(period) == name.trimmed().toLower())
            return period;
    return std::nullopt;
}

QString metricName(BudgetMetric metric)
{
    return metric == BudgetMetric::Usd ? QStringLiteral("usd") : QStringLiteral("requests");
}

std::optional<BudgetMetric> metricFromName(const QString &name)
{
    const QString key = name.trimmed().toLower();
    if (key == QLatin1String("usd"))
        return BudgetMetric::Usd;
    if (key == QLatin1String("requests"))
        return BudgetMetric::Requests;
    return std::nullopt;
}

PeriodWindow periodWindow(BudgetPeriod period, const QDateTime &now)
{
    const QDate today = now.toUTC().date();
    QDate start = today, end = today.addDays(1);
    if (period == BudgetPeriod::Week) {
        start = today.addDays(1 - today.dayOfWeek());
        end = start.addDays(7);
    } else if (period == BudgetPeriod::Month) {
        start = QDate(today.year(), today.month(), 1);
        end = start.addMonths(1);
    }
    return {QDateTime(start, QTime(0, 0), Qt::UTC), QDateTime(end, QTime(0, 0), Qt::UTC)};
}

QString thisPeriod(BudgetPeriod period)
{
    switch (period) {
    case BudgetPeriod::Day:
        return QStringLiteral("today");
    case BudgetPeriod::Week:
        return QStringLiteral("this week");
    case BudgetPeriod::Month:
        return QStringLiteral("this month");
    }
    return {};
}

QString Budget::amount(qint64 value) const
{
    if (metric == BudgetMetric::Usd) {
        // Whole cents as "$50.00"; a limit or a spend between cents keeps
        // its digits ("$0.045"), never rounded up past the limit it shows.
        const Money money = Money::fromNanos(value);
        if (value % 10'000'000 == 0)
            return money.toDisplayString();
        QString text = money.toString(6);
        while (text.endsWith(u'0'))
            text.chop(1);
        return u'$' + text;
    }
    return QStringLiteral("%1 request%2").arg(QLocale(QLocale::English, QLocale::UnitedStates).toString(value), value == 1 ? QString() : QStringLiteral("s"));
}

QString Budget::spentText(qint64 value) const
{
    if (metric == BudgetMetric::Usd && value >= 1'000'000'000)
        return Money::fromNanos(value).toDisplayString();
    return amount(value);
}

QString Budget::describe() const
{
    QString text = QStringLiteral("%1 per %2").arg(amount(limit), periodName(period));
    if (!service.isEmpty())
        text += QStringLiteral(" (%1)").arg(service);
    return text;
}

QString Budget::scope() const
{
    QString text = userId.isEmpty() ? QStringLiteral("every user") : QStringLiteral("user %1").arg(userId);
    if (!service.isEmpty())
        text += QStringLiteral(", %1").arg(service);
    return text;
}

QString BudgetUse::blockReason() const
{
    QString text = QStringLiteral("Budget exceeded: %1 of %2 %3")
                       .arg(budget.spentText(spent), budget.amount(budget.limit), thisPeriod(budget.period));
    if (!budget.service.isEmpty())
        text += QStringLiteral(" (%1)").arg(budget.service);
    return text;
}

QList<BudgetUse> budgetUses(const QList<Budget> &budgets, const QString &userId, const UserSpend &spend,
                            const QDateTime &now)
{
    QList<BudgetUse> uses;
    const auto sameScope = [](const Budget &a, const Budget &b) {
        return a.service == b.service && a.metric == b.metric && a.period == b.period;
    };
    for (const Budget &budget : budgets) {
        if (!budget.appliesTo(userId))
            continue;
        // The default gives way to the user's own budget of the same scope.
        if (budget.userId.isEmpty()
            && std::any_of(budgets.cbegin(), budgets.cend(),
                           [&](const Budget &own) { return own.userId == userId && sameScope(own, budget); }))
            continue;
        BudgetUse use;
        use.budget = budget;
        use.userId = userId;
        use.window = periodWindow(budget.period, now);
        const int slot = int(budget.period);
        for (auto it = spend.cbegin(); it != spend.cend(); ++it) {
            if (!budget.service.isEmpty() && it.key() != budget.service)
                continue;
            use.spent += budget.metric == BudgetMetric::Usd ? it.value().costNanos[slot] : it.value().requests[slot];
        }
        uses << use;
    }
    return uses;
}

} // namespace meterdesk
