#pragma once

#include "storage/Database.h"
#include "storage/LockOrder.h"
#include "meterdesk_core_export.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace meterdesk {

struct AuditRow;

struct ActionResult
{
    bool ok = false;
    QString error;
    SqlFailure failure = SqlFailure::None;
};

// What the connected database role may do (PostgreSQL privileges; on
// SQLite the file's permissions decide, and everything is allowed).
struct RolePrivileges
{
    bool canBlock = true;
    bool canSetRisk = true;
    bool canSetPrices = true; // set prices and reprice recorded calls
    bool canSetBudgets = true;
    QString role;
};

// A user's admin state, as the stats row holds it.
struct AdminState
{
    QString userId;
    bool blocked = false;
    QString blockReason;
    int riskScore = 0;
};

// Block, unblock and risk score: each changes the stats row (created for a
// user with no usage yet) and appends to admin_audit_log in one transaction.
class METERDESK_CORE_EXPORT AdminActions
{
public:
    static constexpr int MaxReasonLength = 500;

    explicit AdminActions(Database &database);

    ActionResult block(const QString &userId, const QString &reason);
    ActionResult unblock(const QString &userId, const QString &reason = {});
    ActionResult setRiskScore(const QString &userId, int score, const QString &reason = {});
    // Several users in one transaction: all change, or none does.
    ActionResult block(const QStringList &userIds, const QString &reason);
    ActionResult unblock(const QStringList &userIds, const QString &reason = {});
    ActionResult setRiskScore(const QStringList &userIds, int score, const QString &reason = {});

    RolePrivileges privileges();
    // The state of these users now (a user with no stats row: allowed, 0),
    // and how many users are blocked in all; nothing and the error if the
    // database cannot say.
    std::optional<QList<AdminState>> states(const QStringList &userIds, qint64 *blockedUsers, QString *error);

    // The operating-system account this process runs as, from the system
    // (not $USER), recorded beside the database role. It is the client's
    // own word: the database cannot check it.
    static QString osUser();
    // One audit row for a change made elsewhere (a price), inside the
    // caller's transaction: the chain's lock first, then the row. `subject`
    // is what changed (a model name), in the user column.
    bool audit(const QString &action, const QString &subject, const QString &oldValue, const QString &newValue,
               const QString &reason, QString *error);
    // The same for a change nobody made by hand (a budget's block): the
    // actor is `actor`, not the database role.
    bool auditAutomatic(const QString &actor, const QString &action, const QString &subject, const QString &oldValue,
                        const QString &newValue, const QString &reason, QString *error);
    // What a failed statement of an admin's change says: "the database role
    // "x" may not <what> (permission denied)", or "could not <what>: ...".
    static ActionResult refusal(Database &db, const QSqlQuery &query, const QString &what);
    // The PostgreSQL advisory lock key that serialises audit rows.
    static constexpr qint64 AuditChainLock = meterdesk::AuditChainLock;

private:
    enum class Field { Blocked, Risk };
    ActionResult apply(const QStringList &userIds, const QString &action, Field field, const QVariant &value,
                       const QString &reason, const QString &blockReason);
    // One user's change and audit row, inside the caller's transaction.
    ActionResult applyOne(const QString &userId, const QString &action, Field field, const QVariant &value,
                          const QString &reason, const QString &blockReason);
    ActionResult failed(const QSqlQuery &query, const QString &what) { return refusal(m_db, query, what); }
    // Whether the user exists (added first in Meterdesk's own database);
    // nothing when the query failed.
    std::optional<bool> ensureUser(QSqlQuery &query, const QString &userId);
    // The field's value as the audit log words it, its row locked.
    std::optional<QString> lockedValue(QSqlQuery &query, const QString &userId, Field field);
    bool writeValue(QSqlQuery &query, const QString &userId, Field field, const QVariant &value,
                    const QString &blockReason, const QString &now);
    bool appendAudit(QSqlQuery &query, const AuditRow &row);

    Database &m_db;
    QString m_actorRole; // as the database names it, for the audit hash
    QString m_automaticActor; // when set, the actor instead of the role
};

} // namespace meterdesk
