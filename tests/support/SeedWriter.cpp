#include "SeedWriter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace meterdesk::test {

namespace {

bool failed(const QSqlQuery &query, QString *error)
{
    if (error)
        *error = describe(query.lastError());
    return false;
}

} // namespace

bool seedWriterTrack(Database &db, const QString &user, const QString &service, const QString &model, int input,
                     int output, double cost, QString *error)
{
    QSqlQuery insert(db.sql());
    insert.prepare(QStringLiteral(
        "INSERT INTO api_usage_tracking (user_id, service, endpoint, request_count, tokens_used, estimated_cost, "
        "timestamp, metadata) VALUES (?, ?, ?, 1, ?, ?, now(), CAST(? AS jsonb))"));
    insert.addBindValue(user);
    insert.addBindValue(service);
    insert.addBindValue(model);
    insert.addBindValue(input + output);
    insert.addBindValue(cost);
    insert.addBindValue(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("model"), model},
                                                                    {QStringLiteral("inputTokens"), input},
                                                                    {QStringLiteral("outputTokens"), output}})
                                              .toJson(QJsonDocument::Compact)));
    if (!insert.exec())
        return failed(insert, error);
    QSqlQuery read(db.sql());
    read.prepare(QStringLiteral("SELECT service_breakdown FROM api_usage_stats WHERE user_id = ?"));
    read.addBindValue(user);
    if (!read.exec())
        return failed(read, error);
    const bool exists = read.next();
    QJsonObject breakdown = exists ? QJsonDocument::fromJson(read.value(0).toString().toUtf8()).object() : QJsonObject();
    read.finish();
    QJsonObject entry = breakdown.value(service).toObject();
    entry[QStringLiteral("requests")] = entry.value(QStringLiteral("requests")).toInt() + 1;
    entry[QStringLiteral("cost")] = entry.value(QStringLiteral("cost")).toDouble() + cost;
    entry[QStringLiteral("tokens")] = entry.value(QStringLiteral("tokens")).toInt() + input + output;
    breakdown[service] = entry;
    const QString json = QString::fromUtf8(QJsonDocument(breakdown).toJson(QJsonDocument::Compact));
    QSqlQuery write(db.sql());
    if (exists) {
        write.prepare(QStringLiteral(
            "UPDATE api_usage_stats SET total_requests = total_requests + 1, total_cost = total_cost + ?, "
            "last_activity = now(), service_breakdown = CAST(? AS jsonb), updated_at = now() WHERE user_id = ?"));
        write.addBindValue(cost);
        write.addBindValue(json);
        write.addBindValue(user);
    } else {
        write.prepare(QStringLiteral(
            "INSERT INTO api_usage_stats (user_id, total_requests, total_cost, last_activity, service_breakdown, "
            "updated_at) VALUES (?, 1, ?, now(), CAST(? AS jsonb), now())"));
        write.addBindValue(user);
        write.addBindValue(cost);
        write.addBindValue(json);
    }
    if (!write.exec())
        return failed(write, error);
    return true;
}

} // namespace meterdesk::test
