#pragma once

#include "storage/ConnectionSpec.h"
#include "meterdesk_core_export.h"

#include <QString>
#include <QStringList>

class QSqlDatabase;
struct pg_conn;
struct sqlite3;

namespace meterdesk {

// Every difference between PostgreSQL and SQLite, in one place: how the SQL
// is spelled, how a session and a write transaction start, what only one of
// them has (roles, advisory locks), the bulk paths and the drivers' raw
// handles. Code elsewhere asks the dialect rather than which backend it is
// on, so a new backend feature touches this class and the feature's file.
class METERDESK_CORE_EXPORT Dialect
{
public:
    static const Dialect &of(Backend backend);
    // The dialect of an open connection, by its driver.
    static const Dialect &of(const QSqlDatabase &db);

    Backend backend() const { return m_backend; }
    bool isPostgres() const { return m_backend == Backend::Postgres; }

    // --- The connection ---------------------------------------------------
    QString driverName() const;
    // Statements run once a connection is open (time zone, pragmas).
    QStringList sessionSetup() const;
    // How a write transaction starts. SQLite takes its write lock up front
    // (BEGIN IMMEDIATE), so two writers never deadlock upgrading a read lock;
    // PostgreSQL locks rows as it reaches them (empty: the driver's BEGIN).
    QString beginWrite() const;
    // A lock held until the transaction ends, taken by a number: serialises
    // one kind of writer (the audit chain). Empty on SQLite, whose write
    // transaction is already exclusive.
    QString transactionLock(qint64 key) const;
    // A stats row's total_requests, total_cost and service_breakdown are
    // derived by its own trigger on every update (PostgreSQL, where the
    // original writer writes them too: LegacyWriter.cpp).
    bool derivesStatsTotals() const { return isPostgres(); }
    // Database roles and column privileges exist (PostgreSQL only).
    bool hasRoles() const { return isPostgres(); }
    // The role a statement runs as, as an SQL expression ('sqlite' there).
    QString currentRole() const;
    // After a SELECT: lock the rows read until the transaction ends. Empty
    // on SQLite, whose write transaction already holds the database.
    QString forUpdate() const;

    // --- Column types -----------------------------------------------------
    QString textType() const;
    QString dayType() const;
    QString timestampType() const;
    QString serialKey() const;
    // After CREATE TABLE: a table stored in its key's b-tree (SQLite's
    // WITHOUT ROWID), for tables read and upserted by key alone.
    QString clusteredTable() const;
    QString addColumnIfMissing() const;

    // --- Spellings in statements --------------------------------------------
    QString boolean(bool value) const;
    // The UTC day of a timestamp column.
    QString dayOf(const QString &timestampColumn) const;
    // The Monday that starts the week of a timestamp or day, as a day.
    QString weekOf(const QString &timestampColumn) const;
    // The minute of a timestamp column, for counting calls per minute.
    QString minuteOf(const QString &timestampColumn) const;
    // The JSON object { service: {requests, cost, tokens} } built from rows
    // with the columns service, requests, cost_nanos and tokens.
    QString serviceBreakdownAggregate() const;
    // "FROM" items that give one row per entry of a JSON object column:
    // columns e.key and e.value.
    QString jsonEntries(const QString &column) const;
    // A number read from a JSON value's member, as `type`.
    QString jsonNumber(const QString &json, const QString &member, const QString &type) const;
    // Whole micro-dollars of a whole number of nano-dollars, half up.
    QString microsFromNanos(const QString &nanos) const;
    // The stats row's total_cost after an upsert: PostgreSQL's is numeric and
    // kept by adding; SQLite's double is derived from the exact nanos.
    QString statsTotalCostUpsert() const;
    // The stats row's total_cost moved by `nanos`, a difference in nano-dollars.
    QString statsTotalCostPlus(const QString &nanos) const;

    // --- Bulk paths and raw handles -----------------------------------------
    // Many rows go as one statement over arrays (PostgreSQL's unnest)
    // rather than a multi-row VALUES.
    bool bindsRowsAsArrays(qsizetype rows) const;
    // The drivers' own handles, for the fast paths; null for any other driver.
    static sqlite3 *sqliteHandle(const QSqlDatabase &db);
    static pg_conn *postgresHandle(const QSqlDatabase &db);

private:
    explicit constexpr Dialect(Backend backend) : m_backend(backend) {}
    Backend m_backend;
};

} // namespace meterdesk
