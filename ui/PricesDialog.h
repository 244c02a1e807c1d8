#pragma once

#include <DashboardData.h>

#include <QDialog>

class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressDialog;
class QPushButton;
class QTableWidget;

namespace meterdesk {

class DataService;

// Every model seen in the range, the unpriced first, with the price that
// bills it and where that price comes from; setting a price from a day;
// previewing and applying a reprice of the recorded calls.
class PricesDialog : public QDialog
{
    Q_OBJECT

public:
    PricesDialog(DataService *data, const DateRange &range, const QString &rangeText,
                 const Capabilities &capabilities, QWidget *parent = nullptr);
    QTableWidget *table() const { return m_table; }

Q_SIGNALS:
    // Recorded costs changed: the dashboard reloads.
    void costsChanged();

private:
    void connectParts();
    void reload();
    void showRows(const QList<ModelPriceRow> &rows, const QString &error);
    void fillForm(int row);
    std::optional<ModelPrice> formPrice();
    void setPrice();
    void startReprice(bool dryRun);
    void finishReprice(const RepriceOutcome &outcome);

    DataService *m_data;
    DateRange m_range;
    QList<ModelPriceRow> m_rows;
    QTableWidget *m_table;
    QLineEdit *m_model;
    QLineEdit *m_input, *m_output, *m_cached, *m_cacheWrite;
    QDateEdit *m_from;
    QPushButton *m_set, *m_preview, *m_reprice;
    QLabel *m_status;
    QProgressDialog *m_progress = nullptr;
};

} // namespace meterdesk
