#include "RangeBar.h"

#include "Settings.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLabel>

namespace meterdesk {

RangeBar::RangeBar(QToolBar *toolBar, QAction *refresh, QAction *live)
    : QObject(toolBar), m_preset(new QComboBox(toolBar)), m_from(new QDateEdit(toolBar)), m_to(new QDateEdit(toolBar)),
      m_bucket(new QComboBox(toolBar))
{
    m_preset->addItems({tr("Today"), tr("Last 7 days"), tr("Last 30 days"), tr("Last 90 days"), tr("This month"),
                        tr("Last month"), tr("All time"), tr("Custom…")});
    m_preset->setToolTip(tr("Date range (whole days, UTC)"));
    const QDate today = QDateTime::currentDateTimeUtc().date();
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setDate(today);
    }
    m_from->setDate(today.addDays(-29));
    m_bucket->addItems({tr("Auto buckets"), tr("Daily"), tr("Weekly"), tr("Monthly")});
    m_bucket->setToolTip(tr("Chart buckets"));

    toolBar->addWidget(new QLabel(tr(" Range "), toolBar));
    toolBar->addWidget(m_preset);
    m_fromAction = toolBar->addWidget(m_from);
    m_toAction = toolBar->addWidget(m_to);
    toolBar->addWidget(m_bucket);
    toolBar->addSeparator();
    toolBar->addAction(refresh);
    toolBar->addAction(live);

    const int preset = qBound(0, Settings::rangeIndex(), int(Custom) - 1);
    m_preset->setCurrentIndex(preset);
    m_fromAction->setVisible(false);
    m_toAction->setVisible(false);

    connect(m_preset, &QComboBox::currentIndexChanged, this, [this](int index) {
        const bool custom = index == Custom;
        m_fromAction->setVisible(custom);
        m_toAction->setVisible(custom);
        if (!custom)
            Settings::setRangeIndex(index);
        Q_EMIT changed();
    });
    connect(m_from, &QDateEdit::dateChanged, this, [this](QDate date) {
        if (m_to->date() < date)
            m_to->setDate(date);
        Q_EMIT changed();
    });
    connect(m_to, &QDateEdit::dateChanged, this, [this](QDate date) {
        if (m_from->date() > date)
            m_from->setDate(date);
        Q_EMIT changed();
    });
    connect(m_bucket, &QComboBox::currentIndexChanged, this, &RangeBar::changed);
}

DateRange RangeBar::presetRange(Preset preset, QDate today)
{
    switch (preset) {
    case Today:
        return {today, today};
    case Last7:
        return DateRange::lastDays(7, today);
    case Last30:
        return DateRange::lastDays(30, today);
    case Last90:
        return DateRange::lastDays(90, today);
    case ThisMonth:
        return {QDate(today.year(), today.month(), 1), today};
    case LastMonth: {
        const QDate first = QDate(today.year(), today.month(), 1).addMonths(-1);
        return {first, first.addMonths(1).addDays(-1)};
    }
    case AllTime:
    case Custom:
        break;
    }
    return DateRange::allTime();
}

DateRange RangeBar::range() const
{
    const auto preset = static_cast<Preset>(m_preset->currentIndex());
    if (preset == Custom)
        return {m_from->date(), m_to->date()};
    return presetRange(preset, QDateTime::currentDateTimeUtc().date());
}

std::optional<Bucket> RangeBar::bucket() const
{
    switch (m_bucket->currentIndex()) {
    case 1:
        return Bucket::Day;
    case 2:
        return Bucket::Week;
    case 3:
        return Bucket::Month;
    }
    return std::nullopt;
}

void RangeBar::setPreset(Preset preset)
{
    m_preset->setCurrentIndex(preset);
}

void RangeBar::setCustomRange(QDate from, QDate to)
{
    const QSignalBlocker blockFrom(m_from), blockTo(m_to);
    m_from->setDate(from);
    m_to->setDate(to);
    m_preset->setCurrentIndex(Custom);
    Q_EMIT changed();
}

QString RangeBar::describe() const
{
    const DateRange r = range();
    if (r.isAllTime())
        return tr("all time");
    if (r.from == r.to)
        return r.from.toString(Qt::ISODate);
    return tr("%1 to %2").arg(r.from.toString(Qt::ISODate), r.to.toString(Qt::ISODate));
}

} // namespace meterdesk
