// Timestamps as the database holds them: naive UTC text to the millisecond.
#include "storage/Timestamps.h"

#include "tracking/UsageEvent.h"

#include <QTimeZone>

#include <cstdio>

namespace meterdesk {

QString sqlTimestamp(const QDateTime &utc)
{
    // By hand: QDateTime::toString() was a tenth of the cost of recording.
    const QDateTime stamp = utc.timeSpec() == Qt::UTC ? utc : utc.toUTC();
    const QDate date = stamp.date();
    const QTime time = stamp.time();
    char buffer[32];
    const int length = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d:%02d.%03d", date.year(), date.month(),
                                     date.day(), time.hour(), time.minute(), time.second(), time.msec());
    return QString::fromLatin1(buffer, length);
}

namespace {

// Our own format, "2026-01-02 03:04:05.678", read by hand: the general ISO
// parser was half the time of loading 100,000 users. Null when the text is
// in some other form.
template <typename Text>
QDateTime parseSqlTimestamp(const Text &text)
{
    const auto at = [&](qsizetype i) -> char16_t {
        if constexpr (std::is_same_v<Text, QStringView>)
            return text[i].unicode();
        else
            return static_cast<unsigned char>(text[i]);
    };
    const auto digits = [&](int from, int count, int *out) {
        int number = 0;
        for (int i = from; i < from + count; ++i) {
            const char16_t c = at(i);
            if (c < u'0' || c > u'9')
                return false;
            number = number * 10 + (c - u'0');
        }
        *out = number;
        return true;
    };
    // PostgreSQL's own text has up to six digits of fraction; milliseconds
    // are what Meterdesk keeps.
    const int fraction = int(text.size()) - 20;
    int year, month, day, hour, minute, second, msec = 0, rest = 0;
    if ((text.size() == 19 || (fraction >= 1 && fraction <= 6)) && at(4) == u'-' && at(7) == u'-'
        && (at(10) == u' ' || at(10) == u'T') && at(13) == u':' && at(16) == u':' && digits(0, 4, &year)
        && digits(5, 2, &month) && digits(8, 2, &day) && digits(11, 2, &hour) && digits(14, 2, &minute)
        && digits(17, 2, &second)
        && (text.size() == 19
            || (at(19) == u'.' && digits(20, qMin(fraction, 3), &msec) && (fraction <= 3 || digits(23, fraction - 3, &rest))))) {
        for (int i = fraction; i > 0 && i < 3; ++i)
            msec *= 10; // ".5" is 500 ms
        // Qt::UTC, not QTimeZone::utc(): a time zone makes every QDateTime
        // allocate, and this runs once per user on every load.
        const QDateTime parsed(QDate(year, month, day), QTime(hour, minute, second, msec), Qt::UTC);
        if (parsed.isValid())
            return parsed;
    }
    return {};
}

} // namespace

QDateTime utcFromSql(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.typeId() == QMetaType::QDateTime) {
        const QDateTime stamp = value.toDateTime();
        // The columns are naive and hold UTC: keep the wall-clock fields.
        return QDateTime(stamp.date(), stamp.time(), QTimeZone::utc());
    }
    if (value.typeId() == QMetaType::QDate)
        return QDateTime(value.toDate(), QTime(0, 0), QTimeZone::utc());
    const QString text = value.toString();
    const QDateTime parsed = parseSqlTimestamp(QStringView(text));
    return parsed.isValid() ? parsed : parseUtcTimestamp(text);
}

QDateTime utcFromSqlText(QByteArrayView utf8)
{
    if (utf8.isNull())
        return {};
    const QDateTime parsed = parseSqlTimestamp(utf8);
    return parsed.isValid() ? parsed : parseUtcTimestamp(QString::fromUtf8(utf8));
}

} // namespace meterdesk
