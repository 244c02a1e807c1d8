#pragma once

#include "storage/Dialect.h"
#include "meterdesk_core_export.h"

#include <QStringList>

namespace meterdesk::Schema {

// A new database: the seed's tables (the contract) plus Meterdesk's columns,
// rollups and audit log, at the current schema version.
QStringList create(const Dialect &dialect);
// The seed's own tables, as its migration made them, upgraded in place:
// additive columns, widened cost columns, rollups, audit log, and (on
// PostgreSQL) triggers that keep rows from the seed's writer counted.
QStringList upgradeSeed(const Dialect &dialect);
// PostgreSQL: the triggers that count a row from the seed's writer in the
// aggregates, in their lock order (LockOrder.h), and that derive a stats
// row's total_requests, total_cost and service_breakdown from the
// per-service totals on every write of it.
QStringList legacyWriterSupport();
// The after-insert trigger function of the above, on its own for tests.
QString legacyCountFunction();
// A database of Meterdesk's own schema `fromVersion` brought to the current
// version.
QStringList upgrade(int fromVersion, const Dialect &dialect);
// Rebuilds stats counters, per-service totals and both rollups from the log.
METERDESK_CORE_EXPORT QStringList rebuildAggregates(const Dialect &dialect);
// The endpoint (feature) a call is counted under in the per-day totals:
// "" when none was given. The original writer stores the model as the
// endpoint when none is given (`endpoint || model`) and Tracker copies
// that, so an endpoint equal to the call's model is none too.
METERDESK_CORE_EXPORT QStringView rollupEndpoint(QStringView endpoint, QStringView model);
// The same rule in SQL over two columns (or NEW.x of a trigger).
QString rollupEndpointSql(const QString &endpoint, const QString &model);
// The seed's service_breakdown JSON of a stats row, rebuilt in SQL from the
// per-service totals (the truth behind it), for the user `userId` names:
// a column, or a `?` placeholder.
QString serviceBreakdown(const Dialect &dialect, const QString &userId = QStringLiteral("api_usage_stats.user_id"));
// A compiled-in script of statements with function bodies, one statement
// per part between lines holding a single slash ("sql/NAME").
QStringList slashScript(const QString &name);
// The seed's DDL exactly as its migration ran it (PostgreSQL).
QStringList seedTables();
// PostgreSQL group roles for least privilege: `writer` records events and
// may change only the counters of a stats row; `admin` may also block,
// unblock and set risk scores. Neither may change the audit log.
QStringList roles(const QString &database, const QString &writer, const QString &admin);

// Budgets, reservations and alerts (core/budgets/), and the stats row's
// block_source and block_until unless it has them; on PostgreSQL the
// functions through which a writer blocks for a budget.
QStringList guardrailTables(const Dialect &dialect, bool statsHasBlockSource = false);
// What the writer and admin roles may do with them.
QStringList guardrailRoles(const QString &writer, const QString &admin);
// The same for the roles an earlier `init --roles` made (upgrade to 4).
QStringList grantGuardrailsToExistingRoles();

} // namespace meterdesk::Schema
