#pragma once

#include <DashboardData.h>

#include <QDialog>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace meterdesk {

class DataService;

// Every budget: for whom, which service, the limit per period and the
// alert threshold; add, edit and remove them. A budget blocks by itself
// when a user reaches it (core/budgets/).
class BudgetsDialog : public QDialog
{
    Q_OBJECT

public:
    BudgetsDialog(DataService *data, const QStringList &services, bool canSet, QWidget *parent = nullptr);
    void setBudgets(const QList<Budget> &budgets);
    QTableWidget *table() const { return m_table; }
    // Opens the editor for `budget` (id 0: a new one) and sends it on.
    void edit(const Budget &budget);
    // For tests: how the editor is run; by default modal.
    std::function<bool(class BudgetEditDialog &)> runEditor;
    // Asks before a removal; tests replace it.
    std::function<bool(const QString &question)> confirm;

private:
    Budget selected() const;
    void removeSelected();

    DataService *m_data;
    QStringList m_services;
    QList<Budget> m_budgets;
    QTableWidget *m_table;
    QPushButton *m_add, *m_edit, *m_remove;
    QLabel *m_status;
};

} // namespace meterdesk
