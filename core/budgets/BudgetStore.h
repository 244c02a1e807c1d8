#pragma once

#include "admin/AdminActions.h"
#include "budgets/Budget.h"
#include "storage/Database.h"
#include "meterdesk_core_export.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace meterdesk {

// The budgets table (meterdesk_budgets) and what users spent against it.
class METERDESK_CORE_EXPORT BudgetStore
{
public:
    explicit BudgetStore(Database &database);

    // Every budget, the defaults first; nothing and the error on failure.
    std::optional<QList<Budget>> budgets(QString *error);
    // The budgets that may apply to these users: theirs and the defaults.
    std::optional<QList<Budget>> budgetsFor(const QStringList &userIds, QString *error);
    // What these users (every user when empty) spent in the day, week and
    // month that hold `now`, per service, from the daily rollup. Without
    // `perService` every user's sums are under the empty service (enough
    // when no budget names a service).
    std::optional<QHash<QString, UserSpend>> spend(const QStringList &userIds, const QDateTime &now, QString *error,
                                                   bool perService = true);
    // The reservations of one user not settled and not expired at `now`.
    std::optional<UserSpend> reserved(const QString &userId, const QDateTime &now, QString *error);
    // Each user's budgets as they stand now (users without one left out).
    std::optional<QHash<QString, QList<BudgetUse>>> uses(const QStringList &userIds, const QDateTime &now,
                                                         QString *error);

    // Adds a budget, or replaces the one of the same scope (user, service,
    // metric and period), saying so in `replaced`; audited.
    ActionResult set(const Budget &budget, bool *replaced = nullptr);
    // Removes a budget by id; audited. A block it made stays until its
    // period ends or an admin unblocks.
    ActionResult remove(qint64 id);
    // Why a budget cannot be set, or empty.
    QString validate(const Budget &budget);

private:
    // The budgets `where` picks, in scope order; the first `limit` of them when > 0.
    std::optional<QList<Budget>> read(const QString &where, const QVariantList &values, QString *error,
                                      qsizetype limit = 0);
    std::optional<QHash<QString, UserSpend>> everyonesSpend(const QDateTime &now, bool perService, QString *error);
    std::optional<Budget> find(const Budget &scope, QString *error);

    Database &m_db;
};

// A budget's user or service as the table keeps it ('' for all).
QString storedKey(const QString &key);

} // namespace meterdesk
