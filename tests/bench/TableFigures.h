#pragma once

#include "Measure.h"

#include <storage/Database.h>

// Sorting the users table by cost and searching it, through Meterdesk's
// proxy and through a plain QSortFilterProxyModel on the same raw values and
// the same fields (the baseline), with the same warm-up and median. The two
// must give the same order and the same rows.
void measureUsersTable(meterdesk::Database &db, Fault fault, BenchReport &report);
