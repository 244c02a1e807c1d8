#pragma once

#include <Database.h>
#include <PriceBook.h>
#include <Queries.h>
#include <UsageEvent.h>

// The original web app's way, reproduced as the benchmark's baseline: its
// admin routes summed the raw log on every load, and its writer recorded a
// call with three round trips (insert, read the stats row, write it back
// with a service_breakdown recomputed in the client), outside a transaction.
namespace OriginalDesign {

// Overview, per-user rows and the per-day series, straight from the log.
// Returns the number of rows read, or -1 on error.
qint64 loadDashboard(meterdesk::Database &db, const meterdesk::DateRange &range, QString *error);
// The SQL of the users route, for the sqlite3 command-line reference.
QString usersSql(const meterdesk::DateRange &range);
bool track(meterdesk::Database &db, const meterdesk::PriceBook &prices, const meterdesk::UsageEvent &event,
           QString *error);

} // namespace OriginalDesign
