#pragma once

// The values the reads return: plain data that models, charts, the data
// service and reports take without knowing the query that made them.

#include "queries/DateRange.h"
#include "money/Money.h"
#include "money/PriceBook.h"
#include "queries/ServiceMap.h"
#include "meterdesk_core_export.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

namespace meterdesk {

struct Overview
{
    qint64 totalRequests = 0;
    qint64 totalTokens = 0;
    Money totalCost;
    QMap<QString, ServiceTotals> perService;
    qint64 activeUsers = 0;
    qint64 blockedUsers = 0;
    qint64 unpricedEvents = 0;
};

// A user's most used budget now: its use in tenths of a percent (1000 is
// the whole limit), and what makes its words, made only when asked for
// (100,000 users' words took a third of the column's time).
struct METERDESK_CORE_EXPORT UserBudget
{
    qint64 permille = -1; // -1: no budget applies
    qint64 spent = 0;
    qint64 limit = 0;
    bool usd = true;    // else requests
    int period = 2;     // BudgetPeriod: day, week, month
    QString service;    // empty: all services

    // "$12.00 of $50.00 this month (openai)"; empty without a budget.
    QString text() const;
};

struct METERDESK_CORE_EXPORT UserRow
{
    QString userId;
    QString name; // first and last name, empty when the users table has none
    QString email;
    qint64 requests = 0;
    qint64 tokens = 0;
    Money cost;
    ServiceMap perService;
    QDateTime lastActivity; // all time, UTC
    bool blocked = false;
    QString blockReason;
    bool blockedByBudget = false; // else an admin blocked the user
    QDateTime blockedUntil;       // when a budget's block ends
    int riskScore = 0;
    qint64 unpricedEvents = 0;
    // The user's most used budget now, in tenths of a percent (-1: none);
    // its words are in Queries::budgetUse(), kept beside the rows.
    qint64 budgetPermille = -1;
    // The suggested risk score (queries/RiskSuggestions.h), -1 when not
    // computed.
    int suggestedRisk = -1;

    // What to call the user: name, else email, else id.
    QString displayName() const;
};

// The guardrail values the table shows in each user's row: the suggested
// risk score (0 for a user without one) and the most used budget's use.
// The data thread stamps a load's rows with the values it last sent the
// table, so the table finds them in place: were it to write them, the
// first write into rows the data thread still shares would copy all
// 100,000 of them on the UI thread.
struct METERDESK_CORE_EXPORT RowGuardrails
{
    QHash<QString, int> scores;           // users without one score 0
    QHash<QString, UserBudget> budgetUse; // users without a budget have none
    // Which reading these values are (newVersion(), on the data thread), so
    // that rows stamped with them need no check: looking up 100,000 users'
    // ids held the UI thread 30 to 60 ms at each reload. 0 once a value was
    // changed here.
    quint64 version = 0;

    static quint64 newVersion();

    int scoreOf(const QString &userId) const { return scores.value(userId, 0); }
    qint64 permilleOf(const QString &userId) const
    {
        const auto it = budgetUse.constFind(userId);
        return it == budgetUse.cend() ? -1 : it->permille;
    }
    bool isStampedOn(const UserRow &row) const
    {
        return row.suggestedRisk == scoreOf(row.userId) && row.budgetPermille == permilleOf(row.userId);
    }
    void stamp(UserRow &row) const
    {
        row.suggestedRisk = scoreOf(row.userId);
        row.budgetPermille = permilleOf(row.userId);
    }
    // A live update's budget use for one of its users: what it has, or none.
    void takeBudgetUse(const QString &userId, const QHash<QString, UserBudget> &update)
    {
        const qint64 before = permilleOf(userId);
        if (const auto it = update.constFind(userId); it != update.cend())
            budgetUse.insert(userId, *it);
        else
            budgetUse.remove(userId);
        if (permilleOf(userId) != before)
            version = 0; // rows stamped with the reading no longer show these values
    }
};

} // namespace meterdesk
// Every member moves by memcpy: 100,000 rows grow and filter without copies.
Q_DECLARE_TYPEINFO(meterdesk::UserRow, Q_RELOCATABLE_TYPE);
namespace meterdesk {

struct CostRow
{
    QString service;
    QString model;
    qint64 requests = 0;
    TokenCounts tokens;
    Money cost;
    qint64 unpricedEvents = 0;
};

// What cost is broken down by: the provider's service, the model, or the
// endpoint (the feature that made the call; "" for none).
enum class Breakdown { Service, Model, Endpoint };

// One bucket's cost of one service, or of one model or endpoint when the
// series is broken down by those (the field keeps the name it had).
struct SeriesPoint
{
    QDate bucketStart;
    QString service;
    qint64 requests = 0;
    Money cost;
};

// What the dashboard shows of a range besides its users.
struct DashboardTotals
{
    Overview overview; // without user counts
    QList<CostRow> costs;
    QList<SeriesPoint> series;
};

// A dashboard's load of a range: its users and the rest.
struct DashboardLoad
{
    QList<UserRow> users;
    DashboardTotals totals;
};

// A range's totals of one service, model or endpoint.
struct BreakdownRow
{
    QString key; // "" for calls without an endpoint
    qint64 requests = 0;
    qint64 tokens = 0;
    Money cost;
};

struct EventRow
{
    qint64 id = 0;
    QDateTime timestamp;
    QString service;
    QString model;
    QString endpoint;
    TokenCounts tokens;
    Money cost;
    bool priced = true;
    QString eventId;
};

// One user's usage on one day with one model.
struct UserDayRow
{
    QDate day;
    QString service;
    QString model;
    qint64 requests = 0;
    qint64 tokens = 0;
    Money cost;
};

struct AuditRow
{
    qint64 id = 0;
    QDateTime at;
    QString actorRole;
    QString osUser;
    QString action;
    QString userId;
    QString oldValue;
    QString newValue;
    QString reason;
};

} // namespace meterdesk
