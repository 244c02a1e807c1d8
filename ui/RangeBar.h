#pragma once

#include <queries/DateRange.h>
#include <queries/Rows.h>

#include <QToolBar>

#include <optional>

class QComboBox;
class QDateEdit;

namespace meterdesk {

// The toolbar's range and refresh controls: today, 7/30/90 days, this or
// last month, all time, or custom dates; the chart bucket; refresh, and
// the live switch (the dashboard follows other processes' commits while on).
class RangeBar : public QObject
{
    Q_OBJECT

public:
    enum Preset { Today, Last7, Last30, Last90, ThisMonth, LastMonth, AllTime, Custom };

    RangeBar(QToolBar *toolBar, QAction *refresh, QAction *live);
    DateRange range() const;
    std::optional<Bucket> bucket() const;
    void setPreset(Preset preset);
    void setCustomRange(QDate from, QDate to);
    QString describe() const;
    static DateRange presetRange(Preset preset, QDate todayUtc);

Q_SIGNALS:
    void changed();

private:
    QComboBox *m_preset;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QAction *m_fromAction;
    QAction *m_toAction;
    QComboBox *m_bucket;
};

} // namespace meterdesk
