#pragma once

#include "storage/Database.h"
#include "meterdesk_core_export.h"

#include <QString>

namespace meterdesk {

// What to answer when the database cannot say whether a user is blocked.
enum class FailurePolicy {
    Open,   // allow the call (the seed's choice: tracking never stops the product)
    Closed, // refuse the call
};

struct AccessDecision
{
    bool allowed = true;
    QString message;       // "API access blocked for this user" when blocked
    QString reason;        // the admin's block reason
    bool unknown = false;  // the database did not answer; `allowed` follows the policy
    QString error;         // why it did not
};

// Answers, before an AI call, whether the user may make it.
class METERDESK_CORE_EXPORT AccessGuard
{
public:
    static inline const QString BlockedMessage = QStringLiteral("API access blocked for this user");

    explicit AccessGuard(Database &database, FailurePolicy policy = FailurePolicy::Open);
    AccessDecision check(const QString &userId);

private:
    Database &m_db;
    FailurePolicy m_policy;
};

} // namespace meterdesk
