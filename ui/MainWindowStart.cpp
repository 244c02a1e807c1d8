// The window's first moments: its size on a first launch and the choice of
// a database (the form, the demo, or a new file).
#include "ConnectionDialog.h"
#include "MainWindow.h"
#include "Settings.h"

#include <QGuiApplication>
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
    move(available.center() - QPoint(width() / 2, height() / 2));
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
