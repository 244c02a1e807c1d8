// The charts' other views (cost by model or endpoint), the drill-down from
// a chart to the users who spent on it or to one day, and the cards'
// comparison with the period before.

#include "MainWindow.h"

#include "ChartsPanel.h"
#include "DataService.h"
#include "KpiStrip.h"
#include "RangeBar.h"
#include "ReconcileDialog.h"
#include "UsersPanel.h"

#include <UsersModel.h>
#include <queries/Queries.h>

#include <QStatusBar>

namespace meterdesk {

void MainWindow::connectViews()
{
    connect(m_charts, &ChartsPanel::breakdownChanged, this, [this] {
        m_users->showEveryone();
        drawCharts();
    });
    connect(m_charts, &ChartsPanel::keyClicked, this, &MainWindow::drillDown);
    connect(m_charts, &ChartsPanel::bucketClicked, this, &MainWindow::narrowToBucket);
    connect(m_data, &DataService::breakdownLoaded, this, [this](const BreakdownData &data) {
        if (data.requestId != m_pendingBreakdown || data.by != m_charts->breakdown())
            return; // an older view's answer
        if (!data.error.isEmpty()) {
            statusBar()->showMessage(tr("The chart could not be read: %1").arg(data.error), 8000);
            return;
        }
        m_charts->showBreakdown(data, m_last.bucket);
    });
    connect(m_data, &DataService::usersOfLoaded, this, [this](const UsersOf &users) {
        if (m_drillWhat.isEmpty())
            return;
        if (!users.error.isEmpty()) {
            statusBar()->showMessage(tr("The users could not be read: %1").arg(users.error), 8000);
            return;
        }
        m_users->showOnly(QSet<QString>(users.userIds.cbegin(), users.userIds.cend()), m_drillWhat);
        m_drillWhat.clear();
    });
    connect(m_data, &DataService::comparisonLoaded, this, [this](const Comparison &comparison) {
        if (comparison.requestId != m_pendingComparison)
            return;
        m_pendingComparison = 0;
        if (!comparison.error.isEmpty() || comparison.previous.from.isNull())
            return;
        m_cards->setComparison(m_last.overview, comparison.overview,
                               tr("the %n day(s) before", nullptr,
                                  int(comparison.previous.from.daysTo(comparison.previous.to) + 1)));
    });
}

// By service the load's own series; by model or endpoint a read of its own,
// after the load, so a load never waits for a view it does not show.
void MainWindow::drawCharts()
{
    if (m_charts->breakdown() == Breakdown::Service) {
        m_pendingBreakdown = 0;
        m_charts->showServices(m_last.series, m_last.bucket, m_last.overview.perService);
        return;
    }
    if (m_data->isOpen())
        m_pendingBreakdown = m_data->loadBreakdown(m_last.range, m_last.bucket, m_charts->breakdown());
}

void MainWindow::drillDown(Breakdown by, const QString &key)
{
    const QString what = tr("Users who spent on %1, %2").arg(ChartsPanel::label(key), m_range->describe());
    if (by == Breakdown::Service) {
        // The rows have each service's cost of the range already.
        QSet<QString> ids;
        for (const UserRow &row : m_users->model()->rows())
            if (row.perService.value(key).cost.nanos() > 0)
                ids.insert(row.userId);
        m_users->showOnly(ids, what);
        return;
    }
    if (by == Breakdown::Model && key == Queries::OtherModels) {
        statusBar()->showMessage(tr("Pick one of these models in the Table tab to see its users"), 6000);
        return;
    }
    m_drillWhat = what;
    statusBar()->showMessage(tr("Finding the users who spent on %1…").arg(ChartsPanel::label(key)), 4000);
    m_data->loadUsersOf(m_last.range, by, key);
}

void MainWindow::showReconciliation()
{
    if (!m_data->isOpen())
        return;
    auto *dialog = new ReconcileDialog(m_data, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::narrowToBucket(QDate start, Bucket bucket)
{
    const QDate end = bucketEnd(start, bucket);
    m_range->setCustomRange(start, end);
}

} // namespace meterdesk
