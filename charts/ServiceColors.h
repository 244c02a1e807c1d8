#pragma once

#include <QColor>
#include <QHash>
#include <QStringList>
#include <QString>

class QChart;
class QWidget;

namespace meterdesk {

// One colour per service, mid-tone so that it reads on light and dark
// backgrounds alike; unknown services get stable colours from a palette.
QColor serviceColor(const QString &service);
// Colours for models or endpoints, which have none of their own: the
// costliest first, each a different hue while there are ten or fewer.
QHash<QString, QColor> rankedColors(const QStringList &keys);
// Light or dark chart theme to match the widget's palette.
void applyPaletteTheme(QChart *chart, const QWidget *widget);
// Whether the chart's legend, standing at its side, shows its labels
// whole: Qt Charts gives a side legend at most two fifths of the chart's
// width and cuts the labels of a wider one to fit.
bool sideLegendFits(const QChart *chart);

} // namespace meterdesk
