#pragma once

#include "storage/Database.h"
#include "queries/Queries.h"
#include "meterdesk_core_export.h"

#include <QIODevice>
#include <QStringList>

#include <functional>

namespace meterdesk::Reports {

// Services in the order reports and tables show them: the seed's four first.
METERDESK_CORE_EXPORT QStringList orderedServices(const QStringList &present);
METERDESK_CORE_EXPORT QStringList servicesOf(const QList<UserRow> &rows);

// CSV (RFC 4180, UTF-8, formula cells neutralised) of the per-user rows.
METERDESK_CORE_EXPORT bool writeUsersCsv(QIODevice &out, const QList<UserRow> &rows, QString *error);
// Every event in the range, streamed from the log (it can be millions).
METERDESK_CORE_EXPORT bool writeEventsCsv(Database &database, const DateRange &range, QIODevice &out,
                                          QString *error, const std::function<void(qint64)> &progress = {});
// The daily rollup: day, user, service, model.
METERDESK_CORE_EXPORT bool writeDailyCsv(Database &database, const DateRange &range, QIODevice &out,
                                         QString *error);
// Cost by endpoint: day, service, model, endpoint ("(no endpoint)" for
// calls that named none).
METERDESK_CORE_EXPORT bool writeEndpointsCsv(Database &database, const DateRange &range, QIODevice &out,
                                             QString *error);
// The cost series: bucket, then one cost column per service.
METERDESK_CORE_EXPORT bool writeSeriesCsv(QIODevice &out, const QList<SeriesPoint> &points, QString *error);

} // namespace meterdesk::Reports
