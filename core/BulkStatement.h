#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <functional>

namespace meterdesk {

// One prepared statement run for many rows at once: the rows go into
// multi-row VALUES lists ("INSERT ... VALUES (?, ?), (?, ?) ..."), so a batch
// of a thousand events costs a few round trips instead of a thousand. The
// statement for each chunk size is prepared once and reused.
class BulkStatement
{
public:
    // `head` ends before VALUES; `tail` follows the last row (ON CONFLICT ...).
    // `rowTemplate` is one row's placeholders, "(?, ?, 1, ?)" style.
    BulkStatement(const QSqlDatabase &db, QString head, QString rowTemplate, QString tail, int rowsPerStatement);

    // Runs the rows in chunks; `onResult` sees each row a RETURNING clause gives.
    bool exec(const QList<QVariantList> &rows, QSqlError *error,
              const std::function<void(const QSqlQuery &)> &onResult = {});

private:
    QSqlQuery *prepared(int rows, QSqlError *error);

    QSqlDatabase m_db;
    QString m_head;
    QString m_rowTemplate;
    QString m_tail;
    int m_rowsPerStatement;
    QHash<int, QSqlQuery> m_statements;
};

// "(?, ?, ?)" for n columns.
QString placeholders(int columns);

} // namespace meterdesk
