#include "budgets/GuardSettings.h"

#include <QSqlQuery>

namespace meterdesk {

namespace {
const QString RiskAlertLevel = QStringLiteral("risk_alert_level");
}

GuardSettings::GuardSettings(Database &database) : m_db(database) {}

std::optional<int> GuardSettings::riskAlertLevel(QString *error)
{
    QSqlQuery query(m_db.sql());
    if (!m_db.select(query, QStringLiteral("SELECT value FROM meterdesk_settings WHERE name = ?"), {RiskAlertLevel}, error))
        return std::nullopt;
    bool ok = false;
    const int level = query.next() ? query.value(0).toString().toInt(&ok) : DefaultRiskAlertLevel;
    return ok || !query.isValid() ? level : DefaultRiskAlertLevel;
}

ActionResult GuardSettings::setRiskAlertLevel(int level)
{
    ActionResult result;
    if (level < 0 || level > 100) {
        result.error = QStringLiteral("the risk alert level is a score from 1 to 100, or 0 for none, not %1").arg(level);
        return result;
    }
    const auto old = riskAlertLevel(&result.error);
    if (!old || !m_db.begin(&result.error, &result.failure))
        return result;
    QSqlQuery query(m_db.sql());
    if (!m_db.select(query,
                     QStringLiteral("INSERT INTO meterdesk_settings (name, value) VALUES (?, ?) "
                                    "ON CONFLICT (name) DO UPDATE SET value = excluded.value"),
                     {RiskAlertLevel, QString::number(level)}, &result.error)
        || !AdminActions(m_db).audit(QStringLiteral("setting"), RiskAlertLevel, QString::number(*old), QString::number(level),
                                     {}, &result.error)) {
        m_db.rollback();
        if (result.error.contains(QLatin1String("permission denied")))
            result.error = QStringLiteral("the database role \"%1\" may not change settings (permission denied)").arg(m_db.roleName());
        return result;
    }
    result.ok = m_db.commit(&result.error, &result.failure);
    return result;
}

} // namespace meterdesk
