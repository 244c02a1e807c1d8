#pragma once

#include "meterdesk_core_export.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace meterdesk {

// What a budget limits, and over which calendar period (UTC).
enum class BudgetMetric { Usd, Requests };
enum class BudgetPeriod { Day, Week, Month }; // a week starts on Monday (ISO 8601)

// A limit on a user's cost or requests per period: for one user or every
// user (userId empty), for one service or all (service empty). Reaching the
// limit blocks the user until the period ends; passing softPercent of it
// raises an alert.
struct METERDESK_CORE_EXPORT Budget
{
    qint64 id = 0;
    QString userId;  // empty: every user, those not seen yet too
    QString service; // empty: all services
    BudgetMetric metric = BudgetMetric::Usd;
    BudgetPeriod period = BudgetPeriod::Month;
    qint64 limit = 0;    // nano-dollars or requests
    int softPercent = 0; // 0: no soft threshold
    QString setBy;
    QDateTime setAt;

    bool appliesTo(const QString &user) const { return userId.isEmpty() || userId == user; }
    // "$50.00 per month (openai)", "1,000 requests per day"
    QString describe() const;
    // "every user", "user alice", "user alice, openai"
    QString scope() const;
    QString amount(qint64 value) const; // a limit in this budget's unit, exact
    // A spend: to the cent from a dollar up ("$51.20"), exact below.
    QString spentText(qint64 value) const;
};

METERDESK_CORE_EXPORT QString periodName(BudgetPeriod period);          // "day", "week", "month"
METERDESK_CORE_EXPORT std::optional<BudgetPeriod> periodFromName(const QString &name);
METERDESK_CORE_EXPORT QString thisPeriod(BudgetPeriod period);          // "today", "this week", "this month"
METERDESK_CORE_EXPORT QString metricName(BudgetMetric metric);          // "usd", "requests"
METERDESK_CORE_EXPORT std::optional<BudgetMetric> metricFromName(const QString &name);

// The condition of a stats row whose user is blocked now, with two
// placeholders: true, and the time now. A budget's block whose period
// ended is no block (AccessGuard lifts it at the next check).
inline const QString BlockedNowCondition =
    QStringLiteral("is_blocked = ? AND NOT (coalesce(block_source, '') = 'budget' AND block_until <= ?)");

// The UTC period holding `now`: [start, end).
struct PeriodWindow
{
    QDateTime start;
    QDateTime end;
};
METERDESK_CORE_EXPORT PeriodWindow periodWindow(BudgetPeriod period, const QDateTime &now);

// What a user spent in the current day, week and month, per service.
struct PeriodSpend
{
    std::array<qint64, 3> costNanos{}; // by BudgetPeriod
    std::array<qint64, 3> requests{};
    void add(const PeriodSpend &other)
    {
        for (int i = 0; i < 3; ++i) {
            costNanos[i] += other.costNanos[i];
            requests[i] += other.requests[i];
        }
    }
};
using UserSpend = QHash<QString, PeriodSpend>; // by service

// One budget as it stands for one user now.
struct METERDESK_CORE_EXPORT BudgetUse
{
    Budget budget;
    QString userId;
    qint64 spent = 0; // in the budget's unit
    PeriodWindow window;

    bool reached() const { return spent >= budget.limit; }
    bool pastSoft() const { return budget.softPercent > 0 && spent * 100 >= budget.limit * budget.softPercent; }
    double fraction() const { return budget.limit > 0 ? double(spent) / double(budget.limit) : 0.0; }
    // "Budget exceeded: $51.20 of $50.00 this month (openai)"
    QString blockReason() const;
};

// Every budget that applies to `userId`, as it stands with `spend`: a
// user's own budget replaces the default for the same service, metric and
// period.
METERDESK_CORE_EXPORT QList<BudgetUse> budgetUses(const QList<Budget> &budgets, const QString &userId,
                                                  const UserSpend &spend, const QDateTime &now);

} // namespace meterdesk
