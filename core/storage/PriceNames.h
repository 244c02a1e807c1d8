#pragma once

#include <QString>
#include <QStringList>

namespace meterdesk {

class Database;
class PriceBook;

// PostgreSQL only: the price book inside the database (the table
// meterdesk_price_names and the function meterdesk_price_cost), so that the
// original web app's writer, through its trigger, is priced by the same book
// as Meterdesk's writers.
namespace PriceNames {

// The table and the functions (resources/sql/price-names.postgres.sql).
QStringList support();
// Replaces the table's rows with every name of `book` (its entries' names
// and aliases, with their sources, effective days and tiers) and its
// fallback; inside the caller's transaction.
bool sync(Database &db, const PriceBook &book, QString *error);
// Prices the original writer's rows (writer 0) again with the function;
// the caller rebuilds the aggregates after.
QString priceLegacyRows();

} // namespace PriceNames

} // namespace meterdesk
