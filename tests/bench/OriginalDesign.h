#pragma once

#include <storage/Database.h>
#include <money/PriceBook.h>
#include <queries/DateRange.h>
#include <queries/Rows.h>
#include <tracking/UsageEvent.h>

#include <optional>

// The original web app's way, reproduced as the benchmark's baseline: its
// admin routes summed the raw log on every load, and its writer recorded a
// call with three round trips (insert, read the stats row, write it back
// with a service_breakdown recomputed in the client), outside a transaction.
namespace OriginalDesign {

// What a dashboard load answered, for checking that both sides agree.
struct Totals
{
    qint64 requests = 0;
    double costUsd = 0;
    qint64 users = 0; // users with requests in the range
};

// The admin page's load: the overview, the per-user rows and the per-day
// series. For a range they are summed from the raw log, as the original
// routes had to; for all time the per-user rows come from the original's
// own api_usage_stats, as its admin page read them. Returns what the
// per-user rows add up to, or nothing and the error.
std::optional<Totals> loadDashboard(meterdesk::Database &db, const meterdesk::DateRange &range, QString *error);
// The SQL of the users route, for the sqlite3 command-line reference.
QString usersSql(const meterdesk::DateRange &range);
bool track(meterdesk::Database &db, const meterdesk::PriceBook &prices, const meterdesk::UsageEvent &event,
           QString *error);

} // namespace OriginalDesign
