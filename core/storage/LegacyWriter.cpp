// What keeps the original web app's writer counted and its admin page right
// after `meterctl init` upgraded its PostgreSQL database: the triggers on the
// log and on the stats row.
#include "storage/LockOrder.h"
#include "storage/Schema.h"


namespace meterdesk::Schema {

namespace {

// The rollups' counters, as the trigger's local variables provide them.
const char *const RollupColumns = "requests, input_tokens, output_tokens, cached_input_tokens, cache_write_tokens, "
                                  "tokens, cost_nanos, unpriced_requests";
const char *const RollupValues = "n, NEW.input_tokens, NEW.output_tokens, NEW.cached_input_tokens, "
                                 "NEW.cache_write_tokens, t, NEW.cost_nanos, u";

// INSERT ... ON CONFLICT DO UPDATE that adds `values` to `columns`; a new
// row also gets `newRowColumns` (not added to on conflict).
QString addingUpsert(const QString &table, const QString &keys, const QString &keyValues, const QString &columns,
                     const QString &values, const QString &newRowColumns = {}, const QString &newRowValues = {})
{
    QStringList sets;
    for (const QString &column : columns.split(QStringLiteral(", ")))
        sets << QStringLiteral("%1 = a.%1 + excluded.%1").arg(column);
    const QString extraColumns = newRowColumns.isEmpty() ? QString() : QStringLiteral(", ") + newRowColumns;
    const QString extraValues = newRowValues.isEmpty() ? QString() : QStringLiteral(", ") + newRowValues;
    return QStringLiteral("  INSERT INTO %1 AS a (%2, %3%7)\n  VALUES (%4, %5%8)\n  ON CONFLICT (%2) DO UPDATE SET %6;\n")
        .arg(table, keys, columns, keyValues, values, sets.join(QStringLiteral(", ")), extraColumns, extraValues);
}

// One aggregate's share of counting a row from the original writer. Its
// total_requests is left out: the stats row's own trigger derives it.
QString countInto(Aggregate aggregate)
{
    switch (aggregate) {
    case Aggregate::UserService:
        return addingUpsert(QStringLiteral("api_usage_user_service"), QStringLiteral("user_id, service"),
                            QStringLiteral("NEW.user_id, NEW.service"), QStringLiteral("requests, tokens, cost_nanos"),
                            QStringLiteral("n, t, NEW.cost_nanos"));
    case Aggregate::Stats:
        // A new row gets its derived columns here; an existing row's come
        // from its update trigger (below).
        return addingUpsert(QStringLiteral("api_usage_stats"), QStringLiteral("user_id"), QStringLiteral("NEW.user_id"),
                            QStringLiteral("total_tokens, total_cost_nanos, unpriced_requests"),
                            QStringLiteral("t, NEW.cost_nanos, u"),
                            QStringLiteral("total_requests, total_cost, service_breakdown"),
                            QStringLiteral("n, NEW.cost_nanos / 1000000000.0, %1")
                                .arg(serviceBreakdown(Dialect::of(Backend::Postgres), QStringLiteral("NEW.user_id"))));
    case Aggregate::Daily:
        return addingUpsert(QStringLiteral("api_usage_daily"), QStringLiteral("day, user_id, service, model"),
                            QStringLiteral("NEW.timestamp::date, NEW.user_id, NEW.service, NEW.model"),
                            QLatin1String(RollupColumns), QLatin1String(RollupValues));
    case Aggregate::Weekly:
        return addingUpsert(QStringLiteral("api_usage_weekly"), QStringLiteral("week, user_id, service"),
                            QStringLiteral("%1, NEW.user_id, NEW.service")
                                .arg(Dialect::of(Backend::Postgres).weekOf(QStringLiteral("NEW.timestamp"))),
                            QStringLiteral("requests, tokens, cost_nanos, unpriced_requests"),
                            QStringLiteral("n, t, NEW.cost_nanos, u"));
    case Aggregate::DailyService:
        return addingUpsert(QStringLiteral("api_usage_daily_service"), QStringLiteral("day, service, model, endpoint"),
                            QStringLiteral("NEW.timestamp::date, NEW.service, NEW.model, %1")
                                .arg(rollupEndpointSql(QStringLiteral("NEW.endpoint"), QStringLiteral("NEW.model"))),
                            QLatin1String(RollupColumns), QLatin1String(RollupValues));
    }
    return {};
}

} // namespace

QString legacyCountFunction()
{
    QString body;
    for (Aggregate aggregate : AggregateLockOrder)
        body += countInto(aggregate);
    return QStringLiteral(
               "CREATE OR REPLACE FUNCTION meterdesk_count_legacy_row() RETURNS trigger\n"
               "LANGUAGE plpgsql AS $$\n"
               "DECLARE\n"
               "  n bigint := coalesce(NEW.request_count, 1);\n"
               "  t bigint := NEW.input_tokens + NEW.output_tokens + NEW.cached_input_tokens + NEW.cache_write_tokens;\n"
               "  u bigint := CASE WHEN NEW.priced = false THEN coalesce(NEW.request_count, 1) ELSE 0 END;\n"
               "BEGIN\n%1"
               // Budgets for this writer's calls too (budget-blocks.postgres.sql).
               "  PERFORM meterdesk_enforce_budgets(NEW.user_id);\n"
               "  RETURN NULL;\nEND\n$$")
        .arg(body);
}

QStringList legacyWriterSupport()
{
    QStringList statements;
    for (const QString &statement : slashScript(QStringLiteral("legacy-writer.postgres.sql"))) {
        statements << statement;
        // The count function goes beside the fill function, before the
        // triggers that call them.
        if (statement.contains(QLatin1String("FUNCTION meterdesk_fill_legacy_row()")))
            statements << legacyCountFunction();
    }
    // The original writer still reads service_breakdown, changes it in
    // JavaScript and writes it back, and adds its own estimate to
    // total_cost: concurrent calls lost counts, and its admin page showed
    // them. Every update of a stats row now derives these columns from the
    // per-service totals in the same statement, after the row is locked; a
    // plpgsql statement sees what other writers committed meanwhile, and
    // every writer of those totals writes the stats row after them, so the
    // last write is always the truth. A new row is written with them by its
    // writer (Tracker, the count function above): the writer that lost the
    // race to insert it updates it after, through this trigger.
    statements << QStringLiteral(
                      "CREATE OR REPLACE FUNCTION meterdesk_stats_truth() RETURNS trigger\n"
                      "LANGUAGE plpgsql AS $$\n"
                      "BEGIN\n"
                      "  SELECT coalesce(sum(requests), 0), coalesce(sum(cost_nanos), 0) / 1000000000.0, %1\n"
                      "    INTO NEW.total_requests, NEW.total_cost, NEW.service_breakdown\n"
                      "    FROM api_usage_user_service WHERE user_id = NEW.user_id;\n"
                      "  RETURN NEW;\n"
                      "END\n$$")
                      .arg(Dialect::of(Backend::Postgres).serviceBreakdownAggregate())
               << QStringLiteral("DROP TRIGGER IF EXISTS meterdesk_stats_truth ON api_usage_stats")
               << QStringLiteral("CREATE TRIGGER meterdesk_stats_truth BEFORE UPDATE ON api_usage_stats "
                                 "FOR EACH ROW EXECUTE FUNCTION meterdesk_stats_truth()");
    return statements;
}

} // namespace meterdesk::Schema
