#pragma once

// Values as the two drivers return them, read one way for both.

#include "money/Money.h"

#include <QDate>
#include <QDateTime>
#include <QVariant>

namespace meterdesk {

inline QDate dateFromSql(const QVariant &value)
{
    if (value.typeId() == QMetaType::QDate)
        return value.toDate();
    if (value.typeId() == QMetaType::QDateTime)
        return value.toDateTime().date();
    return QDate::fromString(value.toString().left(10), Qt::ISODate);
}

// Sums of bigint come back as numeric on PostgreSQL: read them as text.
inline qint64 toInt64(const QVariant &value)
{
    if (value.isNull())
        return 0;
    bool ok = false;
    const qint64 number = value.toString().toLongLong(&ok);
    return ok ? number : value.toLongLong();
}

inline Money toMoney(const QVariant &value) { return Money::fromNanos(toInt64(value)); }

} // namespace meterdesk
