#pragma once

#include "Measure.h"

#include <storage/Database.h>

// Suggested risk scores for every user: from the rollups (Meterdesk) and
// from the log alone (a log-only design, the original's), the same rules on
// both; the two must give every user the same score.
void measureRiskSuggestions(meterdesk::Database &db, BenchReport &report);

// The users table's budget column for every user under a default budget of
// $50 a month (set for the measure, then removed), against one GROUP BY of
// the month's rollup rows; the two must agree on every user's use.
void measureBudgetColumn(meterdesk::Database &db, BenchReport &report);
