#pragma once

#include "DashboardData.h"

#include <storage/Database.h>

#include <QSet>

namespace meterdesk {

// What a live update reads for the shown range once the feed said what
// changed: the touched users' rows as a load would give them, their budget
// use, the range's totals (from its costs), the touched buckets of the chart whole, and the
// blocked count when admin actions came. Everything but the rows' places
// in the table (the worker knows those). The bench measures it as it is.
bool readLiveUpdate(Database &db, const DateRange &range, Bucket bucket, const QSet<QString> &touched,
                    const QSet<QDate> &days, LiveUpdate &update, QString *error);

} // namespace meterdesk
