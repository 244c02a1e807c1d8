#include "OriginalDesign.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

using namespace meterdesk;

namespace OriginalDesign {

namespace {

QString since(const DateRange &range)
{
    return range.from.isNull() ? QStringLiteral("0001-01-01 00:00:00") : range.from.toString(Qt::ISODate) + QStringLiteral(" 00:00:00");
}

} // namespace

QString usersSql(const DateRange &range)
{
    return QStringLiteral(
               "SELECT t.user_id, u.email, u.first_name, u.last_name, count(*), sum(t.estimated_cost), "
               "sum(t.tokens_used), max(t.timestamp), s.is_blocked, s.block_reason, s.risk_score, s.service_breakdown "
               "FROM api_usage_tracking t JOIN users u ON u.id = t.user_id "
               "LEFT JOIN api_usage_stats s ON s.user_id = t.user_id WHERE t.timestamp >= '%1' "
               "GROUP BY t.user_id, u.email, u.first_name, u.last_name, s.is_blocked, s.block_reason, s.risk_score, "
               "s.service_breakdown")
        .arg(since(range));
}

std::optional<Totals> loadDashboard(Database &db, const DateRange &range, QString *error)
{
    const bool pg = db.isPostgres();
    const QString day = pg ? QStringLiteral("CAST(timestamp AS date)") : QStringLiteral("date(timestamp)");
    const QString bound = since(range);
    const bool allTime = range.isAllTime();
    // Its per-user route: name, counters, block state, risk and breakdown.
    const QString users = allTime
        ? QStringLiteral("SELECT s.user_id, u.email, u.first_name, u.last_name, s.total_requests, s.total_cost, "
                         "s.total_tokens, s.last_activity, s.is_blocked, s.block_reason, s.risk_score, "
                         "s.service_breakdown FROM api_usage_stats s JOIN users u ON u.id = s.user_id "
                         "WHERE s.total_requests > 0")
        : usersSql(range).replace(QStringLiteral("'%1'").arg(bound), QStringLiteral("?"));
    const QStringList statements{
        allTime ? QStringLiteral("SELECT sum(total_requests), sum(total_cost), count(*) FROM api_usage_stats")
                : QStringLiteral("SELECT count(*), sum(estimated_cost), sum(tokens_used) FROM api_usage_tracking "
                                 "WHERE timestamp >= ?"),
        QStringLiteral("SELECT service, count(*), sum(estimated_cost), sum(tokens_used) FROM api_usage_tracking "
                       "WHERE timestamp >= ? GROUP BY service"),
        QStringLiteral("SELECT count(*) FROM api_usage_stats WHERE is_blocked = ?"),
        users,
        QStringLiteral("SELECT %1, service, sum(estimated_cost) FROM api_usage_tracking WHERE timestamp >= ? "
                       "GROUP BY %1, service").arg(day),
    };
    Totals totals;
    for (const QString &sql : statements) {
        QSqlQuery query(db.sql());
        query.setForwardOnly(true);
        query.prepare(sql);
        if (sql.contains(u'?'))
            query.addBindValue(sql.contains(u"is_blocked = ?") ? QVariant(true) : QVariant(bound));
        if (!query.exec()) {
            *error = query.lastError().text();
            return std::nullopt;
        }
        const bool perUser = sql == users;
        while (query.next()) {
            if (!perUser)
                continue;
            totals.requests += query.value(4).toLongLong();
            totals.costUsd += query.value(5).toDouble();
            ++totals.users;
        }
    }
    return totals;
}

bool track(Database &db, const PriceBook &prices, const UsageEvent &event, QString *error)
{
    const auto quote = prices.quote(event.model, event.tokens);
    const double cost = quote ? quote->cost.toDouble() : 0;
    const qint64 tokens = event.tokens.input + event.tokens.output;
    QSqlQuery insert(db.sql());
    insert.prepare(QStringLiteral("INSERT INTO api_usage_tracking (user_id, service, endpoint, request_count, tokens_used, "
                                  "estimated_cost, timestamp, metadata) VALUES (?, ?, ?, 1, ?, ?, CURRENT_TIMESTAMP, ?)"));
    insert.addBindValue(event.userId);
    insert.addBindValue(event.service);
    insert.addBindValue(event.model);
    insert.addBindValue(tokens);
    insert.addBindValue(cost);
    insert.addBindValue(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("model"), event.model},
                                                                    {QStringLiteral("inputTokens"), event.tokens.input},
                                                                    {QStringLiteral("outputTokens"), event.tokens.output}})
                                              .toJson(QJsonDocument::Compact)));
    QSqlQuery read(db.sql());
    read.prepare(QStringLiteral("SELECT service_breakdown FROM api_usage_stats WHERE user_id = ?"));
    read.addBindValue(event.userId);
    if (!insert.exec() || !read.exec()) {
        *error = insert.lastError().text() + read.lastError().text();
        return false;
    }
    const bool exists = read.next();
    QJsonObject breakdown = exists ? QJsonDocument::fromJson(read.value(0).toString().toUtf8()).object() : QJsonObject();
    QJsonObject entry = breakdown.value(event.service).toObject();
    entry[QStringLiteral("requests")] = entry.value(QStringLiteral("requests")).toInt() + 1;
    entry[QStringLiteral("cost")] = entry.value(QStringLiteral("cost")).toDouble() + cost;
    entry[QStringLiteral("tokens")] = entry.value(QStringLiteral("tokens")).toDouble() + double(tokens);
    breakdown[event.service] = entry;
    QSqlQuery write(db.sql());
    write.prepare(exists ? QStringLiteral("UPDATE api_usage_stats SET total_requests = total_requests + 1, "
                                          "total_cost = total_cost + ?, last_activity = CURRENT_TIMESTAMP, "
                                          "service_breakdown = ?, updated_at = CURRENT_TIMESTAMP WHERE user_id = ?")
                         : QStringLiteral("INSERT INTO api_usage_stats (total_requests, total_cost, last_activity, "
                                          "service_breakdown, updated_at, user_id) VALUES (1, ?, CURRENT_TIMESTAMP, ?, "
                                          "CURRENT_TIMESTAMP, ?)"));
    write.addBindValue(cost);
    write.addBindValue(QString::fromUtf8(QJsonDocument(breakdown).toJson(QJsonDocument::Compact)));
    write.addBindValue(event.userId);
    if (!write.exec()) {
        *error = write.lastError().text();
        return false;
    }
    return true;
}

} // namespace OriginalDesign
