// The window's first moments: its size on a first launch and the choice of
// a database (the form, the demo, or a new file).
#include "ConnectionDialog.h"
#include "DataService.h"
#include "MainWindow.h"
#include "Settings.h"

#include <QGuiApplication>
#include <QLabel>
#include <QProgressDialog>
#include <QScreen>

namespace meterdesk {

void MainWindow::fitFirstLaunch()
{
    const QScreen *shown = screen() ? screen() : QGuiApplication::primaryScreen();
    if (!shown)
        return;
    // Nine tenths of the space the desktop leaves: the table's columns and
    // the share chart's legend fit, and the desktop still shows around it.
    const QRect available = shown->availableGeometry();
    const QSize size(available.width() * 9 / 10, available.height() * 9 / 10);
    resize(size.expandedTo(minimumSizeHint()).boundedTo(available.size()));
    // Centred, but never past the top left: on a small screen the window's
    // least width may be more than the screen's, and its menus stay reachable.
    move(available.x() + qMax(0, (available.width() - width()) / 2),
         available.y() + qMax(0, (available.height() - height()) / 2));
}

void MainWindow::openDemo(const QString &path)
{
    m_spec = ConnectionSpec::sqlite(path);
    m_replica.reset();
    m_connectionLabel->setText(tr("Preparing the demo database %1…").arg(path));
    // Made the first time only: the dialog comes with the first progress.
    connect(m_data, &DataService::demoProgress, this, &MainWindow::showDemoProgress, Qt::UniqueConnection);
    const auto closeProgress = [this] {
        if (m_demoProgress) {
            m_demoProgress->reset();
            m_demoProgress->deleteLater();
        }
    };
    connect(m_data, &DataService::opened, this, closeProgress, Qt::SingleShotConnection);
    connect(m_data, &DataService::openFailed, this, closeProgress, Qt::SingleShotConnection);
    m_data->openDemo(path);
}

void MainWindow::showDemoProgress(qint64 done, qint64 total)
{
    if (!m_demoProgress) {
        m_demoProgress = new QProgressDialog(tr("Making the demo database: made-up users and calls to try every view "
                                                "with…"),
                                             tr("Cancel"), 0, 1000, this);
        m_demoProgress->setWindowTitle(tr("Demo database"));
        m_demoProgress->setAccessibleName(m_demoProgress->windowTitle());
        m_demoProgress->setWindowModality(Qt::WindowModal);
        m_demoProgress->setMinimumDuration(300);
        m_demoProgress->setAutoReset(false);
        m_demoProgress->setAutoClose(false);
        connect(m_demoProgress, &QProgressDialog::canceled, m_data, &DataService::cancelDemo);
        m_demoClock.start();
    }
    // Per mille: a bar of QProgressDialog counts in int.
    m_demoProgress->setValue(total > 0 ? int(done * 1000 / total) : 0);
    const double seconds = m_demoClock.elapsed() / 1000.0;
    QString text = tr("Making the demo database: %L1 of %L2 calls").arg(done).arg(total);
    if (seconds > 0.5 && done > 0 && done < total)
        text += u'\n' + tr("%L1 calls a second, about %2 s left").arg(qint64(done / seconds)).arg(qint64((total - done) / (done / seconds)) + 1);
    m_demoProgress->setLabelText(text);
}

void MainWindow::showConnectionDialog(const QString &message)
{
    ConnectionDialog dialog(this);
    if (!m_spec.path.isEmpty() || !m_spec.database.isEmpty())
        dialog.setConnection(m_spec.displayString());
    if (m_replica)
        dialog.setReadReplica(m_replica->displayString());
    dialog.setMessage(message);
    if (prepareConnectionDialog)
        prepareConnectionDialog(dialog);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.demoRequested()) {
        openDemo(Settings::demoDatabasePath());
        return;
    }
    m_passwordToRemember = dialog.rememberPassword() ? dialog.spec().password : QString();
    openDatabase(dialog.spec(), dialog.createIfMissing(), dialog.readReplica());
}

} // namespace meterdesk
