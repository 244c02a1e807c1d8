#include "budgets/BudgetStore.h"

#include "queries/Services.h"
#include "storage/SqlReader.h"
#include "storage/Timestamps.h"

#include <QSet>
#include <QSqlQuery>

namespace meterdesk {

namespace {

const QString BudgetColumns = QStringLiteral(
    "SELECT id, user_id, service, metric, period, limit_value, soft_percent, set_by, set_at FROM meterdesk_budgets ");

QString dayText(const QDateTime &at)
{
    return at.toUTC().date().toString(Qt::ISODate);
}

// "(?, ?, ?)" for a list of n values.
QString inList(qsizetype n)
{
    QStringList marks(n, QStringLiteral("?"));
    return u'(' + marks.join(QStringLiteral(", ")) + u')';
}

constexpr qsizetype UsersPerQuery = 500;
// A budgets table this small is read whole for a batch of many users.
constexpr qsizetype FewBudgets = 1000;

} // namespace

// '' is every user or every service in the table; a null QString would
// bind as NULL, which equals nothing.
QString storedKey(const QString &key)
{
    return key.isNull() ? QStringLiteral("") : key;
}

namespace {

} // namespace

BudgetStore::BudgetStore(Database &database) : m_db(database) {}

std::optional<QList<Budget>> BudgetStore::read(const QString &where, const QVariantList &values, QString *error,
                                               qsizetype limit)
{
    QSqlQuery query(m_db.sql());
    const QString limited = limit > 0 ? QStringLiteral(" LIMIT %1").arg(limit) : QString();
    if (!m_db.select(query, BudgetColumns + where + QStringLiteral(" ORDER BY user_id, service, metric, period") + limited,
                     values, error))
        return std::nullopt;
    QList<Budget> budgets;
    while (query.next()) {
        Budget budget;
        budget.id = query.value(0).toLongLong();
        budget.userId = query.value(1).toString();
        budget.service = query.value(2).toString();
        budget.metric = metricFromName(query.value(3).toString()).value_or(BudgetMetric::Usd);
        budget.period = periodFromName(query.value(4).toString()).value_or(BudgetPeriod::Month);
        budget.limit = query.value(5).toLongLong();
        budget.softPercent = query.value(6).toInt();
        budget.setBy = query.value(7).toString();
        budget.setAt = utcFromSql(query.value(8));
        budgets << budget;
    }
    return budgets;
}

std::optional<QList<Budget>> BudgetStore::budgets(QString *error)
{
    return read(QString(), {}, error);
}

std::optional<QList<Budget>> BudgetStore::budgetsFor(const QStringList &userIds, QString *error)
{
    QList<Budget> budgets;
    if (userIds.size() > UsersPerQuery / 10) {
        // A batch names hundreds of users while a database has a few
        // budgets: the whole table, filtered here, costs a recorded batch far
        // less than an IN list of every user (a tenth of SQLite's batch of
        // 1,000). A table too large for that is read by the lists below.
        const auto few = read(QString(), {}, error, FewBudgets + 1);
        if (!few)
            return std::nullopt;
        if (few->size() <= FewBudgets) {
            const QSet<QString> wanted(userIds.cbegin(), userIds.cend());
            for (const Budget &budget : *few)
                if (budget.userId.isEmpty() || wanted.contains(budget.userId))
                    budgets << budget;
            return budgets;
        }
    }
    for (qsizetype from = 0; from < qMax<qsizetype>(userIds.size(), 1); from += UsersPerQuery) {
        const QStringList chunk = userIds.mid(from, UsersPerQuery);
        QVariantList values{storedKey({})};
        for (const QString &user : chunk)
            values << user;
        // The defaults come with the first chunk only.
        const QString where = from == 0 ? QStringLiteral("WHERE user_id = ? OR user_id IN %1").arg(inList(chunk.size()))
                                        : QStringLiteral("WHERE user_id <> ? AND user_id IN %1").arg(inList(chunk.size()));
        const auto part = read(chunk.isEmpty() ? QStringLiteral("WHERE user_id = ?") : where, values, error);
        if (!part)
            return std::nullopt;
        budgets << *part;
    }
    return budgets;
}

std::optional<QHash<QString, UserSpend>> BudgetStore::spend(const QStringList &userIds, const QDateTime &now,
                                                            QString *error, bool perService)
{
    const QString day = dayText(periodWindow(BudgetPeriod::Day, now).start);
    const QString week = dayText(periodWindow(BudgetPeriod::Week, now).start);
    const QString month = dayText(periodWindow(BudgetPeriod::Month, now).start);
    const QString earliest = qMin(week, month);
    // One pass over the rollup rows since the earliest start: each period's
    // sums side by side.
    const QString head = QStringLiteral(
        "SELECT user_id, service, "
        "sum(CASE WHEN day >= ? THEN cost_nanos ELSE 0 END), sum(CASE WHEN day >= ? THEN cost_nanos ELSE 0 END), "
        "sum(CASE WHEN day >= ? THEN cost_nanos ELSE 0 END), sum(CASE WHEN day >= ? THEN requests ELSE 0 END), "
        "sum(CASE WHEN day >= ? THEN requests ELSE 0 END), sum(CASE WHEN day >= ? THEN requests ELSE 0 END) "
        "FROM api_usage_daily WHERE day >= ? AND day < ?");
    const QString tomorrow = dayText(periodWindow(BudgetPeriod::Day, now).end);
    QHash<QString, UserSpend> result;
    if (userIds.isEmpty())
        return everyonesSpend(now, perService, error);
    QSqlQuery query(m_db.sql());
    for (qsizetype from = 0; from < qMax<qsizetype>(userIds.size(), 1); from += UsersPerQuery) {
        const QStringList chunk = userIds.mid(from, UsersPerQuery);
        QVariantList values{day, week, month, day, week, month, earliest, tomorrow};
        for (const QString &user : chunk)
            values << user;
        const QString users = chunk.isEmpty() ? QString() : QStringLiteral(" AND user_id IN %1").arg(inList(chunk.size()));
        if (!m_db.select(query, head + users + QStringLiteral(" GROUP BY user_id, service"), values, error))
            return std::nullopt;
        while (query.next()) {
            PeriodSpend &spend = result[query.value(0).toString()][query.value(1).toString()];
            for (int i = 0; i < 3; ++i) {
                spend.costNanos[i] = query.value(2 + i).toLongLong();
                spend.requests[i] = query.value(5 + i).toLongLong();
            }
        }
    }
    return result;
}

std::optional<QHash<QString, UserSpend>> BudgetStore::everyonesSpend(const QDateTime &now, bool perService,
                                                                     QString *error)
{
    // Every user's rows of the periods, summed here as they stream in: the
    // GROUP BY of spend() sorted a month of rollup rows first (10M events a
    // year, 100,000 users on SQLite: about 1.2 s against 0.7). The chunked
    // GROUP BY stays for a few users, where it runs inside a recording
    // transaction (BudgetEnforcer) on the statement's own connection.
    const QString days[3] = {dayText(periodWindow(BudgetPeriod::Day, now).start),
                             dayText(periodWindow(BudgetPeriod::Week, now).start),
                             dayText(periodWindow(BudgetPeriod::Month, now).start)};
    const QString tomorrow = dayText(periodWindow(BudgetPeriod::Day, now).end);
    const QByteArray dayBytes[3] = {days[0].toLatin1(), days[1].toLatin1(), days[2].toLatin1()};
    QHash<QByteArray, UserSpend> byUtf8;
    QByteArray lastUser;
    UserSpend *user = nullptr;
    QList<std::pair<QByteArray, QString>> services; // a few names, made once each
    const bool ok = readRows(
        m_db,
        QStringLiteral("SELECT user_id, service, day, cost_nanos, requests FROM api_usage_daily WHERE day >= ? AND day < ?"),
        {qMin(days[1], days[2]), tomorrow},
        [&](const SqlRow &r) {
            const QByteArrayView id = r.utf8(0);
            if (!user || id != lastUser) { // rows come grouped by day, then user
                lastUser = id.toByteArray();
                user = &byUtf8[lastUser];
            }
            const QByteArrayView serviceName = perService ? r.utf8(1) : QByteArrayView();
            auto service = std::find_if(services.cbegin(), services.cend(),
                                        [&](const auto &known) { return known.first == serviceName; });
            if (service == services.cend()) {
                services.append({serviceName.toByteArray(), perService ? QString::fromUtf8(serviceName) : QString()});
                service = services.cend() - 1;
            }
            PeriodSpend &spend = (*user)[service->second];
            const QByteArrayView day = r.utf8(2).first(qMin<qsizetype>(10, r.utf8(2).size()));
            for (int i = 0; i < 3; ++i) {
                if (day.compare(dayBytes[i]) >= 0) {
                    spend.costNanos[i] += r.integer(3);
                    spend.requests[i] += r.integer(4);
                }
            }
        },
        error);
    if (!ok)
        return std::nullopt;
    QHash<QString, UserSpend> result;
    result.reserve(byUtf8.size());
    for (auto it = byUtf8.cbegin(); it != byUtf8.cend(); ++it)
        result.insert(QString::fromUtf8(it.key()), it.value());
    return result;
}

std::optional<UserSpend> BudgetStore::reserved(const QString &userId, const QDateTime &now, QString *error)
{
    QSqlQuery query(m_db.sql());
    if (!m_db.select(query,
                     QStringLiteral("SELECT service, sum(amount_nanos), count(*) FROM meterdesk_reservations "
                                    "WHERE user_id = ? AND expires_at > ? GROUP BY service"),
                     {userId, sqlTimestamp(now)}, error))
        return std::nullopt;
    UserSpend result;
    while (query.next()) {
        // A reservation counts in every period: it is a call about to happen.
        PeriodSpend &spend = result[query.value(0).toString()];
        spend.costNanos.fill(query.value(1).toLongLong());
        spend.requests.fill(query.value(2).toLongLong());
    }
    return result;
}

std::optional<QHash<QString, QList<BudgetUse>>> BudgetStore::uses(const QStringList &userIds, const QDateTime &now,
                                                                  QString *error)
{
    const auto all = userIds.isEmpty() ? budgets(error) : budgetsFor(userIds, error);
    if (!all)
        return std::nullopt;
    QHash<QString, QList<BudgetUse>> result;
    if (all->isEmpty())
        return result;
    const bool anyDefault = std::any_of(all->cbegin(), all->cend(), [](const Budget &b) { return b.userId.isEmpty(); });
    QStringList users = userIds;
    if (users.isEmpty() && !anyDefault)
        for (const Budget &budget : *all)
            users << budget.userId;
    users.removeDuplicates();
    const auto spent = spend(users, now, error);
    if (!spent)
        return std::nullopt;
    QStringList subjects = users;
    if (subjects.isEmpty()) // every user has the default: those who spent this period
        subjects = spent->keys();
    for (const QString &user : std::as_const(subjects)) {
        const QList<BudgetUse> list = budgetUses(*all, user, spent->value(user), now);
        if (!list.isEmpty())
            result.insert(user, list);
    }
    return result;
}

QString BudgetStore::validate(const Budget &budget)
{
    if (budget.limit <= 0)
        return QStringLiteral("a budget's limit must be more than zero");
    if (budget.softPercent < 0 || budget.softPercent >= 100)
        return QStringLiteral("a soft threshold is a percentage from 1 to 99 of the limit, not %1").arg(budget.softPercent);
    if (budget.userId.size() > 255 || budget.userId.trimmed() != budget.userId)
        return QStringLiteral("\"%1\" is not a user id").arg(budget.userId.left(80));
    if (!budget.service.isEmpty() && !knownServices().contains(budget.service)) {
        QSqlQuery query(m_db.sql());
        QString error;
        if (!m_db.select(query, QStringLiteral("SELECT 1 FROM api_usage_daily_service WHERE service = ? LIMIT 1"),
                         {budget.service}, &error))
            return error;
        if (!query.next())
            return QStringLiteral("unknown service \"%1\": known are %2, and any service with recorded calls")
                .arg(budget.service.left(80), knownServices().join(QStringLiteral(", ")));
    }
    return {};
}

std::optional<Budget> BudgetStore::find(const Budget &scope, QString *error)
{
    const auto found = read(QStringLiteral("WHERE user_id = ? AND service = ? AND metric = ? AND period = ?"),
                            {storedKey(scope.userId), storedKey(scope.service), metricName(scope.metric), periodName(scope.period)}, error);
    if (!found)
        return std::nullopt;
    return found->isEmpty() ? Budget{} : found->first();
}

} // namespace meterdesk
