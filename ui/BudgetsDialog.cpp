#include "BudgetsDialog.h"

#include "BudgetEditDialog.h"

#include <DataService.h>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace meterdesk {

BudgetsDialog::BudgetsDialog(DataService *data, const QStringList &services, bool canSet, QWidget *parent)
    : QDialog(parent), m_data(data), m_services(services), m_table(new QTableWidget(0, 4, this)),
      m_add(new QPushButton(tr("Add…"), this)), m_edit(new QPushButton(tr("Edit…"), this)),
      m_remove(new QPushButton(tr("Remove"), this)), m_status(new QLabel(this))
{
    setWindowTitle(tr("Budgets"));
    setAccessibleName(windowTitle());
    runEditor = [](BudgetEditDialog &editor) { return editor.exec() == QDialog::Accepted; };
    confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Remove budget"), question) == QMessageBox::Yes;
    };
    m_table->setHorizontalHeaderLabels({tr("For"), tr("Service"), tr("Limit"), tr("Alert at")});
    m_table->setAccessibleName(tr("Budgets"));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_status->setWordWrap(true);
    const QString readOnly = tr("The database role may not set budgets.");
    for (QPushButton *button : {m_add, m_edit, m_remove}) {
        button->setEnabled(canSet);
        if (!canSet)
            button->setToolTip(readOnly);
    }
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *close = new QPushButton(tr("Close"), this);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("A user who reaches a budget is blocked until its period ends (UTC); a user's own "
                                "budget replaces the budget for every user of the same service, unit and period."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    resize(640, 360);

    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_add, &QPushButton::clicked, this, [this] { edit(Budget{}); });
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (selected().id)
            edit(selected());
    });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this, canSet] {
        if (canSet && selected().id)
            edit(selected());
    });
    connect(m_remove, &QPushButton::clicked, this, &BudgetsDialog::removeSelected);
    connect(m_data, &DataService::guardrailsLoaded, this, [this](const GuardrailData &data) {
        if (data.error.isEmpty())
            setBudgets(data.budgets);
    });
    connect(m_data, &DataService::budgetChanged, this, [this](const BudgetChange &change) {
        if (!change.ok) {
            m_status->setText(tr("Not saved: %1").arg(change.error));
            return;
        }
        m_status->setText(change.removed    ? tr("Removed the budget of %1.").arg(change.budget.scope())
                          : change.replaced ? tr("Replaced the budget of %1.").arg(change.budget.scope())
                                            : tr("Added a budget for %1.").arg(change.budget.scope()));
    });
}

void BudgetsDialog::setBudgets(const QList<Budget> &budgets)
{
    const qint64 keep = selected().id;
    m_budgets = budgets;
    m_table->setRowCount(0);
    for (const Budget &budget : budgets) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(budget.userId.isEmpty() ? tr("Every user") : budget.userId));
        m_table->setItem(row, 1, new QTableWidgetItem(budget.service.isEmpty() ? tr("All services") : budget.service));
        m_table->setItem(row, 2, new QTableWidgetItem(tr("%1 per %2").arg(budget.amount(budget.limit), periodName(budget.period))));
        m_table->setItem(row, 3, new QTableWidgetItem(budget.softPercent ? tr("%1%").arg(budget.softPercent) : tr("no alert")));
        if (budget.id == keep)
            m_table->selectRow(row);
    }
    m_table->resizeColumnsToContents();
    if (budgets.isEmpty())
        m_status->setText(tr("No budgets yet: Add… sets one for every user or for one user."));
}

Budget BudgetsDialog::selected() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_budgets.size() && m_table->selectionModel()->isRowSelected(row, {}) ? m_budgets.at(row)
                                                                                                   : Budget{};
}

void BudgetsDialog::edit(const Budget &budget)
{
    BudgetEditDialog editor(budget, m_services, this);
    if (runEditor(editor))
        m_data->setBudget(editor.budget());
}

void BudgetsDialog::removeSelected()
{
    const Budget budget = selected();
    if (!budget.id)
        return;
    if (confirm(tr("Remove the budget of %1 (%2)? A block it made stays until its period ends.")
                    .arg(budget.scope(), budget.describe())))
        m_data->removeBudget(budget);
}

} // namespace meterdesk
