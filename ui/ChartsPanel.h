#pragma once

#include <queries/DateRange.h>
#include <queries/Rows.h>

#include <QWidget>

class QComboBox;
class QStandardItemModel;
class QTabWidget;
class QTableView;

namespace meterdesk {

class CostOverTimeChart;
class CostSeriesModel;
class ServiceShareChart;
struct BreakdownData;

// The dashboard's charts: cost over time and its share, by service, model or
// endpoint (the "Cost by" box), with the range's totals as a table beside
// the share. A click on a legend entry, a slice or a table row asks for
// the users who spent on it; a click on the plot asks for that bucket.
class ChartsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ChartsPanel(QWidget *parent = nullptr);

    Breakdown breakdown() const;
    void setBreakdown(Breakdown by);
    // By service: the load's own series and totals.
    void showServices(const QList<SeriesPoint> &series, Bucket bucket, const QMap<QString, ServiceTotals> &perService);
    // By model or endpoint: what the data thread read for it.
    void showBreakdown(const BreakdownData &data, Bucket bucket);

    CostOverTimeChart *costChart() const { return m_costChart; }
    ServiceShareChart *shareChart() const { return m_shareChart; }
    CostSeriesModel *series() const { return m_series; }
    QTableView *totalsTable() const { return m_table; }
    QComboBox *breakdownBox() const { return m_by; }
    // A key as the window says it: "" is "(no endpoint)".
    static QString label(const QString &key);

Q_SIGNALS:
    void breakdownChanged(meterdesk::Breakdown by);
    void keyClicked(meterdesk::Breakdown by, const QString &key);
    void bucketClicked(QDate bucketStart, meterdesk::Bucket bucket);

private:
    void setTotals(const QList<BreakdownRow> &rows);

    QComboBox *m_by;
    CostSeriesModel *m_series;
    CostOverTimeChart *m_costChart;
    ServiceShareChart *m_shareChart;
    QTabWidget *m_side;
    QStandardItemModel *m_totals;
    QTableView *m_table;
};

} // namespace meterdesk
