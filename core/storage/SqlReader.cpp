#include "storage/SqlReader.h"

#include "storage/Timestamps.h"

#include <QSqlDriver>
#include <QSqlQuery>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <cstdlib>

namespace meterdesk {

namespace {

// A row of SQLite's own statement. Each column is taken once as its value
// and read from there: every column function enters and leaves the
// connection and checks for a failed allocation, and two of them a column
// (type and number, or text and length) were about a fifth of the samples
// of an all-time load at 10M calls (that load's median: 198 ms, now 175).
// Reading the unprotected value this way is safe because its connection
// is used by one thread only, as every Database is.
class NativeRow : public SqlRow
{
public:
    explicit NativeRow(sqlite3_stmt *statement) : m_statement(statement) {}
    QString text(int column) const override
    {
        sqlite3_value *value = at(column);
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_value_text(value)), sqlite3_value_bytes(value));
    }
    QByteArrayView utf8(int column) const override
    {
        sqlite3_value *value = at(column);
        const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(value));
        return text ? QByteArrayView(text, sqlite3_value_bytes(value)) : QByteArrayView();
    }
    QDateTime timestamp(int column) const override { return utcFromSqlText(utf8(column)); }
    qint64 integer(int column) const override
    {
        // Sums of a NUMERIC column can come back as text or real.
        sqlite3_value *value = at(column);
        switch (sqlite3_value_type(value)) {
        case SQLITE_INTEGER:
            return sqlite3_value_int64(value);
        case SQLITE_NULL:
            return 0;
        default:
            return text(column).toLongLong();
        }
    }
    bool isNull(int column) const override { return sqlite3_value_type(at(column)) == SQLITE_NULL; }
    QVariant value(int column) const override
    {
        sqlite3_value *value = at(column);
        switch (sqlite3_value_type(value)) {
        case SQLITE_NULL:
            return {};
        case SQLITE_INTEGER:
            return qint64(sqlite3_value_int64(value));
        case SQLITE_FLOAT:
            return sqlite3_value_double(value);
        default:
            return text(column);
        }
    }

private:
    sqlite3_value *at(int column) const { return sqlite3_column_value(m_statement, column); }

    sqlite3_stmt *m_statement;
};

class QtRow : public SqlRow
{
public:
    explicit QtRow(const QSqlQuery &query) : m_query(query) {}
    QString text(int column) const override { return m_query.value(column).toString(); }
    QByteArrayView utf8(int column) const override
    {
        if (m_query.isNull(column))
            return {};
        if (m_utf8.size() <= column)
            m_utf8.resize(column + 1);
        m_utf8[column] = text(column).toUtf8();
        return m_utf8[column];
    }
    qint64 integer(int column) const override
    {
        const QVariant value = m_query.value(column);
        bool ok = false;
        const qint64 number = value.toString().toLongLong(&ok); // numeric sums arrive as text
        return ok ? number : value.toLongLong();
    }
    QDateTime timestamp(int column) const override { return utcFromSql(m_query.value(column)); }
    bool isNull(int column) const override { return m_query.isNull(column); }
    QVariant value(int column) const override { return m_query.value(column); }

private:
    const QSqlQuery &m_query;
    mutable QList<QByteArray> m_utf8; // what utf8() hands out, per column
};

// A row of a libpq result in text format: values are read where libpq
// keeps them. Column types come from the result (PQftype), so booleans and
// integers become the QVariants the QSqlQuery path would give.
class PgRow : public SqlRow
{
public:
    explicit PgRow(const PGresult *result) : m_result(result), m_rows(PQntuples(result)) {}
    void setRow(int row) { m_row = row; }
    qsizetype rowsAfter() const override { return m_rows - m_row - 1; }
    QString text(int column) const override { return QString::fromUtf8(utf8(column)); }
    QByteArrayView utf8(int column) const override
    {
        if (PQgetisnull(m_result, m_row, column))
            return {};
        return QByteArrayView(PQgetvalue(m_result, m_row, column), PQgetlength(m_result, m_row, column));
    }
    QDateTime timestamp(int column) const override { return utcFromSqlText(utf8(column)); }
    qint64 integer(int column) const override
    {
        if (PQgetisnull(m_result, m_row, column))
            return 0;
        // Sums of bigint are numeric: whole numbers as text. Plain digits
        // by hand: strtoll's locale-aware parse was 40 ms of the 1.2 million
        // numbers of 100,000 users' per-service rows.
        const char *text = PQgetvalue(m_result, m_row, column);
        const int length = PQgetlength(m_result, m_row, column);
        const bool negative = length > 0 && text[0] == '-';
        if (length - int(negative) >= 1 && length - int(negative) <= 18) {
            qint64 number = 0;
            int i = int(negative);
            for (; i < length && text[i] >= '0' && text[i] <= '9'; ++i)
                number = number * 10 + (text[i] - '0');
            if (i == length)
                return negative ? -number : number;
        }
        return std::strtoll(text, nullptr, 10);
    }
    bool isNull(int column) const override { return PQgetisnull(m_result, m_row, column); }
    QVariant value(int column) const override
    {
        if (PQgetisnull(m_result, m_row, column))
            return {};
        switch (PQftype(m_result, column)) {
        case BoolOid:
            return *PQgetvalue(m_result, m_row, column) == 't';
        case Int2Oid:
        case Int4Oid:
        case Int8Oid:
            return integer(column);
        default:
            return text(column);
        }
    }

private:
    // The type ids PostgreSQL gives these types (pg_type.h).
    static constexpr Oid BoolOid = 16, Int8Oid = 20, Int2Oid = 21, Int4Oid = 23;
    const PGresult *m_result;
    int m_rows;
    int m_row = 0;
};

// A statement's text and values as libpq takes them: "?" placeholders
// become "$1", "$2", ... (the statements here hold no question marks in
// literals), values become text.
class PgParameters
{
public:
    PgParameters(const QString &sql, const QVariantList &values)
    {
        int placeholder = 0;
        for (const char c : sql.toUtf8())
            m_text += c == '?' ? QByteArray("$") + QByteArray::number(++placeholder) : QByteArray(1, c);
        for (const QVariant &value : values) {
            if (value.isNull())
                m_texts.append(QByteArray());
            else if (value.typeId() == QMetaType::Bool)
                m_texts.append(value.toBool() ? QByteArray("true") : QByteArray("false"));
            else
                m_texts.append(value.toString().toUtf8());
        }
        for (qsizetype i = 0; i < m_texts.size(); ++i)
            m_pointers.append(values[i].isNull() ? nullptr : m_texts[i].constData());
    }
    const char *text() const { return m_text.constData(); }
    int count() const { return int(m_pointers.size()); }
    const char *const *values() const { return m_pointers.constData(); }

private:
    QByteArray m_text;
    QList<QByteArray> m_texts;
    QList<const char *> m_pointers;
};

void readResult(const PGresult *result, const std::function<void(const SqlRow &)> &onRow)
{
    PgRow row(result);
    const int rows = PQntuples(result);
    for (int r = 0; r < rows; ++r) {
        row.setRow(r);
        onRow(row);
    }
}

// Runs `sql` with `values` through libpq itself: the QPSQL path turned each
// value into a QVariant and was nine tenths of loading 100,000 users.
bool readPostgres(PGconn *connection, const QString &sql, const QVariantList &values,
                  const std::function<void(const SqlRow &)> &onRow, QString *error)
{
    const PgParameters parameters(sql, values);
    PGresult *result = PQexecParams(connection, parameters.text(), parameters.count(), nullptr, parameters.values(),
                                    nullptr, nullptr, 0);
    const bool ok = PQresultStatus(result) == PGRES_TUPLES_OK;
    if (ok)
        readResult(result, onRow);
    else
        *error = postgresError(connection, result).databaseText();
    PQclear(result);
    return ok;
}

// The statements in one pipeline: all sent, then each result read and
// handled while the server already sends the next. After a failure the
// server skips the rest (PIPELINE_ABORTED); every result up to the sync is
// still read, so the connection leaves pipeline mode as it came.
bool readPostgresPipeline(PGconn *connection, const QList<SqlRead> &reads, QString *error)
{
    if (PQenterPipelineMode(connection) != 1) {
        *error = postgresError(connection, nullptr).databaseText();
        return false;
    }
    bool ok = true;
    qsizetype sent = 0;
    for (const SqlRead &read : reads) {
        const PgParameters parameters(read.sql, read.values);
        if (PQsendQueryParams(connection, parameters.text(), parameters.count(), nullptr, parameters.values(), nullptr,
                              nullptr, 0)
            != 1) {
            ok = false;
            *error = postgresError(connection, nullptr).databaseText();
            break;
        }
        ++sent;
    }
    if (PQpipelineSync(connection) != 1 && ok) {
        ok = false;
        *error = postgresError(connection, nullptr).databaseText();
    }
    for (qsizetype i = 0; i < sent; ++i) {
        while (PGresult *result = PQgetResult(connection)) {
            const ExecStatusType status = PQresultStatus(result);
            if (status == PGRES_TUPLES_OK) {
                if (ok)
                    readResult(result, reads[i].onRow);
            } else if (ok) {
                ok = false;
                *error = postgresError(connection, result).databaseText();
            }
            PQclear(result);
        }
    }
    // The sync's own result, unless the connection is gone.
    while (PGresult *result = PQgetResult(connection)) {
        const bool synced = PQresultStatus(result) == PGRES_PIPELINE_SYNC;
        PQclear(result);
        if (synced)
            break;
    }
    if (PQexitPipelineMode(connection) != 1 && ok) {
        ok = false;
        *error = postgresError(connection, nullptr).databaseText();
    }
    return ok;
}

bool bindNative(sqlite3_stmt *statement, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &value = values[i];
        int code = SQLITE_OK;
        if (value.isNull())
            code = sqlite3_bind_null(statement, i + 1);
        else if (value.typeId() == QMetaType::Int || value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Bool)
            code = sqlite3_bind_int64(statement, i + 1, value.toLongLong());
        else {
            const QByteArray text = value.toString().toUtf8();
            code = sqlite3_bind_text(statement, i + 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
        }
        if (code != SQLITE_OK)
            return false;
    }
    return true;
}

} // namespace

QSqlError postgresError(PGconn *connection, const PGresult *result)
{
    QString message = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    if (message.isEmpty())
        message = QString::fromUtf8(PQerrorMessage(connection)).trimmed();
    const char *state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    const bool lost = PQstatus(connection) == CONNECTION_BAD;
    return QSqlError(QStringLiteral("PostgreSQL statement failed"), message,
                     lost ? QSqlError::ConnectionError : QSqlError::StatementError,
                     state ? QString::fromLatin1(state) : lost ? QStringLiteral("08006") : QString());
}

bool readRows(Database &db, const QList<SqlRead> &reads, QString *error)
{
    if (PGconn *connection = Dialect::postgresHandle(db.sql()); connection && reads.size() > 1)
        return readPostgresPipeline(connection, reads, error);
    for (const SqlRead &read : reads)
        if (!readRows(db, read.sql, read.values, read.onRow, error))
            return false;
    return true;
}

bool readRows(Database &db, const QString &sql, const QVariantList &values,
              const std::function<void(const SqlRow &)> &onRow, QString *error)
{
    if (sqlite3 *handle = Dialect::sqliteHandle(db.sql())) {
        sqlite3_stmt *statement = nullptr;
        const QByteArray text = sql.toUtf8();
        if (sqlite3_prepare_v2(handle, text.constData(), int(text.size()), &statement, nullptr) != SQLITE_OK
            || !bindNative(statement, values)) {
            *error = QString::fromUtf8(sqlite3_errmsg(handle));
            sqlite3_finalize(statement);
            return false;
        }
        const NativeRow row(statement);
        int code;
        while ((code = sqlite3_step(statement)) == SQLITE_ROW)
            onRow(row);
        if (code != SQLITE_DONE)
            *error = QString::fromUtf8(sqlite3_errmsg(handle));
        sqlite3_finalize(statement);
        return code == SQLITE_DONE;
    }
    if (PGconn *connection = Dialect::postgresHandle(db.sql()))
        return readPostgres(connection, sql, values, onRow, error);
    QSqlQuery query;
    if (!db.select(query, sql, values, error))
        return false;
    const QtRow row(query);
    while (query.next())
        onRow(row);
    return true;
}

} // namespace meterdesk
