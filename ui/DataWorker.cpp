#include "DataWorker.h"

#include <AdminActions.h>
#include <DemoData.h>

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>

namespace meterdesk {

void DataWorker::open(const ConnectionSpec &spec, bool createIfEmpty)
{
    m_db.reset();
    m_spec = spec;
    QString error;
    auto db = Database::open(spec, &error);
    if (!db) {
        Q_EMIT openFailed(error, false);
        return;
    }
    int version = 0;
    const SchemaState state = db->inspect(&version, &error);
    if (state == SchemaState::Empty && createIfEmpty && !db->migrate(PriceBook::builtIn(), &error)) {
        Q_EMIT openFailed(error, false);
        return;
    }
    if (!db->checkReady(&error)) {
        Q_EMIT openFailed(error, state == SchemaState::Seed || state == SchemaState::Outdated);
        m_db = std::move(db); // kept for upgrade()
        return;
    }
    m_db = std::move(db);
    Q_EMIT opened(spec.displayString(), capabilities());
}

void DataWorker::openDemo(const QString &path)
{
    const ConnectionSpec spec = ConnectionSpec::sqlite(path);
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0) {
        QString error;
        auto db = Database::open(spec, &error);
        if (!db || !db->migrate(PriceBook::builtIn(), &error)) {
            Q_EMIT openFailed(error, false);
            return;
        }
        const DemoResult result = generateDemoData(*db, PriceBook::builtIn(), DemoOptions{});
        if (!result.ok) {
            Q_EMIT openFailed(tr("The demo data could not be made: %1").arg(result.error), false);
            return;
        }
    }
    open(spec, false);
}

void DataWorker::upgrade()
{
    QString error;
    if (!m_db || !m_db->migrate(PriceBook::builtIn(), &error)) {
        Q_EMIT openFailed(error.isEmpty() ? tr("No database to upgrade") : error, false);
        return;
    }
    Q_EMIT opened(m_spec.displayString(), capabilities());
}

Capabilities DataWorker::capabilities()
{
    Capabilities caps;
    caps.role = m_db->roleName();
    if (!m_db->isPostgres())
        return caps;
    QSqlQuery query(m_db->sql());
    if (query.exec(QStringLiteral(
            "SELECT has_column_privilege('api_usage_stats', 'is_blocked', 'UPDATE') "
            "AND has_column_privilege('api_usage_stats', 'block_reason', 'UPDATE') "
            "AND has_table_privilege('admin_audit_log', 'INSERT'), "
            "has_column_privilege('api_usage_stats', 'risk_score', 'UPDATE') "
            "AND has_table_privilege('admin_audit_log', 'INSERT')"))
        && query.next()) {
        caps.canBlock = query.value(0).toBool();
        caps.canSetRisk = query.value(1).toBool();
    }
    return caps;
}

bool DataWorker::ensureConnected(QString *error)
{
    if (!m_db) {
        *error = tr("Not connected");
        return false;
    }
    if (m_db->sql().isOpen()) {
        QSqlQuery ping(m_db->sql());
        if (ping.exec(QStringLiteral("SELECT 1")))
            return true;
    }
    return m_db->reconnect(error);
}

void DataWorker::load(quint64 requestId, const DateRange &range, std::optional<Bucket> bucket)
{
    QElapsedTimer timer;
    timer.start();
    QString error;
    if (!ensureConnected(&error)) {
        Q_EMIT loadFailed(requestId, error, true);
        return;
    }
    Queries queries(*m_db);
    DashboardData data;
    data.requestId = requestId;
    data.range = range;
    auto overview = queries.overview(range, &error, false);
    auto users = overview ? queries.users(range, &error) : std::nullopt;
    auto costs = users ? queries.costs(range, &error) : std::nullopt;
    if (!costs) {
        Q_EMIT loadFailed(requestId, error, !m_db->sql().isOpen());
        return;
    }
    // The bucket follows the span of the data when the range is open.
    QDate first, last;
    if (!bucket) {
        QSqlQuery span(m_db->sql());
        if (span.exec(QStringLiteral("SELECT min(day), max(day) FROM api_usage_daily_service")) && span.next()) {
            first = QDate::fromString(span.value(0).toString().left(10), Qt::ISODate);
            last = QDate::fromString(span.value(1).toString().left(10), Qt::ISODate);
        }
    }
    data.bucket = bucket.value_or(Queries::suggestedBucket(range, first, last));
    auto series = queries.costSeries(range, data.bucket, &error);
    if (!series) {
        Q_EMIT loadFailed(requestId, error, false);
        return;
    }
    data.overview = *overview;
    for (const UserRow &user : std::as_const(*users))
        data.overview.activeUsers += user.requests > 0 ? 1 : 0;
    data.users = std::move(*users);
    data.costs = std::move(*costs);
    data.series = std::move(*series);
    data.loadMs = timer.elapsed();
    Q_EMIT loaded(data);
}

void DataWorker::loadUser(quint64 requestId, const QString &userId, const DateRange &range, int offset)
{
    constexpr int PageSize = 50;
    QString error;
    if (!ensureConnected(&error)) {
        Q_EMIT loadFailed(requestId, error, true);
        return;
    }
    Queries queries(*m_db);
    UserDetails details;
    details.requestId = requestId;
    details.userId = userId;
    details.offset = offset;
    auto daily = queries.userDaily(userId, range, &error);
    auto events = daily ? queries.userEvents(userId, range, PageSize + 1, offset, &error) : std::nullopt;
    if (!events) {
        Q_EMIT loadFailed(requestId, error, false);
        return;
    }
    details.hasMore = events->size() > PageSize;
    if (details.hasMore)
        events->removeLast();
    details.daily = std::move(*daily);
    details.events = std::move(*events);
    Q_EMIT userLoaded(details);
}

void DataWorker::apply(const QString &action, const QStringList &userIds, const QString &reason, int score)
{
    ActionOutcome outcome;
    outcome.action = action;
    outcome.userIds = userIds;
    outcome.reason = reason;
    outcome.riskScore = score;
    QString error;
    if (!ensureConnected(&error)) {
        outcome.error = tr("The database cannot be reached, nothing was changed: %1").arg(error);
        Q_EMIT actionFinished(outcome);
        return;
    }
    AdminActions actions(*m_db);
    const ActionResult result = action == u"block" ? actions.block(userIds, reason)
        : action == u"unblock"                     ? actions.unblock(userIds)
                                                   : actions.setRiskScore(userIds, score);
    outcome.ok = result.ok;
    outcome.error = result.error;
    Q_EMIT actionFinished(outcome);
}

} // namespace meterdesk

namespace meterdesk {

void DataWorker::loadAudit(const QString &userId, const QString &action)
{
    QString error;
    if (!ensureConnected(&error)) {
        Q_EMIT loadFailed(0, error, true);
        return;
    }
    const auto rows = Queries(*m_db).audit(userId, action, 100'000, &error);
    if (!rows) {
        Q_EMIT loadFailed(0, error, false);
        return;
    }
    Q_EMIT auditLoaded(*rows);
}

} // namespace meterdesk
