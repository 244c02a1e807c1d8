#pragma once

#include "money/Money.h"
#include "meterdesk_core_export.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace meterdesk {

// Token counts of one call. They are disjoint: `input` is billed at the full
// input price, `cachedInput` at the cached-read price, `cacheWrite` at the
// cache-write price, `output` at the output price.
struct TokenCounts
{
    qint64 input = 0;
    qint64 output = 0;
    qint64 cachedInput = 0;
    qint64 cacheWrite = 0;

    qint64 allInput() const { return input + cachedInput + cacheWrite; }
    qint64 total() const { return allInput() + output; }
};

// Prices in nano-dollars per 1M tokens, so that $0.01875 stays exact.
struct Rates
{
    qint64 input = 0;
    qint64 output = 0;
    std::optional<qint64> cachedInput; // absent: billed at `input`
    std::optional<qint64> cacheWrite;  // absent: billed at `input`
};

struct PriceTier
{
    qint64 aboveInputTokens = 0; // applies when all input tokens exceed this
    Rates rates;
};

struct ModelPrice
{
    QString service;
    QString model;
    QStringList aliases;
    Rates rates;
    QList<PriceTier> tiers; // ascending thresholds
};

struct PriceQuote
{
    Money cost;
    bool priced = false;      // false: the model is unknown, fallback rates used
    QString matchedModel;     // the price book entry used, empty when unpriced
    bool longContext = false; // a long-context tier applied
};

// The price book: built-in prices from resources/pricing.json, optionally
// overridden or extended by a user file of the same format.
class METERDESK_CORE_EXPORT PriceBook
{
public:
    // The built-in book (never fails: it is compiled in and tested).
    static const PriceBook &builtIn();
    static std::optional<PriceBook> fromJson(const QByteArray &json, QString *error);
    // Entries of `overrides` replace or add to this book's entries.
    bool merge(const QByteArray &overridesJson, QString *error);
    bool mergeFile(const QString &path, QString *error);

    // Lowercase, provider prefix and snapshot suffix removed.
    static QString normalizeModelName(QStringView model);
    // The entry for a model name, or nullptr when unknown.
    const ModelPrice *find(QStringView model) const;
    // std::nullopt only when the cost does not fit in 64-bit nano-dollars
    // or a token count is negative.
    std::optional<PriceQuote> quote(QStringView model, const TokenCounts &tokens) const;
    Rates fallback() const { return m_fallback; }
    const QList<ModelPrice> &models() const { return m_models; }

private:
    void reindex();
    const ModelPrice *findExact(const QString &name) const;
    const ModelPrice *findUncached(QStringView model) const;

    QList<ModelPrice> m_models;
    QHash<QString, qsizetype> m_byName; // names and aliases -> index
    Rates m_fallback;
    quint64 m_generation = 0; // changes whenever the entries do; keys find()'s cache
};

// Rates in effect for a call: the base rates or the tier its input reaches.
METERDESK_CORE_EXPORT const Rates &ratesFor(const ModelPrice &model, qint64 allInputTokens);
// Exact cost of `tokens` at `rates`, rounded once to the nano-dollar.
METERDESK_CORE_EXPORT std::optional<Money> costAt(const Rates &rates, const TokenCounts &tokens);

} // namespace meterdesk
