// Setting and removing budgets: an admin's change, audited like a block.
#include "budgets/BudgetStore.h"

#include "storage/Timestamps.h"

#include <QSqlQuery>

namespace meterdesk {

namespace {

// The audit log's user column names what changed: the budget's user, or
// "*" for every user.
QString auditSubject(const Budget &budget)
{
    return budget.userId.isEmpty() ? QStringLiteral("*") : budget.userId;
}

QString auditValue(const Budget &budget)
{
    QString text = budget.describe();
    if (budget.softPercent > 0)
        text += QStringLiteral(", alert at %1%").arg(budget.softPercent);
    return text;
}

ActionResult queryFailed(Database &db, const QSqlQuery &query, const QString &what)
{
    db.rollback();
    return AdminActions::refusal(db, query, what);
}

} // namespace

ActionResult BudgetStore::set(const Budget &input, bool *replaced)
{
    ActionResult result;
    Budget budget = input;
    budget.service = budget.service.trimmed().toLower();
    result.error = validate(budget);
    if (!result.error.isEmpty())
        return result;
    if (!m_db.begin(&result.error, &result.failure))
        return result;
    const auto old = find(budget, &result.error);
    if (!old) {
        m_db.rollback();
        return result;
    }
    const bool exists = old->id != 0;
    QSqlQuery query(m_db.sql());
    query.prepare(exists ? QStringLiteral("UPDATE meterdesk_budgets SET limit_value = ?, soft_percent = ?, set_by = ?, "
                                          "set_at = ? WHERE id = ?")
                         : QStringLiteral("INSERT INTO meterdesk_budgets (limit_value, soft_percent, set_by, set_at, "
                                          "user_id, service, metric, period) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(budget.limit);
    query.addBindValue(budget.softPercent > 0 ? QVariant(budget.softPercent) : QVariant(QMetaType::fromType<int>()));
    query.addBindValue(AdminActions::osUser());
    query.addBindValue(sqlTimestamp(QDateTime::currentDateTimeUtc()));
    if (exists) {
        query.addBindValue(old->id);
    } else {
        query.addBindValue(storedKey(budget.userId));
        query.addBindValue(storedKey(budget.service));
        query.addBindValue(metricName(budget.metric));
        query.addBindValue(periodName(budget.period));
    }
    if (!query.exec())
        return queryFailed(m_db, query, QStringLiteral("set budgets"));
    AdminActions actions(m_db);
    if (!actions.audit(QStringLiteral("budget-set"), auditSubject(budget), exists ? auditValue(*old) : QStringLiteral("none"),
                       auditValue(budget), {}, &result.error)) {
        m_db.rollback();
        return result;
    }
    if (replaced)
        *replaced = exists;
    result.ok = m_db.commit(&result.error, &result.failure);
    return result;
}

ActionResult BudgetStore::remove(qint64 id)
{
    ActionResult result;
    if (!m_db.begin(&result.error, &result.failure))
        return result;
    const auto found = read(QStringLiteral("WHERE id = ?"), {id}, &result.error);
    if (!found) {
        m_db.rollback();
        return result;
    }
    if (found->isEmpty()) {
        m_db.rollback();
        result.error = QStringLiteral("no budget has the id %1 (`meterctl budget list` shows them)").arg(id);
        return result;
    }
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("DELETE FROM meterdesk_budgets WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return queryFailed(m_db, query, QStringLiteral("remove budgets"));
    AdminActions actions(m_db);
    if (!actions.audit(QStringLiteral("budget-remove"), auditSubject(found->first()), auditValue(found->first()),
                       QStringLiteral("none"), {}, &result.error)) {
        m_db.rollback();
        return result;
    }
    result.ok = m_db.commit(&result.error, &result.failure);
    return result;
}

} // namespace meterdesk
