#include "AlertsDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace meterdesk {

namespace {

QString kindText(const QString &kind)
{
    if (kind == Alert::SoftBudget)
        return AlertsDialog::tr("Budget alert");
    if (kind == Alert::BudgetBlock)
        return AlertsDialog::tr("Budget block");
    if (kind == Alert::Risk)
        return AlertsDialog::tr("Risk");
    return kind;
}

} // namespace

AlertsDialog::AlertsDialog(QWidget *parent) : QDialog(parent), m_table(new QTableWidget(0, 4, this))
{
    setWindowTitle(tr("Alerts"));
    setAccessibleName(windowTitle());
    m_table->setHorizontalHeaderLabels({tr("When"), tr("User"), tr("What"), tr("Details")});
    m_table->setAccessibleName(tr("Alerts"));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    auto *hint = new QLabel(tr("Double-click an alert to select its user. `meterctl alerts --follow --exec CMD` sends "
                               "each new alert to chat or mail."),
                            this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        if (QTableWidgetItem *item = m_table->item(row, 1))
            Q_EMIT userChosen(item->data(Qt::UserRole).toString());
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    resize(820, 420);
}

void AlertsDialog::setAlerts(const QList<Alert> &alerts)
{
    m_table->setRowCount(0);
    const QLocale locale;
    for (auto it = alerts.crbegin(); it != alerts.crend(); ++it) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(locale.toString(it->at.toLocalTime(), QLocale::ShortFormat)));
        auto *user = new QTableWidgetItem(it->userId);
        user->setData(Qt::UserRole, it->userId);
        m_table->setItem(row, 1, user);
        m_table->setItem(row, 2, new QTableWidgetItem(kindText(it->kind)));
        auto *message = new QTableWidgetItem(it->message);
        message->setToolTip(it->message);
        m_table->setItem(row, 3, message);
    }
    m_table->resizeColumnsToContents();
}

} // namespace meterdesk
