#include "admin/AdminActions.h"

#include "admin/AuditChain.h"
#include "storage/Timestamps.h"

#include <QDateTime>

#include <pwd.h>
#include <unistd.h>

namespace meterdesk {

AdminActions::AdminActions(Database &database) : m_db(database) {}

QString AdminActions::osUser()
{
    // The account of this process, from the system: $USER is whatever the
    // caller's environment says.
    if (const passwd *entry = getpwuid(geteuid()))
        return QString::fromLocal8Bit(entry->pw_name);
    return QStringLiteral("uid %1").arg(geteuid());
}

ActionResult AdminActions::block(const QString &userId, const QString &reason)
{
    return block(QStringList{userId}, reason);
}

ActionResult AdminActions::unblock(const QString &userId, const QString &reason)
{
    return unblock(QStringList{userId}, reason);
}

ActionResult AdminActions::setRiskScore(const QString &userId, int score, const QString &reason)
{
    return setRiskScore(QStringList{userId}, score, reason);
}

ActionResult AdminActions::block(const QStringList &userIds, const QString &reason)
{
    const QString trimmed = reason.trimmed();
    if (trimmed.isEmpty())
        return {false, QStringLiteral("a block needs a reason"), SqlFailure::None};
    if (trimmed.size() > MaxReasonLength)
        return {false, QStringLiteral("the reason is longer than %1 characters").arg(MaxReasonLength),
                SqlFailure::None};
    return apply(userIds, QStringLiteral("block"), Field::Blocked, true, trimmed, trimmed);
}

ActionResult AdminActions::unblock(const QStringList &userIds, const QString &reason)
{
    return apply(userIds, QStringLiteral("unblock"), Field::Blocked, false, reason.trimmed().left(MaxReasonLength), {});
}

ActionResult AdminActions::setRiskScore(const QStringList &userIds, int score, const QString &reason)
{
    if (score < 0 || score > 100)
        return {false, QStringLiteral("a risk score is a whole number from 0 to 100, not %1").arg(score),
                SqlFailure::None};
    return apply(userIds, QStringLiteral("risk"), Field::Risk, score, reason.trimmed().left(MaxReasonLength), {});
}

ActionResult AdminActions::apply(const QStringList &userIds, const QString &action, Field field,
                                 const QVariant &value, const QString &reason, const QString &blockReason)
{
    ActionResult result;
    if (userIds.isEmpty()) {
        result.error = QStringLiteral("no user given");
        return result;
    }
    // Stats rows in ascending user order, as every writer takes them
    // (LockOrder.h): an action on many users cannot deadlock with a batch.
    QStringList ordered = userIds;
    ordered.sort();
    ordered.removeDuplicates();
    if (!m_db.begin(&result.error, &result.failure))
        return result;
    // The audit chain takes one writer at a time, so each row follows the
    // one before it. The lock is taken first: an admin waiting for it holds
    // no stats row that a batch might wait for (LockOrder.h).
    const QString chainLock = m_db.dialect().transactionLock(AuditChainLock);
    if (!chainLock.isEmpty() && !m_db.exec(chainLock, &result.error, &result.failure)) {
        m_db.rollback();
        return result;
    }
    m_actorRole = m_db.roleName();
    for (const QString &userId : std::as_const(ordered)) {
        result = applyOne(userId, action, field, value, reason, blockReason);
        if (!result.ok) {
            m_db.rollback();
            return result;
        }
    }
    result.ok = m_db.commit(&result.error, &result.failure);
    return result;
}

ActionResult AdminActions::applyOne(const QString &userId, const QString &action, Field field,
                                    const QVariant &value, const QString &reason, const QString &blockReason)
{
    ActionResult result;
    if (userId.trimmed().isEmpty()) {
        result.error = QStringLiteral("no user given");
        return result;
    }
    const QString what = field == Field::Risk ? QStringLiteral("change risk scores")
        : value.toBool() ? QStringLiteral("block users") : QStringLiteral("unblock users");
    QSqlQuery query(m_db.sql());
    const std::optional<bool> known = ensureUser(query, userId);
    if (!known)
        return failed(query, what);
    if (!*known) {
        result.error = QStringLiteral("unknown user \"%1\"").arg(userId.left(80));
        return result;
    }
    const std::optional<QString> oldValue = lockedValue(query, userId, field);
    if (!oldValue)
        return failed(query, what);
    const QString newValue = field == Field::Blocked
        ? (value.toBool() ? QStringLiteral("blocked: ") + blockReason : QStringLiteral("allowed"))
        : QString::number(value.toInt());
    const QDateTime at = QDateTime::currentDateTimeUtc();
    if (!writeValue(query, userId, field, value, blockReason, sqlTimestamp(at)))
        return failed(query, what);
    if (!appendAudit(query, {0, at, m_actorRole, osUser(), action, userId, *oldValue, newValue, reason}))
        return failed(query, what);
    result.ok = true;
    return result;
}

bool AdminActions::audit(const QString &action, const QString &subject, const QString &oldValue,
                         const QString &newValue, const QString &reason, QString *error)
{
    const QString chainLock = m_db.dialect().transactionLock(AuditChainLock);
    if (!chainLock.isEmpty() && !m_db.exec(chainLock, error))
        return false;
    m_actorRole = m_db.roleName();
    QSqlQuery query(m_db.sql());
    if (appendAudit(query, {0, QDateTime::currentDateTimeUtc(), m_actorRole, osUser(), action, subject, oldValue,
                            newValue, reason}))
        return true;
    *error = failed(query, QStringLiteral("write the audit log")).error;
    return false;
}

bool AdminActions::auditAutomatic(const QString &actor, const QString &action, const QString &subject,
                                  const QString &oldValue, const QString &newValue, const QString &reason,
                                  QString *error)
{
    m_automaticActor = actor;
    const QString chainLock = m_db.dialect().transactionLock(AuditChainLock);
    bool ok = chainLock.isEmpty() || m_db.exec(chainLock, error);
    QSqlQuery query(m_db.sql());
    if (ok && !appendAudit(query, {0, QDateTime::currentDateTimeUtc(), actor, osUser(), action, subject, oldValue,
                                   newValue, reason})) {
        *error = failed(query, QStringLiteral("write the audit log")).error;
        ok = false;
    }
    m_automaticActor.clear();
    return ok;
}

ActionResult AdminActions::refusal(Database &db, const QSqlQuery &query, const QString &what)
{
    ActionResult result;
    result.failure = classify(query.lastError());
    result.error = result.failure == SqlFailure::PermissionDenied
        ? QStringLiteral("the database role \"%1\" may not %2 (permission denied)").arg(db.roleName(), what)
        : QStringLiteral("could not %1: %2").arg(what, describe(query.lastError()));
    return result;
}

std::optional<bool> AdminActions::ensureUser(QSqlQuery &query, const QString &userId)
{
    // Meterdesk's own database adds a user it has not seen; the host's users
    // table is only read.
    const bool owned = m_db.ownsUsers();
    query.prepare(owned ? QStringLiteral("INSERT INTO users (id) VALUES (?) ON CONFLICT (id) DO NOTHING")
                        : QStringLiteral("SELECT 1 FROM users WHERE id = ?"));
    query.addBindValue(userId);
    if (!query.exec())
        return std::nullopt;
    return owned || query.next();
}

std::optional<QString> AdminActions::lockedValue(QSqlQuery &query, const QString &userId, Field field)
{
    // The old value, locked for the rest of the transaction on PostgreSQL.
    query.prepare(QStringLiteral("SELECT is_blocked, block_reason, risk_score FROM api_usage_stats WHERE user_id = ?%1")
                      .arg(m_db.dialect().forUpdate()));
    query.addBindValue(userId);
    if (!query.exec())
        return std::nullopt;
    const bool exists = query.next();
    QString value;
    if (field == Field::Blocked)
        value = exists && query.value(0).toBool() ? QStringLiteral("blocked: ") + query.value(1).toString()
                                                  : QStringLiteral("allowed");
    else
        value = QString::number(exists ? query.value(2).toInt() : 0);
    query.finish();
    return value;
}

bool AdminActions::writeValue(QSqlQuery &query, const QString &userId, Field field, const QVariant &value,
                              const QString &blockReason, const QString &now)
{
    if (field == Field::Blocked) {
        // An admin's block or unblock replaces a budget's: it stays until
        // an admin lifts it, and an unblock is not undone by the next check.
        query.prepare(QStringLiteral("INSERT INTO api_usage_stats (user_id, is_blocked, block_reason, updated_at) "
                                     "VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
                                     "is_blocked = excluded.is_blocked, block_reason = excluded.block_reason, "
                                     "block_source = NULL, block_until = NULL, updated_at = excluded.updated_at"));
        query.addBindValue(userId);
        query.addBindValue(value.toBool());
        query.addBindValue(value.toBool() ? QVariant(blockReason) : QVariant(QMetaType::fromType<QString>()));
        query.addBindValue(now);
    } else {
        query.prepare(QStringLiteral("INSERT INTO api_usage_stats (user_id, risk_score, updated_at) "
                                     "VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
                                     "risk_score = excluded.risk_score, updated_at = excluded.updated_at"));
        query.addBindValue(userId);
        query.addBindValue(value.toInt());
        query.addBindValue(now);
    }
    return query.exec();
}

bool AdminActions::appendAudit(QSqlQuery &query, const AuditRow &row)
{
    // Each row carries the hash of the one before it (AuditChain.h).
    query.prepare(QStringLiteral("SELECT row_hash FROM admin_audit_log WHERE row_hash IS NOT NULL "
                                 "ORDER BY id DESC LIMIT 1"));
    if (!query.exec())
        return false;
    const QString previousHash = query.next() ? query.value(0).toString() : QString();
    query.finish();
    // On PostgreSQL the role is the server's current_user, not our word for it.
    query.prepare(QStringLiteral("INSERT INTO admin_audit_log (at, actor_role, os_user, action, user_id, "
                                 "old_value, new_value, reason, prev_hash, row_hash) VALUES (?, %1, ?, ?, ?, ?, ?, ?, ?, ?)")
                      .arg(m_automaticActor.isEmpty() ? m_db.dialect().currentRole() : QStringLiteral("?")));
    query.addBindValue(sqlTimestamp(row.at));
    if (!m_automaticActor.isEmpty())
        query.addBindValue(m_automaticActor);
    query.addBindValue(row.osUser);
    query.addBindValue(row.action);
    query.addBindValue(row.userId);
    query.addBindValue(row.oldValue);
    query.addBindValue(row.newValue);
    query.addBindValue(row.reason.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(row.reason));
    query.addBindValue(previousHash);
    query.addBindValue(auditRowHash(row, previousHash));
    return query.exec();
}

RolePrivileges AdminActions::privileges()
{
    RolePrivileges privileges;
    privileges.role = m_db.roleName();
    if (!m_db.dialect().hasRoles())
        return privileges;
    QSqlQuery query(m_db.sql());
    if (query.exec(QStringLiteral(
            "SELECT has_column_privilege('api_usage_stats', 'is_blocked', 'UPDATE') "
            "AND has_column_privilege('api_usage_stats', 'block_reason', 'UPDATE') "
            "AND has_table_privilege('admin_audit_log', 'INSERT'), "
            "has_column_privilege('api_usage_stats', 'risk_score', 'UPDATE') "
            "AND has_table_privilege('admin_audit_log', 'INSERT'), "
            "to_regclass('meterdesk_prices') IS NOT NULL AND has_table_privilege('meterdesk_prices', 'INSERT') "
            "AND has_table_privilege('api_usage_tracking', 'UPDATE') AND has_table_privilege('admin_audit_log', 'INSERT'), "
            "to_regclass('meterdesk_budgets') IS NOT NULL AND has_table_privilege('meterdesk_budgets', 'INSERT') "
            "AND has_table_privilege('admin_audit_log', 'INSERT')"))
        && query.next()) {
        privileges.canBlock = query.value(0).toBool();
        privileges.canSetRisk = query.value(1).toBool();
        privileges.canSetPrices = query.value(2).toBool();
        privileges.canSetBudgets = query.value(3).toBool();
    }
    return privileges;
}

std::optional<QList<AdminState>> AdminActions::states(const QStringList &userIds, qint64 *blockedUsers, QString *error)
{
    QList<AdminState> states;
    QSqlQuery query(m_db.sql());
    for (const QString &userId : userIds) {
        if (!m_db.select(query,
                         QStringLiteral("SELECT is_blocked, block_reason, risk_score FROM api_usage_stats WHERE user_id = ?"),
                         {userId}, error))
            return std::nullopt;
        AdminState state;
        state.userId = userId;
        if (query.next()) {
            state.blocked = query.value(0).toBool();
            state.blockReason = query.value(1).toString();
            state.riskScore = query.value(2).toInt();
        }
        states << state;
    }
    if (!m_db.select(query, QStringLiteral("SELECT count(*) FROM api_usage_stats WHERE is_blocked = ?"), {true}, error)
        || !query.next())
        return std::nullopt;
    *blockedUsers = query.value(0).toLongLong();
    return states;
}

} // namespace meterdesk
