#include "storage/BulkStatement.h"

#include "storage/SqlReader.h"

#include <QSqlDriver>
#include <QVarLengthArray>

#include <libpq-fe.h>
#include <sqlite3.h>

namespace meterdesk {

namespace {

QSqlError nativeError(sqlite3 *db, int code)
{
    return QSqlError(QStringLiteral("SQLite statement failed"), QString::fromUtf8(sqlite3_errmsg(db)),
                     QSqlError::StatementError, QString::number(code));
}

int bind(sqlite3_stmt *statement, int index, const BulkRows &rows, const BulkRows::Cell &cell)
{
    switch (cell.kind) {
    case BulkRows::Kind::Null:
        return sqlite3_bind_null(statement, index);
    case BulkRows::Kind::Integer:
    case BulkRows::Kind::Boolean:
        return sqlite3_bind_int64(statement, index, cell.value);
    case BulkRows::Kind::Real:
        return sqlite3_bind_double(statement, index, rows.real(cell));
    case BulkRows::Kind::Text:
        break;
    }
    // UTF-8, the database's own encoding, read in place: the rows outlive
    // the statement's run, and the bindings are cleared after it.
    const QByteArrayView text = rows.text(cell);
    return sqlite3_bind_text(statement, index, text.data(), int(text.size()), SQLITE_STATIC);
}

QVariant column(sqlite3_stmt *statement, int index)
{
    switch (sqlite3_column_type(statement, index)) {
    case SQLITE_NULL:
        return {};
    case SQLITE_INTEGER:
        return qint64(sqlite3_column_int64(statement, index));
    default:
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, index)),
                                 sqlite3_column_bytes(statement, index));
    }
}

} // namespace

QString placeholders(int columns)
{
    QString text = QStringLiteral("(");
    for (int i = 0; i < columns; ++i)
        text += i ? QStringLiteral(", ?") : QStringLiteral("?");
    return text + u')';
}

BulkStatement::BulkStatement(const QSqlDatabase &db, QString head, QString rowTemplate, QString tail,
                             QStringList columnTypes, int rowsPerStatement)
    : m_db(db), m_dialect(&Dialect::of(db)), m_head(std::move(head)), m_rowTemplate(std::move(rowTemplate)), m_tail(std::move(tail)),
      m_columnTypes(std::move(columnTypes)), m_rowsPerStatement(qMax(1, rowsPerStatement))
{
    Q_ASSERT(m_columnTypes.size() == m_rowTemplate.count(u'?'));
    m_sqlite = Dialect::sqliteHandle(db);
}

BulkStatement::BulkStatement(BulkStatement &&other) noexcept
    : m_db(std::move(other.m_db)), m_dialect(other.m_dialect), m_head(std::move(other.m_head)), m_rowTemplate(std::move(other.m_rowTemplate)),
      m_tail(std::move(other.m_tail)), m_columnTypes(std::move(other.m_columnTypes)),
      m_rowsPerStatement(other.m_rowsPerStatement),
      m_statements(std::move(other.m_statements)), m_sqlite(other.m_sqlite), m_native(std::move(other.m_native)),
      m_arrayText(std::move(other.m_arrayText))
{
    other.m_native.clear();
}

BulkStatement::~BulkStatement()
{
    for (sqlite3_stmt *statement : std::as_const(m_native))
        sqlite3_finalize(statement);
}

QString BulkStatement::statementText(int rows) const
{
    QStringList values;
    values.reserve(rows);
    for (int i = 0; i < rows; ++i)
        values << m_rowTemplate;
    return m_head + QStringLiteral(" VALUES ") + values.join(QStringLiteral(", ")) + u' ' + m_tail;
}

QString BulkStatement::arrayStatementText() const
{
    // The row template's placeholders become the array columns, in order.
    QString row = m_rowTemplate.trimmed();
    if (row.startsWith(u'(') && row.endsWith(u')'))
        row = row.mid(1, row.size() - 2);
    QString select;
    int column = 0;
    for (const QChar c : std::as_const(row))
        select += c == u'?' ? QStringLiteral("r.c%1").arg(++column) : QString(c);
    QStringList arrays, names;
    for (qsizetype i = 0; i < m_columnTypes.size(); ++i) {
        arrays << QStringLiteral("$%1::%2[]").arg(i + 1).arg(m_columnTypes[i]);
        names << QStringLiteral("c%1").arg(i + 1);
    }
    return QStringLiteral("%1 SELECT %2 FROM unnest(%3) AS r(%4) %5")
        .arg(m_head, select, arrays.join(QStringLiteral(", ")), names.join(QStringLiteral(", ")), m_tail);
}

namespace {

// One column of the rows as a PostgreSQL array literal in UTF-8:
// {"a","b\"c",NULL,7}.
QByteArray arrayLiteral(const BulkRows &rows, int column)
{
    QByteArray literal;
    literal.reserve(rows.rowCount() * 16 + 2);
    literal += '{';
    for (qsizetype r = 0; r < rows.rowCount(); ++r) {
        if (r)
            literal += ',';
        const BulkRows::Cell &cell = rows.cell(r, column);
        switch (cell.kind) {
        case BulkRows::Kind::Null:
            literal += "NULL";
            break;
        case BulkRows::Kind::Boolean:
            literal += cell.value ? 't' : 'f';
            break;
        case BulkRows::Kind::Integer:
            literal += QByteArray::number(cell.value);
            break;
        case BulkRows::Kind::Real:
            literal += '"' +
                       QByteArray::number(rows.real(cell), 'g', QLocale::FloatingPointShortest) +
                       '"';
            break;
        case BulkRows::Kind::Text:
            literal += '"';
            for (const char c : rows.text(cell)) {
                if (c == '"' || c == '\\')
                    literal += '\\';
                literal += c;
            }
            literal += '"';
        }
    }
    literal += '}';
    return literal;
}

} // namespace

// The arrays go to libpq itself as parameters, on the driver's own
// connection: QPSQL wrote each into the text of an EXECUTE, escaping it on
// the way (QSqlDriver::formatValue), and the server read it back as SQL; a
// fifth of a batch of 1,000's time in the client alone (perf).
bool BulkStatement::execArrays(const BulkRows &rows, QSqlError *error,
                               const ResultHandler &onResult)
{
    PGconn *connection = Dialect::postgresHandle(m_db);
    if (!connection) { // closed, and not made again
        *error = QSqlError(QStringLiteral("PostgreSQL statement failed"), QStringLiteral("no connection to the server"),
                           QSqlError::ConnectionError, QStringLiteral("08006"));
        return false;
    }
    if (m_arrayText.isEmpty())
        m_arrayText = arrayStatementText().toUtf8();
    QList<QByteArray> arrays;
    QVarLengthArray<const char *, 32> values;
    arrays.reserve(m_columnTypes.size());
    for (int column = 0; column < int(m_columnTypes.size()); ++column) {
        arrays.append(arrayLiteral(rows, column));
        values.append(arrays.last().constData());
    }
    PGresult *result = PQexecParams(connection, m_arrayText.constData(), int(values.size()), nullptr,
                                    values.constData(), nullptr, nullptr, 0);
    const ExecStatusType status = PQresultStatus(result);
    const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    if (!ok) {
        *error = postgresError(connection, result);
    } else if (onResult && status == PGRES_TUPLES_OK) {
        for (int row = 0; row < PQntuples(result); ++row)
            onResult(PQgetisnull(result, row, 0) ? QVariant()
                                                  : QVariant(QString::fromUtf8(PQgetvalue(result, row, 0),
                                                                               PQgetlength(result, row, 0))));
    }
    PQclear(result);
    return ok;
}

bool BulkStatement::run(QSqlQuery &query, QSqlError *error, const ResultHandler &onResult)
{
    if (!query.exec()) {
        *error = query.lastError();
        return false;
    }
    if (onResult)
        while (query.next())
            onResult(query.value(0));
    query.finish();
    return true;
}

QSqlQuery *BulkStatement::prepared(int rows, QSqlError *error)
{
    auto it = m_statements.find(rows);
    if (it != m_statements.end())
        return &*it;
    QSqlQuery query(m_db);
    if (!query.prepare(statementText(rows))) {
        *error = query.lastError();
        return nullptr;
    }
    return &*m_statements.insert(rows, query);
}

sqlite3_stmt *BulkStatement::preparedNative(int rows, QSqlError *error)
{
    if (sqlite3_stmt *statement = m_native.value(rows))
        return statement;
    const QByteArray text = statementText(rows).toUtf8();
    sqlite3_stmt *statement = nullptr;
    const int code = sqlite3_prepare_v2(m_sqlite, text.constData(), int(text.size()), &statement, nullptr);
    if (code != SQLITE_OK) {
        *error = nativeError(m_sqlite, code);
        sqlite3_finalize(statement);
        return nullptr;
    }
    m_native.insert(rows, statement);
    return statement;
}

bool BulkStatement::execNative(const BulkRows &rows, QSqlError *error,
                               const ResultHandler &onResult)
{
    for (qsizetype start = 0; start < rows.rowCount(); start += m_rowsPerStatement) {
        const int count = int(qMin<qsizetype>(m_rowsPerStatement, rows.rowCount() - start));
        sqlite3_stmt *statement = preparedNative(count, error);
        if (!statement)
            return false;
        int index = 1;
        for (qsizetype r = start; r < start + count; ++r)
            for (int c = 0; c < rows.columnCount(); ++c)
                if (const int code = bind(statement, index++, rows, rows.cell(r, c));
                    code != SQLITE_OK) {
                    *error = nativeError(m_sqlite, code);
                    sqlite3_reset(statement);
                    return false;
                }
        for (;;) {
            const int code = sqlite3_step(statement);
            if (code == SQLITE_ROW) {
                if (onResult)
                    onResult(column(statement, 0));
                continue;
            }
            if (code == SQLITE_DONE)
                break;
            *error = nativeError(m_sqlite, sqlite3_extended_errcode(m_sqlite));
            sqlite3_reset(statement);
            sqlite3_clear_bindings(statement);
            return false;
        }
        sqlite3_reset(statement);
        sqlite3_clear_bindings(statement);
    }
    return true;
}

bool BulkStatement::exec(const QList<QVariantList> &rows, QSqlError *error, const ResultHandler &onResult)
{
    return exec(BulkRows::fromVariants(rows), error, onResult);
}

bool BulkStatement::exec(const BulkRows &rows, QSqlError *error, const ResultHandler &onResult)
{
    if (!rows.isEmpty() && rows.columnCount() != m_columnTypes.size()) {
        *error = QSqlError(QStringLiteral("bulk statement not run"),
                           QStringLiteral("rows of %1 values for a statement of %2")
                               .arg(rows.columnCount())
                               .arg(m_columnTypes.size()),
                           QSqlError::StatementError);
        return false;
    }
    if (m_sqlite)
        return execNative(rows, error, onResult);
    if (rows.isEmpty())
        return true;
    // A handful of rows (one event per call) run faster as the small VALUES
    // statement: measured, 2,000 single events/s against 1,400 as arrays.
    if (m_dialect->bindsRowsAsArrays(rows.rowCount()))
        return execArrays(rows, error, onResult);
    for (qsizetype start = 0; start < rows.rowCount(); start += m_rowsPerStatement) {
        const int count = int(qMin<qsizetype>(m_rowsPerStatement, rows.rowCount() - start));
        QSqlQuery *query = prepared(count, error);
        if (!query)
            return false;
        for (qsizetype r = start; r < start + count; ++r)
            for (int c = 0; c < rows.columnCount(); ++c)
                query->addBindValue(rows.variant(r, c));
        if (!run(*query, error, onResult))
            return false;
    }
    return true;
}

} // namespace meterdesk
