// What keeps the original web app's writer counted and its admin page right
// after `meterctl init` upgraded its PostgreSQL database: the triggers on the
// log and on the stats row.
#include "LockOrder.h"
#include "Schema.h"

#include <QFile>

namespace meterdesk::Schema {

namespace {

// The rollups' counters, as the trigger's local variables provide them.
const char *const RollupColumns = "requests, input_tokens, output_tokens, cached_input_tokens, cache_write_tokens, "
                                  "tokens, cost_nanos, unpriced_requests";
const char *const RollupValues = "n, NEW.input_tokens, NEW.output_tokens, NEW.cached_input_tokens, "
                                 "NEW.cache_write_tokens, t, NEW.cost_nanos, u";

QString addingUpsert(const QString &table, const QString &keys, const QString &keyValues, const QString &columns,
                     const QString &values)
{
    QStringList sets;
    for (const QString &column : columns.split(QStringLiteral(", ")))
        sets << QStringLiteral("%1 = a.%1 + excluded.%1").arg(column);
    return QStringLiteral("  INSERT INTO %1 AS a (%2, %3)\n  VALUES (%4, %5)\n  ON CONFLICT (%2) DO UPDATE SET %6;\n")
        .arg(table, keys, columns, keyValues, values, sets.join(QStringLiteral(", ")));
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
        return addingUpsert(QStringLiteral("api_usage_stats"), QStringLiteral("user_id"), QStringLiteral("NEW.user_id"),
                            QStringLiteral("total_tokens, total_cost_nanos, unpriced_requests"),
                            QStringLiteral("t, NEW.cost_nanos, u"));
    case Aggregate::Daily:
        return addingUpsert(QStringLiteral("api_usage_daily"), QStringLiteral("day, user_id, service, model"),
                            QStringLiteral("NEW.timestamp::date, NEW.user_id, NEW.service, NEW.model"),
                            QLatin1String(RollupColumns), QLatin1String(RollupValues));
    case Aggregate::DailyService:
        return addingUpsert(QStringLiteral("api_usage_daily_service"), QStringLiteral("day, service, model"),
                            QStringLiteral("NEW.timestamp::date, NEW.service, NEW.model"),
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
               "BEGIN\n%1  RETURN NULL;\nEND\n$$")
        .arg(body);
}

QStringList legacyWriterSupport()
{
    QFile file(QStringLiteral(":/meterdesk/sql/legacy-writer.postgres.sql"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing compiled-in SQL resource");
    QStringList statements;
    for (const QString &part : QString::fromUtf8(file.readAll()).split(QStringLiteral("\n/\n"))) {
        const QString statement = part.trimmed();
        if (statement.isEmpty())
            continue;
        statements << statement;
        // The count function goes beside the fill function, before the
        // triggers that call them.
        if (statement.contains(QLatin1String("FUNCTION meterdesk_fill_legacy_row()")))
            statements << legacyCountFunction();
    }
    // The original writer still reads service_breakdown, changes it in
    // JavaScript and writes it back, and adds its own estimate to
    // total_cost: concurrent calls lost counts, and its admin page showed
    // them. Every write of a stats row now derives these columns from the
    // per-service totals in the same statement, after the row is locked; a
    // plpgsql statement sees what other writers committed meanwhile, and
    // every writer of those totals writes the stats row after them, so the
    // last write is always the truth.
    statements << QStringLiteral(
                      "CREATE OR REPLACE FUNCTION meterdesk_stats_truth() RETURNS trigger\n"
                      "LANGUAGE plpgsql AS $$\n"
                      "BEGIN\n"
                      "  SELECT coalesce(sum(requests), 0), coalesce(sum(cost_nanos), 0) / 1000000000.0\n"
                      "    INTO NEW.total_requests, NEW.total_cost\n"
                      "    FROM api_usage_user_service WHERE user_id = NEW.user_id;\n"
                      "  NEW.service_breakdown := %1;\n"
                      "  RETURN NEW;\n"
                      "END\n$$")
                      .arg(serviceBreakdown(Dialect::Postgres, QStringLiteral("NEW.user_id")))
               << QStringLiteral("DROP TRIGGER IF EXISTS meterdesk_stats_truth ON api_usage_stats")
               << QStringLiteral("CREATE TRIGGER meterdesk_stats_truth BEFORE INSERT OR UPDATE ON api_usage_stats "
                                 "FOR EACH ROW EXECUTE FUNCTION meterdesk_stats_truth()");
    return statements;
}

} // namespace meterdesk::Schema
