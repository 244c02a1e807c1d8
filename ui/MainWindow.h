#pragma once

#include "DashboardData.h"

#include <storage/ConnectionSpec.h>

#include <QElapsedTimer>
#include <QMainWindow>
#include <QPointer>

#include <functional>

class QLabel;
class QProgressDialog;
class QMenu;
class QToolBar;
class QSystemTrayIcon;
class QTimer;
class QToolButton;

namespace meterdesk {

class ConnectionDialog;
class DataService;
class KpiCard;
class KpiStrip;
class RangeBar;
class ChartsPanel;
class UserDetailsPanel;
class UsersPanel;

// The admin's dashboard. It composes the panels and routes data between
// them and the DataService; it holds no SQL and no business rules.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // `replica`: a streaming replica the dashboard reads from (admin
    // actions and live notifications go to `spec`).
    void openDatabase(const ConnectionSpec &spec, bool createIfEmpty, const std::optional<ConnectionSpec> &replica = {});
    // For a remembered PostgreSQL connection: the keychain's password first
    // (the replica, when it names the same user, gets it too).
    void openRemembered(const ConnectionSpec &spec, const std::optional<ConnectionSpec> &replica = {});
    void openDemo(const QString &path);
    // The connection dialog (MainWindowStart.cpp), with the demo and a new
    // database as choices beside the form.
    void showConnectionDialog(const QString &message = {});
    // Loads the current range again (F5).
    void reload() { refresh(); }

    // For tests and --screenshot.
    UsersPanel *usersPanel() const { return m_users; }
    RangeBar *rangeBar() const { return m_range; }
    ChartsPanel *chartsPanel() const { return m_charts; }
    UserDetailsPanel *detailsPanel() const { return m_details; }
    KpiCard *card(int index) const;
    // Whether what follows a load is on screen too: the cards' comparison,
    // the guardrails and the selected user's details (--screenshot waits).
    bool isSettled() const;
    QString bannerText() const;
    bool exportUsersTo(const QString &path, QString *error);
    bool exportSeriesTo(const QString &path, QString *error);
    // The audit view, filtered to the selected user when there is one.
    void showAuditLog();
    // The provider's bill against what was tracked (MainWindowViews.cpp).
    void showReconciliation();
    // Guardrails (MainWindowGuardrails.cpp): the budgets window, a user's
    // budget, the alerts list.
    void showBudgets();
    void editUserBudget(const QString &userId);
    void showAlerts();
    QToolButton *alertsButton() const { return m_alertsButton; }
    const QHash<QString, RiskSuggestion> &suggestions() const { return m_suggestions; }
    // Live updates (MainWindowLive.cpp): on from the start; pausing stops
    // following other processes' commits, resuming catches up.
    void setLive(bool on);
    bool isLive() const;
    // The UI thread's time for the last live update applied, in ms.
    double lastLiveUiMs() const { return m_lastLiveUiMs; }
    // Called with the connection dialog before it is shown; tests use it to
    // press its buttons.
    std::function<void(ConnectionDialog &)> prepareConnectionDialog;
    // Asks before an unblock; tests replace it.
    std::function<bool(const QString &question)> confirm;

Q_SIGNALS:
    // After each load, or a failure, is on screen.
    void dashboardUpdated(bool ok);
    // After the guardrails of a load (suggestions, budgets, alerts) are on screen.
    void guardrailsUpdated();
    void actionDone(bool ok, const QString &message);
    // After a live update is on screen.
    void liveApplied(const meterdesk::LiveUpdate &update);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // No geometry remembered yet: most of the screen, centred.
    void fitFirstLaunch();
    void buildToolBar();
    void buildLayout();
    void buildMenus();
    void connectParts();
    // `fresh` false for another range of the same data (the worker may reuse
    // what it keeps current); F5 and the rest read everything again.
    void refresh(bool fresh = true);
    void onOpened(const QString &display, const Capabilities &capabilities);
    void onOpenFailed(const QString &message, bool needsUpgrade);
    void onLoaded(const DashboardData &data);
    void onLoadFailed(const QString &message, bool connectionLost);
    void onActionFinished(const ActionOutcome &outcome);
    void requestBlock(const QList<UserRow> &users);
    void requestUnblock(const QList<UserRow> &users);
    void requestRisk(const QList<UserRow> &users);
    // Asks where, writes with `write`, and reports a failure; true when written.
    bool exportCsvWith(const QString &title, const QString &fileName,
                       const std::function<bool(const QString &, QString *)> &write);
    void exportUsers();
    void exportSeries();
    void saveChart();
    // Every model of the range with its price; set prices, reprice.
    void showPrices();
    void setBanner(const QString &text);
    void buildGuardrails(QToolBar *toolBar, QMenu *view, QMenu *users);
    void onGuardrailsLoaded(const GuardrailData &data);
    void onBudgetChanged(const BudgetChange &change);
    void acceptSuggestion(const QString &userId, int score, const QString &reasons);
    void notifyNewAlerts(const QList<Alert> &alerts);
    void updateWritable();
    void buildLive();
    void onLiveUpdate(const LiveUpdate &update);
    void onLiveFallback(const QString &reason);
    // Other admins' and budgets' actions, with who made them.
    void tellAudit(const QList<AuditChange> &changes);

    DataService *m_data;
    RangeBar *m_range = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_liveAction = nullptr;
    QTimer *m_chartsDue = nullptr; // live updates' chart redraws, coalesced
    double m_lastLiveUiMs = 0;
    QLabel *m_banner;
    KpiStrip *m_cards;
    ChartsPanel *m_charts;
    // The charts' other views, the drill-down and the cards' comparison
    // (MainWindowViews.cpp).
    void connectViews();
    void drawCharts();
    void drillDown(Breakdown by, const QString &key);
    void narrowToBucket(QDate start, Bucket bucket);
    quint64 m_pendingBreakdown = 0;
    quint64 m_pendingComparison = 0; // 0 once answered
    bool m_guardrailsPending = false;
    QString m_drillWhat; // the drill-down asked for, until its users come
    UsersPanel *m_users;
    UserDetailsPanel *m_details;
    QLabel *m_connectionLabel;
    QLabel *m_statusLabel;
    QTimer *m_reconnect;
    ConnectionSpec m_spec;
    std::optional<ConnectionSpec> m_replica;
    bool m_createIfEmpty = false;
    Capabilities m_capabilities;
    bool m_connectionLost = false;
    QString m_passwordToRemember;
    // While the demo database is made (MainWindowStart.cpp).
    QPointer<QProgressDialog> m_demoProgress;
    QElapsedTimer m_demoClock;
    void showDemoProgress(qint64 done, qint64 total);
    bool m_actionRunning = false;
    DashboardData m_last;
    QHash<QString, RiskSuggestion> m_suggestions;
    QList<Budget> m_budgets;
    QList<Alert> m_alerts;
    qint64 m_seenAlertId = -1; // -1 until the first guardrails load
    QToolButton *m_alertsButton = nullptr;
    QAction *m_budgetAction = nullptr;
    QAction *m_acceptAction = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace meterdesk
