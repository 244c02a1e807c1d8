#pragma once

#include "budgets/Budget.h"
#include "storage/Database.h"

#include <QSet>
#include <QStringList>

#include <optional>

namespace meterdesk {

// Budgets enforced where the calls are: after a batch has added to the
// aggregates, in the same transaction, every user of the batch whose budget
// is reached is blocked, and a soft threshold passed raises an alert.
//
// Exact under concurrency: the batch holds each of its users' stats rows
// (LockOrder.h), so another writer's calls for the same user committed
// before those locks are in the sums read here, and later ones wait. Of four
// writers crossing a limit at once, one blocks; the others find the user
// blocked.
class BudgetEnforcer
{
public:
    struct Outcome
    {
        bool ok = true;
        QString error;
        // A user must be blocked, but the audit chain's lock was not taken
        // first: the caller retries the batch with it (LockOrder.h).
        bool needsAuditLock = false;
        QStringList blocked; // users this batch blocked
    };

    explicit BudgetEnforcer(Database &database);
    Outcome enforce(const QStringList &userIds, const QDateTime &now, bool auditLockHeld);

private:
    // Users blocked now (an admin's block, or a budget's not yet ended).
    std::optional<QSet<QString>> blockedNow(const QStringList &userIds, const QDateTime &now, QString *error);
    bool raiseSoft(const BudgetUse &use, QString *error);
    bool block(const QList<BudgetUse> &reached, const QDateTime &now, bool auditLockHeld, Outcome &outcome);

    Database &m_db;
};

} // namespace meterdesk
