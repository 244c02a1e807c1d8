#pragma once

#include "budgets/Budget.h"
#include "storage/Database.h"

#include <optional>

namespace meterdesk {

// A budget's block and its lifting, inside the caller's transaction, which
// has taken the audit chain's lock before any stats row (LockOrder.h). On
// PostgreSQL through the functions of sql/budget-blocks.postgres.sql, which
// the writer role may call though it may not change block state itself.
// Neither touches an admin's block.
class BudgetBlocks
{
public:
    explicit BudgetBlocks(Database &database);

    // Blocks `use.userId` until its period ends; true when this blocked
    // the user, false when the user was blocked already.
    std::optional<bool> block(const BudgetUse &use, const QDateTime &until, const QDateTime &now, QString *error);
    // Lifts the user's budget block whose period ended by `now`; true when
    // there was one.
    std::optional<bool> lift(const QString &userId, const QDateTime &now, QString *error);

private:
    std::optional<bool> sqliteBlock(const BudgetUse &use, const QDateTime &until, const QDateTime &now, QString *error);
    std::optional<bool> sqliteLift(const QString &userId, const QDateTime &now, QString *error);

    Database &m_db;
};

} // namespace meterdesk
