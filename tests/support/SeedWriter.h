#pragma once

#include <storage/Database.h>

#include <QString>

namespace meterdesk::test {

// How the original web app's writer records one call, statement for
// statement (../shared/seed/schema.sql): insert into the log, read the stats
// row, recompute its service_breakdown in the client and write it back;
// each statement on its own (autocommit), no retry. False, with the
// driver's message in `error`, when any statement failed.
bool seedWriterTrack(Database &db, const QString &user, const QString &service, const QString &model, int input,
                     int output, double cost, QString *error = nullptr);

} // namespace meterdesk::test
