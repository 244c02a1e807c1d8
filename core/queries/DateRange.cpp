#include "queries/DateRange.h"

namespace meterdesk {

QString DateRange::firstDay() const
{
    return from.isNull() ? QStringLiteral("0001-01-01") : from.toString(Qt::ISODate);
}

QString DateRange::lastDay() const
{
    return to.isNull() ? QStringLiteral("9999-12-31") : to.toString(Qt::ISODate);
}

QString DateRange::firstTime() const
{
    return firstDay() + QStringLiteral(" 00:00:00");
}

QString DateRange::endTime() const
{
    return to.isNull() ? QStringLiteral("9999-12-31 23:59:59") : to.addDays(1).toString(Qt::ISODate) + QStringLiteral(" 00:00:00");
}

std::optional<DateRange> DateRange::previous() const
{
    if (from.isNull() || to.isNull() || to < from)
        return std::nullopt;
    const qint64 length = from.daysTo(to) + 1;
    return DateRange{from.addDays(-length), from.addDays(-1)};
}

DateRange DateRange::lastDays(int days, QDate today)
{
    return {today.addDays(-(days - 1)), today};
}

std::optional<DateRange> DateRange::parse(const QString &from, const QString &to, QString *error)
{
    DateRange range;
    const auto read = [&](const QString &text, QDate *out, const char *name) {
        if (text.isEmpty())
            return true;
        *out = QDate::fromString(text, Qt::ISODate);
        if (!out->isValid())
            *error = QStringLiteral("--%1 wants a date as YYYY-MM-DD, not \"%2\"").arg(QLatin1String(name), text.left(40));
        return out->isValid();
    };
    if (!read(from, &range.from, "from") || !read(to, &range.to, "to"))
        return std::nullopt;
    if (!range.from.isNull() && !range.to.isNull() && range.from > range.to) {
        *error = QStringLiteral("--from %1 is after --to %2").arg(from, to);
        return std::nullopt;
    }
    return range;
}

QDate bucketStart(QDate day, Bucket bucket)
{
    switch (bucket) {
    case Bucket::Day:
        return day;
    case Bucket::Week:
        return day.addDays(1 - day.dayOfWeek()); // Monday
    case Bucket::Month:
        return QDate(day.year(), day.month(), 1);
    }
    return day;
}

QDate bucketEnd(QDate day, Bucket bucket)
{
    const QDate start = bucketStart(day, bucket);
    switch (bucket) {
    case Bucket::Day:
        return start;
    case Bucket::Week:
        return start.addDays(6);
    case Bucket::Month:
        return start.addMonths(1).addDays(-1);
    }
    return start;
}

Bucket suggestedBucket(const DateRange &range, QDate firstDay, QDate lastDay)
{
    const QDate from = range.from.isNull() ? firstDay : range.from;
    const QDate to = range.to.isNull() ? lastDay : range.to;
    const qint64 days = from.isValid() && to.isValid() ? from.daysTo(to) + 1 : 0;
    if (days <= 95)
        return Bucket::Day;
    return days <= 400 ? Bucket::Week : Bucket::Month;
}

} // namespace meterdesk
