#include "storage/PriceNames.h"

#include "money/PriceBook.h"
#include "storage/BulkStatement.h"
#include "storage/Database.h"
#include "storage/Schema.h"


namespace meterdesk::PriceNames {

namespace {

QVariant optionalNanos(const std::optional<qint64> &nanos)
{
    return nanos ? QVariant(*nanos) : QVariant(QMetaType::fromType<qint64>());
}

} // namespace

QStringList support()
{
    // Comment lines go: a part that is a comment alone is no statement.
    QStringList statements;
    for (const QString &part : Schema::slashScript(QStringLiteral("price-names.postgres.sql"))) {
        QStringList lines = part.split(u'\n');
        lines.removeIf([](const QString &line) { return line.startsWith(QLatin1String("--")); });
        const QString statement = lines.join(u'\n').trimmed();
        if (!statement.isEmpty())
            statements << statement;
    }
    return statements;
}

bool sync(Database &db, const PriceBook &book, QString *error)
{
    if (!db.exec(QStringLiteral("DELETE FROM meterdesk_price_names"), error))
        return false;
    BulkStatement insert(db.sql(),
                         QStringLiteral("INSERT INTO meterdesk_price_names (name, admin, rank, effective_from, model, "
                                        "input_nanos, output_nanos, cached_input_nanos, cache_write_nanos, tiers)"),
                         QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))"), QString(),
                         {QStringLiteral("varchar"), QStringLiteral("boolean"), QStringLiteral("integer"),
                          QStringLiteral("date"), QStringLiteral("varchar"), QStringLiteral("bigint"),
                          QStringLiteral("bigint"), QStringLiteral("bigint"), QStringLiteral("bigint"),
                          QStringLiteral("text")},
                         200);
    const Rates fallback = book.fallback();
    QList<QVariantList> rows{{QString(), false, 9, QStringLiteral("2000-01-01"), QString(), fallback.input,
                              fallback.output, QVariant(QMetaType::fromType<qint64>()),
                              QVariant(QMetaType::fromType<qint64>()), QStringLiteral("[]")}};
    for (const ModelPrice &price : book.models()) {
        const QString from = price.effectiveFrom.isNull() ? QStringLiteral("2000-01-01")
                                                          : price.effectiveFrom.toString(Qt::ISODate);
        const QString tiers = tiersToJson(price.tiers);
        QStringList names{price.model};
        for (const QString &alias : price.aliases)
            if (!names.contains(alias))
                names << alias;
        for (const QString &name : std::as_const(names))
            rows.append({name, price.source == PriceSource::Admin, int(price.source), from, price.model,
                         price.rates.input, price.rates.output, optionalNanos(price.rates.cachedInput),
                         optionalNanos(price.rates.cacheWrite), tiers});
    }
    QSqlError sqlError;
    if (insert.exec(rows, &sqlError))
        return true;
    *error = describe(sqlError);
    return false;
}

QString priceLegacyRows()
{
    return QStringLiteral(
        "UPDATE api_usage_tracking t SET cost_nanos = c.cost, priced = c.priced "
        "FROM (SELECT s.id, p.cost, p.priced FROM api_usage_tracking s CROSS JOIN LATERAL "
        "meterdesk_price_cost(s.model, s.timestamp, s.input_tokens, s.output_tokens, s.cached_input_tokens, "
        "s.cache_write_tokens) p WHERE s.writer = 0) c WHERE t.id = c.id");
}

} // namespace meterdesk::PriceNames
