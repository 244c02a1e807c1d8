#include "MainWindow.h"

#include "AdminDialogs.h"
#include "AuditDialog.h"
#include "ChartsPanel.h"
#include "ConnectionDialog.h"
#include "DataService.h"
#include "KpiCard.h"
#include "KpiStrip.h"
#include "PasswordStore.h"
#include "PricesDialog.h"
#include "RangeBar.h"
#include "Settings.h"
#include "UserDetailsPanel.h"
#include "UsersPanel.h"

#include <UsersFilterProxy.h>
#include <UsersModel.h>

#include <QApplication>
#include <QCloseEvent>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace meterdesk {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_data(new DataService(this)), m_banner(new QLabel(this)), m_cards(new KpiStrip(this)),
      m_charts(new ChartsPanel(this)), m_users(new UsersPanel(this)),
      m_details(new UserDetailsPanel(this)), m_connectionLabel(new QLabel(this)), m_statusLabel(new QLabel(this)),
      m_reconnect(new QTimer(this))
{
    setWindowTitle(tr("Meterdesk"));
    setWindowIcon(QIcon(QStringLiteral(":/meterdesk/icons/meterdesk.svg")));
    confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Meterdesk"), question) == QMessageBox::Yes;
    };

    buildToolBar();
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setAutoFillBackground(true);
    m_banner->setBackgroundRole(QPalette::ToolTipBase);
    m_banner->setForegroundRole(QPalette::ToolTipText);
    m_banner->setContentsMargins(10, 6, 10, 6);
    m_banner->hide();
    buildLayout();
    statusBar()->addWidget(m_connectionLabel, 1);
    statusBar()->addPermanentWidget(m_statusLabel);
    buildMenus();
    connectParts();
    connectViews();
    // While the database is away: try again every few seconds.
    m_reconnect->setInterval(3000);
    connect(m_reconnect, &QTimer::timeout, this, [this] { refresh(); });
    if (!restoreGeometry(Settings::windowGeometry()))
        fitFirstLaunch();
    updateWritable();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildToolBar()
{
    m_refresh = new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Refresh"), this);
    // F5 alone: the platform's Refresh is Ctrl+R on some desktops, which is Set risk here.
    m_refresh->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_refresh, &QAction::triggered, this, [this] { refresh(); });
    auto *toolBar = addToolBar(tr("Dashboard"));
    toolBar->setObjectName(QStringLiteral("dashboardToolBar"));
    toolBar->setMovable(false);
    QAction *connectAction = toolBar->addAction(tr("Connection…"), this, [this] { showConnectionDialog(); });
    connectAction->setToolTip(tr("Open another usage database"));
    toolBar->addSeparator();
    buildLive();
    m_range = new RangeBar(toolBar, m_refresh, m_liveAction);
    toolBar->addSeparator();
    toolBar->addAction(tr("Export…"), this, &MainWindow::exportUsers)->setToolTip(tr("Export the users table as shown (Ctrl+E)"));
    connect(m_range, &RangeBar::changed, this, [this] {
        m_users->showEveryone(); // a drill-down was of the range before
        refresh(false);
    });
}

// Cards on top; below them the charts over the users table, and a user's
// details at the side.
void MainWindow::buildLayout()
{
    // The charts above the users table; a user's details beside both, in the
    // window's full height, so their models and latest requests have room.
    auto *left = new QSplitter(Qt::Vertical, this);
    left->addWidget(m_charts);
    left->addWidget(m_users);
    left->setStretchFactor(0, 2);
    left->setStretchFactor(1, 3);
    // Two fifths for the charts from the start, whatever their size hints
    // ask: on a small screen the table keeps its rows.
    left->setSizes({2000, 3000});
    // On a small screen the details scroll rather than squeeze into each other.
    auto *detailsScroll = new QScrollArea(this);
    detailsScroll->setWidget(m_details);
    detailsScroll->setWidgetResizable(true);
    detailsScroll->setFrameShape(QFrame::NoFrame);
    detailsScroll->setAccessibleName(tr("User details"));
    auto *body = new QSplitter(Qt::Horizontal, this);
    body->addWidget(left);
    body->addWidget(detailsScroll);
    body->setStretchFactor(0, 2);
    body->setStretchFactor(1, 1);
    // Two thirds and a third to begin with: at 1440 pixels the details show
    // a request's every token column.
    body->setSizes({2000, 1000});

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_banner);
    layout->addWidget(m_cards);
    layout->addWidget(body, 1);
    setCentralWidget(central);
}

void MainWindow::connectParts()
{
    connect(m_cards, &KpiStrip::unpricedClicked, this, &MainWindow::showPrices);
    connect(m_cards, &KpiStrip::blockedClicked, this, [this] {
        m_users->setShow(UsersFilterProxy::Show::Blocked);
    });
    connect(m_data, &DataService::opened, this, &MainWindow::onOpened);
    connect(m_data, &DataService::openFailed, this, &MainWindow::onOpenFailed);
    connect(m_data, &DataService::loaded, this, &MainWindow::onLoaded);
    connect(m_data, &DataService::userLoaded, m_details, &UserDetailsPanel::setDetails);
    connect(m_data, &DataService::loadFailed, this, &MainWindow::onLoadFailed);
    connect(m_data, &DataService::actionFinished, this, &MainWindow::onActionFinished);
    connect(m_users, &UsersPanel::orderChanged, m_data, &DataService::setUserOrder);
    m_data->setUserOrder(m_users->order());
    connect(m_users, &UsersPanel::blockRequested, this, &MainWindow::requestBlock);
    connect(m_users, &UsersPanel::unblockRequested, this, &MainWindow::requestUnblock);
    connect(m_users, &UsersPanel::riskRequested, this, &MainWindow::requestRisk);
    connect(m_users, &UsersPanel::riskEdited, this, [this](const QString &userId, int score) {
        m_actionRunning = true;
        updateWritable();
        m_data->apply(AdminRequest::setRisk({userId}, score));
    });
    connect(m_users, &UsersPanel::currentUserChanged, this, [this](const QString &userId) {
        m_details->showUser(m_users->model()->rowFor(userId));
        // The suggestion once the guardrails of a load are in.
        if (m_seenAlertId >= 0 && !userId.isEmpty())
            m_details->setSuggestion(m_suggestions.value(userId, RiskSuggestion{userId, 0, {}}));
        if (!userId.isEmpty())
            m_data->loadUser(userId, m_range->range(), 0);
    });
    connect(m_details, &UserDetailsPanel::pageRequested, this, [this](const QString &userId, int offset) {
        m_data->loadUser(userId, m_range->range(), offset);
    });
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open database…"), QKeySequence::Open, this, [this] { showConnectionDialog(); });
    file->addSeparator();
    file->addAction(tr("&Export users as CSV…"), QKeySequence(Qt::CTRL | Qt::Key_E), this, &MainWindow::exportUsers);
    file->addAction(tr("Export cost &series as CSV…"), this, &MainWindow::exportSeries);
    file->addAction(tr("Save cost &chart as PNG…"), this, &MainWindow::saveChart);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refresh);
    view->addAction(m_liveAction);
    view->addAction(tr("&Prices…"), this, &MainWindow::showPrices);
    view->addAction(tr("&Audit log…"), QKeySequence(Qt::CTRL | Qt::Key_L), this, &MainWindow::showAuditLog);
    view->addAction(tr("&Reconciliation…"), this, &MainWindow::showReconciliation);
    QMenu *users = menuBar()->addMenu(tr("&Users"));
    users->addAction(m_users->blockAction());
    users->addAction(m_users->unblockAction());
    users->addAction(m_users->riskAction());
    users->addSeparator();
    users->addAction(tr("&Find…"), QKeySequence::Find, this, [this] { m_users->searchBox()->setFocus(); });
    buildGuardrails(findChild<QToolBar *>(QStringLiteral("dashboardToolBar")), view, users);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Meterdesk"), this, [this] {
        QMessageBox::about(this, tr("About Meterdesk"),
                           tr("Meterdesk %1\nThe cost of your product's LLM API calls, per user, exactly.")
                               .arg(QApplication::applicationVersion()));
    });
}

KpiCard *MainWindow::card(int index) const
{
    return m_cards->card(index);
}

QString MainWindow::bannerText() const
{
    return m_banner->isVisible() || !m_banner->isHidden() ? m_banner->text() : QString();
}

void MainWindow::setBanner(const QString &text)
{
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

void MainWindow::openDatabase(const ConnectionSpec &spec, bool createIfEmpty, const std::optional<ConnectionSpec> &replica)
{
    m_spec = spec;
    m_replica = replica;
    m_createIfEmpty = createIfEmpty;
    m_connectionLabel->setText(tr("Opening %1…").arg(spec.displayString()));
    m_data->open(spec, createIfEmpty, replica);
}

void MainWindow::openRemembered(const ConnectionSpec &spec, const std::optional<ConnectionSpec> &replica)
{
    if (spec.backend != Backend::Postgres || !spec.password.isEmpty()) {
        openDatabase(spec, false, replica);
        return;
    }
    PasswordStore::read(spec.displayString(), this, [this, spec, replica](std::optional<QString> password) {
        ConnectionSpec withPassword = spec;
        withPassword.password = password.value_or(QString());
        std::optional<ConnectionSpec> replicaWith = replica;
        if (replicaWith && replicaWith->password.isEmpty() && replicaWith->user == spec.user)
            replicaWith->password = withPassword.password;
        openDatabase(withPassword, false, replicaWith);
    });
}

void MainWindow::onOpened(const QString &display, const Capabilities &capabilities)
{
    m_capabilities = capabilities;
    m_connectionLost = false;
    m_connectionLabel->setText(tr("%1 (role %2)").arg(display, capabilities.role));
    setWindowTitle(tr("Meterdesk — %1").arg(display));
    Settings::setLastDatabase(m_spec.displayString());
    Settings::addRecentDatabase(m_spec.displayString());
    Settings::setReadReplicaFor(m_spec.displayString(), m_replica ? m_replica->displayString() : QString());
    if (!m_passwordToRemember.isEmpty()) {
        PasswordStore::write(m_spec.displayString(), m_passwordToRemember, this, [this](bool ok, const QString &error) {
            if (!ok)
                statusBar()->showMessage(tr("The password could not be saved in the keychain: %1").arg(error), 8000);
        });
        m_passwordToRemember.clear();
    }
    setBanner({});
    updateWritable();
    refresh();
}

void MainWindow::onOpenFailed(const QString &message, bool needsUpgrade)
{
    setBanner(message);
    m_connectionLabel->setText(tr("Not connected"));
    Q_EMIT dashboardUpdated(false);
    if (needsUpgrade) {
        if (confirm(tr("%1\n\nUpgrade it now? Meterdesk only adds columns and tables; the original app keeps working.")
                        .arg(message)))
            m_data->upgrade();
        return;
    }
    if (isVisible() && !QApplication::platformName().contains(QStringLiteral("offscreen")))
        showConnectionDialog(message);
}

void MainWindow::refresh(bool fresh)
{
    if (!m_data->isOpen())
        return;
    m_statusLabel->setText(tr("Loading %1…").arg(m_range->describe()));
    m_data->load(m_range->range(), m_range->bucket(), fresh);
}

void MainWindow::onLoaded(const DashboardData &data)
{
    QElapsedTimer uiTime;
    uiTime.start();
    m_last = data;
    // The rows live in the table's model; kept here too, they were one more
    // owner to free them on this thread.
    m_last.users = {};
    if (m_chartsDue)
        m_chartsDue->stop(); // this load draws the charts itself
    if (m_connectionLost) {
        m_connectionLost = false;
        m_reconnect->stop();
        setBanner({});
        updateWritable();
        statusBar()->showMessage(tr("The database is back: loaded everything again"), 10'000);
    }
    const Overview &o = data.overview;
    m_cards->clearComparison();
    m_cards->setOverview(o, m_range->describe());
    drawCharts();
    // With the last guardrails (UsersModel::setGuardrails), which the data thread stamped them
    // with.
    m_users->setRows(data.users, data.userKeys, data.guardrailsStamped, data.userSearch);
    // The first time, show the top spender's details rather than nothing
    // (selecting them loads their details).
    if (m_details->userId().isEmpty() && m_users->proxy()->rowCount() > 0) {
        m_users->selectUser(m_users->proxy()->index(0, 0).data(UsersModel::UserIdRole).toString());
    } else if (!m_details->userId().isEmpty()) {
        m_details->showUser(m_users->model()->rowFor(m_details->userId()));
        if (m_seenAlertId >= 0)
            m_details->setSuggestion(m_suggestions.value(m_details->userId(), RiskSuggestion{m_details->userId(), 0, {}}));
        // The same user in another range, or after F5: their chart, models
        // and requests of this range, not of the last one.
        if (!m_details->userId().isEmpty())
            m_data->loadUser(m_details->userId(), m_range->range(), 0);
    }
    // After the details: the data thread answers in turn, and the selected
    // user's chart is what the eye goes to first.
    m_pendingComparison = m_data->loadComparison(data.range);
    m_statusLabel->setText(tr("%1 · loaded in %2 ms · %3")
                               .arg(m_range->describe())
                               .arg(data.loadMs)
                               .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    if (qEnvironmentVariableIsSet("METERDESK_TRACE_UI"))
        qInfo("dashboard: %lld ms on the UI thread for %lld users", uiTime.elapsed(), qint64(data.users.size()));
    Q_EMIT dashboardUpdated(true);
}

void MainWindow::onLoadFailed(const QString &message, bool connectionLost)
{
    if (connectionLost) {
        m_connectionLost = true;
        setBanner(tr("The database cannot be reached (%1). Showing the last data; changes are disabled. "
                     "Reconnecting every few seconds…").arg(message));
        m_reconnect->start();
    } else {
        setBanner(tr("Loading failed: %1").arg(message));
    }
    m_statusLabel->setText(tr("Load failed"));
    updateWritable();
    Q_EMIT dashboardUpdated(false);
}

void MainWindow::updateWritable()
{
    QString why;
    if (!m_data->isOpen())
        why = tr("Not connected to a database");
    else if (m_connectionLost)
        why = tr("The database cannot be reached");
    else if (m_actionRunning)
        why = tr("Another change is being saved");
    const bool ok = why.isEmpty();
    const QString role = tr("The database role \"%1\" may not do this").arg(m_capabilities.role);
    m_users->setWritable(ok && m_capabilities.canBlock, ok && m_capabilities.canSetRisk,
                         ok ? role : why);
    m_details->setWritable(ok && m_capabilities.canSetRisk, ok && m_capabilities.canSetBudgets);
    if (m_budgetAction) {
        m_budgetAction->setEnabled(ok && m_capabilities.canSetBudgets);
        m_acceptAction->setEnabled(ok && m_capabilities.canSetRisk);
    }
}

void MainWindow::requestBlock(const QList<UserRow> &users)
{
    QList<UserRow> targets;
    for (const UserRow &user : users)
        if (!user.blocked)
            targets << user;
    if (targets.isEmpty())
        return;
    BlockDialog dialog(targets, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QStringList ids;
    for (const UserRow &user : std::as_const(targets))
        ids << user.userId;
    m_actionRunning = true;
    updateWritable();
    m_data->apply(AdminRequest::block(ids, dialog.reason()));
}

void MainWindow::requestUnblock(const QList<UserRow> &users)
{
    QList<UserRow> targets;
    for (const UserRow &user : users)
        if (user.blocked)
            targets << user;
    if (targets.isEmpty() || !confirm(tr("Unblock %1? Their API calls will be allowed again.").arg(describeUsers(targets))))
        return;
    QStringList ids;
    for (const UserRow &user : std::as_const(targets))
        ids << user.userId;
    m_actionRunning = true;
    updateWritable();
    m_data->apply(AdminRequest::unblock(ids));
}

void MainWindow::requestRisk(const QList<UserRow> &users)
{
    if (users.isEmpty())
        return;
    RiskDialog dialog(users, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QStringList ids;
    for (const UserRow &user : users)
        ids << user.userId;
    m_actionRunning = true;
    updateWritable();
    m_data->apply(AdminRequest::setRisk(ids, dialog.score()));
}

void MainWindow::onActionFinished(const ActionOutcome &outcome)
{
    m_actionRunning = false;
    if (!outcome.ok) {
        setBanner(tr("Nothing was changed: %1").arg(outcome.error));
        updateWritable();
        Q_EMIT actionDone(false, outcome.error);
        return;
    }
    // What the action changed, as the database has it now: those users' rows
    // and the blocked count. Nothing else moves, so nothing else reloads.
    for (const AdminState &state : outcome.after)
        m_users->model()->updateUser(state.userId, state.blocked, state.blockReason, state.riskScore);
    if (outcome.blockedUsers >= 0) {
        m_last.overview.blockedUsers = outcome.blockedUsers;
        m_cards->setBlockedUsers(outcome.blockedUsers);
    } else {
        refresh(); // the read-back failed: load it all
    }
    if (const UserRow *shown = m_users->model()->rowFor(m_details->userId()))
        m_details->updateHeader(*shown);
    const AdminRequest &request = outcome.request;
    const int count = int(request.userIds.size());
    switch (request.kind) {
    case AdminRequest::Kind::Block:
        statusBar()->showMessage(tr("Blocked %n user(s)", nullptr, count), 5000);
        break;
    case AdminRequest::Kind::Unblock:
        statusBar()->showMessage(tr("Unblocked %n user(s)", nullptr, count), 5000);
        break;
    case AdminRequest::Kind::SetRisk:
        statusBar()->showMessage(tr("Risk score set to %1").arg(request.riskScore), 5000);
        break;
    }
    updateWritable();
    Q_EMIT actionDone(true, {});
}

void MainWindow::showPrices()
{
    if (!m_data->isOpen())
        return;
    auto *dialog = new PricesDialog(m_data, m_range->range(), m_range->describe(), m_capabilities, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PricesDialog::costsChanged, this, [this] { refresh(); });
    dialog->show();
}

void MainWindow::showAuditLog()
{
    auto *dialog = new AuditDialog(m_data, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QList<UserRow> selected = m_users->selectedUsers();
    if (selected.size() == 1)
        dialog->setUserFilter(selected.first().userId);
    dialog->show();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    Settings::setWindowGeometry(saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace meterdesk
