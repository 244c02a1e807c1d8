#pragma once

#include "ConnectionSpec.h"

#include <QStringList>

namespace meterdesk::Schema {

// A new database: the seed's tables (the contract) plus Meterdesk's columns,
// rollups and audit log, at the current schema version.
QStringList create(Dialect dialect);
// The seed's own tables, as its migration made them, upgraded in place:
// additive columns, widened cost columns, rollups, audit log, and (on
// PostgreSQL) triggers that keep rows from the seed's writer counted.
QStringList upgradeSeed(Dialect dialect);
// Rebuilds stats counters, per-service totals and both rollups from the log.
QStringList rebuildAggregates(Dialect dialect);
// The seed's DDL exactly as its migration ran it (PostgreSQL).
QStringList seedTables();

} // namespace meterdesk::Schema
