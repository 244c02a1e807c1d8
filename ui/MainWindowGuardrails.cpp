// The window's guardrails: suggested risk scores in the users table and the
// details pane, budgets (the Budgets window, a user's budget), and alerts
// (a badge, their list, a desktop notification where the desktop has one).
#include "MainWindow.h"

#include "AlertsDialog.h"
#include "BudgetEditDialog.h"
#include "BudgetsDialog.h"
#include "UserDetailsPanel.h"
#include "UsersPanel.h"

#include <DataService.h>
#include <UsersModel.h>
#include <queries/Services.h>

#include <QAction>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>

namespace meterdesk {

namespace {

// The newest alert this admin has seen, per database.
QString seenKey(const QString &database)
{
    return QStringLiteral("alerts/seen/") + QString::number(qHash(database), 16);
}

} // namespace

void MainWindow::buildGuardrails(QToolBar *toolBar, QMenu *view, QMenu *users)
{
    view->addAction(tr("&Budgets…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), this, &MainWindow::showBudgets);
    view->addAction(tr("A&lerts…"), this, &MainWindow::showAlerts);
    m_alertsButton = new QToolButton(this);
    m_alertsButton->setText(tr("Alerts"));
    m_alertsButton->setAccessibleName(tr("Alerts"));
    m_alertsButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_alertsButton, &QToolButton::clicked, this, &MainWindow::showAlerts);
    if (toolBar)
        toolBar->addWidget(m_alertsButton);

    m_budgetAction = new QAction(tr("Set &budget…"), this);
    m_acceptAction = new QAction(tr("&Accept suggested risk"), this);
    for (QAction *action : {m_budgetAction, m_acceptAction}) {
        users->addAction(action);
        m_users->view()->addAction(action);
    }
    connect(m_budgetAction, &QAction::triggered, this, [this] {
        const QList<UserRow> selected = m_users->selectedUsers();
        if (selected.size() == 1)
            editUserBudget(selected.first().userId);
    });
    connect(m_acceptAction, &QAction::triggered, this, [this] {
        const QList<UserRow> selected = m_users->selectedUsers();
        if (selected.size() != 1)
            return;
        const RiskSuggestion suggestion = m_suggestions.value(selected.first().userId);
        QStringList reasons;
        for (const RiskReason &reason : suggestion.reasons)
            reasons << QStringLiteral("+%1 %2").arg(reason.points).arg(reason.sentence);
        acceptSuggestion(selected.first().userId, suggestion.score,
                         QStringLiteral("suggested: ")
                             + (reasons.isEmpty() ? QStringLiteral("no signal") : reasons.join(QStringLiteral("; "))));
    });

    // Queued: asked for after what the load itself asks for (the selected
    // user's details, the comparison), which the data thread then answers
    // first; at 10M calls the suggestions take it a second.
    connect(m_data, &DataService::loaded, this, [this] {
        m_guardrailsPending = true;
        m_data->loadGuardrails();
    }, Qt::QueuedConnection);
    connect(m_data, &DataService::guardrailsLoaded, this, &MainWindow::onGuardrailsLoaded);
    connect(m_data, &DataService::budgetChanged, this, &MainWindow::onBudgetChanged);
    connect(m_details, &UserDetailsPanel::budgetRequested, this, &MainWindow::editUserBudget);
    connect(m_details, &UserDetailsPanel::suggestionAccepted, this, &MainWindow::acceptSuggestion);
}

void MainWindow::onGuardrailsLoaded(const GuardrailData &data)
{
    m_guardrailsPending = false;
    if (!data.error.isEmpty()) {
        statusBar()->showMessage(tr("Budgets and suggestions could not be read: %1").arg(data.error), 8000);
        return;
    }
    m_suggestions = data.suggestions;
    m_budgets = data.budgets;
    m_users->model()->setGuardrails(data.forRows);
    if (!m_details->userId().isEmpty())
        m_details->setSuggestion(m_suggestions.value(m_details->userId(), RiskSuggestion{m_details->userId(), 0, {}}));
    notifyNewAlerts(data.alerts);
    m_alerts = data.alerts;
    Q_EMIT guardrailsUpdated();
}

bool MainWindow::isSettled() const
{
    return m_pendingComparison == 0 && !m_guardrailsPending && !m_details->isLoading();
}

void MainWindow::notifyNewAlerts(const QList<Alert> &alerts)
{
    QSettings settings;
    const QString key = seenKey(m_spec.displayString());
    const bool first = m_seenAlertId < 0;
    if (first)
        m_seenAlertId = settings.value(key, 0).toLongLong();
    QList<Alert> fresh;
    for (const Alert &alert : alerts)
        if (alert.id > m_seenAlertId)
            fresh << alert;
    m_alertsButton->setText(fresh.isEmpty() ? tr("Alerts") : tr("Alerts (%1)").arg(fresh.size()));
    m_alertsButton->setToolTip(fresh.isEmpty() ? tr("No new alerts") : fresh.last().message);
    // A desktop notification for what arrived while the window was open.
    const bool arrivedNow = !fresh.isEmpty() && (m_alerts.isEmpty() || fresh.last().id > m_alerts.last().id) && !first;
    if (arrivedNow && QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(windowIcon(), this);
            connect(m_tray, &QSystemTrayIcon::messageClicked, this, &MainWindow::showAlerts);
        }
        m_tray->show();
        m_tray->showMessage(tr("Meterdesk: %n new alert(s)", nullptr, int(fresh.size())),
                            QStringLiteral("%1: %2").arg(fresh.last().userId, fresh.last().message));
    }
}

void MainWindow::showAlerts()
{
    auto *dialog = new AlertsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAlerts(m_alerts);
    connect(dialog, &AlertsDialog::userChosen, this, [this](const QString &userId) { m_users->selectUser(userId); });
    connect(m_data, &DataService::guardrailsLoaded, dialog, [dialog](const GuardrailData &data) {
        if (data.error.isEmpty())
            dialog->setAlerts(data.alerts);
    });
    dialog->show();
    // Seen: the badge clears, and stays clear next time.
    if (!m_alerts.isEmpty()) {
        m_seenAlertId = m_alerts.last().id;
        QSettings().setValue(seenKey(m_spec.displayString()), m_seenAlertId);
    }
    m_alertsButton->setText(tr("Alerts"));
    m_alertsButton->setToolTip(tr("No new alerts"));
}

void MainWindow::showBudgets()
{
    if (!m_data->isOpen())
        return;
    auto *dialog = new BudgetsDialog(m_data, knownServices(), m_capabilities.canSetBudgets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setBudgets(m_budgets);
    dialog->show();
}

void MainWindow::editUserBudget(const QString &userId)
{
    if (!m_data->isOpen() || userId.isEmpty())
        return;
    if (!m_capabilities.canSetBudgets) {
        QMessageBox::information(this, tr("Budgets"), tr("The database role \"%1\" may not set budgets.").arg(m_capabilities.role));
        return;
    }
    // The user's own budget for all services, if there is one, to edit.
    Budget budget;
    budget.userId = userId;
    for (const Budget &existing : std::as_const(m_budgets))
        if (existing.userId == userId && existing.service.isEmpty())
            budget = existing;
    BudgetEditDialog editor(budget, knownServices(), this);
    if (editor.exec() == QDialog::Accepted)
        m_data->setBudget(editor.budget());
}

void MainWindow::onBudgetChanged(const BudgetChange &change)
{
    if (!change.ok) {
        statusBar()->showMessage(tr("Budget not saved: %1").arg(change.error), 10000);
        return;
    }
    statusBar()->showMessage(change.removed ? tr("Budget of %1 removed").arg(change.budget.scope())
                                            : tr("Budget of %1 saved: %2").arg(change.budget.scope(), change.budget.describe()),
                             5000);
    refresh(); // the budget column, and the guardrails after it
}

void MainWindow::acceptSuggestion(const QString &userId, int score, const QString &reasons)
{
    if (!m_capabilities.canSetRisk || m_actionRunning)
        return;
    m_actionRunning = true;
    updateWritable();
    m_data->apply(AdminRequest::setRisk({userId}, score, reasons));
}

} // namespace meterdesk
