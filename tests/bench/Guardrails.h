#pragma once

#include "Measure.h"

#include <storage/Database.h>

// Suggested risk scores for every user: from the rollups (Meterdesk) and
// from the log alone (a log-only design, the original's), the same rules on
// both; the two must give every user the same score.
void measureRiskSuggestions(meterdesk::Database &db, BenchReport &report);
