#pragma once

#include <admin/AdminActions.h>
#include <admin/Repricer.h>
#include <budgets/Alerts.h>
#include <budgets/Budget.h>
#include <queries/ChangeFeed.h>
#include <queries/ColumnSortKeys.h>
#include <queries/DateRange.h>
#include <queries/Reconcile.h>
#include <queries/RiskSuggestions.h>
#include <queries/Rows.h>
#include <queries/SearchText.h>
#include <queries/UserColumns.h>

#include <QMetaType>

namespace meterdesk {

// Everything the dashboard shows for one range, loaded in one go off the
// UI thread and handed over as values.
struct DashboardData
{
    quint64 requestId = 0;
    DateRange range;
    Bucket bucket = Bucket::Day;
    Overview overview;
    QList<UserRow> users;
    ColumnSortKeys userKeys; // the users' keys for the table's sort column, in their order
    quint64 guardrailsStamped = 0; // the RowGuardrails::version the users carry; 0: none
    SearchText userSearch; // the users' text side by side while the table has a search; else none
    QList<SeriesPoint> series;
    QList<CostRow> costs;
    qint64 loadMs = 0;
};

// The charts' other views: the range's cost by model or endpoint over time,
// and the totals beside them (by service too, for the table).
struct BreakdownData
{
    quint64 requestId = 0;
    Breakdown by = Breakdown::Service;
    QList<SeriesPoint> series;
    QList<BreakdownRow> totals;
    QString error;
};

// The users who spent on one service, model or endpoint in the range: a
// drill-down from a chart.
struct UsersOf
{
    Breakdown by = Breakdown::Service;
    QString key;
    QStringList userIds;
    QString error;
};

// The cards' comparison: the same sums for the period just before.
struct Comparison
{
    quint64 requestId = 0;
    DateRange previous; // null when there is nothing before the range (all time, an open range)
    Overview overview;
    QString error;
};

// The provider's bill against what was tracked (the Reconciliation view).
struct ReconcileOutcome
{
    QString provider;
    QList<Reconcile::DayRow> days;
    QStringList problems; // pages or buckets not read, with why
    QString error;        // nothing could be compared
};

// What changed since a load, read by the worker and applied to the shown
// rows in place (service/DataWorkerLive.cpp).
struct LiveUpdate
{
    quint64 baseRequestId = 0; // the load it applies to
    // Touched users' rows as a load would give them now, each with where
    // the load put it (-1: a user the load did not have).
    QList<UserRow> users;
    QList<qsizetype> rowIndexes;
    QHash<QString, UserBudget> budgetUse; // of those users, when they have a budget
    Overview totals;                      // the range's sums, from its costs (no user counts)
    QList<QDate> buckets;                 // the chart's buckets read again...
    QList<SeriesPoint> series;            // ...and their points now
    qint64 blockedUsers = -1;             // -1: not read (no admin action came)
    QList<AuditChange> audit;             // other admins' and budgets' actions
    qint64 calls = 0;                     // new calls seen
    qint64 workerMs = 0;
};

// The details pane of one user.
struct UserDetails
{
    quint64 requestId = 0;
    QString userId;
    QList<UserDayRow> daily;
    QList<EventRow> events;
    int offset = 0;
    bool hasMore = false;
    QList<BudgetUse> budgets; // the user's budgets as they stand now
};

// The guardrails beside a load: suggested risk scores with their reasons,
// the budgets, and the latest alerts.
struct GuardrailData
{
    QHash<QString, RiskSuggestion> suggestions; // users without one score 0
    // What the users' table shows: each user's score, and the budget use of
    // the loaded users with a budget. Made once here, on the data thread.
    RowGuardrails forRows;
    QList<Budget> budgets;
    QList<Alert> alerts; // newest last
    int riskAlertLevel = 0;
    QString error;
};

// A budget set or removed, as the worker did it.
struct BudgetChange
{
    Budget budget;
    bool removed = false;
    bool ok = false;
    bool replaced = false;
    QString error;
};

// An admin action on some users, decoded once: the window makes it, the
// worker applies it.
struct AdminRequest
{
    enum class Kind { Block, Unblock, SetRisk };
    Kind kind = Kind::Block;
    QStringList userIds;
    QString reason;    // Block: required; SetRisk: optional (an accepted suggestion's reasons)
    int riskScore = 0; // SetRisk: 0..100

    static AdminRequest block(const QStringList &userIds, const QString &reason) { return {Kind::Block, userIds, reason, 0}; }
    static AdminRequest unblock(const QStringList &userIds) { return {Kind::Unblock, userIds, {}, 0}; }
    static AdminRequest setRisk(const QStringList &userIds, int score, const QString &reason = {})
    {
        return {Kind::SetRisk, userIds, reason, score};
    }
};

// What an admin action did, and what it changed, read back once: the
// users' state after it and the count of blocked users.
struct ActionOutcome
{
    AdminRequest request;
    bool ok = false;
    QString error;
    QList<AdminState> after;
    qint64 blockedUsers = -1; // -1: not read
};

// One model seen in a range, with the price that bills it now.
struct ModelPriceRow
{
    QString service;
    QString model;    // as recorded
    qint64 calls = 0;
    qint64 unpriced = 0;
    Money cost;
    bool priced = false; // the book knows it now
    QString matchedModel;
    QString source;
    QDate effectiveFrom;
    Rates rates;
};

// What a reprice did, or would do (a dry run).
struct RepriceOutcome
{
    bool dryRun = false;
    RepriceScope scope;
    RepriceResult result;
};

// What the connected role may do (PostgreSQL privileges; SQLite: all).
using Capabilities = RolePrivileges;

} // namespace meterdesk

Q_DECLARE_METATYPE(meterdesk::DashboardData)
Q_DECLARE_METATYPE(meterdesk::UserDetails)
Q_DECLARE_METATYPE(meterdesk::LiveUpdate)
Q_DECLARE_METATYPE(meterdesk::ActionOutcome)
Q_DECLARE_METATYPE(meterdesk::Capabilities)
Q_DECLARE_METATYPE(QList<meterdesk::AuditRow>)
Q_DECLARE_METATYPE(QList<meterdesk::ModelPriceRow>)
Q_DECLARE_METATYPE(meterdesk::RepriceOutcome)
Q_DECLARE_METATYPE(meterdesk::ModelPrice)
Q_DECLARE_METATYPE(meterdesk::GuardrailData)
Q_DECLARE_METATYPE(meterdesk::BreakdownData)
Q_DECLARE_METATYPE(meterdesk::UsersOf)
Q_DECLARE_METATYPE(meterdesk::Comparison)
Q_DECLARE_METATYPE(meterdesk::ReconcileOutcome)
Q_DECLARE_METATYPE(meterdesk::BudgetChange)
Q_DECLARE_METATYPE(meterdesk::Budget)
