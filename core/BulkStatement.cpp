#include "BulkStatement.h"

namespace meterdesk {

QString placeholders(int columns)
{
    QString text = QStringLiteral("(");
    for (int i = 0; i < columns; ++i)
        text += i ? QStringLiteral(", ?") : QStringLiteral("?");
    return text + u')';
}

BulkStatement::BulkStatement(const QSqlDatabase &db, QString head, QString rowTemplate, QString tail,
                             int rowsPerStatement)
    : m_db(db), m_head(std::move(head)), m_rowTemplate(std::move(rowTemplate)), m_tail(std::move(tail)),
      m_rowsPerStatement(qMax(1, rowsPerStatement))
{
}

QSqlQuery *BulkStatement::prepared(int rows, QSqlError *error)
{
    auto it = m_statements.find(rows);
    if (it != m_statements.end())
        return &*it;
    QStringList values;
    values.reserve(rows);
    for (int i = 0; i < rows; ++i)
        values << m_rowTemplate;
    QSqlQuery query(m_db);
    if (!query.prepare(m_head + QStringLiteral(" VALUES ") + values.join(QStringLiteral(", ")) + u' ' + m_tail)) {
        *error = query.lastError();
        return nullptr;
    }
    return &*m_statements.insert(rows, query);
}

bool BulkStatement::exec(const QList<QVariantList> &rows, QSqlError *error,
                         const std::function<void(const QSqlQuery &)> &onResult)
{
    for (qsizetype start = 0; start < rows.size(); start += m_rowsPerStatement) {
        const int count = int(qMin<qsizetype>(m_rowsPerStatement, rows.size() - start));
        QSqlQuery *query = prepared(count, error);
        if (!query)
            return false;
        for (qsizetype r = start; r < start + count; ++r)
            for (const QVariant &value : rows[r])
                query->addBindValue(value);
        if (!query->exec()) {
            *error = query->lastError();
            return false;
        }
        if (onResult)
            while (query->next())
                onResult(*query);
        query->finish();
    }
    return true;
}

} // namespace meterdesk
