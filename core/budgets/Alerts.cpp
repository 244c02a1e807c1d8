#include "budgets/Alerts.h"

#include "storage/Timestamps.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace meterdesk {

QJsonObject Alert::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("at"), at.toString(Qt::ISODateWithMs)},
            {QStringLiteral("user"), userId},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("message"), message},
            {QStringLiteral("details"), details}};
}

Alerts::Alerts(Database &database) : m_db(database) {}

std::optional<bool> Alerts::raise(const Alert &alert, const QString &dedupe, QString *error)
{
    QSqlQuery query(m_db.sql());
    const QDateTime at = alert.at.isValid() ? alert.at : QDateTime::currentDateTimeUtc();
    if (!m_db.select(query,
                     QStringLiteral("INSERT INTO meterdesk_alerts (at, user_id, kind, message, details, dedupe) "
                                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe) DO NOTHING"),
                     {sqlTimestamp(at), alert.userId, alert.kind, alert.message,
                      QString::fromUtf8(QJsonDocument(alert.details).toJson(QJsonDocument::Compact)), dedupe},
                     error))
        return std::nullopt;
    return query.numRowsAffected() > 0;
}

std::optional<QList<Alert>> Alerts::list(qint64 afterId, const QDateTime &since, int limit, QString *error)
{
    QSqlQuery query(m_db.sql());
    if (!m_db.select(query,
                     QStringLiteral("SELECT id, at, user_id, kind, message, details FROM meterdesk_alerts "
                                    "WHERE id > ? AND at >= ? ORDER BY id LIMIT ?"),
                     {afterId, since.isValid() ? sqlTimestamp(since) : QStringLiteral("0001-01-01 00:00:00.000"), limit},
                     error))
        return std::nullopt;
    QList<Alert> alerts;
    while (query.next()) {
        Alert alert;
        alert.id = query.value(0).toLongLong();
        alert.at = utcFromSql(query.value(1));
        alert.userId = query.value(2).toString();
        alert.kind = query.value(3).toString();
        alert.message = query.value(4).toString();
        alert.details = QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object();
        alerts << alert;
    }
    return alerts;
}

std::optional<qint64> Alerts::cursor(const QString &name, QString *error)
{
    QSqlQuery query(m_db.sql());
    if (!m_db.select(query, QStringLiteral("SELECT last_id FROM meterdesk_alert_cursors WHERE name = ?"), {name}, error))
        return std::nullopt;
    return query.next() ? query.value(0).toLongLong() : 0;
}

bool Alerts::setCursor(const QString &name, qint64 lastId, QString *error)
{
    QSqlQuery query(m_db.sql());
    return m_db.select(query,
                       QStringLiteral("INSERT INTO meterdesk_alert_cursors (name, last_id) VALUES (?, ?) "
                                      "ON CONFLICT (name) DO UPDATE SET last_id = excluded.last_id"),
                       {name, lastId}, error);
}

} // namespace meterdesk
