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
