#pragma once

#include "DashboardData.h"

#include <storage/ConnectionSpec.h>

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace meterdesk {

class DataWorker;

// The dashboard's only way to the database. A worker object on its own
// thread owns the connection (Qt connections belong to the thread that
// made them) and answers with value structs; every request carries an id,
// and an answer to anything but the newest request is dropped as stale.
class DataService : public QObject
{
    Q_OBJECT

public:
    explicit DataService(QObject *parent = nullptr);
    ~DataService() override;

    // `replica`: a streaming replica to read the dashboard from, while
    // admin actions and live notifications go to `spec`, the primary.
    void open(const ConnectionSpec &spec, bool createIfEmpty, const std::optional<ConnectionSpec> &replica = {});
    // Makes the demo database the first time (demoProgress tells how far;
    // cancelDemo() stops it and removes the half-made file), then opens it.
    void openDemo(const QString &path);
    void cancelDemo();
    void upgrade();
    // `fresh` false: another range of the data shown, which may reuse what
    // the worker keeps current (see UsersSnapshot); true reads everything.
    quint64 load(const DateRange &range, std::optional<Bucket> bucket, bool fresh = true);
    quint64 loadUser(const QString &userId, const DateRange &range, int offset);
    void apply(const AdminRequest &request);
    void loadAudit(const QString &userId, const QString &action);
    // The Prices window: the models of a range and their prices; setting a
    // price; repricing recorded calls (a dry run previews), which
    // cancelReprice() stops after the batch in progress.
    void loadPrices(const DateRange &range);
    void setPrice(const ModelPrice &price);
    void reprice(const RepriceScope &scope, bool dryRun);
    void cancelReprice();
    // The users table's order: each load's rows come in it, so that the
    // table's own sort finds them sorted (sortUsers).
    void setUserOrder(const UserOrder &order);
    // Suggested risk scores, budgets and alerts; after each load.
    void loadGuardrails();
    void setBudget(const Budget &budget);
    void removeBudget(const Budget &budget);
    // Live updates from other processes' commits; on by default.
    void setLive(bool on);
    bool isOpen() const { return m_open; }
    // Cost by model or endpoint over time with the range's totals; the
    // users who spent on one of them (a drill-down); the period before.
    quint64 loadBreakdown(const DateRange &range, Bucket bucket, Breakdown by);
    void loadUsersOf(const DateRange &range, Breakdown by, const QString &key);
    quint64 loadComparison(const DateRange &range);
    // The provider's cost and usage reports (files) against what was tracked.
    void reconcile(const QString &provider, const QStringList &reportPaths);

Q_SIGNALS:
    void opened(const QString &display, const meterdesk::Capabilities &capabilities);
    // `needsUpgrade`: a seed or older database that `upgrade()` can bring up to date.
    void openFailed(const QString &message, bool needsUpgrade);
    void loaded(const meterdesk::DashboardData &data);
    void userLoaded(const meterdesk::UserDetails &details);
    void loadFailed(const QString &message, bool connectionLost);
    void actionFinished(const meterdesk::ActionOutcome &outcome);
    void auditLoaded(const QList<meterdesk::AuditRow> &rows);
    void pricesLoaded(const QList<meterdesk::ModelPriceRow> &rows, const QString &error);
    void priceSet(bool ok, const QString &error);
    void repriceProgress(qint64 done, qint64 total);
    void demoProgress(qint64 done, qint64 total);
    void repriced(const meterdesk::RepriceOutcome &outcome);
    void guardrailsLoaded(const meterdesk::GuardrailData &data);
    void budgetChanged(const meterdesk::BudgetChange &change);
    // What changed since the shown load (see LiveUpdate), or why it could
    // not be followed and everything should load again.
    void liveUpdated(const meterdesk::LiveUpdate &update);
    void liveFallback(const QString &reason);
    void breakdownLoaded(const meterdesk::BreakdownData &data);
    void usersOfLoaded(const meterdesk::UsersOf &users);
    void comparisonLoaded(const meterdesk::Comparison &comparison);
    void reconciled(const meterdesk::ReconcileOutcome &outcome);

private:
    QThread m_thread;
    DataWorker *m_worker = nullptr; // lives on m_thread, deleted by it
    quint64 m_nextRequest = 0;
    quint64 m_pendingLoad = 0;
    quint64 m_pendingUser = 0;
    bool m_open = false;
    std::shared_ptr<std::atomic<bool>> m_cancelReprice;
    std::shared_ptr<std::atomic<bool>> m_cancelDemo;
};

} // namespace meterdesk
