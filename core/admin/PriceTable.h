#pragma once

#include "money/PriceBook.h"
#include "storage/Database.h"
#include "meterdesk_core_export.h"

#include <QList>
#include <QString>

#include <optional>

namespace meterdesk {

// The admin's own prices, kept in the database (meterdesk_prices) so that
// the dashboard, meterctl, the trackers of every service and the original
// writer's trigger price with one book. Each price has the day it takes
// effect; a call is priced with the price in force on its day.
class METERDESK_CORE_EXPORT PriceTable
{
public:
    explicit PriceTable(Database &database);

    // The limits a price must keep: a model name of 1..200 characters, no
    // price over $10,000 per 1M tokens, an effective day from 2020-01-01 to a
    // year after today.
    static QString check(const ModelPrice &price);

    // Every price in the table, as PriceSource::Admin entries.
    std::optional<QList<ModelPrice>> prices(QString *error);
    // `base` with the table's prices added: the book every reader and
    // writer of this database uses.
    std::optional<PriceBook> book(const PriceBook &base, QString *error);
    // Adds or replaces the price of `price.model` from `price.effectiveFrom`
    // (today when null), and writes it to the audit log, in one transaction.
    bool set(ModelPrice price, QString *error);
    // Adds or replaces many prices at once (an imported map), in one
    // transaction; returns how many.
    std::optional<int> setAll(const QList<ModelPrice> &prices, const QString &source, QString *error);

private:
    bool write(const ModelPrice &price, QString *error);
    bool publish(const PriceBook &after, QString *error);

    Database &m_db;
};

} // namespace meterdesk
