#pragma once

#include "Measure.h"

#include <storage/Database.h>

// Recording rates against the original three-round-trip writer, on a fresh
// database with the users rows in place (the log's user_id references
// users): trackBatch at two batch sizes, and one event per call. Each side's
// rows and cost are checked against its input before a figure is given.
void measureRecording(meterdesk::Database &db, int record, int users, Fault fault, BenchReport &report);
