// The window's exports: the users table as shown, the cost series and the
// cost chart, each to a file the admin picks.

#include "MainWindow.h"

#include "ChartsPanel.h"
#include "CsvExport.h"
#include "UsersPanel.h"

#include <CostOverTimeChart.h>
#include <CostSeriesModel.h>
#include <UsersFilterProxy.h>
#include <queries/Reports.h>

#include <QFileDialog>
#include <QHeaderView>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSaveFile>
#include <QStatusBar>
#include <QTableView>

namespace meterdesk {

bool MainWindow::exportUsersTo(const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    const QList<int> columns = CsvExport::visibleColumns(m_users->view()->horizontalHeader());
    QProgressDialog progress(tr("Exporting users…"), tr("Cancel"), 0, m_users->proxy()->rowCount(), this);
    progress.setMinimumDuration(400);
    progress.setWindowModality(Qt::WindowModal);
    const bool ok = CsvExport::writeUsers(*m_users->proxy(), columns, file, error, [&](int row) {
        progress.setValue(row);
        return !progress.wasCanceled();
    });
    if (!ok) {
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

bool MainWindow::exportSeriesTo(const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !Reports::writeSeriesCsv(file, m_charts->series()->points(), error)) {
        if (error->isEmpty())
            *error = file.errorString();
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

bool MainWindow::exportCsvWith(const QString &title, const QString &fileName,
                               const std::function<bool(const QString &, QString *)> &write)
{
    const QString path = QFileDialog::getSaveFileName(this, title, fileName, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return false;
    QString error;
    if (write(path, &error))
        return true;
    QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1: %2").arg(path, error));
    return false;
}

void MainWindow::exportUsers()
{
    QString written;
    if (exportCsvWith(tr("Export users"), QStringLiteral("meterdesk-users.csv"), [&](const QString &path, QString *error) {
            written = path;
            return exportUsersTo(path, error);
        }))
        statusBar()->showMessage(tr("Exported %n user(s) to %1", nullptr, m_users->proxy()->rowCount()).arg(written), 5000);
}

void MainWindow::exportSeries()
{
    exportCsvWith(tr("Export cost series"), QStringLiteral("meterdesk-cost-series.csv"),
                  [this](const QString &path, QString *error) { return exportSeriesTo(path, error); });
}

void MainWindow::saveChart()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save chart"), QStringLiteral("meterdesk-cost.png"),
                                                      tr("PNG images (*.png)"));
    if (!path.isEmpty() && !m_charts->costChart()->savePng(path))
        QMessageBox::warning(this, tr("Save failed"), tr("Could not write %1").arg(path));
}

} // namespace meterdesk
