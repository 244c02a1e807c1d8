#include "ReconcileDialog.h"

#include "DataService.h"

#include <ServiceColors.h>

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QValueAxis>
#include <QVBoxLayout>

namespace meterdesk {

ReconcileDialog::ReconcileDialog(DataService *data, QWidget *parent)
    : QDialog(parent), m_data(data), m_provider(new QComboBox(this)), m_load(new QPushButton(tr("&Load reports…"), this)),
      m_export(new QPushButton(tr("&Export CSV…"), this)), m_status(new QLabel(this)), m_chart(new QChartView(this)),
      m_model(new QStandardItemModel(this)), m_table(new QTableView(this))
{
    setWindowTitle(tr("Reconciliation"));
    setAccessibleName(windowTitle());
    m_provider->addItem(QStringLiteral("OpenAI"), QStringLiteral("openai"));
    m_provider->addItem(QStringLiteral("Anthropic"), QStringLiteral("anthropic"));
    m_provider->setAccessibleName(tr("Provider"));
    m_load->setToolTip(tr("The provider's cost report and, to tell tokens from prices, its usage report: JSON pages as "
                          "its API returned them, one file each or several in one file"));
    m_export->setEnabled(false);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Provider:"), this));
    top->addWidget(m_provider);
    top->addWidget(m_load);
    top->addStretch(1);
    top->addWidget(m_export);

    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setText(tr("Load the provider's reports to compare its bill with what Meterdesk tracked, day by day."));
    m_chart->setAccessibleName(tr("Tracked and billed cost per day"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(220);
    applyPaletteTheme(m_chart->chart(), this);
    m_model->setHorizontalHeaderLabels({tr("Day"), tr("Tracked"), tr("Billed"), tr("Gap"), tr("Tracked tokens"),
                                        tr("Billed tokens"), tr("Why it differs")});
    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Tracked and billed, day by day"));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_chart);
    split->addWidget(m_table);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({300, 300});
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_load, &QPushButton::clicked, this, [this] {
        const QStringList paths = chooseReports ? chooseReports()
                                                : QFileDialog::getOpenFileNames(this, tr("Cost and usage reports"), QString(),
                                                                                tr("JSON reports (*.json *.jsonl);;All files (*)"));
        if (!paths.isEmpty())
            loadReports(m_provider->currentData().toString(), paths);
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path = chooseExportPath ? chooseExportPath()
                                              : QFileDialog::getSaveFileName(this, tr("Export the reconciliation"),
                                                                             QStringLiteral("meterdesk-reconciliation.csv"),
                                                                             tr("CSV files (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportTo(path, &error))
            QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1: %2").arg(path, error));
    });
    connect(m_data, &DataService::reconciled, this, [this](const ReconcileOutcome &outcome) {
        if (m_waiting) {
            m_waiting = false;
            showOutcome(outcome);
        }
    });
    resize(980, 640);
}

void ReconcileDialog::loadReports(const QString &provider, const QStringList &paths)
{
    m_provider->setCurrentIndex(qMax(0, m_provider->findData(provider)));
    QStringList names;
    for (const QString &path : paths)
        names << QFileInfo(path).fileName();
    m_status->setText(tr("Comparing %1…").arg(names.join(QStringLiteral(", "))));
    m_waiting = true;
    m_data->reconcile(provider, paths);
}

void ReconcileDialog::showOutcome(const ReconcileOutcome &outcome)
{
    m_days = outcome.days;
    m_model->setRowCount(0);
    const QLocale locale;
    qsizetype gaps = 0;
    for (const Reconcile::DayRow &row : std::as_const(m_days)) {
        gaps += row.gap;
        QList<QStandardItem *> cells{
            new QStandardItem(locale.toString(row.day, QLocale::ShortFormat)),
            new QStandardItem(QStringLiteral("$") + row.tracked.toString(2)),
            new QStandardItem(row.billedKnown ? QStringLiteral("$") + row.billed.toString(2) : QStringLiteral("–")),
            new QStandardItem(row.billedKnown ? QStringLiteral("$") + (row.billed - row.tracked).toString(2) : QStringLiteral("–")),
            new QStandardItem(locale.toString(row.trackedTokens)),
            new QStandardItem(row.billedTokens < 0 ? QStringLiteral("–") : locale.toString(row.billedTokens)),
            new QStandardItem(row.causes.join(QStringLiteral("; ")))};
        for (int column = 1; column <= 5; ++column)
            cells[column]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (row.gap)
            for (QStandardItem *cell : cells) {
                QFont bold = cell->font();
                bold.setBold(true);
                cell->setFont(bold);
            }
        cells.last()->setToolTip(row.causes.join(u'\n'));
        m_model->appendRow(cells);
    }
    drawChart();
    m_export->setEnabled(!m_days.isEmpty());
    QStringList lines;
    if (!outcome.error.isEmpty())
        lines << tr("Nothing could be compared: %1").arg(outcome.error);
    else if (m_days.isEmpty())
        lines << tr("The reports had no day to compare.");
    else
        lines << summary();
    for (const QString &problem : outcome.problems)
        lines << tr("Skipped: %1").arg(problem);
    m_status->setText(lines.join(u'\n'));
    Q_EMIT reconciled();
}

QString ReconcileDialog::summary() const
{
    qsizetype gaps = 0;
    for (const Reconcile::DayRow &row : m_days)
        gaps += row.gap;
    return gaps == 0 ? tr("Every one of %n day(s) agrees within 1% or $0.01.", nullptr, int(m_days.size()))
                     : tr("%1 of %n day(s) differ by more than 1% and $0.01 (in bold, with why).", nullptr, int(m_days.size()))
                           .arg(gaps);
}

void ReconcileDialog::drawChart()
{
    QChart *chart = m_chart->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    chart->setTitle(tr("Tracked and billed cost per day"));
    auto *tracked = new QBarSet(tr("Tracked"));
    auto *billed = new QBarSet(tr("Billed"));
    tracked->setColor(QColor(0x42, 0x85, 0xf4));
    billed->setColor(QColor(0xe0, 0xa8, 0x2e));
    QStringList days;
    double top = 0;
    for (const Reconcile::DayRow &row : std::as_const(m_days)) {
        tracked->append(row.tracked.toDouble());
        billed->append(row.billedKnown ? row.billed.toDouble() : 0.0);
        top = qMax(top, qMax(row.tracked.toDouble(), row.billed.toDouble()));
        days << QLocale().toString(row.day, QStringLiteral("d MMM"));
    }
    auto *series = new QBarSeries(chart);
    series->append(tracked);
    series->append(billed);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis(chart);
    x->append(days);
    auto *y = new QValueAxis(chart);
    y->setLabelFormat(QStringLiteral("$%.2f"));
    y->setRange(0, top > 0 ? top * 1.1 : 1);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

bool ReconcileDialog::exportTo(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(Reconcile::csv(m_days)) < 0 || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace meterdesk
