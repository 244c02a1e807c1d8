#include "admin/AuditChain.h"

#include "storage/Database.h"
#include "storage/Timestamps.h"

#include <QCryptographicHash>

namespace meterdesk {

QString auditRowHash(const AuditRow &row, const QString &previousHash)
{
    // Each field with its length in front, so that no two rows (moving text
    // from one field to the next) serialise alike; the time in the form
    // Meterdesk writes it, to the millisecond.
    const QString at = sqlTimestamp(row.at);
    QByteArray text;
    for (const QString *field : {&previousHash, &at, &row.actorRole, &row.osUser, &row.action, &row.userId,
                                 &row.oldValue, &row.newValue, &row.reason}) {
        const QByteArray utf8 = field->toUtf8();
        text += QByteArray::number(utf8.size()) + ':' + utf8 + ';';
    }
    return QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex());
}

std::optional<AuditVerification> verifyAuditChain(Database &db, QString *error)
{
    QSqlQuery query(db.sql());
    if (!db.select(query,
                   QStringLiteral("SELECT id, at, actor_role, os_user, action, user_id, old_value, new_value, reason, "
                                  "prev_hash, row_hash FROM admin_audit_log ORDER BY id"),
                   {}, error))
        return std::nullopt;
    AuditVerification result;
    QString previous;
    while (query.next()) {
        ++result.rows;
        const qint64 id = query.value(0).toLongLong();
        const QString prevHash = query.value(9).toString(), rowHash = query.value(10).toString();
        if (query.value(10).isNull()) {
            if (!previous.isEmpty() && result.intact()) {
                result.brokenAt = id;
                result.problem = QStringLiteral("row %1 carries no hash, after rows that do").arg(id);
            }
            ++result.unchained;
            continue;
        }
        const AuditRow row{id, utcFromSql(query.value(1)), query.value(2).toString(), query.value(3).toString(),
                           query.value(4).toString(), query.value(5).toString(), query.value(6).toString(),
                           query.value(7).toString(), query.value(8).toString()};
        if (result.intact() && prevHash != previous) {
            result.brokenAt = id;
            result.problem = previous.isEmpty()
                ? QStringLiteral("row %1 follows a row that is no longer in the log").arg(id)
                : QStringLiteral("row %1 does not follow the row before it: a row was removed or inserted").arg(id);
        } else if (result.intact() && auditRowHash(row, prevHash) != rowHash) {
            result.brokenAt = id;
            result.problem = QStringLiteral("row %1 was changed after it was written").arg(id);
        }
        previous = rowHash;
    }
    result.head = previous;
    return result;
}

} // namespace meterdesk
