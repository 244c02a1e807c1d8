#pragma once

#include "DashboardData.h"

#include <storage/ConnectionSpec.h>
#include <storage/Database.h>
#include <money/PriceBook.h>
#include <queries/ChangeFeed.h>
#include <queries/UsersSnapshot.h>

#include <QHash>
#include <QObject>

class QSqlDriver;
class QTimer;

#include <atomic>
#include <memory>

namespace meterdesk {

// Runs on the data thread; see DataService. Never touched from the UI
// thread except through queued calls.
class DataWorker : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // `replica`: a streaming replica the dashboard reads from; admin actions
    // and notifications stay on the primary (`spec`).
    void open(const ConnectionSpec &spec, bool createIfEmpty, const std::optional<ConnectionSpec> &replica = {});
    void upgrade();
    // Creates the demo database the first time, then opens it.
    void openDemo(const QString &path, std::shared_ptr<std::atomic<bool>> cancel);
    // `fresh`: read every user again (F5, a fallback), else another range
    // of the same data (see UsersSnapshot).
    void load(quint64 requestId, const DateRange &range, std::optional<Bucket> bucket, bool fresh = true);
    void loadUser(quint64 requestId, const QString &userId, const DateRange &range, int offset);
    void setUserOrder(const meterdesk::UserOrder &order) { m_userOrder = order; }
    void apply(const meterdesk::AdminRequest &request);
    void loadAudit(const QString &userId, const QString &action);
    // The Prices window (DataWorkerPrices.cpp).
    void loadPrices(const DateRange &range);
    void setPrice(const meterdesk::ModelPrice &price);
    void reprice(const meterdesk::RepriceScope &scope, bool dryRun, std::shared_ptr<std::atomic<bool>> cancel);
    // Guardrails (DataWorkerGuardrails.cpp): suggestions, budgets and alerts;
    // setting and removing a budget.
    void loadGuardrails();
    void setBudget(const meterdesk::Budget &budget);
    void removeBudget(const meterdesk::Budget &budget);
    // Live updates (DataWorkerLive.cpp): on by default; paused, nothing is
    // watched, and resuming reads what came meanwhile.
    void setLive(bool on);
    // The charts' other views and the cards' comparison (DataWorkerViews.cpp).
    void loadBreakdown(quint64 requestId, const meterdesk::DateRange &range, meterdesk::Bucket bucket, meterdesk::Breakdown by);
    void loadUsersOf(const meterdesk::DateRange &range, meterdesk::Breakdown by, const QString &key);
    void loadComparison(quint64 requestId, const meterdesk::DateRange &range);
    void reconcile(const QString &provider, const QStringList &reportPaths);

Q_SIGNALS:
    void breakdownLoaded(const meterdesk::BreakdownData &data);
    void usersOfLoaded(const meterdesk::UsersOf &users);
    void comparisonLoaded(const meterdesk::Comparison &comparison);
    void reconciled(const meterdesk::ReconcileOutcome &outcome);
    void opened(const QString &display, const meterdesk::Capabilities &capabilities);
    void openFailed(const QString &message, bool needsUpgrade);
    void loaded(const meterdesk::DashboardData &data);
    void userLoaded(const meterdesk::UserDetails &details);
    void loadFailed(quint64 requestId, const QString &message, bool connectionLost);
    void actionFinished(const meterdesk::ActionOutcome &outcome);
    void auditLoaded(const QList<meterdesk::AuditRow> &rows);
    void pricesLoaded(const QList<meterdesk::ModelPriceRow> &rows, const QString &error);
    void priceSet(bool ok, const QString &error);
    void repriceProgress(qint64 done, qint64 total);
    void demoProgress(qint64 done, qint64 total);
    void repriced(const meterdesk::RepriceOutcome &outcome);
    void guardrailsLoaded(const meterdesk::GuardrailData &data);
    void budgetChanged(const meterdesk::BudgetChange &change);
    void liveUpdated(const meterdesk::LiveUpdate &update);
    // A live update could not follow (why, in words): load everything.
    void liveFallback(const QString &reason);
    // The connection went away while following: the window says so and
    // tries again, and loads everything when it is back.
    void liveLost(const QString &error);

private:
    // Reconnects once when the connection was lost; false if still away.
    bool ensureConnected(QString *error);
    bool openReplica(const ConnectionSpec &replica, QString *error);
    // Where the dashboard reads: the replica when there is one.
    Database &reader();
    QString displayString() const;

    std::unique_ptr<Database> m_db;
    std::unique_ptr<Database> m_readDb; // a read replica, when given
    ConnectionSpec m_spec;
    std::optional<ConnectionSpec> m_replicaSpec;
    // Live updates.
    void watch();
    void listen();
    void pollChanges();
    void checkChanges();
    // Brings the snapshot up to date with what the feed has; false when it
    // cannot be (too much, prices changed, an error): load everyone again.
    bool catchUp();
    // Reads every user's all-time row a while after a first load, unless a
    // newer load came (its `generation`).
    void scheduleSnapshot();
    void takeSnapshot(quint64 generation);
    // These users' all-time rows into the snapshot; drops it on an error.
    void refreshSnapshot(const QStringList &userIds);
    // The load a live update applies to, and where its users' rows are.
    void followLoad(quint64 requestId, const DateRange &range, Bucket bucket);

    QStringList m_loadedUsers; // the users of the last load in its order, then users a live update added
    bool m_live = true;
    std::unique_ptr<ChangeFeed> m_feed;
    QTimer *m_poll = nullptr;
    QTimer *m_coalesce = nullptr;
    QSqlDriver *m_listening = nullptr; // the driver subscribed to notifications
    qint64 m_dataVersion = -1;
    quint64 m_liveRequest = 0;
    DateRange m_liveRange;
    Bucket m_liveBucket = Bucket::Day;
    QHash<QString, qsizetype> m_rowIndex;
    // Every user's all-time row, current through the feed while live.
    std::optional<UsersSnapshot> m_snapshot;
    QList<UserRow> m_sentUsers; // the last load's, freed aside by the next
    // The guardrail values the table last received (loadGuardrails, then
    // the live updates' budget use), stamped into each load's rows.
    std::optional<RowGuardrails> m_sentGuardrails;
    // The suggestions, started aside when a load is on screen and taken by
    // the next loadGuardrails().
    std::unique_ptr<RiskSuggestionsAside> m_suggestionsAside;
    UserOrder m_userOrder; // the users table's, for each load's rows
    quint64 m_snapshotGeneration = 0;
    quint64 m_snapshotRequested = 0;
    QTimer *m_snapshotDelay = nullptr;
};

} // namespace meterdesk
