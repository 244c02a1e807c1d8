#pragma once

#include "Measure.h"

#include <storage/Database.h>

// Recording rates against the original three-round-trip writer, on a fresh
// database with the users rows in place (the log's user_id references
// users): trackBatch at two batch sizes, and one event per call. Each side's
// rows and cost are checked against its input before a figure is given.
// The original writer runs on `originalDb`, a connection to the same
// database as the original app would have it: on SQLite without Meterdesk's
// WAL buffer (WalBufferVfs.h), on PostgreSQL the same connection.
void measureRecording(meterdesk::Database &db, meterdesk::Database &originalDb, int record,
                      int users, Fault fault, BenchReport &report);
