#pragma once

#include "Measure.h"

#include <queries/DateRange.h>
#include <storage/Database.h>

// A live update for one new call in the 30 days shown: the data thread's
// work (the feed's look and the re-read of one user's row, the range's costs
// and one day's points) against loading the dashboard again, and the UI
// thread's (that row in place in 100,000 sorted rows) against setting every
// row again. Each side's answer is checked against the other's.
void measureLiveUpdate(meterdesk::Database &db, const meterdesk::DateRange &range, QTextStream &out,
                       BenchReport &report);
