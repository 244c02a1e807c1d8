#include "admin/PriceTable.h"

#include "admin/AdminActions.h"
#include "storage/PriceNames.h"
#include "storage/Timestamps.h"

#include <QSqlQuery>

namespace meterdesk {

namespace {

constexpr qint64 MaxNanosPerMillion = 10'000LL * Money::NanosPerDollar; // $10,000 per 1M tokens

QVariant optionalNanos(const std::optional<qint64> &nanos)
{
    return nanos ? QVariant(*nanos) : QVariant(QMetaType::fromType<qint64>());
}

QString describePrice(const Rates &rates)
{
    QString text = QStringLiteral("in %1 out %2").arg(Money::fromNanos(rates.input).toString(6),
                                                      Money::fromNanos(rates.output).toString(6));
    if (rates.cachedInput)
        text += QStringLiteral(" cached %1").arg(Money::fromNanos(*rates.cachedInput).toString(6));
    if (rates.cacheWrite)
        text += QStringLiteral(" cache-write %1").arg(Money::fromNanos(*rates.cacheWrite).toString(6));
    return text + QStringLiteral(" per 1M");
}

} // namespace

PriceTable::PriceTable(Database &database) : m_db(database) {}

QString PriceTable::check(const ModelPrice &price)
{
    const QString model = price.model.trimmed();
    if (model.isEmpty())
        return QStringLiteral("a price needs a model name");
    if (model.size() > 200)
        return QStringLiteral("a model name is at most 200 characters, not %1").arg(model.size());
    QList<std::optional<qint64>> rates{price.rates.input, price.rates.output, price.rates.cachedInput,
                                       price.rates.cacheWrite};
    for (const PriceTier &tier : price.tiers)
        rates << tier.rates.input << tier.rates.output << tier.rates.cachedInput << tier.rates.cacheWrite;
    for (const auto &rate : rates)
        if (rate && (*rate < 0 || *rate > MaxNanosPerMillion))
            return QStringLiteral("a price must be between $0 and $10,000 per 1M tokens");
    const QDate today = QDateTime::currentDateTimeUtc().date();
    if (price.effectiveFrom.isValid()
        && (price.effectiveFrom < QDate(2020, 1, 1) || price.effectiveFrom > today.addYears(1)))
        return QStringLiteral("the effective day must be between 2020-01-01 and a year from today, not %1")
            .arg(price.effectiveFrom.toString(Qt::ISODate));
    return {};
}

std::optional<QList<ModelPrice>> PriceTable::prices(QString *error)
{
    QSqlQuery query;
    if (!m_db.select(query,
                     QStringLiteral("SELECT model, effective_from, service, input_nanos, output_nanos, "
                                    "cached_input_nanos, cache_write_nanos, source, set_by, tiers FROM meterdesk_prices "
                                    "ORDER BY model, effective_from"),
                     {}, error))
        return std::nullopt;
    QList<ModelPrice> prices;
    while (query.next()) {
        ModelPrice price;
        price.model = query.value(0).toString();
        price.effectiveFrom = QDate::fromString(query.value(1).toString().left(10), Qt::ISODate);
        price.service = query.value(2).toString();
        price.rates.input = query.value(3).toLongLong();
        price.rates.output = query.value(4).toLongLong();
        if (!query.isNull(5))
            price.rates.cachedInput = query.value(5).toLongLong();
        if (!query.isNull(6))
            price.rates.cacheWrite = query.value(6).toLongLong();
        price.tiers = tiersFromJson(query.value(9).toString()).value_or(QList<PriceTier>());
        price.source = PriceSource::Admin;
        price.sourceName = query.value(8).toString().isEmpty()
            ? query.value(7).toString()
            : QStringLiteral("%1, set by %2").arg(query.value(7).toString(), query.value(8).toString());
        prices << price;
    }
    return prices;
}

std::optional<PriceBook> PriceTable::book(const PriceBook &base, QString *error)
{
    const auto own = prices(error);
    if (!own)
        return std::nullopt;
    PriceBook book = base;
    for (const ModelPrice &price : *own)
        book.add(price);
    return book;
}

bool PriceTable::write(const ModelPrice &price, QString *error)
{
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral(
        "INSERT INTO meterdesk_prices (model, effective_from, service, input_nanos, output_nanos, cached_input_nanos, "
        "cache_write_nanos, tiers, source, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (model, effective_from) DO UPDATE SET service = excluded.service, "
        "input_nanos = excluded.input_nanos, output_nanos = excluded.output_nanos, "
        "cached_input_nanos = excluded.cached_input_nanos, cache_write_nanos = excluded.cache_write_nanos, "
        "tiers = excluded.tiers, "
        "source = excluded.source, set_by = excluded.set_by, set_at = excluded.set_at"));
    query.addBindValue(price.model);
    query.addBindValue(price.effectiveFrom.toString(Qt::ISODate));
    query.addBindValue(price.service);
    query.addBindValue(price.rates.input);
    query.addBindValue(price.rates.output);
    query.addBindValue(optionalNanos(price.rates.cachedInput));
    query.addBindValue(optionalNanos(price.rates.cacheWrite));
    query.addBindValue(tiersToJson(price.tiers));
    query.addBindValue(price.sourceName);
    query.addBindValue(AdminActions::osUser());
    query.addBindValue(sqlTimestamp(QDateTime::currentDateTimeUtc()));
    if (query.exec())
        return true;
    *error = describe(query.lastError());
    return false;
}

bool PriceTable::publish(const PriceBook &after, QString *error)
{
    // On PostgreSQL the original writer's trigger prices from the book in
    // the database: it changes with the table, in the same transaction.
    return !m_db.isPostgres() || PriceNames::sync(m_db, after, error);
}

bool PriceTable::set(ModelPrice price, QString *error)
{
    price.model = price.model.trimmed().toLower();
    if (const QString problem = check(price); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    if (price.effectiveFrom.isNull())
        price.effectiveFrom = QDateTime::currentDateTimeUtc().date();
    if (price.sourceName.isEmpty())
        price.sourceName = QStringLiteral("admin");
    const auto current = book(PriceBook::builtIn(), error);
    if (!current)
        return false;
    const PriceMatch before = current->find(price.model, price.effectiveFrom);
    if (!m_db.begin(error))
        return false;
    AdminActions audit(m_db);
    const QString old = before.price ? describePrice(before.price->rates) : QStringLiteral("unpriced");
    // The book after the change, without reading the table again.
    PriceBook after = *current;
    ModelPrice added = price;
    added.source = PriceSource::Admin;
    after.add(added);
    if (!write(price, error) || !publish(after, error)
        || !audit.audit(QStringLiteral("price"), price.model, old, describePrice(price.rates),
                        QStringLiteral("from %1").arg(price.effectiveFrom.toString(Qt::ISODate)), error)) {
        m_db.rollback();
        return false;
    }
    return m_db.commit(error);
}

std::optional<int> PriceTable::setAll(const QList<ModelPrice> &prices, const QString &source, QString *error)
{
    const QDate today = QDateTime::currentDateTimeUtc().date();
    for (const ModelPrice &price : prices) {
        if (const QString problem = check(price); !problem.isEmpty()) {
            *error = QStringLiteral("%1: %2; nothing was imported").arg(price.model.left(80), problem);
            return std::nullopt;
        }
    }
    if (!m_db.begin(error))
        return std::nullopt;
    for (ModelPrice price : prices) {
        price.model = price.model.trimmed().toLower();
        price.sourceName = source;
        if (price.effectiveFrom.isNull())
            price.effectiveFrom = today;
        if (!write(price, error)) {
            m_db.rollback();
            return std::nullopt;
        }
    }
    AdminActions audit(m_db);
    const auto after = book(PriceBook::builtIn(), error);
    if (!after || !publish(*after, error) || !audit.audit(QStringLiteral("price import"), QStringLiteral("*"), {},
                     QStringLiteral("%1 prices").arg(prices.size()), source, error)) {
        m_db.rollback();
        return std::nullopt;
    }
    if (!m_db.commit(error))
        return std::nullopt;
    return int(prices.size());
}

} // namespace meterdesk
