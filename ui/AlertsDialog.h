#pragma once

#include <budgets/Alerts.h>

#include <QDialog>

class QTableWidget;

namespace meterdesk {

// The latest alerts, newest first: soft budget thresholds crossed, budget
// blocks, suggested risk scores past the alert level.
class AlertsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AlertsDialog(QWidget *parent = nullptr);
    void setAlerts(const QList<Alert> &alerts);
    QTableWidget *table() const { return m_table; }

Q_SIGNALS:
    void userChosen(const QString &userId);

private:
    QTableWidget *m_table;
};

} // namespace meterdesk
