#pragma once

#include "queries/Rows.h"
#include "meterdesk_core_export.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace meterdesk {

class ColumnSortKeys;

// What a users-table column holds, which decides how each reader formats,
// aligns and sorts it.
enum class UserColumnKind {
    Text,   // sorted without case
    Count,  // a number of requests or tokens
    Money,  // nano-dollars
    Time,   // milliseconds since the epoch, UTC; 0 is never
    Score,  // a risk score, 0..100; -1 is none (no suggestion)
    Status, // 1 when the user is blocked; its text adds the reason
    Percent, // tenths of a percent (a budget's use); -1 is none
};

// Where a column appears.
enum UserColumnPlace {
    InDashboard = 0x1, // the dashboard's table, and the CSV export of what it shows
    InReport = 0x2,    // `meterctl users --csv` and the users report
    InTerminal = 0x4,  // `meterctl users` as a text table
};

// One column of the users table, described once: the dashboard's model, both
// CSV writers and `meterctl users` read this table. Adding a column means a
// field in UserRow (and the query that fills it) and a row in userColumns().
struct METERDESK_CORE_EXPORT UserColumn
{
    const char *title; // English; the dashboard translates it in the context "UsersModel"
    QString csvName;   // the report's header, snake_case
    UserColumnKind kind;
    int places;
    // The value: text for Text columns, a number for every other kind.
    QString (*text)(const UserRow &row) = nullptr;
    qint64 (*number)(const UserRow &row, const UserColumn &column) = nullptr;
    // A per-service cost column: the service it shows. In the dashboard
    // "other" is every service without a column of its own; a report has a
    // column for each service present instead.
    QString service;

    bool isIn(UserColumnPlace place) const { return places & place; }
    bool isNumeric() const { return kind != UserColumnKind::Text; }
    qint64 numberOf(const UserRow &row) const { return number ? number(row, *this) : 0; }
    // Orders two rows on this column: text without case, the rest by number.
    bool lessThan(const UserRow &a, const UserRow &b) const;
    // Plain text, as a report or a terminal shows it (English, UTC, dollars
    // to six places); unquoted.
    QString plainText(const UserRow &row) const;
};

// The order the dashboard's table shows its users in: a column of
// dashboardColumns() (-1: the order they were read in), and which way; and
// whether a search is typed, for which a load brings the rows' SearchText.
struct UserOrder
{
    int column = -1;
    bool descending = false;
    bool searching = false;
};

// Puts rows in that order the way the table's proxy sorts them (a stable
// sort on the column's keys, ColumnSortKeys; descending compares the other way round,
// as QSortFilterProxyModel does), so that the proxy's own sort, on the UI
// thread, finds them in order: its reset with 84,000 users by cost took
// 61 ms against 203 alone, and about half as long in the dashboard.
// Returns the column's keys of the rows in their new order, which the
// table then takes rather than make again (none without a column).
METERDESK_CORE_EXPORT ColumnSortKeys sortUsers(QList<UserRow> &rows, const UserOrder &order);

// Every column, in the order the dashboard shows them.
METERDESK_CORE_EXPORT const QList<UserColumn> &userColumns();
// The columns of one place, in order.
METERDESK_CORE_EXPORT QList<UserColumn> userColumns(UserColumnPlace place);
// userColumns(InDashboard), made once: the users table's columns.
METERDESK_CORE_EXPORT const QList<UserColumn> &dashboardColumns();
// The report's columns for rows that use `services`: a per-service cost
// column becomes one column per service, in the order of orderedServices().
METERDESK_CORE_EXPORT QList<UserColumn> userReportColumns(const QStringList &services);
// A user's cost with one service, or with every service the dashboard has
// no column for when `service` is "other".
METERDESK_CORE_EXPORT Money serviceCost(const UserRow &row, const QString &service);

} // namespace meterdesk
