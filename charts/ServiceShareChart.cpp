#include "ServiceShareChart.h"

#include "ServiceColors.h"

#include <queries/Reports.h>

#include <QEvent>
#include <QHash>
#include <QLegend>
#include <QPieLegendMarker>
#include <QPieSeries>

#include <algorithm>
#include <QToolTip>

namespace meterdesk {

ServiceShareChart::ServiceShareChart(QWidget *parent) : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    // No taller than the charts' row lets it be at 1024x640, where the
    // tab holding it is 190 px and a taller chart lost its foot.
    setMinimumSize(260, 140);
    chart()->setTitle(tr("Cost share by service"));
    chart()->legend()->setAlignment(Qt::AlignRight);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    applyPaletteTheme(chart(), this);
}

void ServiceShareChart::setTotals(const QMap<QString, ServiceTotals> &perService, Breakdown by)
{
    m_totals = perService;
    m_breakdown = by;
    const QString title = by == Breakdown::Model  ? tr("Cost share by model")
        : by == Breakdown::Endpoint               ? tr("Cost share by endpoint")
                                                  : tr("Cost share by service");
    chart()->removeAllSeries();
    Money total;
    for (const ServiceTotals &totals : perService)
        total += totals.cost;
    if (total.isZero()) {
        chart()->setTitle(tr("%1: no cost in this range").arg(title));
        return;
    }
    chart()->setTitle(title);
    auto *series = new QPieSeries(chart());
    series->setHoleSize(0.45);
    // Services in their usual order; models and endpoints costliest first.
    QStringList keys = perService.keys();
    if (by == Breakdown::Service)
        keys = Reports::orderedServices(keys);
    else
        std::stable_sort(keys.begin(), keys.end(), [&perService](const QString &a, const QString &b) {
            return perService.value(a).cost > perService.value(b).cost;
        });
    QHash<QPieSlice *, QString> keyOf;
    for (const QString &service : std::as_const(keys)) {
        const Money cost = perService.value(service).cost;
        if (cost.isZero())
            continue;
        const double share = 100.0 * cost.toDouble() / total.toDouble();
        const QString label = service.isEmpty() ? tr("(no endpoint)") : service;
        QPieSlice *slice = series->append(QStringLiteral("%1 %2%").arg(label).arg(share, 0, 'f', share < 10 ? 1 : 0),
                                          cost.toDouble());
        connect(slice, &QPieSlice::clicked, this, [this, service] { Q_EMIT keyClicked(service); });
        keyOf.insert(slice, service);
        slice->setColor(m_colors.value(service, serviceColor(service)));
        slice->setBorderColor(palette().color(QPalette::Base));
        const QString tip = QStringLiteral("<b>%1</b><br>$%2<br>%3").arg(label.toHtmlEscaped(), cost.toString(6),
                                                                         tr("%n request(s)", nullptr, int(perService.value(service).requests)));
        connect(slice, &QPieSlice::hovered, this, [slice, tip, this](bool state) {
            slice->setExploded(state);
            if (state)
                QToolTip::showText(QCursor::pos(), tip, this);
            else
                QToolTip::hideText();
        });
    }
    chart()->addSeries(series);
    const auto markers = chart()->legend()->markers(series);
    for (QLegendMarker *marker : markers)
        if (auto *pie = qobject_cast<QPieLegendMarker *>(marker))
            connect(pie, &QLegendMarker::clicked, this, [this, key = keyOf.value(pie->slice())] { Q_EMIT keyClicked(key); });
    placeLegend();
}

void ServiceShareChart::placeLegend()
{
    // Labels cut to fit beside the ring lose their share ("anthro..." at
    // 1024x640), and in one row below it fare worse. Where they do not fit
    // whole the ring goes alone: the chart beside it names the same
    // colours, the Table tab has the shares, a slice's tooltip both.
    QLegend *legend = chart()->legend();
    const bool fits = sideLegendFits(chart());
    if (legend->isVisible() != fits)
        legend->setVisible(fits);
}

void ServiceShareChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event); // the chart takes the view's size first
    placeLegend();
}

void ServiceShareChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        applyPaletteTheme(chart(), this);
        setTotals(m_totals, m_breakdown);
    }
    QChartView::changeEvent(event);
}

} // namespace meterdesk
