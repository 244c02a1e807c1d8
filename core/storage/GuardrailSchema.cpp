// The tables of budgets, reservations and alerts (core/budgets/), and the
// block state that tells an admin's block from a budget's.
#include "storage/Schema.h"

#include "storage/LockOrder.h"

namespace meterdesk::Schema {

QStringList guardrailTables(const Dialect &dialect, bool statsHasBlockSource)
{
    const QString text = dialect.textType();
    const QString stamp = dialect.timestampType();
    const QString serial = dialect.serialKey();
    QStringList statements;
    // NULL is an admin's block (or the original app's): only a budget's
    // block says so, with the end of the period that lifts it.
    if (!statsHasBlockSource)
        statements << QStringLiteral("ALTER TABLE api_usage_stats %1 block_source %2").arg(dialect.addColumnIfMissing(), text)
                   << QStringLiteral("ALTER TABLE api_usage_stats %1 block_until %2").arg(dialect.addColumnIfMissing(), stamp);
    statements
        // '' in user_id is every user, '' in service every service.
        << QStringLiteral("CREATE TABLE IF NOT EXISTS meterdesk_budgets (id %1, user_id %2 NOT NULL DEFAULT '', "
                          "service %2 NOT NULL DEFAULT '', metric %2 NOT NULL, period %2 NOT NULL, "
                          "limit_value bigint NOT NULL, soft_percent integer, set_by %2, set_at %3 NOT NULL, "
                          "UNIQUE (user_id, service, metric, period))").arg(serial, text, stamp)
        // A call's most it may cost, held against the budgets until the
        // call is recorded (Tracker settles it) or it expires.
        << QStringLiteral("CREATE TABLE IF NOT EXISTS meterdesk_reservations (id %1 PRIMARY KEY, user_id %1 NOT NULL, "
                          "service %1 NOT NULL, amount_nanos bigint NOT NULL, created_at %2 NOT NULL, "
                          "expires_at %2 NOT NULL)").arg(text, stamp)
        << QStringLiteral("CREATE INDEX IF NOT EXISTS idx_meterdesk_reservations_user ON meterdesk_reservations(user_id, expires_at)")
        // One alert per event worth an admin's eye; `dedupe` keeps a soft
        // threshold crossed by four writers at once one alert.
        << QStringLiteral("CREATE TABLE IF NOT EXISTS meterdesk_alerts (id %1, at %2 NOT NULL, user_id %3 NOT NULL, "
                          "kind %3 NOT NULL, message text NOT NULL, details text, dedupe %3 NOT NULL UNIQUE)")
               .arg(serial, stamp, text)
        // Guardrail settings every tool shares (the risk alert level).
        << QStringLiteral("CREATE TABLE IF NOT EXISTS meterdesk_settings (name %1 PRIMARY KEY, value text NOT NULL)").arg(text)
        // How far each `meterctl alerts --follow` has delivered.
        << QStringLiteral("CREATE TABLE IF NOT EXISTS meterdesk_alert_cursors (name %1 PRIMARY KEY, last_id bigint NOT NULL)")
               .arg(text);
    if (dialect.isPostgres()) {
        for (QString statement : slashScript(QStringLiteral("budget-blocks.postgres.sql"))) {
            QStringList lines = statement.split(u'\n');
            lines.removeIf([](const QString &line) { return line.startsWith(QLatin1String("--")); });
            statement = lines.join(u'\n').trimmed();
            statement.replace(QStringLiteral("%AUDIT_CHAIN_LOCK%"), QString::number(AuditChainLock));
            if (!statement.isEmpty())
                statements << statement;
        }
    }
    return statements;
}

namespace {

// What a writer may do with the guardrails: read budgets, raise alerts,
// hold reservations, and block for a budget through the functions alone.
QStringList writerGrants(const QString &role)
{
    return {
        QStringLiteral("GRANT SELECT ON meterdesk_budgets, meterdesk_alerts, meterdesk_settings TO %1").arg(role),
        QStringLiteral("GRANT INSERT ON meterdesk_alerts TO %1").arg(role),
        QStringLiteral("GRANT USAGE ON SEQUENCE meterdesk_alerts_id_seq TO %1").arg(role),
        QStringLiteral("GRANT SELECT, INSERT, DELETE ON meterdesk_reservations TO %1").arg(role),
        QStringLiteral("GRANT EXECUTE ON FUNCTION meterdesk_budget_block(text, text, timestamp, text, text, timestamp), "
                       "meterdesk_budget_lift(text, text, timestamp) TO %1").arg(role),
    };
}

// And what only an admin may: set budgets, follow alerts, and mark its own
// blocks as its own.
QStringList adminGrants(const QString &role)
{
    return {
        QStringLiteral("GRANT INSERT, UPDATE, DELETE ON meterdesk_budgets TO %1").arg(role),
        QStringLiteral("GRANT USAGE ON SEQUENCE meterdesk_budgets_id_seq TO %1").arg(role),
        QStringLiteral("GRANT SELECT, INSERT, UPDATE ON meterdesk_alert_cursors, meterdesk_settings TO %1").arg(role),
        QStringLiteral("GRANT INSERT (block_source, block_until) ON api_usage_stats TO %1").arg(role),
        QStringLiteral("GRANT UPDATE (block_source, block_until) ON api_usage_stats TO %1").arg(role),
    };
}

// A PL/pgSQL loop that grants `grants` to every role a query names.
QString grantLoop(const QString &roles, const QStringList &grants)
{
    QString body;
    for (QString grant : grants) {
        grant.replace(u'\'', QStringLiteral("''"));
        body += QStringLiteral("EXECUTE format('%1', r.grantee); ").arg(grant);
    }
    return QStringLiteral("FOR r IN %1 LOOP %2 END LOOP;").arg(roles, body);
}

} // namespace

QStringList guardrailRoles(const QString &writer, const QString &admin)
{
    return writerGrants(writer) + writerGrants(admin) + adminGrants(admin);
}

QStringList grantGuardrailsToExistingRoles()
{
    // Roles made by an earlier `init --roles`, whatever their names: a role
    // granted the log's INSERT directly is a writer, one granted
    // is_blocked's UPDATE an admin. Without this a writer could not read
    // the budgets after the upgrade, and would stop recording.
    const QString writers = QStringLiteral(
        "SELECT DISTINCT grantee FROM information_schema.role_table_grants WHERE table_name = 'api_usage_tracking' "
        "AND privilege_type = 'INSERT' AND grantee <> current_user AND grantee <> 'PUBLIC'");
    const QString admins = QStringLiteral(
        "SELECT DISTINCT grantee FROM information_schema.role_column_grants WHERE table_name = 'api_usage_stats' "
        "AND column_name = 'is_blocked' AND privilege_type = 'UPDATE' AND grantee <> current_user AND grantee <> 'PUBLIC'");
    return {QStringLiteral("DO $$ DECLARE r record; BEGIN %1 %2 END $$")
                .arg(grantLoop(writers, writerGrants(QStringLiteral("%1$I"))),
                     grantLoop(admins, adminGrants(QStringLiteral("%1$I"))))};
}

} // namespace meterdesk::Schema
