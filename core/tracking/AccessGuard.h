#pragma once

#include "storage/Database.h"
#include "tracking/UsageEvent.h"
#include "meterdesk_core_export.h"

#include <QDateTime>
#include <QString>

#include <functional>

namespace meterdesk {

class PriceBook;

// What to answer when the database cannot say whether a user is blocked.
enum class FailurePolicy {
    Open,   // allow the call (the seed's choice: tracking never stops the product)
    Closed, // refuse the call
};

struct AccessDecision
{
    bool allowed = true;
    QString message;       // "API access blocked for this user" when blocked
    QString reason;        // the admin's block reason, or the budget's
    bool byBudget = false; // blocked by a budget, until `until`
    QDateTime until;
    bool unknown = false;  // the database did not answer; `allowed` follows the policy
    QString error;         // why it did not
};

// A call about to be made, at its most: its input and the most output it
// may produce, priced at the model's price.
struct ReservationRequest
{
    QString userId;
    QString service;
    QString model;
    TokenCounts maxTokens; // input as sent, output as max_tokens
    int ttlSeconds = 600;  // released by itself after this, if never recorded
};

struct Reservation
{
    bool allowed = false;
    QString id;       // put into the UsageEvent's reservationId when recording
    qint64 amountNanos = 0;
    QString message;  // why it was refused
    bool unknown = false; // the database did not answer
};

// Answers, before an AI call, whether the user may make it, and holds a
// call's most cost against the user's budgets until it is recorded.
class METERDESK_CORE_EXPORT AccessGuard
{
public:
    static inline const QString BlockedMessage = QStringLiteral("API access blocked for this user");

    explicit AccessGuard(Database &database, FailurePolicy policy = FailurePolicy::Open);
    // With a price book, reserve() can price what it reserves.
    AccessGuard(Database &database, const PriceBook &prices, FailurePolicy policy = FailurePolicy::Open);

    // A budget's block whose period has ended allows the call, and is
    // lifted on the way (audited; the actor is the budget).
    AccessDecision check(const QString &userId);
    // Refused when the user is blocked, or when this call's most cost with
    // the user's other open reservations would pass a budget; atomic, so
    // of eight callers at once no two pass the same remainder.
    Reservation reserve(const ReservationRequest &request);

    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

private:
    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }
    bool liftExpired(const QString &userId);
    std::optional<QString> reserveLocked(const ReservationRequest &request, qint64 amount, const QString &id,
                                         QString *error);

    Database &m_db;
    const PriceBook *m_prices = nullptr;
    FailurePolicy m_policy;
    std::function<QDateTime()> m_clock;
};

} // namespace meterdesk
