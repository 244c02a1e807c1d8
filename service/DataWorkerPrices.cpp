// The data thread's side of the Prices window: the models of a range with
// the price that bills each now, setting a price, and repricing.

#include "DataWorker.h"

#include <admin/PriceTable.h>
#include <admin/Repricer.h>
#include <queries/Queries.h>

#include <algorithm>

namespace meterdesk {

void DataWorker::loadPrices(const DateRange &range)
{
    QString error;
    if (!ensureConnected(&error)) {
        Q_EMIT pricesLoaded({}, error);
        return;
    }
    const auto costs = Queries(*m_db).costs(range, &error);
    const auto book = costs ? PriceTable(*m_db).book(PriceBook::builtIn(), &error) : std::nullopt;
    if (!costs || !book) {
        Q_EMIT pricesLoaded({}, error);
        return;
    }
    QList<ModelPriceRow> rows;
    for (const CostRow &cost : *costs) {
        ModelPriceRow row;
        row.service = cost.service;
        row.model = cost.model;
        row.calls = cost.requests;
        row.unpriced = cost.unpricedEvents;
        row.cost = cost.cost;
        const PriceMatch match = book->find(cost.model);
        if (match.price) {
            row.priced = true;
            row.matchedModel = match.price->model;
            row.source = match.price->sourceName;
            row.effectiveFrom = match.price->effectiveFrom;
            row.rates = match.price->rates;
        }
        rows << row;
    }
    // What needs a price first: the unpriced models, most calls first.
    std::stable_sort(rows.begin(), rows.end(), [](const ModelPriceRow &a, const ModelPriceRow &b) {
        if (a.priced != b.priced)
            return !a.priced;
        return a.calls > b.calls;
    });
    Q_EMIT pricesLoaded(rows, {});
}

void DataWorker::setPrice(const ModelPrice &price)
{
    QString error;
    const bool ok = ensureConnected(&error) && PriceTable(*m_db).set(price, &error);
    Q_EMIT priceSet(ok, error);
}

void DataWorker::reprice(const RepriceScope &scope, bool dryRun, std::shared_ptr<std::atomic<bool>> cancel)
{
    RepriceOutcome outcome{dryRun, scope, {}};
    if (!ensureConnected(&outcome.result.error)) {
        Q_EMIT repriced(outcome);
        return;
    }
    Repricer repricer(*m_db, PriceBook::builtIn());
    outcome.result = repricer.run(scope, dryRun, [&](qint64 done, qint64 total) {
        Q_EMIT repriceProgress(done, total);
        return !cancel || !cancel->load();
    });
    Q_EMIT repriced(outcome);
}

} // namespace meterdesk
