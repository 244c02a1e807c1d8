#pragma once

#include "meterdesk_core_export.h"

#include <QDate>
#include <QString>

#include <optional>

namespace meterdesk {

// Whole UTC days, both ends included; a null end is open.
struct METERDESK_CORE_EXPORT DateRange
{
    QDate from;
    QDate to;

    bool isAllTime() const { return from.isNull() && to.isNull(); }
    bool contains(QDate day) const
    {
        return (from.isNull() || day >= from) && (to.isNull() || day <= to);
    }
    // The ends as the database compares them; an open end is the widest
    // bound there is. Days for the rollups ("0001-01-01", "9999-12-31"),
    // times for the log: [firstTime, endTime).
    QString firstDay() const;
    QString lastDay() const;
    QString firstTime() const;
    QString endTime() const;

    // The period of the same length just before this one, for a
    // comparison; none for an open range.
    std::optional<DateRange> previous() const;

    static DateRange allTime() { return {}; }
    static DateRange lastDays(int days, QDate today);
    // "YYYY-MM-DD" for each end; empty text leaves that end open.
    static std::optional<DateRange> parse(const QString &from, const QString &to, QString *error);
};

// Days grouped for a chart: each day, each week from Monday, each month.
enum class Bucket { Day, Week, Month };

// The first day of the bucket that holds `day`.
METERDESK_CORE_EXPORT QDate bucketStart(QDate day, Bucket bucket);
// The last day of the bucket that holds `day`.
METERDESK_CORE_EXPORT QDate bucketEnd(QDate day, Bucket bucket);
// The bucket a range is best shown in: days up to ~3 months, then weeks,
// then months. An open end is taken from the data's first or last day.
METERDESK_CORE_EXPORT Bucket suggestedBucket(const DateRange &range, QDate firstDay, QDate lastDay);

} // namespace meterdesk
