#include "ChartsPanel.h"

#include "DashboardData.h"

#include <CostOverTimeChart.h>
#include <CostSeriesModel.h>
#include <ServiceColors.h>
#include <ServiceShareChart.h>
#include <queries/Queries.h>

#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace meterdesk {

namespace {

enum TotalsColumn { NameColumn, RequestsColumn, CostColumn, ShareColumn };
constexpr int KeyRole = Qt::UserRole + 1;
// Models named in the charts, as Queries::costSeries names them.
constexpr int TopModels = 7;

} // namespace

ChartsPanel::ChartsPanel(QWidget *parent)
    : QWidget(parent), m_by(new QComboBox(this)), m_series(new CostSeriesModel(this)),
      m_costChart(new CostOverTimeChart(this)), m_shareChart(new ServiceShareChart(this)), m_side(new QTabWidget(this)),
      m_totals(new QStandardItemModel(this)), m_table(new QTableView(this))
{
    m_by->addItem(tr("Service"), int(Breakdown::Service));
    m_by->addItem(tr("Model"), int(Breakdown::Model));
    m_by->addItem(tr("Endpoint (feature)"), int(Breakdown::Endpoint));
    m_by->setObjectName(QStringLiteral("breakdownBox"));
    m_by->setAccessibleName(tr("Cost by"));
    m_by->setToolTip(tr("Break the charts and the table down by service, model or endpoint, the feature that "
                        "made the call. Click an entry to list the users who spent on it."));
    auto *header = new QHBoxLayout;
    auto *byLabel = new QLabel(tr("Cost &by:"), this);
    byLabel->setBuddy(m_by);
    header->addWidget(byLabel);
    header->addWidget(m_by);
    header->addStretch(1);

    m_costChart->setModel(m_series);
    // The charts give way to the table on a small screen.
    for (QWidget *chart : {static_cast<QWidget *>(m_costChart), static_cast<QWidget *>(m_side)}) {
        chart->setMinimumHeight(190);
        chart->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    }
    m_costChart->setAccessibleName(tr("Cost over time"));
    m_shareChart->setAccessibleName(tr("Cost share"));
    m_totals->setHorizontalHeaderLabels({tr("Name"), tr("Requests"), tr("Cost"), tr("Share")});
    m_table->setModel(m_totals);
    m_table->setAccessibleName(tr("Cost by service, model or endpoint"));
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_table->setToolTip(tr("Click a row (or press Enter on it) to list the users who spent on it"));
    m_side->addTab(m_shareChart, tr("Share"));
    m_side->addTab(m_table, tr("Table"));
    m_side->setAccessibleName(tr("Cost share and totals"));

    auto *charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(m_costChart);
    charts->addWidget(m_side);
    charts->setStretchFactor(0, 5);
    charts->setStretchFactor(1, 2);
    // Room for the share chart's legend ("anthropic 69%") beside its ring.
    charts->setSizes({600, 380});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(charts, 1);

    connect(m_by, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT breakdownChanged(breakdown()); });
    connect(m_costChart, &CostOverTimeChart::keyClicked, this, [this](const QString &key) { Q_EMIT keyClicked(breakdown(), key); });
    connect(m_shareChart, &ServiceShareChart::keyClicked, this, [this](const QString &key) { Q_EMIT keyClicked(breakdown(), key); });
    connect(m_costChart, &CostOverTimeChart::bucketClicked, this, &ChartsPanel::bucketClicked);
    const auto drill = [this](const QModelIndex &index) {
        Q_EMIT keyClicked(breakdown(), m_totals->index(index.row(), NameColumn).data(KeyRole).toString());
    };
    connect(m_table, &QTableView::clicked, this, drill);
    // Enter on a row; a double click is activated too, but its click already asked.
    connect(m_table, &QTableView::activated, this, [drill](const QModelIndex &index) {
        if (QGuiApplication::mouseButtons() == Qt::NoButton)
            drill(index);
    });
}

Breakdown ChartsPanel::breakdown() const
{
    return Breakdown(m_by->currentData().toInt());
}

void ChartsPanel::setBreakdown(Breakdown by)
{
    m_by->setCurrentIndex(m_by->findData(int(by)));
}

QString ChartsPanel::label(const QString &key)
{
    return CostOverTimeChart::keyLabel(key);
}

void ChartsPanel::showServices(const QList<SeriesPoint> &series, Bucket bucket,
                               const QMap<QString, ServiceTotals> &perService)
{
    m_costChart->setColors({});
    m_shareChart->setColors({});
    m_costChart->setBreakdown(Breakdown::Service);
    m_series->setSeries(series, bucket);
    m_shareChart->setTotals(perService, Breakdown::Service);
    QList<BreakdownRow> rows;
    for (auto it = perService.cbegin(); it != perService.cend(); ++it)
        rows.append({it.key(), it.value().requests, it.value().tokens, it.value().cost});
    std::stable_sort(rows.begin(), rows.end(), [](const BreakdownRow &a, const BreakdownRow &b) { return a.cost > b.cost; });
    setTotals(rows);
}

void ChartsPanel::showBreakdown(const BreakdownData &data, Bucket bucket)
{
    // Colours by rank, the same in both charts; by model the series's
    // "other models" may be no row of the totals.
    QStringList ranked;
    for (const BreakdownRow &row : data.totals)
        ranked << row.key;
    ranked << Queries::OtherModels;
    const QHash<QString, QColor> colors = rankedColors(ranked);
    m_costChart->setColors(colors);
    m_shareChart->setColors(colors);
    m_costChart->setBreakdown(data.by);
    m_series->setSeries(data.series, bucket);
    // The ring as the chart: the costliest models by name, the rest together
    // (the table lists them all).
    QMap<QString, ServiceTotals> totals;
    for (qsizetype i = 0; i < data.totals.size(); ++i) {
        const BreakdownRow &row = data.totals[i];
        ServiceTotals &slice = totals[data.by == Breakdown::Model && i >= TopModels ? Queries::OtherModels : row.key];
        slice.requests += row.requests;
        slice.tokens += row.tokens;
        slice.cost += row.cost;
    }
    m_shareChart->setTotals(totals, data.by);
    setTotals(data.totals);
}

void ChartsPanel::setTotals(const QList<BreakdownRow> &rows)
{
    Money total;
    for (const BreakdownRow &row : rows)
        total += row.cost;
    const QLocale locale;
    m_totals->setRowCount(0);
    for (const BreakdownRow &row : rows) {
        auto *name = new QStandardItem(label(row.key));
        name->setData(row.key, KeyRole);
        auto *requests = new QStandardItem(locale.toString(row.requests));
        auto *cost = new QStandardItem(row.cost.toDisplayString());
        cost->setToolTip(QStringLiteral("$") + row.cost.toString(6));
        const double share = total.isZero() ? 0.0 : 100.0 * row.cost.toDouble() / total.toDouble();
        auto *percent = new QStandardItem(locale.toString(share, 'f', 1) + u'%');
        for (QStandardItem *number : {requests, cost, percent})
            number->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_totals->appendRow({name, requests, cost, percent});
    }
}

} // namespace meterdesk
