#pragma once

#include <queries/DateRange.h>
#include <queries/Rows.h>

#include <QChartView>
#include <QPointer>
#include <QSet>

class QAreaSeries;

namespace meterdesk {

class CostSeriesModel;

// Cost by service (or model, or endpoint) over time, stacked: one area per
// service on a date axis. Hovering shows the exact cost of each in that
// bucket; clicking a legend entry asks for its users (keyClicked), with
// Ctrl hides or shows it; clicking the plot asks for that bucket's days.
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
    // What the model's columns are: services, models or endpoints. Call
    // before the model is reset.
    void setBreakdown(Breakdown by);
    // Colours for keys that have none of their own (models, endpoints).
    void setColors(const QHash<QString, QColor> &colors) { m_colors = colors; }
    Breakdown breakdown() const { return m_breakdown; }
    // The bucket under a point of the view, if it is on the plot.
    std::optional<QDate> bucketAt(const QPoint &position) const;
    // A key as shown: "" is the calls without an endpoint.
    static QString keyLabel(const QString &key);

    // The tooltip text for the bucket nearest to a point in time (ms).
    QString tooltipFor(qint64 msecs) const;

Q_SIGNALS:
    void keyClicked(const QString &key);
    void bucketClicked(QDate bucketStart, meterdesk::Bucket bucket);

protected:
    void changeEvent(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    // Below the plot while its labels fit there whole, else beside it.
    void placeLegend();
    // As many date ticks as the buckets, as far as their labels fit the plot.
    void fitDateTicks();
    // As many amounts as fit the plot's height, five at the most.
    void fitAmountTicks();
    // Where a bucket's first day stands on the date axis, in msecs.
    static qint64 xOf(QDate day);
    int bucketNear(qint64 msecs) const;

    QPointer<CostSeriesModel> m_model;
    QSet<QString> m_hidden;
    bool m_compact = false;
    double m_top = 0;         // the highest stack of the shown buckets
    int m_amountTicksFit = 0; // the ticks the plot's height had room for
    Breakdown m_breakdown = Breakdown::Service;
    QHash<QString, QColor> m_colors;
};

} // namespace meterdesk
