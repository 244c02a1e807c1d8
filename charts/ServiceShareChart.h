#pragma once

#include <queries/Rows.h>

#include <QChartView>

namespace meterdesk {

// Share of the range's cost by service, as a donut.
class ServiceShareChart : public QChartView
{
    Q_OBJECT

public:
    explicit ServiceShareChart(QWidget *parent = nullptr);
    void setTotals(const QMap<QString, ServiceTotals> &perService);

protected:
    void changeEvent(QEvent *event) override;

private:
    QMap<QString, ServiceTotals> m_totals;
};

} // namespace meterdesk
