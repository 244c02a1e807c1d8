#include "DataService.h"

#include "DataWorker.h"

namespace meterdesk {

DataService::DataService(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<DashboardData>();
    qRegisterMetaType<BreakdownData>();
    qRegisterMetaType<UsersOf>();
    qRegisterMetaType<Comparison>();
    qRegisterMetaType<ReconcileOutcome>();
    qRegisterMetaType<UserDetails>();
    qRegisterMetaType<ActionOutcome>();
    qRegisterMetaType<Capabilities>();
    qRegisterMetaType<QList<AuditRow>>();
    qRegisterMetaType<QList<ModelPriceRow>>();
    qRegisterMetaType<RepriceOutcome>();
    qRegisterMetaType<GuardrailData>();
    qRegisterMetaType<BudgetChange>();
    qRegisterMetaType<LiveUpdate>();
    m_thread.setObjectName(QStringLiteral("meterdesk-data"));
    m_worker = new DataWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    connect(m_worker, &DataWorker::opened, this, [this](const QString &display, const Capabilities &caps) {
        m_open = true;
        Q_EMIT opened(display, caps);
    });
    connect(m_worker, &DataWorker::openFailed, this, [this](const QString &message, bool needsUpgrade) {
        m_open = false;
        Q_EMIT openFailed(message, needsUpgrade);
    });
    connect(m_worker, &DataWorker::loaded, this, [this](const DashboardData &data) {
        if (data.requestId != m_pendingLoad)
            return; // a newer load is on its way
        m_pendingLoad = 0;
        Q_EMIT loaded(data);
    });
    connect(m_worker, &DataWorker::userLoaded, this, [this](const UserDetails &details) {
        if (details.requestId == m_pendingUser)
            Q_EMIT userLoaded(details);
    });
    connect(m_worker, &DataWorker::loadFailed, this, [this](quint64 requestId, const QString &message, bool lost) {
        if (requestId == m_pendingLoad)
            m_pendingLoad = 0;
        else if (requestId != m_pendingUser)
            return;
        Q_EMIT loadFailed(message, lost);
    });
    connect(m_worker, &DataWorker::actionFinished, this, &DataService::actionFinished);
    connect(m_worker, &DataWorker::auditLoaded, this, &DataService::auditLoaded);
    connect(m_worker, &DataWorker::pricesLoaded, this, &DataService::pricesLoaded);
    connect(m_worker, &DataWorker::priceSet, this, &DataService::priceSet);
    connect(m_worker, &DataWorker::repriceProgress, this, &DataService::repriceProgress);
    connect(m_worker, &DataWorker::demoProgress, this, &DataService::demoProgress);
    connect(m_worker, &DataWorker::breakdownLoaded, this, &DataService::breakdownLoaded);
    connect(m_worker, &DataWorker::usersOfLoaded, this, &DataService::usersOfLoaded);
    connect(m_worker, &DataWorker::comparisonLoaded, this, &DataService::comparisonLoaded);
    connect(m_worker, &DataWorker::reconciled, this, &DataService::reconciled);
    connect(m_worker, &DataWorker::repriced, this, &DataService::repriced);
    connect(m_worker, &DataWorker::guardrailsLoaded, this, &DataService::guardrailsLoaded);
    connect(m_worker, &DataWorker::budgetChanged, this, &DataService::budgetChanged);
    connect(m_worker, &DataWorker::liveUpdated, this, [this](const LiveUpdate &update) {
        if (m_pendingLoad == 0) // else a load is on its way, which has it all
            Q_EMIT liveUpdated(update);
    });
    connect(m_worker, &DataWorker::liveLost, this, [this](const QString &error) {
        if (m_pendingLoad == 0)
            Q_EMIT loadFailed(error, true);
    });
    connect(m_worker, &DataWorker::liveFallback, this, [this](const QString &reason) {
        if (m_pendingLoad == 0)
            Q_EMIT liveFallback(reason);
    });
    m_thread.start();
}

DataService::~DataService()
{
    m_thread.quit();
    m_thread.wait();
}

void DataService::open(const ConnectionSpec &spec, bool createIfEmpty, const std::optional<ConnectionSpec> &replica)
{
    m_open = false;
    m_pendingLoad = m_pendingUser = 0;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, spec, createIfEmpty, replica] {
        worker->open(spec, createIfEmpty, replica);
    });
}

void DataService::openDemo(const QString &path)
{
    m_open = false;
    m_pendingLoad = m_pendingUser = 0;
    m_cancelDemo = std::make_shared<std::atomic<bool>>(false);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, path, cancel = m_cancelDemo] { worker->openDemo(path, cancel); });
}

quint64 DataService::loadBreakdown(const DateRange &range, Bucket bucket, Breakdown by)
{
    const quint64 id = ++m_nextRequest;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, id, range, bucket, by] { worker->loadBreakdown(id, range, bucket, by); });
    return id;
}

void DataService::loadUsersOf(const DateRange &range, Breakdown by, const QString &key)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, range, by, key] { worker->loadUsersOf(range, by, key); });
}

quint64 DataService::loadComparison(const DateRange &range)
{
    const quint64 id = ++m_nextRequest;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, id, range] { worker->loadComparison(id, range); });
    return id;
}

void DataService::reconcile(const QString &provider, const QStringList &reportPaths)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, provider, reportPaths] { worker->reconcile(provider, reportPaths); });
}

void DataService::cancelDemo()
{
    if (m_cancelDemo)
        m_cancelDemo->store(true);
}

void DataService::upgrade()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->upgrade(); });
}

quint64 DataService::load(const DateRange &range, std::optional<Bucket> bucket, bool fresh)
{
    const quint64 id = ++m_nextRequest;
    m_pendingLoad = id;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, id, range, bucket, fresh] {
        worker->load(id, range, bucket, fresh);
    });
    return id;
}

quint64 DataService::loadUser(const QString &userId, const DateRange &range, int offset)
{
    const quint64 id = ++m_nextRequest;
    m_pendingUser = id;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, id, userId, range, offset] {
        worker->loadUser(id, userId, range, offset);
    });
    return id;
}

void DataService::apply(const AdminRequest &request)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, request] { worker->apply(request); });
}

void DataService::loadAudit(const QString &userId, const QString &action)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, userId, action] { worker->loadAudit(userId, action); });
}

void DataService::loadPrices(const DateRange &range)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, range] { worker->loadPrices(range); });
}

void DataService::setUserOrder(const UserOrder &order)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, order] { worker->setUserOrder(order); });
}

void DataService::loadGuardrails()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->loadGuardrails(); });
}

void DataService::setBudget(const Budget &budget)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, budget] { worker->setBudget(budget); });
}

void DataService::removeBudget(const Budget &budget)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, budget] { worker->removeBudget(budget); });
}

void DataService::setLive(bool on)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, on] { worker->setLive(on); });
}

void DataService::setPrice(const ModelPrice &price)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, price] { worker->setPrice(price); });
}

void DataService::reprice(const RepriceScope &scope, bool dryRun)
{
    m_cancelReprice = std::make_shared<std::atomic<bool>>(false);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, scope, dryRun, cancel = m_cancelReprice] {
        worker->reprice(scope, dryRun, cancel);
    });
}

void DataService::cancelReprice()
{
    if (m_cancelReprice)
        m_cancelReprice->store(true);
}

} // namespace meterdesk
