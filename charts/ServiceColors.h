#pragma once

#include <QColor>
#include <QString>

class QChart;
class QWidget;

namespace meterdesk {

// One colour per service, mid-tone so that it reads on light and dark
// backgrounds alike; unknown services get stable colours from a palette.
QColor serviceColor(const QString &service);
// Light or dark chart theme to match the widget's palette.
void applyPaletteTheme(QChart *chart, const QWidget *widget);

} // namespace meterdesk
