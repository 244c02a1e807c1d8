#pragma once

#include "queries/DateRange.h"
#include "queries/Rows.h"
#include "queries/UsersSnapshot.h"
#include "storage/Database.h"
#include "meterdesk_core_export.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <QHash>

#include <optional>

namespace meterdesk {

class SqlRow;
struct SqlRead;
class RangeParts;
class Utf8KeyIndex;

// The reading side of the seed's admin routes. Ranges read the rollups and
// the stats table; only a user's request list reads the log, by index.
class METERDESK_CORE_EXPORT Queries
{
public:
    explicit Queries(Database &database);

    // Which user counts overview() reads. A caller with the range's users()
    // rows counts both from them (countUsers) instead: each count is a scan
    // of 100,000 rows.
    enum class UserCounts { ActiveAndBlocked, BlockedOnly, None };
    std::optional<Overview> overview(const DateRange &range, QString *error,
                                     UserCounts counts = UserCounts::ActiveAndBlocked);
    // The active and blocked users of `overview` from the users() rows of
    // the same range, as overview() would read them: blocked users are shown
    // in every range, so none is missing.
    static void countUsers(Overview &overview, const QList<UserRow> &rows);
    // With `known` (a snapshot kept current, see UsersSnapshot) the users'
    // names and state come from it and only the range's sums are read; for
    // all time nothing is read.
    std::optional<QList<UserRow>> users(const DateRange &range, QString *error, const UsersSnapshot *known = nullptr);
    // Every user's all-time row with its index by id.
    std::optional<UsersSnapshot> snapshot(QString *error);
    // The rows of these users alone, as users() would give them
    // (QueriesLive.cpp): a live update re-reads the users new calls or
    // admin actions touched. Users a range would not show are left out.
    std::optional<QList<UserRow>> someUsers(const DateRange &range, const QStringList &userIds, QString *error);
    // Each of these users' most used budget now (QueriesBudgets.cpp): users
    // without a budget are left out. Not part of users(): the dashboard reads
    // it beside a load, so that a month of rollup rows never delays one.
    std::optional<QHash<QString, UserBudget>> budgetUse(const QStringList &userIds, QString *error);
    // The same, into the rows' budget column (reports, meterctl), and each
    // user's in words into `words` when given.
    bool addBudgetUse(QList<UserRow> &rows, QString *error, QHash<QString, UserBudget> *words = nullptr);
    std::optional<QList<CostRow>> costs(const DateRange &range, QString *error);
    std::optional<QList<SeriesPoint>> costSeries(const DateRange &range, Bucket bucket, QString *error);
    // overview() without user counts, costs() and costSeries() of one range,
    // as the dashboard loads them (QueriesTotals.cpp): on SQLite one read of
    // the rollup feeds all three.
    std::optional<DashboardTotals> dashboardTotals(const DateRange &range, Bucket bucket, QString *error);
    // What the dashboard loads for a range: users() and, on a connection
    // and core of their own meanwhile, dashboardTotals().
    std::optional<DashboardLoad> dashboard(const DateRange &range, Bucket bucket, QString *error,
                                           const UsersSnapshot *known = nullptr);
    // Cost per bucket and service, model or endpoint (QueriesBreakdown.cpp).
    // By model, the `topModels` costliest of the range keep their names and
    // the rest is summed as OtherModels; by endpoint, "" is no endpoint.
    std::optional<QList<SeriesPoint>> costSeries(const DateRange &range, Bucket bucket, Breakdown by, QString *error,
                                                 int topModels = 7);
    // The range's totals by service, model or endpoint, costliest first.
    std::optional<QList<BreakdownRow>> costsBy(const DateRange &range, Breakdown by, QString *error);
    // The users who spent on one service, model or endpoint in the range
    // (a drill-down from a chart). By endpoint it reads the log by time: the
    // per-user rollup has no endpoint.
    std::optional<QStringList> usersOf(const DateRange &range, Breakdown by, const QString &key, QString *error);
    static const QString OtherModels;
    // One user's daily rollup rows, oldest first: cost over time per
    // service and model for the details pane.
    std::optional<QList<UserDayRow>> userDaily(const QString &userId, const DateRange &range, QString *error);
    std::optional<QList<EventRow>> userEvents(const QString &userId, const DateRange &range, int limit,
                                              int offset, QString *error);
    std::optional<QList<AuditRow>> audit(const QString &userId, const QString &action, int limit,
                                         QString *error);
    // The first and last day with usage (null dates when there is none).
    std::pair<QDate, QDate> daySpan();
    // Rows where the stats, per-service totals or rollups differ from the
    // sums of the log; empty when all agree to the nano-dollar.
    std::optional<QStringList> verify(QString *error);


private:
    // Whether a second connection sees this one's database (not so for an
    // in-memory SQLite database).
    bool canReadAside() const;
    bool run(QSqlQuery &query, const QString &sql, const QVariantList &values, QString *error);
    QVariantList dayBounds(const DateRange &range) const;
    static QString breakdownColumn(Breakdown by);
    std::optional<QList<CostRow>> sumCosts(const DateRange &range, QString *error);
    // Where a scan of rows keyed by user id last found its user's row, and
    // whether looking beside it still pays (rowAfter).
    struct RowCursor
    {
        qsizetype last = -1; // the row of the id read before
        int misses = 0;      // looks beside it in a row that found nothing
        int skipped = 0;     // rows since the last look
    };
    // Where the names' scan joins the stats rows, and the time of the read.
    struct StateJoin
    {
        QDateTime now;
        RowCursor names;
    };
    // The reads of every user's stats row and name into `rows` and `index`,
    // for readRows; `join` must outlive them.
    QList<SqlRead> userStateReads(QList<UserRow> &rows, Utf8KeyIndex &index, bool allTime, StateJoin &join);
    // Where the row of `id` is among `count` rows (-1: none), the cursor
    // moved there: the row of the id read before, or the one after it, or
    // where `index` says.
    static qsizetype rowAfter(const UserRow *rows, qsizetype count, const Utf8KeyIndex &index, RowCursor &cursor,
                              QByteArrayView id);
    // The users' rows of a range into empty `rows`: their states and names
    // read (and where each id's row is into `index`), or copied from
    // `known`, whose index serves then, and the range's per-service sums.
    bool readUsers(const DateRange &range, QList<UserRow> &rows, Utf8KeyIndex &index, const UsersSnapshot *known,
                   QString *error);
    static void endExpiredBlock(UserRow &row, const QDateTime &now);
    // `known`'s users and states in `rows`, with no usage.
    static void copyStates(const UsersSnapshot &known, QList<UserRow> &rows);
    // A closed range's per-service sums into `rows` (copied from a
    // snapshot, in `index`), read on SQLite by two threads that share out
    // runs of users.
    bool sumByUserChunks(const RangeParts &parts, QList<UserRow> &rows, const Utf8KeyIndex &index, QString *error);
    // How many runs of ids; the longest range read so, in days and weeks
    // (a statement each per run: a year is about 60).
    static constexpr int UserChunks = 16;
    static constexpr qint64 MaxPeriodsByUserChunks = 120;
    // The per-service rows of a range (user_id, service, requests, tokens,
    // cost_nanos, unpriced); `userCondition` narrows them (SQL, from code).
    static QString perServiceSql(bool allTime, const QString &userCondition);
    // A stats row's columns (StatsColumns, in order) as a user row.
    static const QString StatsColumns;
    static UserRow userFromStats(const SqlRow &row, bool allTime, const QDateTime &now);
    // id, first_name, last_name, email
    static void setNameFrom(UserRow &row, const SqlRow &names);
    // Whether an id read as `text` has these UTF-8 bytes, answered for
    // ASCII ids only: false for any other, which the caller then looks up.
    static bool sameAsciiKey(const QString &text, QByteArrayView utf8);
    static bool shownInRange(const UserRow &row, const DateRange &range);

    Database &m_db;
};

} // namespace meterdesk
