#pragma once

#include <QChartView>
#include <QPointer>
#include <QSet>

class QAreaSeries;

namespace meterdesk {

class CostSeriesModel;

// Cost by service over time, stacked: one area per service on a date axis.
// Hovering shows the exact cost of each service in that bucket; clicking a
// legend entry hides or shows a service (the stack is recomputed).
class CostOverTimeChart : public QChartView
{
    Q_OBJECT

public:
    explicit CostOverTimeChart(QWidget *parent = nullptr);
    void setModel(CostSeriesModel *model);
    // For small places: no title, no legend (the colours are the main chart's).
    void setCompact(bool compact);
    // Saves the chart as shown to a PNG; false when it cannot be written.
    bool savePng(const QString &path);
    void setServiceHidden(const QString &service, bool hidden);
    // The tooltip text for the bucket nearest to a point in time (ms).
    QString tooltipFor(qint64 msecs) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    int bucketNear(qint64 msecs) const;

    QPointer<CostSeriesModel> m_model;
    QSet<QString> m_hidden;
    bool m_compact = false;
};

} // namespace meterdesk
