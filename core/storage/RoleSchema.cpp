// The PostgreSQL group roles of `meterctl init --roles`: least privilege
// for a writer and an admin, column by column on the seed's stats row.
#include "storage/Schema.h"

namespace meterdesk::Schema {

QStringList roles(const QString &database, const QString &writer, const QString &admin)
{
    const QString counters = QStringLiteral(
        "user_id, total_requests, total_cost, total_tokens, total_cost_nanos, unpriced_requests, last_activity, "
        "updated_at, service_breakdown");
    const QString counterUpdates = QStringLiteral(
        "total_requests, total_cost, total_tokens, total_cost_nanos, unpriced_requests, last_activity, updated_at, "
        "service_breakdown");
    QStringList statements;
    for (const QString &role : {writer, admin})
        statements << QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1') THEN "
                                     "CREATE ROLE %1 NOLOGIN; END IF; END $$").arg(role)
                   << QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(database, role)
                   << QStringLiteral("GRANT USAGE ON SCHEMA public TO %1").arg(role)
                   << QStringLiteral("GRANT SELECT ON users, api_usage_tracking, api_usage_stats, api_usage_daily, "
                                     "api_usage_weekly, api_usage_daily_service, api_usage_user_service, "
                                     "meterdesk_schema TO %1").arg(role)
                   << QStringLiteral("GRANT INSERT (id) ON users TO %1").arg(role)
                   << QStringLiteral("GRANT INSERT ON api_usage_tracking TO %1").arg(role)
                   << QStringLiteral("GRANT USAGE ON SEQUENCE api_usage_tracking_id_seq TO %1").arg(role)
                   << QStringLiteral("GRANT INSERT, UPDATE ON api_usage_daily, api_usage_weekly, "
                                     "api_usage_daily_service, api_usage_user_service TO %1").arg(role)
                   << QStringLiteral("GRANT INSERT (%1) ON api_usage_stats TO %2").arg(counters, role)
                   << QStringLiteral("GRANT UPDATE (%1) ON api_usage_stats TO %2").arg(counterUpdates, role);
    // Only the admin role changes block state and risk, and writes the audit log.
    statements << QStringLiteral("GRANT INSERT (is_blocked, block_reason, risk_score) ON api_usage_stats TO %1").arg(admin)
               << QStringLiteral("GRANT UPDATE (is_blocked, block_reason, risk_score) ON api_usage_stats TO %1").arg(admin)
               << QStringLiteral("GRANT SELECT, INSERT ON admin_audit_log TO %1").arg(admin)
               << QStringLiteral("GRANT USAGE ON SEQUENCE admin_audit_log_id_seq TO %1").arg(admin)
               // Everyone prices with the admin's prices; only the admin sets them.
               << QStringLiteral("GRANT SELECT ON meterdesk_prices TO %1, %2").arg(writer, admin)
               << QStringLiteral("GRANT INSERT, UPDATE, DELETE ON meterdesk_prices TO %1").arg(admin)
               << QStringLiteral("GRANT SELECT ON meterdesk_price_names TO %1, %2").arg(writer, admin)
               << QStringLiteral("GRANT INSERT, DELETE ON meterdesk_price_names TO %1").arg(admin);
    statements << guardrailRoles(writer, admin);
    return statements;
}

} // namespace meterdesk::Schema
