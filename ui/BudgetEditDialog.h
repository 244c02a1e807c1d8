#pragma once

#include <budgets/Budget.h>

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace meterdesk {

// One budget: whom it is for (every user or one), which service, a limit in
// dollars or requests per day, week or month, and an optional soft alert.
// Editing keeps the scope: another scope is another budget.
class BudgetEditDialog : public QDialog
{
    Q_OBJECT

public:
    // `budget.id` 0 adds one; `budget.userId` preselects a user.
    BudgetEditDialog(const Budget &budget, const QStringList &services, QWidget *parent = nullptr);
    Budget budget() const { return m_budget; }

    // For tests: the fields, as an admin fills them.
    QLineEdit *userField() const { return m_user; }
    QLineEdit *limitField() const { return m_limit; }
    QComboBox *periodField() const { return m_period; }
    QComboBox *metricField() const { return m_metric; }
    QSpinBox *softField() const { return m_soft; }

    void accept() override;

private:
    Budget m_budget;
    QRadioButton *m_everyone;
    QRadioButton *m_one;
    QLineEdit *m_user;
    QComboBox *m_service;
    QComboBox *m_metric;
    QLineEdit *m_limit;
    QComboBox *m_period;
    QSpinBox *m_soft;
    QLabel *m_error;
};

} // namespace meterdesk
