#include "DataWorker.h"

#include <budgets/BudgetStore.h>

#include <admin/AdminActions.h>
#include <queries/FreeAside.h>
#include <queries/Queries.h>
#include <tracking/DemoData.h>

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

namespace meterdesk {

void DataWorker::open(const ConnectionSpec &spec, bool createIfEmpty, const std::optional<ConnectionSpec> &replica)
{
    m_feed.reset(); // it reads through the connection that goes now
    m_snapshot.reset();
    ++m_snapshotGeneration;
    m_sentGuardrails.reset(); // another database's
    m_suggestionsAside.reset();
    m_readDb.reset();
    m_db.reset();
    m_spec = spec;
    m_replicaSpec = replica;
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
    if (replica && !openReplica(*replica, &error)) {
        m_db.reset();
        Q_EMIT openFailed(error, false);
        return;
    }
    m_liveRequest = 0;
    m_dataVersion = -1;
    m_listening = nullptr;
    watch();
    Q_EMIT opened(displayString(), AdminActions(*m_db).privileges());
}

bool DataWorker::openReplica(const ConnectionSpec &replica, QString *error)
{
    QString why;
    auto db = Database::open(replica, &why);
    if (!db || !db->checkReady(&why)) {
        *error = tr("The read replica %1 cannot be used: %2").arg(replica.displayString(), why);
        return false;
    }
    m_readDb = std::move(db);
    return true;
}

QString DataWorker::displayString() const
{
    return m_readDb ? tr("%1, reading from %2").arg(m_spec.displayString(), m_readDb->spec().displayString())
                    : m_spec.displayString();
}

void DataWorker::openDemo(const QString &path, std::shared_ptr<std::atomic<bool>> cancel)
{
    const ConnectionSpec spec = ConnectionSpec::sqlite(path);
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0) {
        QString error;
        auto db = Database::open(spec, &error);
        if (!db || !db->migrate(PriceBook::builtIn(), &error)) {
            Q_EMIT openFailed(error, false);
            return;
        }
        const DemoOptions options;
        const DemoResult result = generateDemoData(*db, PriceBook::builtIn(), options, [&](qint64 done) {
            Q_EMIT demoProgress(done, options.events);
            return !cancel->load();
        });
        if (!result.ok) {
            // Half a demo is no demo: the next start makes it whole.
            db.reset();
            QFile::remove(path);
            Q_EMIT openFailed(result.cancelled ? tr("The demo database was not made: you cancelled it.")
                                               : tr("The demo data could not be made: %1").arg(result.error),
                              false);
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
    // The replica first: the feed follows where the dashboard reads.
    if (m_replicaSpec && !openReplica(*m_replicaSpec, &error)) {
        Q_EMIT openFailed(error, false);
        return;
    }
    watch();
    Q_EMIT opened(displayString(), AdminActions(*m_db).privileges());
}

bool DataWorker::ensureConnected(QString *error)
{
    if (!m_db) {
        *error = tr("Not connected");
        return false;
    }
    return (m_db->isAlive() || m_db->reconnect(error)) && (!m_readDb || m_readDb->isAlive() || m_readDb->reconnect(error));
}

Database &DataWorker::reader()
{
    return m_readDb ? *m_readDb : *m_db;
}

void DataWorker::load(quint64 requestId, const DateRange &range, std::optional<Bucket> bucket, bool fresh)
{
    QElapsedTimer timer;
    timer.start();
    QString error;
    if (!ensureConnected(&error)) {
        Q_EMIT loadFailed(requestId, error, true);
        return;
    }
    m_liveRequest = 0;
    Queries queries(reader());
    // Another range while live: the users' snapshot, brought up to date by
    // the feed, gives who they are; only the range's sums are read.
    const bool kept = !fresh && m_live && m_snapshot && m_feed && m_feed->isStarted() && catchUp();
    bool following = kept;
    if (!kept) {
        m_snapshot.reset();
        ++m_snapshotGeneration;
        // Positioned before the load reads: a call committed meanwhile is
        // read again by the first live update, which re-reads whole rows.
        QString feedError;
        following = m_feed && m_feed->start(&feedError);
    }
    DashboardData data;
    data.requestId = requestId;
    data.range = range;
    // The bucket follows the span of the data when the range is open.
    if (bucket) {
        data.bucket = *bucket;
    } else {
        const auto [first, last] = queries.daySpan();
        data.bucket = suggestedBucket(range, first, last);
    }
    auto load = queries.dashboard(range, data.bucket, &error, m_snapshot ? &*m_snapshot : nullptr);
    if (!load) {
        Q_EMIT loadFailed(requestId, error, !reader().sql().isOpen());
        return;
    }
    data.overview = std::move(load->totals.overview);
    Queries::countUsers(data.overview, load->users);
    data.users = std::move(load->users);
    if (m_sentGuardrails) {
        for (UserRow &row : data.users)
            m_sentGuardrails->stamp(row);
        data.guardrailsStamped = m_sentGuardrails->version;
    }
    // After the stamp: the table may be sorted on a guardrail column.
    data.userKeys = sortUsers(data.users, m_userOrder);
    if (m_userOrder.searching)
        data.userSearch = SearchText(data.users);
    m_loadedUsers.clear();
    m_loadedUsers.reserve(data.users.size());
    for (const UserRow &row : std::as_const(data.users))
        m_loadedUsers << row.userId;
    data.costs = std::move(load->totals.costs);
    data.series = std::move(load->totals.series);
    if (following)
        followLoad(requestId, range, data.bucket);
    data.loadMs = timer.elapsed();
    Q_EMIT loaded(data);
    // Kept until the next load, so that the UI thread, whose table copies
    // them, never holds the last reference to these rows and frees them
    // there; the last load's are freed aside now.
    freeAside(std::exchange(m_sentUsers, std::move(data.users)));
    // The guardrails the window asks for next: their suggestions read on a
    // connection of their own while this one answers the details and the
    // comparison first (at 10M calls each is a fifth of a second to a second).
    if (!m_suggestionsAside)
        m_suggestionsAside = std::make_unique<RiskSuggestionsAside>(m_db->keptConnections());
    // The snapshot for the next range, two seconds after this one is on
    // screen: a first load and the guardrails after it do not wait for
    // every user's all-time row.
    if (!kept && following && m_live)
        scheduleSnapshot();
}

void DataWorker::loadUser(quint64 requestId, const QString &userId, const DateRange &range, int offset)
{
    constexpr int PageSize = 50;
    QString error;
    if (!ensureConnected(&error)) {
        Q_EMIT loadFailed(requestId, error, true);
        return;
    }
    Queries queries(reader());
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
    if (auto uses = BudgetStore(reader()).uses({userId}, QDateTime::currentDateTimeUtc(), &error))
        details.budgets = uses->value(userId);
    Q_EMIT userLoaded(details);
}

void DataWorker::apply(const AdminRequest &request)
{
    ActionOutcome outcome;
    outcome.request = request;
    QString error;
    if (!ensureConnected(&error)) {
        outcome.error = tr("The database cannot be reached, nothing was changed: %1").arg(error);
        Q_EMIT actionFinished(outcome);
        return;
    }
    AdminActions actions(*m_db);
    ActionResult result;
    switch (request.kind) {
    case AdminRequest::Kind::Block:
        result = actions.block(request.userIds, request.reason);
        break;
    case AdminRequest::Kind::Unblock:
        result = actions.unblock(request.userIds);
        break;
    case AdminRequest::Kind::SetRisk:
        result = actions.setRiskScore(request.userIds, request.riskScore, request.reason);
        break;
    }
    outcome.ok = result.ok;
    outcome.error = result.error;
    // What the action changed, read back once for the window.
    if (result.ok) {
        if (auto after = actions.states(request.userIds, &outcome.blockedUsers, &error))
            outcome.after = std::move(*after);
        else
            outcome.blockedUsers = -1;
        refreshSnapshot(request.userIds);
    }
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
    const auto rows = Queries(reader()).audit(userId, action, 100'000, &error);
    if (!rows) {
        Q_EMIT loadFailed(0, error, false);
        return;
    }
    Q_EMIT auditLoaded(*rows);
}

} // namespace meterdesk
