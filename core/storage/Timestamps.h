#pragma once

#include "meterdesk_core_export.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QString>
#include <QVariant>

namespace meterdesk {

// "2026-01-02 03:04:05.678": how timestamps are bound and stored (UTC).
METERDESK_CORE_EXPORT QString sqlTimestamp(const QDateTime &utc);
// Reads a timestamp column (text or driver date-time) as UTC.
METERDESK_CORE_EXPORT QDateTime utcFromSql(const QVariant &value);
// The same, from a text column's UTF-8 bytes; null bytes give a null time.
METERDESK_CORE_EXPORT QDateTime utcFromSqlText(QByteArrayView utf8);

} // namespace meterdesk
