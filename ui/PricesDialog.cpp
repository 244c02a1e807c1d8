#include "PricesDialog.h"

#include "DataService.h"

#include <admin/PriceTable.h>

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalBlocker>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace meterdesk {

namespace {

QString perMillion(qint64 nanos)
{
    return Money::fromNanos(nanos).toString(6).remove(QRegularExpression(QStringLiteral("0{1,4}$")));
}

} // namespace

PricesDialog::PricesDialog(DataService *data, const DateRange &range, const QString &rangeText,
                           const Capabilities &capabilities, QWidget *parent)
    : QDialog(parent), m_data(data), m_range(range), m_table(new QTableWidget(0, 6, this)), m_model(new QLineEdit(this)),
      m_input(new QLineEdit(this)), m_output(new QLineEdit(this)), m_cached(new QLineEdit(this)),
      m_cacheWrite(new QLineEdit(this)), m_from(new QDateEdit(QDate(2020, 1, 1), this)),
      m_set(new QPushButton(tr("Set price"), this)), m_preview(new QPushButton(tr("Preview reprice"), this)),
      m_reprice(new QPushButton(tr("Reprice…"), this)), m_status(new QLabel(this))
{
    setWindowTitle(tr("Prices"));
    // Names for tests and accessibility tools.
    m_model->setObjectName(QStringLiteral("priceModel"));
    m_input->setObjectName(QStringLiteral("priceInput"));
    m_output->setObjectName(QStringLiteral("priceOutput"));
    m_set->setObjectName(QStringLiteral("setPrice"));
    m_preview->setObjectName(QStringLiteral("previewReprice"));
    m_reprice->setObjectName(QStringLiteral("reprice"));
    m_status->setObjectName(QStringLiteral("priceStatus"));
    setAccessibleName(tr("Prices"));
    auto *intro = new QLabel(tr("Every model in %1, the unpriced first. A price bills the calls from its "
                                "effective day; reprice to bill the calls already recorded again.").arg(rangeText), this);
    intro->setWordWrap(true);
    m_table->setHorizontalHeaderLabels({tr("Model"), tr("Service"), tr("Calls"), tr("Cost"),
                                        tr("Price per 1M (in / out)"), tr("Source")});
    m_table->setAccessibleName(tr("Models and their prices"));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) { fillForm(row); });

    m_from->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_from->setCalendarPopup(true);
    m_from->setDateRange(QDate(2020, 1, 1), QDate::currentDate().addYears(1));
    for (QLineEdit *price : {m_input, m_output, m_cached, m_cacheWrite})
        price->setPlaceholderText(tr("USD per 1M tokens"));
    m_cached->setPlaceholderText(tr("as input when empty"));
    m_cacheWrite->setPlaceholderText(tr("as input when empty"));
    auto *form = new QFormLayout;
    form->addRow(tr("Model"), m_model);
    form->addRow(tr("Input"), m_input);
    form->addRow(tr("Output"), m_output);
    form->addRow(tr("Cached input"), m_cached);
    form->addRow(tr("Cache write"), m_cacheWrite);
    form->addRow(tr("From"), m_from);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_set);
    actions->addWidget(m_preview);
    actions->addWidget(m_reprice);
    actions->addStretch(1);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(form);
    layout->addLayout(actions);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    if (!capabilities.canSetPrices) {
        const QString why = tr("The database role \"%1\" may not change prices.").arg(capabilities.role);
        for (QPushButton *button : {m_set, m_reprice}) {
            button->setEnabled(false);
            button->setToolTip(why);
        }
        m_status->setText(why);
    }
    connectParts();
    resize(900, 640);
    reload();
}

void PricesDialog::connectParts()
{
    connect(m_set, &QPushButton::clicked, this, &PricesDialog::setPrice);
    connect(m_preview, &QPushButton::clicked, this, [this] { startReprice(true); });
    connect(m_reprice, &QPushButton::clicked, this, [this] { startReprice(false); });
    connect(m_data, &DataService::pricesLoaded, this, &PricesDialog::showRows);
    connect(m_data, &DataService::priceSet, this, [this](bool ok, const QString &error) {
        m_status->setText(ok ? tr("Price of %1 set from %2. Reprice to bill the calls already recorded.")
                                   .arg(m_model->text().trimmed().toLower(), m_from->date().toString(Qt::ISODate))
                             : tr("The price was not set: %1").arg(error));
        reload();
    });
    connect(m_data, &DataService::repriceProgress, this, [this](qint64 done, qint64 total) {
        if (m_progress) {
            m_progress->setMaximum(int(qMin<qint64>(total, INT_MAX)));
            m_progress->setValue(int(qMin<qint64>(done, INT_MAX)));
        }
    });
    connect(m_data, &DataService::repriced, this, &PricesDialog::finishReprice);
}

void PricesDialog::reload()
{
    m_data->loadPrices(m_range);
}

void PricesDialog::showRows(const QList<ModelPriceRow> &rows, const QString &error)
{
    if (!error.isEmpty()) {
        m_status->setText(tr("The models could not be read: %1").arg(error));
        return;
    }
    m_rows = rows;
    const QLocale locale;
    // Filling the table moves its current cell: that must not overwrite a
    // price being typed. The model in the form stays selected.
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const ModelPriceRow &row = rows[i];
        const QString price = row.priced ? QStringLiteral("$%1 / $%2").arg(perMillion(row.rates.input), perMillion(row.rates.output))
                                         : tr("unpriced: $5 fallback");
        const QString source = row.priced ? row.source + (row.effectiveFrom.isValid()
                                                              ? tr(", from %1").arg(row.effectiveFrom.toString(Qt::ISODate))
                                                              : QString())
                                          : QString();
        const QStringList cells{row.model, row.service, locale.toString(row.calls), row.cost.toDisplayString(), price, source};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (column == 2 || column == 3)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(i, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->clearSelection();
    for (int i = 0; i < rows.size(); ++i)
        if (rows[i].model == m_model->text().trimmed())
            m_table->selectRow(i);
}

void PricesDialog::fillForm(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    const ModelPriceRow &model = m_rows[row];
    m_model->setText(model.model);
    m_input->setText(model.priced ? perMillion(model.rates.input) : QString());
    m_output->setText(model.priced ? perMillion(model.rates.output) : QString());
    m_cached->setText(model.priced && model.rates.cachedInput ? perMillion(*model.rates.cachedInput) : QString());
    m_cacheWrite->setText(model.priced && model.rates.cacheWrite ? perMillion(*model.rates.cacheWrite) : QString());
}

std::optional<ModelPrice> PricesDialog::formPrice()
{
    ModelPrice price;
    price.model = m_model->text().trimmed();
    price.effectiveFrom = m_from->date();
    price.sourceName = tr("set in the dashboard");
    const auto read = [this](QLineEdit *field, bool required) -> std::optional<std::optional<qint64>> {
        const QString text = field->text().trimmed();
        if (text.isEmpty() && !required)
            return std::optional<qint64>();
        const auto money = Money::fromDecimal(text);
        if (!money || money->nanos() < 0) {
            m_status->setText(tr("\"%1\" is not a price in USD per 1M tokens, such as 2.50.").arg(text.left(40)));
            return std::nullopt;
        }
        return std::optional<qint64>(money->nanos());
    };
    const auto input = read(m_input, true), output = read(m_output, true), cached = read(m_cached, false),
               cacheWrite = read(m_cacheWrite, false);
    if (!input || !output || !cached || !cacheWrite)
        return std::nullopt;
    price.rates = {**input, **output, *cached, *cacheWrite};
    if (const QString problem = PriceTable::check(price); !problem.isEmpty()) {
        m_status->setText(problem);
        return std::nullopt;
    }
    return price;
}

void PricesDialog::setPrice()
{
    if (const auto price = formPrice())
        m_data->setPrice(*price);
}

void PricesDialog::startReprice(bool dryRun)
{
    const RepriceScope scope{m_model->text().trimmed(), m_range};
    if (!dryRun) {
        const QString what = scope.model.isEmpty() ? tr("every model") : scope.model;
        if (QMessageBox::question(this, tr("Reprice"), tr("Bill the recorded calls of %1 in this range again at the "
                                                          "prices in force on their days?").arg(what))
            != QMessageBox::Yes)
            return;
        m_progress = new QProgressDialog(tr("Repricing…"), tr("Cancel"), 0, 0, this);
        m_progress->setWindowModality(Qt::WindowModal);
        m_progress->setMinimumDuration(0);
        connect(m_progress, &QProgressDialog::canceled, m_data, &DataService::cancelReprice);
        m_progress->show();
    }
    m_data->reprice(scope, dryRun);
}

void PricesDialog::finishReprice(const RepriceOutcome &outcome)
{
    if (m_progress) {
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    const RepriceResult &r = outcome.result;
    const QString summary = tr("%1 of %Ln call(s): %2 → %3", nullptr, int(qMin<qint64>(r.examined, INT_MAX)))
                                .arg(QLocale().toString(r.changed), r.oldTotal.toDisplayString(), r.newTotal.toDisplayString());
    if (outcome.dryRun)
        m_status->setText(r.ok ? tr("A reprice would change %1.").arg(summary) : r.error);
    else
        m_status->setText(r.ok ? tr("Repriced %1.").arg(summary) : tr("Stopped: %1").arg(r.error));
    if (!outcome.dryRun && r.changed > 0) {
        Q_EMIT costsChanged();
        reload();
    }
}

} // namespace meterdesk
