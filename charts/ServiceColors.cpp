#include "ServiceColors.h"

#include <QChart>
#include <QHash>
#include <QLegend>
#include <QPalette>
#include <QWidget>

namespace meterdesk {

QColor serviceColor(const QString &service)
{
    static const QHash<QString, QColor> known{
        {QStringLiteral("openai"), QColor(0x10, 0xa3, 0x7f)},
        {QStringLiteral("anthropic"), QColor(0xd9, 0x77, 0x57)},
        {QStringLiteral("google"), QColor(0x42, 0x85, 0xf4)},
        {QStringLiteral("other"), QColor(0x9b, 0x7c, 0xd6)},
    };
    if (const auto it = known.constFind(service); it != known.constEnd())
        return *it;
    static const QColor palette[] = {QColor(0xe0, 0xa8, 0x2e), QColor(0x2e, 0xb5, 0xc9), QColor(0xd6, 0x5c, 0x8a),
                                     QColor(0x7a, 0xa8, 0x3a), QColor(0x8a, 0x8f, 0x99)};
    return palette[qHash(service) % std::size(palette)];
}

QHash<QString, QColor> rankedColors(const QStringList &keys)
{
    // Ten mid-tone hues far apart (the services' four among them), in an
    // order where neighbours differ most.
    static const QColor palette[] = {QColor(0x42, 0x85, 0xf4), QColor(0xd9, 0x77, 0x57), QColor(0x10, 0xa3, 0x7f),
                                     QColor(0x9b, 0x7c, 0xd6), QColor(0xe0, 0xa8, 0x2e), QColor(0xd6, 0x5c, 0x8a),
                                     QColor(0x2e, 0xb5, 0xc9), QColor(0x7a, 0xa8, 0x3a), QColor(0xa0, 0x6a, 0x3c),
                                     QColor(0x8a, 0x8f, 0x99)};
    QHash<QString, QColor> colors;
    for (qsizetype i = 0; i < keys.size(); ++i)
        colors.insert(keys[i], palette[i % std::size(palette)]);
    return colors;
}

bool sideLegendFits(const QChart *chart)
{
    const QMargins margins = chart->margins();
    const qreal width = chart->size().width() - margins.left() - margins.right();
    return chart->legend()->effectiveSizeHint(Qt::PreferredSize).width() <= 0.4 * width;
}

void applyPaletteTheme(QChart *chart, const QWidget *widget)
{
    const QPalette palette = widget->palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.brush(QPalette::Base));
    chart->setBackgroundRoundness(4);
    chart->setTitleBrush(palette.brush(QPalette::Text));
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
}

} // namespace meterdesk
