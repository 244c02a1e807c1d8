#include "tracking/AccessGuard.h"

#include "budgets/BudgetBlocks.h"
#include "budgets/BudgetStore.h"
#include "money/PriceBook.h"
#include "storage/LockOrder.h"
#include "storage/Timestamps.h"

#include <QUuid>

namespace meterdesk {

AccessGuard::AccessGuard(Database &database, FailurePolicy policy) : m_db(database), m_policy(policy) {}

AccessGuard::AccessGuard(Database &database, const PriceBook &prices, FailurePolicy policy)
    : m_db(database), m_prices(&prices), m_policy(policy)
{
}

AccessDecision AccessGuard::check(const QString &userId)
{
    static const QString statement = QStringLiteral(
        "SELECT is_blocked, block_reason, block_source, block_until FROM api_usage_stats WHERE user_id = ?");
    AccessDecision decision;
    QSqlQuery query(m_db.sql());
    bool ok = query.prepare(statement);
    if (ok) {
        query.addBindValue(userId);
        ok = query.exec();
    }
    if (!ok && classify(query.lastError()) == SqlFailure::ConnectionLost) {
        QString ignored;
        if (m_db.reconnect(&ignored)) {
            query = QSqlQuery(m_db.sql());
            ok = query.prepare(statement);
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
    if (!query.next() || !query.value(0).toBool())
        return decision;
    decision.byBudget = query.value(2).toString() == QLatin1String("budget");
    decision.until = utcFromSql(query.value(3));
    decision.reason = query.value(1).toString();
    query.finish();
    // A budget's block ends with its period: the check knows the period, so
    // no daemon has to lift it.
    if (decision.byBudget && decision.until.isValid() && decision.until <= now()) {
        liftExpired(userId);
        return AccessDecision{};
    }
    decision.allowed = false;
    decision.message = BlockedMessage;
    return decision;
}

bool AccessGuard::liftExpired(const QString &userId)
{
    // The audit chain's lock before the stats row (LockOrder.h). A role
    // that may not lift (a reader) still gets its answer.
    QString error;
    if (!m_db.begin(&error))
        return false;
    const QString chainLock = m_db.dialect().transactionLock(AuditChainLock);
    if ((!chainLock.isEmpty() && !m_db.exec(chainLock, &error)) || !BudgetBlocks(m_db).lift(userId, now(), &error)) {
        m_db.rollback();
        return false;
    }
    return m_db.commit(&error);
}

Reservation AccessGuard::reserve(const ReservationRequest &request)
{
    Reservation reservation;
    if (!m_prices) {
        reservation.message = QStringLiteral("this guard was made without a price book: it cannot price a reservation");
        return reservation;
    }
    UsageEvent probe;
    probe.userId = request.userId;
    probe.service = request.service.trimmed().toLower();
    probe.model = request.model;
    probe.tokens = request.maxTokens;
    if (const QString problem = probe.validate(); !problem.isEmpty()) {
        reservation.message = problem;
        return reservation;
    }
    if (request.ttlSeconds <= 0) {
        reservation.message = QStringLiteral("a reservation must last at least a second");
        return reservation;
    }
    const auto quote = m_prices->quote(request.model, request.maxTokens, now());
    if (!quote) {
        reservation.message = QStringLiteral("the most this call may cost does not fit in 64 bits of nano-dollars");
        return reservation;
    }
    reservation.amountNanos = quote->cost.nanos();
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString error;
    if (!m_db.begin(&error)) {
        reservation.unknown = true;
        reservation.message = error;
        return reservation;
    }
    ReservationRequest normalised = request;
    normalised.service = probe.service;
    const std::optional<QString> refusal = reserveLocked(normalised, reservation.amountNanos, id, &error);
    if (!refusal || !refusal->isEmpty()) {
        m_db.rollback();
        reservation.unknown = !refusal.has_value();
        reservation.message = refusal ? *refusal : error;
        return reservation;
    }
    if (!m_db.commit(&error)) {
        reservation.unknown = true;
        reservation.message = error;
        return reservation;
    }
    reservation.allowed = true;
    reservation.id = id;
    return reservation;
}

// Inside the transaction: the user's stats row locked (every reservation
// and every recorded call of this user waits for it), then the budgets
// against what was spent and what is held. Empty when reserved, else why
// not; nothing on a database error.
std::optional<QString> AccessGuard::reserveLocked(const ReservationRequest &request, qint64 amount, const QString &id,
                                                  QString *error)
{
    const QDateTime at = now();
    QSqlQuery query(m_db.sql());
    // Meterdesk's own database adds a user it has not seen (the default
    // budget applies to a first call too); the host's users are only read.
    if ((m_db.ownsUsers()
         && !m_db.select(query, QStringLiteral("INSERT INTO users (id) VALUES (?) ON CONFLICT (id) DO NOTHING"),
                         {request.userId}, error))
        || !m_db.select(query, QStringLiteral("INSERT INTO api_usage_stats (user_id) SELECT id FROM users WHERE id = ? "
                                              "ON CONFLICT (user_id) DO NOTHING"),
                        {request.userId}, error)
        || !m_db.select(query,
                        QStringLiteral("SELECT is_blocked, block_source, block_until FROM api_usage_stats WHERE user_id = ?%1")
                            .arg(m_db.dialect().forUpdate()),
                        {request.userId}, error))
        return std::nullopt;
    if (!query.next())
        return QStringLiteral("unknown user \"%1\": not in the users table of this database").arg(request.userId.left(80));
    if (query.value(0).toBool()
        && !(query.value(1).toString() == QLatin1String("budget") && utcFromSql(query.value(2)) <= at))
        return BlockedMessage;
    query.finish();
    BudgetStore store(m_db);
    const auto budgets = store.budgetsFor({request.userId}, error);
    const auto spent = budgets ? store.spend({request.userId}, at, error) : std::nullopt;
    auto held = spent ? store.reserved(request.userId, at, error) : std::nullopt;
    if (!held)
        return std::nullopt;
    UserSpend total = spent->value(request.userId);
    PeriodSpend mine;
    mine.costNanos.fill(amount);
    mine.requests.fill(1);
    (*held)[request.service].add(mine);
    for (auto it = held->cbegin(); it != held->cend(); ++it)
        total[it.key()].add(it.value());
    for (const BudgetUse &use : budgetUses(*budgets, request.userId, total, at))
        if (use.spent > use.budget.limit)
            return QStringLiteral("Budget would be exceeded: %1 of %2 %3 with the calls in flight")
                .arg(use.budget.spentText(use.spent), use.budget.amount(use.budget.limit), thisPeriod(use.budget.period));
    return m_db.select(query,
                       QStringLiteral("INSERT INTO meterdesk_reservations (id, user_id, service, amount_nanos, created_at, "
                                      "expires_at) VALUES (?, ?, ?, ?, ?, ?)"),
                       {id, request.userId, request.service, amount, sqlTimestamp(at),
                        sqlTimestamp(at.addSecs(request.ttlSeconds))},
                       error)
        ? std::optional<QString>(QString())
        : std::nullopt;
}

} // namespace meterdesk
