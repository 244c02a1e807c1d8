#pragma once

#include "storage/BulkRows.h"
#include "storage/Dialect.h"

#include "meterdesk_core_export.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>

struct sqlite3;
struct sqlite3_stmt;

namespace meterdesk {

// One prepared statement run for many rows at once, so a batch of a
// thousand events costs a few round trips instead of a thousand.
//
// On SQLite the rows go into multi-row VALUES lists ("INSERT ... VALUES
// (?, ?), (?, ?) ..."), one prepared statement per chunk size, bound through
// the driver's own handle: QSqlQuery's binding costs more than SQLite's whole
// insert. On PostgreSQL all rows go in one statement with one array per
// column ("INSERT ... SELECT r.c1, r.c2 FROM unnest($1::varchar[],
// $2::bigint[]) AS r(c1, c2) ..."), sent through libpq on the driver's own
// connection: a VALUES list of 200 rows cost the server more to plan than
// to run, about six times the time of the arrays. A handful of rows still
// go as the small VALUES statement.
class METERDESK_CORE_EXPORT BulkStatement
{
public:
    using ResultHandler = std::function<void(const QVariant &firstColumn)>;

    // `head` ends before VALUES; `tail` follows the last row (ON CONFLICT ...).
    // `rowTemplate` is one row's placeholders, "(?, ?, 1, ?)" style, and
    // `columnTypes` the PostgreSQL type of each placeholder, in order.
    BulkStatement(const QSqlDatabase &db, QString head, QString rowTemplate, QString tail, QStringList columnTypes,
                  int rowsPerStatement);
    ~BulkStatement();
    BulkStatement(const BulkStatement &) = delete;
    BulkStatement &operator=(const BulkStatement &) = delete;
    BulkStatement(BulkStatement &&other) noexcept;

    // Runs the rows in chunks; `onResult` sees each row a RETURNING clause gives.
    bool exec(const BulkRows &rows, QSqlError *error, const ResultHandler &onResult = {});
    bool exec(const QList<QVariantList> &rows, QSqlError *error, const ResultHandler &onResult = {});

private:
    QString statementText(int rows) const;
    // The array statement, with libpq's "$1" placeholders.
    QString arrayStatementText() const;
    bool execArrays(const BulkRows &rows, QSqlError *error, const ResultHandler &onResult);
    // The prepared VALUES statement for `rows` rows.
    QSqlQuery *prepared(int rows, QSqlError *error);
    static bool run(QSqlQuery &query, QSqlError *error, const ResultHandler &onResult);
    sqlite3_stmt *preparedNative(int rows, QSqlError *error);
    bool execNative(const BulkRows &rows, QSqlError *error, const ResultHandler &onResult);

    QSqlDatabase m_db;
    const Dialect *m_dialect;
    QString m_head;
    QString m_rowTemplate;
    QString m_tail;
    QStringList m_columnTypes;
    int m_rowsPerStatement;
    QHash<int, QSqlQuery> m_statements;
    sqlite3 *m_sqlite = nullptr; // set when the connection is SQLite
    QHash<int, sqlite3_stmt *> m_native;
    QByteArray m_arrayText; // arrayStatementText(), made when first run
};

// "(?, ?, ?)" for n columns.
METERDESK_CORE_EXPORT QString placeholders(int columns);

} // namespace meterdesk
