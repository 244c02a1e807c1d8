#pragma once

#include "meterdesk_core_export.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace meterdesk::Csv {

// One RFC 4180 field: quoted when it holds a comma, quote, CR or LF. A text
// cell that a spreadsheet would run as a formula (it begins with =, +, -, @,
// tab or CR) is neutralised with a leading apostrophe. Numbers are passed
// with `isNumber` so that "-3" stays a number.
METERDESK_CORE_EXPORT QString field(const QString &value, bool isNumber = false);
// A CRLF-terminated record of already formatted fields.
METERDESK_CORE_EXPORT QByteArray record(const QStringList &fields);

} // namespace meterdesk::Csv
