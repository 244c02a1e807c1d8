#pragma once

#include "storage/Database.h"
#include "meterdesk_core_export.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QSqlError>
#include <QString>
#include <QVariantList>

#include <functional>

struct pg_conn;
struct pg_result;
struct sqlite3_stmt;

namespace meterdesk {

// One row of a result, read by column number.
class SqlRow
{
public:
    virtual ~SqlRow() = default;
    virtual QString text(int column) const = 0;
    // The text as the database holds it, valid until the next row; null
    // for NULL. Cheaper than text() where only a lookup needs the value.
    virtual QByteArrayView utf8(int column) const = 0;
    virtual qint64 integer(int column) const = 0;
    // A timestamp column as UTC; null for NULL.
    virtual QDateTime timestamp(int column) const = 0;
    virtual bool isNull(int column) const = 0;
    virtual QVariant value(int column) const = 0;
    // How many rows of this result follow this one, where the database
    // gives whole results (PostgreSQL); -1 where it steps through them
    // (SQLite). A reader that keeps the rows makes room for them at once.
    virtual qsizetype rowsAfter() const { return -1; }
};

// Reads a large result row by row. On SQLite it steps the driver's own
// statement: QSqlQuery's per-value QVariants cost more than the query itself
// for the 100,000-user reads of the dashboard.
bool readRows(Database &db, const QString &sql, const QVariantList &values,
              const std::function<void(const SqlRow &)> &onRow, QString *error);

// One of several statements read in turn, with what takes its rows.
struct SqlRead
{
    QString sql;
    QVariantList values;
    std::function<void(const SqlRow &)> onRow;
};

// A statement and its bound values, before it has a reader.
using SqlStatement = std::pair<QString, QVariantList>;

// The statements as reads that all hand their rows to one onRow.
inline QList<SqlRead> sqlReads(const QList<SqlStatement> &statements, const std::function<void(const SqlRow &)> &onRow)
{
    QList<SqlRead> reads;
    reads.reserve(statements.size());
    for (const auto &[sql, values] : statements)
        reads.append({sql, values, onRow});
    return reads;
}

// Reads the statements in order, each row to its own statement's onRow, and
// stops at the first that fails. On PostgreSQL they go to the server
// together (libpq's pipeline mode): it sends one statement's rows while
// this handles the last's, where one at a time the two took turns.
METERDESK_CORE_EXPORT bool readRows(Database &db, const QList<SqlRead> &reads, QString *error);

// A failed libpq statement as QPSQL would report it: the server's message,
// and its SQLSTATE as the native code (classify() reads it), 08006 when the
// connection is gone.
QSqlError postgresError(pg_conn *connection, const pg_result *result);

} // namespace meterdesk
