#include "CostOverTimeChart.h"

#include "ServiceColors.h"

#include <CostSeriesModel.h>

#include <QAreaSeries>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QToolTip>
#include <QValueAxis>

#include <optional>

namespace meterdesk {

CostOverTimeChart::CostOverTimeChart(QWidget *parent) : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
    chart()->setTitle(tr("Cost by service over time"));
    chart()->legend()->setAlignment(Qt::AlignBottom);
    applyPaletteTheme(chart(), this);
    // The plot's width decides how many dates fit under it: at 1024 px
    // wide, eight dates had 26 px each and showed as "1 …", "2 …".
    // Its height decides how many amounts fit beside it: five on the
    // details pane's plot, 70 px tall at 1024x640, were each cut to "...".
    connect(chart(), &QChart::plotAreaChanged, this, &CostOverTimeChart::fitDateTicks);
    connect(chart(), &QChart::plotAreaChanged, this, &CostOverTimeChart::fitAmountTicks);
}

void CostOverTimeChart::fitDateTicks()
{
    const auto axes = chart()->axes(Qt::Horizontal);
    auto *axis = axes.isEmpty() ? nullptr : qobject_cast<QDateTimeAxis *>(axes.first());
    if (!axis || !m_model)
        return;
    // A tick a bucket, at most eight (four when compact), and no closer
    // than the widest date's label and a little room: N ticks leave N - 1
    // gaps, the first and the last label centred on the plot's ends.
    // Month names differ in width, and by language: the widest of the
    // twelve, in the chart's own locale, is the one that must fit.
    const QFontMetrics metrics(axis->labelsFont());
    int widest = 0;
    for (int month = 1; month <= 12; ++month)
        widest = qMax(widest, metrics.horizontalAdvance(chart()->locale().toString(
                                  QDate(2026, month, 28), axis->format())));
    const int label = widest + 8;
    const int fit = int(chart()->plotArea().width()) / qMax(1, label) + 1;
    const int ticks = qBound(2, qMin(m_model->rowCount(), fit), m_compact ? 4 : 8);
    if (axis->tickCount() != ticks)
        axis->setTickCount(ticks);
}

void CostOverTimeChart::fitAmountTicks()
{
    auto *axis = qobject_cast<QValueAxis *>(chart()->axes(Qt::Vertical).value(0));
    if (!axis)
        return;
    // Qt Charts (6.4, VerticalAxis::updateGeometry) gives each of N amounts
    // an Nth of the height down to the axis' foot, less 4 px above and
    // below, and cuts one whose line is taller than that to "...". The
    // plot's foot is a little above the axis': a tick too few at worst.
    const int line = QFontMetrics(axis->labelsFont()).height() + 2 * 4 + 2;
    const int fit = qMax(2, int(chart()->plotArea().bottom()) / qMax(1, line));
    if (fit == m_amountTicksFit)
        return;
    m_amountTicksFit = fit;
    // Nice numbers may add a tick to the one asked for: ask for fewer
    // until what they give fits, five at the most as before.
    for (int wanted = qMin(fit, 5); wanted >= 2; --wanted) {
        axis->setRange(0, m_top > 0 ? m_top * 1.08 : 1);
        axis->setTickCount(wanted);
        axis->applyNiceNumbers();
        if (axis->tickCount() <= fit)
            break;
    }
}

void CostOverTimeChart::setModel(CostSeriesModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    connect(model, &QAbstractItemModel::modelReset, this, &CostOverTimeChart::rebuild);
    rebuild();
}

void CostOverTimeChart::setCompact(bool compact)
{
    m_compact = compact;
    chart()->legend()->setVisible(!compact);
    chart()->setMargins(compact ? QMargins(2, 2, 2, 2) : QMargins(20, 20, 20, 20));
    rebuild();
}

void CostOverTimeChart::setServiceHidden(const QString &service, bool hidden)
{
    if (hidden)
        m_hidden.insert(service);
    else
        m_hidden.remove(service);
    rebuild();
}

qint64 CostOverTimeChart::xOf(QDate day)
{
    // Qt Charts labels a date axis in local time: a bucket placed at its
    // day's midnight in UTC was labelled with the day before west of
    // Greenwich ("7 Nov" to "6 Dec" for 8 Nov to 7 Dec in New York).
    return day.startOfDay().toMSecsSinceEpoch();
}

int CostOverTimeChart::bucketNear(qint64 msecs) const
{
    int best = -1;
    qint64 bestDistance = std::numeric_limits<qint64>::max();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const qint64 start =
            xOf(m_model->index(row, 0).data(CostSeriesModel::BucketStartRole).toDate());
        const qint64 distance = qAbs(start - msecs);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = row;
        }
    }
    return best;
}

QString CostOverTimeChart::tooltipFor(qint64 msecs) const
{
    if (!m_model)
        return {};
    const int row = bucketNear(msecs);
    if (row < 0)
        return {};
    QStringList lines{QStringLiteral("<b>%1</b>").arg(m_model->bucketLabel(row).toHtmlEscaped())};
    Money total;
    for (const QString &service : m_model->services()) {
        if (m_hidden.contains(service))
            continue;
        const Money cost = m_model->cost(row, service);
        total += cost;
        lines << QStringLiteral("%1: $%2").arg(keyLabel(service).toHtmlEscaped(), cost.toString(6));
    }
    lines << tr("Total: $%1").arg(total.toString(6));
    return lines.join(QStringLiteral("<br>"));
}

void CostOverTimeChart::rebuild()
{
    QChart *c = chart();
    c->removeAllSeries();
    const auto axes = c->axes();
    for (QAbstractAxis *axis : axes) {
        c->removeAxis(axis);
        delete axis;
    }
    if (!m_model || m_model->rowCount() == 0) {
        c->setTitle(tr("Cost over time: no usage in this range"));
        return;
    }
    c->setTitle(m_compact                         ? QString()
                : m_breakdown == Breakdown::Model    ? tr("Cost by model over time")
                : m_breakdown == Breakdown::Endpoint ? tr("Cost by endpoint over time")
                                                     : tr("Cost by service over time"));
    auto *xAxis = new QDateTimeAxis(c);
    xAxis->setFormat(m_model->bucket() == Bucket::Month ? QStringLiteral("MMM yyyy") : QStringLiteral("d MMM"));
    auto *yAxis = new QValueAxis(c);
    yAxis->setLabelFormat(QStringLiteral("$%.2f"));
    c->addAxis(xAxis, Qt::AlignBottom);
    c->addAxis(yAxis, Qt::AlignLeft);

    const int rows = m_model->rowCount();
    // One bucket is one x: an area of no width, and an axis from that
    // instant to itself, which drew nothing after a click on a day. It is
    // drawn across the time it covers instead, from its first minute to
    // its last.
    std::optional<std::pair<QDateTime, QDateTime>> span;
    if (rows == 1) {
        const QDate first = m_model->index(0, 0).data(CostSeriesModel::BucketStartRole).toDate();
        const QDate next = bucketEnd(first, m_model->bucket()).addDays(1);
        span.emplace(first.startOfDay(), next.startOfDay().addSecs(-60));
        if (m_model->bucket() == Bucket::Day)
            xAxis->setFormat(QStringLiteral("d MMM hh:mm"));
    }
    QList<double> stack(rows, 0.0);
    double top = 0;
    for (const QString &service : m_model->services()) {
        auto *lower = new QLineSeries(c);
        auto *upper = new QLineSeries(c);
        const bool hidden = m_hidden.contains(service);
        for (int row = 0; row < rows; ++row) {
            const qreal x =
                qreal(xOf(m_model->index(row, 0).data(CostSeriesModel::BucketStartRole).toDate()));
            const double below = stack[row];
            if (!hidden)
                stack[row] += m_model->cost(row, service).toDouble();
            lower->append(x, below);
            upper->append(x, stack[row]);
            if (span) {
                lower->append(qreal(span->second.toMSecsSinceEpoch()), below);
                upper->append(qreal(span->second.toMSecsSinceEpoch()), stack[row]);
            }
            top = qMax(top, stack[row]);
        }
        auto *area = new QAreaSeries(upper, lower);
        area->setName(keyLabel(service));
        QColor color = m_colors.value(service, serviceColor(service));
        area->setBrush(hidden ? Qt::transparent : color);
        area->setPen(QPen(hidden ? Qt::transparent : color.darker(115), 1));
        c->addSeries(area);
        area->attachAxis(xAxis);
        area->attachAxis(yAxis);
        if (QLegendMarker *marker = c->legend()->markers(area).value(0)) {
            if (hidden) {
                color.setAlpha(60);
                marker->setBrush(color);
                marker->setLabelBrush(QBrush(palette().color(QPalette::PlaceholderText)));
            }
            // A click drills down to the users who spent on it; with Ctrl
            // it hides or shows the area instead.
            connect(marker, &QLegendMarker::clicked, this, [this, service] {
                if (QGuiApplication::keyboardModifiers() & Qt::ControlModifier)
                    setServiceHidden(service, !m_hidden.contains(service));
                else
                    Q_EMIT keyClicked(service);
            });
        }
        connect(area, &QAreaSeries::hovered, this, [this](const QPointF &point, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(), tooltipFor(qint64(point.x())), this);
            else
                QToolTip::hideText();
        });
    }
    if (span)
        xAxis->setRange(span->first, span->second);
    m_top = top;
    m_amountTicksFit = 0;
    placeLegend();
    fitAmountTicks();
    fitDateTicks();
}

void CostOverTimeChart::placeLegend()
{
    if (m_compact)
        return; // no legend
    // Below the plot the legend is one row, and Qt Charts cuts its labels
    // to fit the width: six endpoints showed as "ai-respo...", "booking..."
    // at 1440x900. Beside the plot each has a line; where neither fits
    // whole, below it stays.
    QLegend *legend = chart()->legend();
    const QMargins margins = chart()->margins();
    const qreal width = chart()->size().width() - margins.left() - margins.right();
    // Qt Charts' hint for a row is no help (the widest entry, not their
    // sum): each entry is its label, a marker as tall as the text, and
    // 4 px around and between them.
    const QFontMetrics metrics(legend->font());
    qreal row = 0;
    for (const QLegendMarker *marker : legend->markers())
        row += metrics.horizontalAdvance(marker->label()) + metrics.height() + 4 * 4;
    bool below = row <= width;
    if (!below) {
        legend->setAlignment(Qt::AlignRight); // measured where it would stand
        below = !sideLegendFits(chart());
    }
    legend->setAlignment(below ? Qt::AlignBottom : Qt::AlignRight);
}

void CostOverTimeChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event); // the chart takes the view's size first
    placeLegend();
}

void CostOverTimeChart::setBreakdown(Breakdown by)
{
    m_breakdown = by;
    m_hidden.clear();
}

QString CostOverTimeChart::keyLabel(const QString &key)
{
    return key.isEmpty() ? tr("(no endpoint)") : key;
}

std::optional<QDate> CostOverTimeChart::bucketAt(const QPoint &position) const
{
    if (!m_model || m_model->rowCount() == 0 || !chart()->plotArea().contains(mapToScene(position)))
        return std::nullopt;
    const QPointF value = chart()->mapToValue(chart()->mapFromScene(mapToScene(position)));
    const int row = bucketNear(qint64(value.x()));
    if (row < 0)
        return std::nullopt;
    return m_model->index(row, 0).data(CostSeriesModel::BucketStartRole).toDate();
}

void CostOverTimeChart::mouseReleaseEvent(QMouseEvent *event)
{
    // A click on the plot narrows the range to that bucket's days.
    if (event->button() == Qt::LeftButton && !m_compact)
        if (const auto start = bucketAt(event->position().toPoint()))
            Q_EMIT bucketClicked(*start, m_model->bucket());
    QChartView::mouseReleaseEvent(event);
}

bool CostOverTimeChart::savePng(const QString &path)
{
    return grab().save(path, "PNG");
}

void CostOverTimeChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        applyPaletteTheme(chart(), this);
        rebuild(); // a theme change resets series colours
    }
    QChartView::changeEvent(event);
}

} // namespace meterdesk
