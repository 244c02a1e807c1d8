#include "queries/Reports.h"

#include "queries/Csv.h"
#include "queries/Services.h"
#include "queries/UserColumns.h"
#include "storage/Timestamps.h"

#include <QMap>
#include <QSet>
#include <QSqlQuery>

namespace meterdesk::Reports {

namespace {

bool write(QIODevice &out, const QStringList &fields, QString *error)
{
    const QByteArray line = Csv::record(fields);
    if (out.write(line) == line.size())
        return true;
    *error = QStringLiteral("cannot write the report: %1").arg(out.errorString());
    return false;
}

QString number(qint64 value) { return QString::number(value); }
QString money(Money value) { return value.toString(6); }
QString text(const QString &value) { return Csv::field(value); }
QString stamp(const QDateTime &value)
{
    return value.isValid() ? value.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

QStringList orderedServices(const QStringList &present)
{
    QStringList ordered;
    for (const QString &service : knownServices())
        if (present.contains(service))
            ordered << service;
    QStringList rest;
    for (const QString &service : present)
        if (!knownServices().contains(service) && !rest.contains(service))
            rest << service;
    rest.sort();
    return ordered + rest;
}

QStringList servicesOf(const QList<UserRow> &rows)
{
    QSet<QString> services;
    for (const UserRow &row : rows)
        for (auto it = row.perService.cbegin(); it != row.perService.cend(); ++it)
            services.insert(it.key());
    return orderedServices(services.values());
}

bool writeUsersCsv(QIODevice &out, const QList<UserRow> &rows, QString *error)
{
    const QList<UserColumn> columns = userReportColumns(servicesOf(rows));
    QStringList header;
    for (const UserColumn &column : columns)
        header << text(column.csvName);
    if (!write(out, header, error))
        return false;
    for (const UserRow &row : rows) {
        QStringList fields;
        for (const UserColumn &column : columns)
            fields << (column.isNumeric() ? column.plainText(row) : text(column.plainText(row)));
        if (!write(out, fields, error))
            return false;
    }
    return true;
}

bool writeEventsCsv(Database &database, const DateRange &range, QIODevice &out, QString *error,
                    const std::function<void(qint64)> &progress)
{
    QSqlQuery query(database.sql());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id, timestamp, user_id, service, model, endpoint, input_tokens, output_tokens, "
        "cached_input_tokens, cache_write_tokens, cost_nanos, priced, event_id FROM api_usage_tracking "
        "WHERE timestamp >= ? AND timestamp < ? ORDER BY timestamp, id"));
    query.addBindValue(range.firstTime());
    query.addBindValue(range.endTime());
    if (!query.exec()) {
        *error = describe(query.lastError());
        return false;
    }
    if (!write(out,
               {QStringLiteral("id"), QStringLiteral("timestamp_utc"), QStringLiteral("user_id"),
                QStringLiteral("service"), QStringLiteral("model"), QStringLiteral("endpoint"),
                QStringLiteral("input_tokens"), QStringLiteral("output_tokens"),
                QStringLiteral("cached_input_tokens"), QStringLiteral("cache_write_tokens"),
                QStringLiteral("cost_usd"), QStringLiteral("priced"), QStringLiteral("event_id")},
               error))
        return false;
    qint64 count = 0;
    while (query.next()) {
        const QStringList fields{
            query.value(0).toString(), stamp(utcFromSql(query.value(1))), text(query.value(2).toString()),
            text(query.value(3).toString()), text(query.value(4).toString()), text(query.value(5).toString()),
            number(query.value(6).toLongLong()), number(query.value(7).toLongLong()),
            number(query.value(8).toLongLong()), number(query.value(9).toLongLong()),
            money(Money::fromNanos(query.value(10).toLongLong())),
            query.value(11).isNull() || query.value(11).toBool() ? QStringLiteral("yes") : QStringLiteral("no"),
            text(query.value(12).toString())};
        if (!write(out, fields, error))
            return false;
        if (progress && ++count % 10000 == 0)
            progress(count);
    }
    if (query.lastError().isValid()) {
        *error = describe(query.lastError());
        return false;
    }
    return true;
}

bool writeEndpointsCsv(Database &database, const DateRange &range, QIODevice &out, QString *error)
{
    QSqlQuery query(database.sql());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT day, service, model, endpoint, requests, tokens, cost_nanos FROM "
                                 "api_usage_daily_service WHERE day >= ? AND day <= ? ORDER BY day, endpoint, service, model"));
    query.addBindValue(range.firstDay());
    query.addBindValue(range.lastDay());
    if (!query.exec()) {
        *error = describe(query.lastError());
        return false;
    }
    if (!write(out,
               {QStringLiteral("day"), QStringLiteral("service"), QStringLiteral("model"), QStringLiteral("endpoint"),
                QStringLiteral("requests"), QStringLiteral("tokens"), QStringLiteral("cost_usd")},
               error))
        return false;
    while (query.next()) {
        const QVariant day = query.value(0);
        const QString endpoint = query.value(3).toString();
        if (!write(out,
                   {day.typeId() == QMetaType::QDate ? day.toDate().toString(Qt::ISODate) : day.toString().left(10),
                    text(query.value(1).toString()), text(query.value(2).toString()),
                    text(endpoint.isEmpty() ? QStringLiteral("(no endpoint)") : endpoint),
                    number(query.value(4).toLongLong()), number(query.value(5).toLongLong()),
                    money(Money::fromNanos(query.value(6).toLongLong()))},
                   error))
            return false;
    }
    return true;
}

bool writeDailyCsv(Database &database, const DateRange &range, QIODevice &out, QString *error)
{
    QSqlQuery query(database.sql());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT day, user_id, service, model, requests, input_tokens, output_tokens, cached_input_tokens, "
        "cache_write_tokens, cost_nanos, unpriced_requests FROM api_usage_daily WHERE day >= ? AND day <= ? "
        "ORDER BY day, user_id, service, model"));
    query.addBindValue(range.firstDay());
    query.addBindValue(range.lastDay());
    if (!query.exec()) {
        *error = describe(query.lastError());
        return false;
    }
    if (!write(out,
               {QStringLiteral("day"), QStringLiteral("user_id"), QStringLiteral("service"),
                QStringLiteral("model"), QStringLiteral("requests"), QStringLiteral("input_tokens"),
                QStringLiteral("output_tokens"), QStringLiteral("cached_input_tokens"),
                QStringLiteral("cache_write_tokens"), QStringLiteral("cost_usd"),
                QStringLiteral("unpriced_events")},
               error))
        return false;
    while (query.next()) {
        const QVariant day = query.value(0);
        const QString dayText = day.typeId() == QMetaType::QDate ? day.toDate().toString(Qt::ISODate)
                                                                 : day.toString().left(10);
        if (!write(out,
                   {dayText, text(query.value(1).toString()), text(query.value(2).toString()),
                    text(query.value(3).toString()), number(query.value(4).toLongLong()),
                    number(query.value(5).toLongLong()), number(query.value(6).toLongLong()),
                    number(query.value(7).toLongLong()), number(query.value(8).toLongLong()),
                    money(Money::fromNanos(query.value(9).toLongLong())), number(query.value(10).toLongLong())},
                   error))
            return false;
    }
    return true;
}

bool writeSeriesCsv(QIODevice &out, const QList<SeriesPoint> &points, QString *error)
{
    QStringList present;
    QMap<QDate, QMap<QString, Money>> byBucket;
    for (const SeriesPoint &point : points) {
        if (!present.contains(point.service))
            present << point.service;
        byBucket[point.bucketStart][point.service] += point.cost;
    }
    const QStringList services = orderedServices(present);
    QStringList header{QStringLiteral("bucket_start")};
    // By endpoint, "" is the calls that named none.
    for (const QString &service : services)
        header << text((service.isEmpty() ? QStringLiteral("(no endpoint)") : service) + QStringLiteral("_cost_usd"));
    header << QStringLiteral("total_cost_usd");
    if (!write(out, header, error))
        return false;
    for (auto it = byBucket.cbegin(); it != byBucket.cend(); ++it) {
        QStringList fields{it.key().toString(Qt::ISODate)};
        Money total;
        for (const QString &service : services) {
            total += it.value().value(service);
            fields << money(it.value().value(service));
        }
        fields << money(total);
        if (!write(out, fields, error))
            return false;
    }
    return true;
}

} // namespace meterdesk::Reports
