#include "storage/Schema.h"

#include "storage/PriceNames.h"

#include <QFile>
#include <QRegularExpression>

namespace meterdesk::Schema {

namespace {

QString sqlResource(const QString &name)
{
    QFile file(QStringLiteral(":/meterdesk/sql/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing compiled-in SQL resource");
    return QString::fromUtf8(file.readAll());
}

// Splits a script of plain statements (no function bodies) on semicolons.
QStringList splitStatements(const QString &script)
{
    QString text = script;
    text.remove(QRegularExpression(QStringLiteral("--[^\n]*")));
    QStringList statements;
    for (const QString &part : text.split(u';')) {
        const QString statement = part.trimmed();
        if (!statement.isEmpty())
            statements << statement;
    }
    return statements;
}

// TRUNCATE skips row triggers: a statement trigger refuses it, the owner's
// TRUNCATE too.
QStringList auditNoTruncate()
{
    return {QStringLiteral("DROP TRIGGER IF EXISTS admin_audit_log_no_truncate ON admin_audit_log"),
            QStringLiteral("CREATE TRIGGER admin_audit_log_no_truncate BEFORE TRUNCATE ON admin_audit_log "
                           "FOR EACH STATEMENT EXECUTE FUNCTION meterdesk_audit_append_only()")};
}

// The admin's own prices (admin/PriceTable.h): one row per model and the
// day it takes effect; every writer and reader prices with them first.
QString priceTable(const Dialect &dialect)
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS meterdesk_prices (model %1 NOT NULL, effective_from %2 NOT NULL, "
                          "service %1, input_nanos bigint NOT NULL, output_nanos bigint NOT NULL, "
                          "cached_input_nanos bigint, cache_write_nanos bigint, tiers text NOT NULL DEFAULT '[]', "
                          "source %1 NOT NULL, set_by %1, "
                          "set_at %3 NOT NULL, PRIMARY KEY (model, effective_from))")
        .arg(dialect.textType(), dialect.dayType(), dialect.timestampType());
}

const QString RollupCounters = QStringLiteral(
    "requests bigint NOT NULL DEFAULT 0, input_tokens bigint NOT NULL DEFAULT 0, "
    "output_tokens bigint NOT NULL DEFAULT 0, cached_input_tokens bigint NOT NULL DEFAULT 0, "
    "cache_write_tokens bigint NOT NULL DEFAULT 0, tokens bigint NOT NULL DEFAULT 0, "
    "cost_nanos bigint NOT NULL DEFAULT 0, unpriced_requests bigint NOT NULL DEFAULT 0");

// Per day, service, model and endpoint (the feature, "" for none): totals
// and charts without a user scan. The endpoint came in schema 6.
QString dailyServiceTable(const Dialect &dialect)
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS api_usage_daily_service (day %1 NOT NULL, "
                          "service %2 NOT NULL, model %2 NOT NULL, endpoint %2 NOT NULL DEFAULT '', %3, "
                          "PRIMARY KEY (day, service, model, endpoint))%4")
        .arg(dialect.dayType(), dialect.textType(), RollupCounters, dialect.clusteredTable());
}

// The sums of a rollup's counters over log rows, in RollupCounters' order.
QString rollupSums(const Dialect &dialect)
{
    const QString unpriced = QStringLiteral("CASE WHEN priced = %1 THEN coalesce(request_count, 1) ELSE 0 END")
                                 .arg(dialect.boolean(false));
    return QStringLiteral("sum(coalesce(request_count, 1)), sum(input_tokens), sum(output_tokens), "
                          "sum(cached_input_tokens), sum(cache_write_tokens), "
                          "sum(input_tokens + output_tokens + cached_input_tokens + cache_write_tokens), "
                          "sum(cost_nanos), sum(%1)").arg(unpriced);
}

const QString RollupColumnList = QStringLiteral("requests, input_tokens, output_tokens, cached_input_tokens, "
                                                "cache_write_tokens, tokens, cost_nanos, unpriced_requests");

// api_usage_daily_service from the log.
QString fillDailyService(const Dialect &dialect)
{
    const QString dayOf = dialect.dayOf(QStringLiteral("timestamp"));
    const QString endpoint = rollupEndpointSql(QStringLiteral("endpoint"), QStringLiteral("model"));
    return QStringLiteral("INSERT INTO api_usage_daily_service (day, service, model, endpoint, %1) "
                          "SELECT %2, service, model, %3, %4 FROM api_usage_tracking "
                          "GROUP BY %2, service, model, %3").arg(RollupColumnList, dayOf, endpoint, rollupSums(dialect));
}

// Per week (from Monday), user and service, without the model: a range
// reads its whole weeks here and only the days at its ends from
// api_usage_daily. 30 days of 10M calls are 280,000 rows this way against
// 460,000 days. Schema 8.
QString weeklyTable(const Dialect &dialect, const QString &userKey)
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS api_usage_weekly (week %1 NOT NULL, user_id %2 NOT NULL%3, "
                          "service %2 NOT NULL, requests bigint NOT NULL DEFAULT 0, tokens bigint NOT NULL DEFAULT 0, "
                          "cost_nanos bigint NOT NULL DEFAULT 0, unpriced_requests bigint NOT NULL DEFAULT 0, "
                          "PRIMARY KEY (week, user_id, service))%4")
        .arg(dialect.dayType(), dialect.textType(), userKey, dialect.clusteredTable());
}

// api_usage_weekly from the log.
QString fillWeekly(const Dialect &dialect)
{
    const QString weekOf = dialect.weekOf(QStringLiteral("timestamp"));
    const QString unpriced = QStringLiteral("CASE WHEN priced = %1 THEN coalesce(request_count, 1) ELSE 0 END")
                                 .arg(dialect.boolean(false));
    return QStringLiteral("INSERT INTO api_usage_weekly (week, user_id, service, requests, tokens, cost_nanos, "
                          "unpriced_requests) SELECT %1, user_id, service, sum(coalesce(request_count, 1)), "
                          "sum(input_tokens + output_tokens + cached_input_tokens + cache_write_tokens), "
                          "sum(cost_nanos), sum(%2) FROM api_usage_tracking GROUP BY %1, user_id, service")
        .arg(weekOf, unpriced);
}

// On PostgreSQL the rollups keyed by a user forget a user deleted from the
// host's users table.
QString forgetUserFunction()
{
    return QStringLiteral("CREATE OR REPLACE FUNCTION meterdesk_forget_user() RETURNS trigger LANGUAGE plpgsql AS $$ "
                          "BEGIN DELETE FROM api_usage_daily WHERE user_id = OLD.id; "
                          "DELETE FROM api_usage_weekly WHERE user_id = OLD.id; "
                          "DELETE FROM api_usage_user_service WHERE user_id = OLD.id; RETURN OLD; END $$");
}

// On PostgreSQL the rows every call updates (its user's stats and
// per-service totals, and the day's and week's rollup rows) leave a tenth of
// each new page free, so that an update can put the row's new version in
// the same page without touching an index (a heap-only update). Measured
// on 50 batches of 1,000 calls, without the room and with it: the daily
// upsert 1,293 and 571 to 624 ms, the weekly 633 and 421 to 458, the
// per-service 545 and 366 to 411.
// SQLite rewrites a row in place and has no such setting.
QStringList roomForUpdates()
{
    QStringList statements;
    for (const char *table : {"api_usage_stats", "api_usage_user_service", "api_usage_daily", "api_usage_weekly",
                              "api_usage_daily_service"})
        statements << QStringLiteral("ALTER TABLE %1 SET (fillfactor = 90)").arg(QLatin1String(table));
    return statements;
}

// Tables and indexes Meterdesk adds; the same text serves both dialects.
QStringList meterdeskTables(const Dialect &dialect)
{
    const bool pg = dialect.isPostgres();
    const QString text = dialect.textType();
    const QString serial = dialect.serialKey();
    const QString day = dialect.dayType();
    const QString stamp = dialect.timestampType();
    const QString counters = QStringLiteral(
        "requests bigint NOT NULL DEFAULT 0, input_tokens bigint NOT NULL DEFAULT 0, "
        "output_tokens bigint NOT NULL DEFAULT 0, cached_input_tokens bigint NOT NULL DEFAULT 0, "
        "cache_write_tokens bigint NOT NULL DEFAULT 0, tokens bigint NOT NULL DEFAULT 0, "
        "cost_nanos bigint NOT NULL DEFAULT 0, unpriced_requests bigint NOT NULL DEFAULT 0");
    // On PostgreSQL the users table is the host's: a hand-edited database
    // may log usage of ids it does not hold, so the rollups carry no foreign
    // key there (a trigger forgets a deleted user instead).
    const QString userKey = pg ? QString() : QStringLiteral(" REFERENCES users(id) ON DELETE CASCADE");
    // SQLite keeps these tables in their key's b-tree alone: one b-tree less
    // for each upsert, and range and per-user reads come out in key order.
    const QString clustered = dialect.clusteredTable();
    return {
        // Per user, day, service and model: ranges and per-user views.
        QStringLiteral("CREATE TABLE IF NOT EXISTS api_usage_daily (day %1 NOT NULL, "
                       "user_id %2 NOT NULL%4, "
                       "service %2 NOT NULL, model %2 NOT NULL, %3, "
                       "PRIMARY KEY (day, user_id, service, model))%5").arg(day, text, counters, userKey, clustered),
        QStringLiteral("CREATE INDEX IF NOT EXISTS idx_api_usage_daily_user ON api_usage_daily(user_id, day)"),
        weeklyTable(dialect, userKey),
        dailyServiceTable(dialect),
        // Per user and service, all time: the truth behind service_breakdown.
        QStringLiteral("CREATE TABLE IF NOT EXISTS api_usage_user_service ("
                       "user_id %1 NOT NULL%2, "
                       "service %1 NOT NULL, requests bigint NOT NULL DEFAULT 0, "
                       "tokens bigint NOT NULL DEFAULT 0, cost_nanos bigint NOT NULL DEFAULT 0, "
                       "PRIMARY KEY (user_id, service))%3").arg(text, userKey, clustered),
        pg ? forgetUserFunction() : QStringLiteral("SELECT 1"),
        pg ? QStringLiteral("DROP TRIGGER IF EXISTS meterdesk_forget_user ON users") : QStringLiteral("SELECT 1"),
        pg ? QStringLiteral("CREATE TRIGGER meterdesk_forget_user AFTER DELETE ON users FOR EACH ROW "
                            "EXECUTE FUNCTION meterdesk_forget_user()")
           : QStringLiteral("SELECT 1"),
        // Append-only record of every admin action.
        QStringLiteral("CREATE TABLE IF NOT EXISTS admin_audit_log (id %1, "
                       "at %2 NOT NULL, actor_role %3, os_user %3, action %3 NOT NULL, "
                       "user_id %3 NOT NULL, old_value text, new_value text, reason text, prev_hash text, row_hash text)")
            .arg(serial, stamp, text),
        QStringLiteral("CREATE INDEX IF NOT EXISTS idx_admin_audit_log_user ON admin_audit_log(user_id, at)"),
        QStringLiteral("CREATE UNIQUE INDEX IF NOT EXISTS ux_api_usage_tracking_event_id ON api_usage_tracking(event_id)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS idx_api_usage_tracking_user_time ON api_usage_tracking(user_id, timestamp)"),
        // The audit log is append-only, for the table's owner too.
        pg ? QStringLiteral("CREATE OR REPLACE FUNCTION meterdesk_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS "
                            "$$ BEGIN RAISE EXCEPTION 'admin_audit_log is append-only'; END $$")
           : QStringLiteral("CREATE TRIGGER IF NOT EXISTS admin_audit_log_no_update BEFORE UPDATE ON admin_audit_log "
                            "BEGIN SELECT RAISE(ABORT, 'admin_audit_log is append-only'); END"),
        pg ? QStringLiteral("DROP TRIGGER IF EXISTS admin_audit_log_append_only ON admin_audit_log")
           : QStringLiteral("CREATE TRIGGER IF NOT EXISTS admin_audit_log_no_delete BEFORE DELETE ON admin_audit_log "
                            "BEGIN SELECT RAISE(ABORT, 'admin_audit_log is append-only'); END"),
        pg ? QStringLiteral("CREATE TRIGGER admin_audit_log_append_only BEFORE UPDATE OR DELETE ON admin_audit_log "
                            "FOR EACH ROW EXECUTE FUNCTION meterdesk_audit_append_only()")
           : QStringLiteral("SELECT 1"),
        pg ? auditNoTruncate().at(0) : QStringLiteral("SELECT 1"),
        pg ? auditNoTruncate().at(1) : QStringLiteral("SELECT 1"),
        priceTable(dialect),
        QStringLiteral("CREATE TABLE IF NOT EXISTS meterdesk_schema (id integer PRIMARY KEY CHECK (id = 1), "
                       "version integer NOT NULL, owns_users boolean NOT NULL, upgraded_at %1)").arg(stamp),
    };
}

QStringList sqliteSeedTables()
{
    return {
        // The seed's tables keyed by a user id are clustered by it (WITHOUT
        // ROWID): loading the users reads all three in the same id order.
        QStringLiteral("CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT, first_name TEXT, last_name TEXT) WITHOUT ROWID"),
        QStringLiteral(
            "CREATE TABLE api_usage_tracking (id INTEGER PRIMARY KEY, "
            "user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, service TEXT NOT NULL, "
            "endpoint TEXT, request_count INTEGER DEFAULT 1, tokens_used INTEGER DEFAULT 0, "
            "estimated_cost NUMERIC DEFAULT 0, "
            "timestamp TEXT DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')), metadata TEXT, "
            "event_id TEXT, model TEXT, input_tokens INTEGER, output_tokens INTEGER, "
            "cached_input_tokens INTEGER, cache_write_tokens INTEGER, cost_nanos INTEGER, "
            "priced INTEGER, writer INTEGER NOT NULL DEFAULT 0, service_tier TEXT)"),
        QStringLiteral(
            "CREATE TABLE api_usage_stats (user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE, "
            "total_requests INTEGER DEFAULT 0, total_cost NUMERIC DEFAULT 0, last_activity TEXT, "
            "is_blocked INTEGER DEFAULT 0, block_reason TEXT, risk_score INTEGER DEFAULT 0, "
            "service_breakdown TEXT, updated_at TEXT, total_tokens INTEGER NOT NULL DEFAULT 0, "
            "total_cost_nanos INTEGER NOT NULL DEFAULT 0, unpriced_requests INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID"),
        // No single-column user_id index: idx_api_usage_tracking_user_time
        // (user_id, timestamp) serves every lookup by user, at one b-tree
        // less per insert.
        QStringLiteral("CREATE INDEX idx_api_usage_tracking_timestamp ON api_usage_tracking(timestamp)"),
        QStringLiteral("CREATE INDEX idx_api_usage_tracking_service ON api_usage_tracking(service)"),
    };
}

} // namespace

QStringList slashScript(const QString &name)
{
    QStringList statements;
    for (const QString &part : sqlResource(name).split(QStringLiteral("\n/\n"))) {
        const QString statement = part.trimmed();
        if (!statement.isEmpty())
            statements << statement;
    }
    return statements;
}

QStringList seedTables()
{
    return splitStatements(sqlResource(QStringLiteral("seed-schema.postgres.sql")));
}

QString serviceBreakdown(const Dialect &dialect, const QString &userId)
{
    return QStringLiteral("(SELECT %1 FROM api_usage_user_service u WHERE u.user_id = %2)")
        .arg(dialect.serviceBreakdownAggregate(), userId);
}

QStringList create(const Dialect &dialect)
{
    if (dialect.isPostgres())
        return seedTables() + upgradeSeed(dialect);
    return sqliteSeedTables() + meterdeskTables(dialect) + guardrailTables(dialect);
}

QStringList upgradeSeed(const Dialect &dialect)
{
    if (!dialect.isPostgres()) // SQLite databases are only ever made by Meterdesk.
        return meterdeskTables(dialect);
    QStringList statements{
        // Widen, never narrow or rename: the seed's writer keeps working.
        QStringLiteral(
            "ALTER TABLE api_usage_tracking "
            "ALTER COLUMN tokens_used TYPE bigint, "
            "ALTER COLUMN estimated_cost TYPE numeric(20, 9), "
            "ADD COLUMN IF NOT EXISTS event_id varchar(255), "
            "ADD COLUMN IF NOT EXISTS model varchar(255), "
            "ADD COLUMN IF NOT EXISTS input_tokens bigint, "
            "ADD COLUMN IF NOT EXISTS output_tokens bigint, "
            "ADD COLUMN IF NOT EXISTS cached_input_tokens bigint, "
            "ADD COLUMN IF NOT EXISTS cache_write_tokens bigint, "
            "ADD COLUMN IF NOT EXISTS cost_nanos bigint, "
            "ADD COLUMN IF NOT EXISTS priced boolean, "
            "ADD COLUMN IF NOT EXISTS writer smallint NOT NULL DEFAULT 0, "
            "ADD COLUMN IF NOT EXISTS service_tier varchar(32)"),
        QStringLiteral(
            "ALTER TABLE api_usage_stats "
            "ALTER COLUMN total_cost TYPE numeric(20, 9), "
            "ADD COLUMN IF NOT EXISTS total_tokens bigint NOT NULL DEFAULT 0, "
            "ADD COLUMN IF NOT EXISTS total_cost_nanos bigint NOT NULL DEFAULT 0, "
            "ADD COLUMN IF NOT EXISTS unpriced_requests bigint NOT NULL DEFAULT 0"),
    };
    statements << meterdeskTables(dialect);
    statements << PriceNames::support() << legacyWriterSupport() << guardrailTables(dialect)
               << slashScript(QStringLiteral("live-notify.postgres.sql"))
               << roomForUpdates();
    // Copy model and tokens out of metadata for rows already written.
    statements << QStringLiteral(
        "UPDATE api_usage_tracking SET "
        "model = coalesce(model, nullif(metadata->>'model', ''), endpoint, ''), "
        "output_tokens = coalesce(output_tokens, meterdesk_token(metadata->'outputTokens'), 0), "
        "cached_input_tokens = coalesce(cached_input_tokens, meterdesk_token(metadata->'cachedInputTokens'), 0), "
        "cache_write_tokens = coalesce(cache_write_tokens, meterdesk_token(metadata->'cacheWriteTokens'), 0), "
        "input_tokens = coalesce(input_tokens, meterdesk_token(metadata->'inputTokens'), "
        "  greatest(coalesce(tokens_used, 0) - coalesce(meterdesk_token(metadata->'outputTokens'), 0), 0)), "
        "cost_nanos = coalesce(cost_nanos, round(coalesce(estimated_cost, 0) * 1000000000)::bigint) "
        "WHERE cost_nanos IS NULL OR model IS NULL");
    return statements;
}

QStringList upgrade(int fromVersion, const Dialect &dialect)
{
    QStringList statements;
    if (fromVersion < 2) {
        // The audit log becomes a hash chain from here on; older rows stay
        // as they are (nobody may rewrite them) and are reported unchained.
        const QString add = dialect.addColumnIfMissing();
        statements << QStringLiteral("ALTER TABLE admin_audit_log %1 prev_hash text").arg(add)
                   << QStringLiteral("ALTER TABLE admin_audit_log %1 row_hash text").arg(add);
        if (dialect.isPostgres())
            statements << auditNoTruncate();
    }
    if (fromVersion < 2 && dialect.isPostgres()) {
        statements << legacyWriterSupport();
        // Rows the original writer added under version 1 kept priced NULL
        // and were never counted as unpriced; they are now, as new ones are.
        const QString unpriced = QStringLiteral(
            "(SELECT CAST(timestamp AS date) AS day, user_id, service, model, sum(coalesce(request_count, 1)) AS n "
            "FROM api_usage_tracking WHERE priced IS NULL GROUP BY 1, 2, 3, 4)");
        statements << QStringLiteral("UPDATE api_usage_daily a SET unpriced_requests = a.unpriced_requests + x.n FROM %1 x "
                                     "WHERE a.day = x.day AND a.user_id = x.user_id AND a.service = x.service "
                                     "AND a.model = x.model").arg(unpriced)
                   << QStringLiteral("UPDATE api_usage_daily_service a SET unpriced_requests = a.unpriced_requests + x.n "
                                     "FROM (SELECT day, service, model, sum(n) AS n FROM %1 y GROUP BY 1, 2, 3) x "
                                     "WHERE a.day = x.day AND a.service = x.service AND a.model = x.model").arg(unpriced)
                   << QStringLiteral("UPDATE api_usage_stats a SET unpriced_requests = a.unpriced_requests + x.n "
                                     "FROM (SELECT user_id, sum(n) AS n FROM %1 y GROUP BY 1) x "
                                     "WHERE a.user_id = x.user_id").arg(unpriced)
                   << QStringLiteral("UPDATE api_usage_tracking SET priced = false WHERE priced IS NULL")
                   // Every stats row through the new trigger: breakdowns the
                   // original writer lost counts in are right again.
                   << QStringLiteral("UPDATE api_usage_stats SET updated_at = updated_at");
    }
    if (fromVersion < 3)
        statements << priceTable(dialect);
    // The book inside PostgreSQL, and the original writer's trigger priced
    // by it (Database::migrate fills the book and prices the old rows).
    if (fromVersion < 3 && dialect.isPostgres())
        statements << PriceNames::support() << legacyWriterSupport();
    if (fromVersion < 4)
        statements << guardrailTables(dialect);
    // The original writer's count trigger enforces budgets from schema 4 on.
    if (fromVersion < 4 && dialect.isPostgres())
        statements << legacyWriterSupport() << grantGuardrailsToExistingRoles();
    // Every writer notifies the dashboards that listen from schema 5 on.
    if (fromVersion < 5 && dialect.isPostgres())
        statements << slashScript(QStringLiteral("live-notify.postgres.sql"));
    // Schema 6: the per-day totals gain the endpoint (cost by feature),
    // filled again from the log. PostgreSQL keeps the table and its grants
    // and the original writer's count function learns the new key; SQLite
    // cannot change a key in place, so the table is made again.
    if (fromVersion < 6) {
        if (dialect.isPostgres())
            statements << QStringLiteral("ALTER TABLE api_usage_daily_service ADD COLUMN IF NOT EXISTS endpoint %1 NOT NULL "
                                         "DEFAULT ''").arg(dialect.textType())
                       << QStringLiteral("ALTER TABLE api_usage_daily_service DROP CONSTRAINT IF EXISTS api_usage_daily_service_pkey")
                       << QStringLiteral("DELETE FROM api_usage_daily_service")
                       << QStringLiteral("ALTER TABLE api_usage_daily_service ADD PRIMARY KEY (day, service, model, endpoint)")
                       << legacyCountFunction();
        else
            statements << QStringLiteral("DROP TABLE IF EXISTS api_usage_daily_service") << dailyServiceTable(dialect);
        statements << fillDailyService(dialect);
    }
    // Schema 7: the service tier a call was made on (batch, flex, priority;
    // NULL for the standard one), so a reprice prices it as it was billed.
    if (fromVersion < 7)
        statements << QStringLiteral("ALTER TABLE api_usage_tracking %1 service_tier %2")
                          .arg(dialect.addColumnIfMissing(), dialect.isPostgres() ? QStringLiteral("varchar(32)") : QStringLiteral("TEXT"));
    // Schema 8: the per-week totals (see weeklyTable), filled from the log;
    // on PostgreSQL the original writer's count function and the users'
    // delete trigger learn the table, the fill trigger skips Meterdesk's own
    // rows, and roles that may write the per-day
    // totals (writers and admins of an earlier `init --roles`) may write it.
    if (fromVersion < 8) {
        statements << weeklyTable(dialect, dialect.isPostgres() ? QString() : QStringLiteral(" REFERENCES users(id) ON DELETE CASCADE"))
                   << QStringLiteral("DELETE FROM api_usage_weekly") << fillWeekly(dialect);
        if (dialect.isPostgres())
            statements << QStringLiteral("ANALYZE api_usage_weekly") << legacyWriterSupport() << forgetUserFunction()
                       << QStringLiteral(
                              "DO $$ DECLARE r record; BEGIN FOR r IN SELECT DISTINCT grantee FROM "
                              "information_schema.role_table_grants WHERE table_name = 'api_usage_daily' AND "
                              "privilege_type = 'INSERT' AND grantee <> current_user AND grantee <> 'PUBLIC' LOOP "
                              "EXECUTE format('GRANT SELECT, INSERT, UPDATE ON api_usage_weekly TO %I', r.grantee); "
                              "END LOOP; END $$");
    }
    // Schema 9: room in each page for the updates of the rows every call
    // touches (roomForUpdates); pages already full keep none until rewritten.
    if (fromVersion < 9 && dialect.isPostgres())
        statements << roomForUpdates();
    return statements;
}

QStringList rebuildAggregates(const Dialect &dialect)
{
    const QString dayOf = dialect.dayOf(QStringLiteral("timestamp"));
    const QString unpriced = QStringLiteral("CASE WHEN priced = %1 THEN coalesce(request_count, 1) ELSE 0 END")
                                 .arg(dialect.boolean(false));
    const QString sums = QStringLiteral(
        "sum(coalesce(request_count, 1)), sum(input_tokens), sum(output_tokens), "
        "sum(cached_input_tokens), sum(cache_write_tokens), "
        "sum(input_tokens + output_tokens + cached_input_tokens + cache_write_tokens), "
        "sum(cost_nanos), sum(%1)").arg(unpriced);
    const QString columns = QStringLiteral(
        "requests, input_tokens, output_tokens, cached_input_tokens, cache_write_tokens, "
        "tokens, cost_nanos, unpriced_requests");
    const QString breakdown = serviceBreakdown(dialect);
    return {
        QStringLiteral("DELETE FROM api_usage_daily"),
        QStringLiteral("INSERT INTO api_usage_daily (day, user_id, service, model, %1) "
                       "SELECT %2, user_id, service, model, %3 FROM api_usage_tracking "
                       "GROUP BY %2, user_id, service, model").arg(columns, dayOf, sums),
        QStringLiteral("DELETE FROM api_usage_weekly"),
        fillWeekly(dialect),
        QStringLiteral("DELETE FROM api_usage_daily_service"),
        fillDailyService(dialect),
        QStringLiteral("DELETE FROM api_usage_user_service"),
        QStringLiteral("INSERT INTO api_usage_user_service (user_id, service, requests, tokens, cost_nanos) "
                       "SELECT user_id, service, sum(coalesce(request_count, 1)), "
                       "sum(input_tokens + output_tokens + cached_input_tokens + cache_write_tokens), "
                       "sum(cost_nanos) FROM api_usage_tracking GROUP BY user_id, service"),
        // The log is the truth: counters lost by the seed's read-modify-write
        // are repaired here. Block state and risk scores are kept.
        QStringLiteral("UPDATE api_usage_stats SET total_requests = 0, total_cost = 0, total_tokens = 0, "
                       "total_cost_nanos = 0, unpriced_requests = 0"),
        QStringLiteral("INSERT INTO api_usage_stats (user_id, total_requests, total_cost, total_tokens, "
                       "total_cost_nanos, unpriced_requests, last_activity, updated_at) "
                       "SELECT user_id, sum(coalesce(request_count, 1)), sum(cost_nanos) / 1000000000.0, "
                       "sum(input_tokens + output_tokens + cached_input_tokens + cache_write_tokens), "
                       "sum(cost_nanos), sum(%1), max(timestamp), CURRENT_TIMESTAMP "
                       "FROM api_usage_tracking WHERE true GROUP BY user_id "
                       "ON CONFLICT (user_id) DO UPDATE SET total_requests = excluded.total_requests, "
                       "total_cost = excluded.total_cost, total_tokens = excluded.total_tokens, "
                       "total_cost_nanos = excluded.total_cost_nanos, "
                       "unpriced_requests = excluded.unpriced_requests, "
                       "last_activity = excluded.last_activity").arg(unpriced),
        QStringLiteral("UPDATE api_usage_stats SET service_breakdown = %1").arg(breakdown),
    };
}

QStringView rollupEndpoint(QStringView endpoint, QStringView model)
{
    // Empty, never null: the column is NOT NULL, and '' is how SQL says none.
    return endpoint.isEmpty() || endpoint == model ? QStringView(u"") : endpoint;
}

QString rollupEndpointSql(const QString &endpoint, const QString &model)
{
    return QStringLiteral("CASE WHEN %1 IS NULL OR %1 = %2 THEN '' ELSE %1 END").arg(endpoint, model);
}

} // namespace meterdesk::Schema
