#pragma once

#include <queries/Reconcile.h>

#include <QDialog>

#include <functional>

class QChartView;
class QComboBox;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace meterdesk {

class DataService;
struct ReconcileOutcome;

// The provider's bill against what was tracked: load the cost and usage
// reports (JSON pages, as the provider's API returned them), see each day's
// tracked and billed cost side by side as a chart and a table, the gap and
// why a day differs; export it as CSV.
class ReconcileDialog : public QDialog
{
    Q_OBJECT

public:
    ReconcileDialog(DataService *data, QWidget *parent = nullptr);

    // Compares these reports of `provider` ("openai", "anthropic").
    void loadReports(const QString &provider, const QStringList &paths);
    bool exportTo(const QString &path, QString *error) const;
    QTableView *table() const { return m_table; }
    QString summary() const;
    // Where the file dialogs ask; tests replace them.
    std::function<QStringList()> chooseReports;
    std::function<QString()> chooseExportPath;

Q_SIGNALS:
    void reconciled();

private:
    void showOutcome(const ReconcileOutcome &outcome);
    void drawChart();

    DataService *m_data;
    QComboBox *m_provider;
    QPushButton *m_load;
    QPushButton *m_export;
    QLabel *m_status;
    QChartView *m_chart;
    QStandardItemModel *m_model;
    QTableView *m_table;
    QList<Reconcile::DayRow> m_days;
    bool m_waiting = false;
};

} // namespace meterdesk
