#include "BudgetEditDialog.h"

#include <money/Money.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>

namespace meterdesk {

BudgetEditDialog::BudgetEditDialog(const Budget &budget, const QStringList &services, QWidget *parent)
    : QDialog(parent), m_budget(budget), m_everyone(new QRadioButton(tr("Every user"), this)),
      m_one(new QRadioButton(tr("One user:"), this)), m_user(new QLineEdit(budget.userId, this)),
      m_service(new QComboBox(this)), m_metric(new QComboBox(this)), m_limit(new QLineEdit(this)),
      m_period(new QComboBox(this)), m_soft(new QSpinBox(this)), m_error(new QLabel(this))
{
    setWindowTitle(budget.id ? tr("Edit budget") : tr("Add budget"));
    setAccessibleName(windowTitle());
    m_user->setPlaceholderText(tr("user id"));
    m_user->setAccessibleName(tr("User id"));
    (budget.userId.isEmpty() ? m_everyone : m_one)->setChecked(true);
    m_user->setEnabled(!budget.userId.isEmpty());
    connect(m_one, &QRadioButton::toggled, m_user, &QWidget::setEnabled);
    m_service->addItem(tr("All services"), QString());
    for (const QString &service : services)
        m_service->addItem(service, service);
    m_service->setCurrentIndex(qMax(0, m_service->findData(budget.service)));
    m_metric->addItem(tr("US dollars"), int(BudgetMetric::Usd));
    m_metric->addItem(tr("Requests"), int(BudgetMetric::Requests));
    m_metric->setCurrentIndex(budget.metric == BudgetMetric::Usd ? 0 : 1);
    m_period->addItem(tr("per day"), int(BudgetPeriod::Day));
    m_period->addItem(tr("per week (from Monday)"), int(BudgetPeriod::Week));
    m_period->addItem(tr("per calendar month"), int(BudgetPeriod::Month));
    m_period->setCurrentIndex(int(budget.period));
    if (budget.limit > 0)
        m_limit->setText(budget.metric == BudgetMetric::Usd ? Money::fromNanos(budget.limit).toString(2)
                                                            : QString::number(budget.limit));
    m_limit->setAccessibleName(tr("Limit"));
    m_soft->setRange(0, 99);
    m_soft->setSuffix(tr("%"));
    m_soft->setSpecialValueText(tr("no alert"));
    m_soft->setValue(budget.softPercent);
    m_soft->setAccessibleName(tr("Alert at"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(highlight)"));
    m_error->hide();
    // Another scope is another budget: an edit keeps this one's.
    for (QWidget *scope : {static_cast<QWidget *>(m_everyone), static_cast<QWidget *>(m_one),
                           static_cast<QWidget *>(m_service), static_cast<QWidget *>(m_metric),
                           static_cast<QWidget *>(m_period)})
        scope->setEnabled(budget.id == 0);
    m_user->setEnabled(budget.id == 0 && !budget.userId.isEmpty());

    auto *who = new QHBoxLayout;
    who->addWidget(m_everyone);
    who->addWidget(m_one);
    who->addWidget(m_user, 1);
    auto *limit = new QHBoxLayout;
    limit->addWidget(m_limit, 1);
    limit->addWidget(m_metric);
    limit->addWidget(m_period);
    auto *form = new QFormLayout;
    form->addRow(tr("For:"), who);
    form->addRow(tr("Service:"), m_service);
    form->addRow(tr("Limit:"), limit);
    form->addRow(tr("Alert at:"), m_soft);
    auto *note = new QLabel(tr("Reaching the limit blocks the user until the period ends (UTC); an admin's own block "
                               "stays until an admin lifts it."),
                            this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

void BudgetEditDialog::accept()
{
    Budget budget = m_budget;
    budget.userId = m_one->isChecked() ? m_user->text().trimmed() : QString();
    budget.service = m_service->currentData().toString();
    budget.metric = BudgetMetric(m_metric->currentData().toInt());
    budget.period = BudgetPeriod(m_period->currentData().toInt());
    budget.softPercent = m_soft->value();
    QString problem;
    if (m_one->isChecked() && budget.userId.isEmpty())
        problem = tr("Give the user's id, or choose every user.");
    if (budget.metric == BudgetMetric::Usd) {
        const auto amount = Money::fromDecimal(m_limit->text().trimmed().remove(u'$').remove(u','));
        if (!amount || amount->nanos() <= 0)
            problem = tr("The limit is an amount in dollars above zero, such as 50 or 12.50.");
        else
            budget.limit = amount->nanos();
    } else {
        bool ok = false;
        budget.limit = m_limit->text().trimmed().remove(u',').toLongLong(&ok);
        if (!ok || budget.limit <= 0)
            problem = tr("The limit is a whole number of requests above zero.");
    }
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        return;
    }
    m_budget = budget;
    QDialog::accept();
}

} // namespace meterdesk
