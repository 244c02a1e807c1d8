#include "tracking/AccessGuard.h"

namespace meterdesk {

AccessGuard::AccessGuard(Database &database, FailurePolicy policy) : m_db(database), m_policy(policy) {}

AccessDecision AccessGuard::check(const QString &userId)
{
    AccessDecision decision;
    QSqlQuery query(m_db.sql());
    bool ok = query.prepare(QStringLiteral("SELECT is_blocked, block_reason FROM api_usage_stats WHERE user_id = ?"));
    if (ok) {
        query.addBindValue(userId);
        ok = query.exec();
    }
    if (!ok && classify(query.lastError()) == SqlFailure::ConnectionLost) {
        QString ignored;
        if (m_db.reconnect(&ignored)) {
            query = QSqlQuery(m_db.sql());
            ok = query.prepare(QStringLiteral("SELECT is_blocked, block_reason FROM api_usage_stats WHERE user_id = ?"));
            query.addBindValue(userId);
            ok = ok && query.exec();
        }
    }
    if (!ok) {
        decision.unknown = true;
        decision.error = describe(query.lastError());
        decision.allowed = m_policy == FailurePolicy::Open;
        if (!decision.allowed)
            decision.message = QStringLiteral("API access refused: the usage database cannot be reached");
        return decision;
    }
    if (query.next() && query.value(0).toBool()) {
        decision.allowed = false;
        decision.message = BlockedMessage;
        decision.reason = query.value(1).toString();
    }
    return decision;
}

} // namespace meterdesk
