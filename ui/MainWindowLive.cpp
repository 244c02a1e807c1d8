// The window's side of live updates: changed rows go into the table in
// place, the cards, share chart and touched buckets of the cost chart are
// set again from the update's sums, and other admins' actions are told in
// the status bar with who made them.

#include "MainWindow.h"

#include "KpiStrip.h"
#include "RangeBar.h"
#include "UserDetailsPanel.h"
#include "UsersPanel.h"

#include <UsersModel.h>
#include "DataService.h"

#include <QAction>
#include <QElapsedTimer>
#include <QLabel>
#include <QLocale>
#include <QStatusBar>
#include <QTime>
#include <QTimer>

#include <algorithm>

namespace meterdesk {

void MainWindow::buildLive()
{
    m_liveAction = new QAction(tr("Live"), this);
    m_liveAction->setCheckable(true);
    m_liveAction->setChecked(true);
    m_liveAction->setToolTip(tr("Show new calls and other admins' changes as they are committed; "
                                "uncheck to pause"));
    connect(m_liveAction, &QAction::toggled, this, [this](bool on) {
        m_data->setLive(on);
        statusBar()->showMessage(on ? tr("Live again: catching up with what came meanwhile")
                                    : tr("Live updates paused"),
                                 5000);
        // Paused stays in sight after the message goes.
        if (!on)
            m_statusLabel->setText(tr("%1 · live updates paused").arg(m_range->describe()));
    });
    m_chartsDue = new QTimer(this);
    m_chartsDue->setSingleShot(true);
    m_chartsDue->setInterval(250);
    connect(m_chartsDue, &QTimer::timeout, this, [this] {
        drawCharts();
    });
    connect(m_data, &DataService::liveUpdated, this, &MainWindow::onLiveUpdate);
    connect(m_data, &DataService::liveFallback, this, &MainWindow::onLiveFallback);
}

void MainWindow::setLive(bool on)
{
    m_liveAction->setChecked(on);
}

bool MainWindow::isLive() const
{
    return m_liveAction->isChecked();
}

void MainWindow::onLiveUpdate(const LiveUpdate &update)
{
    if (update.baseRequestId != m_last.requestId)
        return; // for a load this window no longer shows
    QElapsedTimer uiTime;
    uiTime.start();
    const std::optional<qint64> newlyActive =
        m_users->model()->replaceRows(update.users, update.rowIndexes, update.budgetUse);
    if (!newlyActive) {
        onLiveFallback(tr("the table no longer had the rows the update was for"));
        return;
    }
    // The range's sums as the data thread read them; the user counts kept
    // here, moved by what the rows changed.
    Overview &overview = m_last.overview;
    const qint64 activeUsers = overview.activeUsers + *newlyActive;
    const qint64 blockedUsers = update.blockedUsers >= 0 ? update.blockedUsers : overview.blockedUsers;
    overview = update.totals;
    overview.activeUsers = activeUsers;
    overview.blockedUsers = blockedUsers;
    m_cards->setOverview(overview, m_range->describe());
    if (!update.buckets.isEmpty()) {
        QList<SeriesPoint> &series = m_last.series;
        series.removeIf([&](const SeriesPoint &point) { return update.buckets.contains(point.bucketStart); });
        series << update.series;
        std::sort(series.begin(), series.end(), [](const SeriesPoint &a, const SeriesPoint &b) {
            return std::tie(a.bucketStart, a.service) < std::tie(b.bucketStart, b.service);
        });
    }
    // The charts draw anew from their data (3 to 5 ms at 10M calls): at
    // most four times a second, however many updates come.
    if (!m_chartsDue->isActive())
        m_chartsDue->start();
    const QString shown = m_details->userId();
    for (const UserRow &row : update.users) {
        if (row.userId != shown)
            continue;
        m_details->updateHeader(row);
        if (update.calls > 0)
            m_data->loadUser(shown, m_range->range(), 0); // its latest requests
    }
    if (!update.audit.isEmpty())
        tellAudit(update.audit);
    if (update.calls > 0)
        m_statusLabel->setText(tr("%1 · live · %n new call(s) at %2", nullptr, int(qMin<qint64>(update.calls, INT_MAX)))
                                   .arg(m_range->describe(), QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    m_lastLiveUiMs = uiTime.nsecsElapsed() / 1e6;
    if (qEnvironmentVariableIsSet("METERDESK_TRACE_UI"))
        qInfo("live update: %.2f ms on the UI thread, %lld ms on the data thread, %lld users", m_lastLiveUiMs,
              update.workerMs, qint64(update.users.size()));
    Q_EMIT liveApplied(update);
}

void MainWindow::tellAudit(const QList<AuditChange> &changes)
{
    QStringList told;
    bool budgets = false;
    for (const AuditChange &change : changes) {
        const UserRow *row = m_users->model()->rowFor(change.userId);
        const QString user = row ? row->displayName() : change.userId;
        const QString who = change.actor == QLatin1String("budget") ? tr("A budget")
            : change.osUser.isEmpty()                              ? change.actor
                                                                    : tr("%1 (%2)").arg(change.osUser, change.actor);
        if (change.action == QLatin1String("block"))
            told << tr("%1 blocked %2").arg(who, user);
        else if (change.action == QLatin1String("unblock"))
            told << tr("%1 unblocked %2").arg(who, user);
        else if (change.action == QLatin1String("risk"))
            told << tr("%1 set the risk score of %2 to %3").arg(who, user, change.newValue);
        else if (change.action == QLatin1String("budget-block"))
            told << tr("A budget blocked %1").arg(user);
        else if (change.action == QLatin1String("budget-lift"))
            told << tr("A budget's block of %1 ended").arg(user);
        else
            told << tr("%1: %2 %3").arg(who, change.action, change.userId);
        budgets = budgets || change.action.startsWith(QLatin1String("budget"));
    }
    // The last few; the audit log has them all.
    statusBar()->showMessage(told.mid(qMax<qsizetype>(0, told.size() - 3)).join(QStringLiteral(" · ")), 10'000);
    if (budgets)
        m_data->loadGuardrails(); // the budgets and alerts behind the badge
}

void MainWindow::onLiveFallback(const QString &reason)
{
    statusBar()->showMessage(tr("Loaded everything again: %1").arg(reason), 10'000);
    refresh();
}

} // namespace meterdesk
