#include "budgets/BudgetBlocks.h"

#include "admin/AdminActions.h"
#include "storage/Timestamps.h"

#include <QSqlQuery>

namespace meterdesk {

namespace {

const QString Actor = QStringLiteral("budget");
const QString LiftReason = QStringLiteral("the budget's period ended");

} // namespace

BudgetBlocks::BudgetBlocks(Database &database) : m_db(database) {}

std::optional<bool> BudgetBlocks::block(const BudgetUse &use, const QDateTime &until, const QDateTime &now,
                                        QString *error)
{
    if (!m_db.isPostgres())
        return sqliteBlock(use, until, now, error);
    QSqlQuery query(m_db.sql());
    if (!m_db.select(query,
                     QStringLiteral("SELECT meterdesk_budget_block(CAST(? AS text), CAST(? AS text), CAST(? AS timestamp), "
                                    "CAST(? AS text), CAST(? AS text), CAST(? AS timestamp))"),
                     {use.userId, use.blockReason(), sqlTimestamp(until),
                      QStringLiteral("budget #%1: %2 for %3").arg(use.budget.id).arg(use.budget.describe(), use.budget.scope()),
                      AdminActions::osUser(), sqlTimestamp(now)},
                     error)
        || !query.next())
        return std::nullopt;
    return query.value(0).toBool();
}

std::optional<bool> BudgetBlocks::lift(const QString &userId, const QDateTime &now, QString *error)
{
    if (!m_db.isPostgres())
        return sqliteLift(userId, now, error);
    QSqlQuery query(m_db.sql());
    if (!m_db.select(query,
                     QStringLiteral("SELECT meterdesk_budget_lift(CAST(? AS text), CAST(? AS text), CAST(? AS timestamp))"),
                     {userId, AdminActions::osUser(), sqlTimestamp(now)}, error)
        || !query.next())
        return std::nullopt;
    return query.value(0).toBool();
}

// SQLite: the same rules as the PostgreSQL functions, in one writer's
// transaction (BEGIN IMMEDIATE: nobody else writes meanwhile).
std::optional<bool> BudgetBlocks::sqliteBlock(const BudgetUse &use, const QDateTime &until, const QDateTime &now,
                                              QString *error)
{
    const QString stamp = sqlTimestamp(now);
    QSqlQuery query(m_db.sql());
    if (!m_db.select(query,
                     QStringLiteral("SELECT 1 FROM api_usage_stats WHERE user_id = ? AND is_blocked = 1 AND "
                                    "NOT (coalesce(block_source, '') = 'budget' AND block_until <= ?)"),
                     {use.userId, stamp}, error))
        return std::nullopt;
    if (query.next())
        return false;
    query.finish();
    if (!m_db.select(query,
                     QStringLiteral("INSERT INTO api_usage_stats (user_id, is_blocked, block_reason, block_source, "
                                    "block_until, updated_at) VALUES (?, 1, ?, 'budget', ?, ?) ON CONFLICT (user_id) "
                                    "DO UPDATE SET is_blocked = 1, block_reason = excluded.block_reason, "
                                    "block_source = 'budget', block_until = excluded.block_until, "
                                    "updated_at = excluded.updated_at"),
                     {use.userId, use.blockReason(), sqlTimestamp(until), stamp}, error))
        return std::nullopt;
    AdminActions actions(m_db);
    if (!actions.auditAutomatic(Actor, QStringLiteral("budget-block"), use.userId, QStringLiteral("allowed"),
                                QStringLiteral("blocked: ") + use.blockReason(),
                                QStringLiteral("budget #%1: %2 for %3").arg(use.budget.id).arg(use.budget.describe(), use.budget.scope()),
                                error))
        return std::nullopt;
    return true;
}

std::optional<bool> BudgetBlocks::sqliteLift(const QString &userId, const QDateTime &now, QString *error)
{
    QSqlQuery query(m_db.sql());
    if (!m_db.select(query,
                     QStringLiteral("SELECT block_reason FROM api_usage_stats WHERE user_id = ? AND is_blocked = 1 "
                                    "AND block_source = 'budget' AND block_until <= ?"),
                     {userId, sqlTimestamp(now)}, error))
        return std::nullopt;
    if (!query.next())
        return false;
    const QString reason = query.value(0).toString();
    query.finish();
    if (!m_db.select(query,
                     QStringLiteral("UPDATE api_usage_stats SET is_blocked = 0, block_reason = NULL, block_source = NULL, "
                                    "block_until = NULL, updated_at = ? WHERE user_id = ?"),
                     {sqlTimestamp(now), userId}, error))
        return std::nullopt;
    AdminActions actions(m_db);
    if (!actions.auditAutomatic(Actor, QStringLiteral("budget-lift"), userId, QStringLiteral("blocked: ") + reason,
                                QStringLiteral("allowed"), LiftReason, error))
        return std::nullopt;
    return true;
}

} // namespace meterdesk
