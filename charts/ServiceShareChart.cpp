#include "ServiceShareChart.h"

#include "ServiceColors.h"

#include <queries/Reports.h>

#include <QEvent>
#include <QPieSeries>
#include <QToolTip>

namespace meterdesk {

ServiceShareChart::ServiceShareChart(QWidget *parent) : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(260, 220);
    chart()->setTitle(tr("Cost share by service"));
    chart()->legend()->setAlignment(Qt::AlignRight);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    applyPaletteTheme(chart(), this);
}

void ServiceShareChart::setTotals(const QMap<QString, ServiceTotals> &perService)
{
    m_totals = perService;
    chart()->removeAllSeries();
    Money total;
    for (const ServiceTotals &totals : perService)
        total += totals.cost;
    if (total.isZero()) {
        chart()->setTitle(tr("Cost share by service: no cost in this range"));
        return;
    }
    chart()->setTitle(tr("Cost share by service"));
    auto *series = new QPieSeries(chart());
    series->setHoleSize(0.45);
    for (const QString &service : Reports::orderedServices(perService.keys())) {
        const Money cost = perService.value(service).cost;
        if (cost.isZero())
            continue;
        const double share = 100.0 * cost.toDouble() / total.toDouble();
        QPieSlice *slice = series->append(QStringLiteral("%1 %2%").arg(service).arg(share, 0, 'f', share < 10 ? 1 : 0),
                                          cost.toDouble());
        slice->setColor(serviceColor(service));
        slice->setBorderColor(palette().color(QPalette::Base));
        const QString tip = QStringLiteral("<b>%1</b><br>$%2<br>%3").arg(service.toHtmlEscaped(), cost.toString(6),
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
}

void ServiceShareChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        applyPaletteTheme(chart(), this);
        setTotals(m_totals);
    }
    QChartView::changeEvent(event);
}

} // namespace meterdesk
