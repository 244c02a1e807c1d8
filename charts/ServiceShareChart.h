#pragma once

#include <queries/Rows.h>

#include <QChartView>
#include <QColor>
#include <QHash>

namespace meterdesk {

// Share of the range's cost by service (or model, or endpoint), as a
// donut. Clicking a slice or its legend entry asks for its users.
class ServiceShareChart : public QChartView
{
    Q_OBJECT

public:
    explicit ServiceShareChart(QWidget *parent = nullptr);
    void setTotals(const QMap<QString, ServiceTotals> &perService, Breakdown by = Breakdown::Service);
    // Colours for keys that have none of their own (models, endpoints).
    void setColors(const QHash<QString, QColor> &colors) { m_colors = colors; }

Q_SIGNALS:
    void keyClicked(const QString &key);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // Beside the ring while its labels fit there whole, else hidden.
    void placeLegend();

    QMap<QString, ServiceTotals> m_totals;
    Breakdown m_breakdown = Breakdown::Service;
    QHash<QString, QColor> m_colors;
};

} // namespace meterdesk
