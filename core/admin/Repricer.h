#pragma once

#include "money/Money.h"
#include "money/PriceBook.h"
#include "queries/DateRange.h"
#include "storage/Database.h"
#include "meterdesk_core_export.h"

#include <QString>

#include <functional>
#include <optional>

namespace meterdesk {

// Which recorded calls to price again.
struct RepriceScope
{
    QString model;   // the model name as recorded; empty: every model
    DateRange range; // the calls' days, UTC
};

struct RepriceResult
{
    bool ok = false;
    QString error;
    qint64 examined = 0; // calls in the scope
    qint64 changed = 0;  // calls whose cost or priced flag moved
    Money oldTotal;      // of the changed calls
    Money newTotal;
    qint64 nowPriced = 0;   // unpriced calls that the book now prices
    qint64 nowUnpriced = 0; // priced calls the book no longer knows
};

// Prices recorded calls again with the book (the database's own prices
// first), from their tokens, at the price in force on each call's day, and
// moves every aggregate (per-service totals, the stats row with its
// total_cost and service_breakdown, both rollups, the unpriced counts) by
// exactly the difference.
//
// It works in batches of calls in id order (20,000: each batch rewrites the
// stats row of every user it touches, so fewer batches write fewer rows), each one transaction that locks
// its log rows first and then the aggregates in the one lock order
// (LockOrder.h), with its own audit row. A call is moved from the cost it
// has to the cost it should have, so a run that is killed and started
// again, or two runs at once, change each call once; a writer recording
// meanwhile only adds to the aggregates and loses nothing.
class METERDESK_CORE_EXPORT Repricer
{
public:
    Repricer(Database &database, const PriceBook &prices);

    // `dryRun` reads and computes without writing. `progress(done, total)`
    // after each batch returns false to stop (the batches done stay done).
    RepriceResult run(const RepriceScope &scope, bool dryRun,
                      const std::function<bool(qint64, qint64)> &progress = {});

    static constexpr int BatchSize = 20000;

private:
    struct Change;
    bool applyBatch(const QList<Change> &changes, const RepriceScope &scope, QString *error);
    bool updateCalls(const QList<Change> &changes, QString *error);
    // Adds each row's differences (`sets`, reading v.columnN) to the row of
    // `table` its leading `keys` name.
    bool addToRows(const QString &table, const QStringList &keys, const QStringList &types, const QString &sets,
                   const QList<QVariantList> &rows, QString *error);

    Database &m_db;
    const PriceBook &m_prices;
};

} // namespace meterdesk
