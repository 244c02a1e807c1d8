#pragma once

#include "money/ModelNames.h"
#include "money/Money.h"
#include "meterdesk_core_export.h"

#include <QDate>
#include <QDateTime>
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

// Where a price comes from, in the order they are consulted for one name.
enum class PriceSource {
    Admin,   // the admin's own: the database's price table, or a --prices file
    Curated, // Meterdesk's table (resources/pricing.json)
    LiteLlm, // a LiteLLM-format price map (one is shipped, dated)
};

struct ModelPrice
{
    QString service;
    QString model;
    QStringList aliases;
    Rates rates;
    QList<PriceTier> tiers; // ascending thresholds
    PriceSource source = PriceSource::Curated;
    QString sourceName;  // what an admin is shown: "LiteLLM map 2026-07-24", ...
    QDate effectiveFrom; // null: in force for every call
};

struct PriceQuote
{
    Money cost;
    bool priced = false;      // false: the model is unknown, fallback rates used
    QString matchedModel;     // the price book entry used, empty when unpriced
    bool longContext = false; // a long-context tier applied
    MatchKind matchedBy = MatchKind::None;
    QString source;           // the entry's sourceName
    QDate effectiveFrom;
    // The service tier whose price applied ("batch", "flex"); empty for the
    // standard price, also when a tier was asked for that has no price of
    // its own here (priority).
    QString serviceTier;
};

// One name's price, and how the name reached it.
struct PriceMatch
{
    const ModelPrice *price = nullptr;
    MatchKind how = MatchKind::None;
};

// The price book: the admin's prices, Meterdesk's curated table and a
// LiteLLM-format map, consulted in that order for each name a request may
// be priced under (ModelNames.h); for each, the price in force on the day
// of the call.
class METERDESK_CORE_EXPORT PriceBook
{
public:
    // The built-in book: the curated table and the shipped LiteLLM map
    // (never fails: both are compiled in and tested).
    static const PriceBook &builtIn();
    // A book of Meterdesk's format alone (curated entries).
    static std::optional<PriceBook> fromJson(const QByteArray &json, QString *error);
    // Entries in Meterdesk's format, or a LiteLLM map (recognised by its
    // shape), added as `source`; an entry of the same model, source and
    // effective date is replaced.
    bool merge(const QByteArray &json, QString *error, PriceSource source = PriceSource::Admin,
               const QString &sourceName = QStringLiteral("price file"));
    bool mergeFile(const QString &path, QString *error);
    // One entry, as above.
    void add(ModelPrice price);

    // The price of a model name on a day (a null day: today), or none.
    PriceMatch find(QStringView model, QDate day = {}) const;
    // std::nullopt only when the cost does not fit in 64-bit nano-dollars
    // or a token count is negative. A null `at` prices at today's prices.
    // `serviceTier`: "batch" or "flex" prices at the provider's published
    // discount for it (tierShare), when the model's service has one.
    std::optional<PriceQuote> quote(QStringView model, const TokenCounts &tokens, const QDateTime &at = {},
                                    const QString &serviceTier = {}) const;
    // The share of the standard price a service charges on a tier, as a
    // fraction (1/2 for batch at OpenAI, Anthropic and Google, and for flex
    // at OpenAI); none when the tier has no published price.
    static std::optional<std::pair<int, int>> tierShare(const QString &service, const QString &serviceTier);
    Rates fallback() const { return m_fallback; }
    const QList<ModelPrice> &models() const { return m_models; }

private:
    void reindex();
    // The entries a requested name resolves to (source order, newest
    // first) and how, before the day is chosen.
    struct Resolution
    {
        QList<std::pair<qsizetype, MatchKind>> entries; // consulted in order
    };
    Resolution resolve(QStringView model) const;
    Resolution resolveUncached(QStringView model) const;

    QList<ModelPrice> m_models;
    QHash<QString, QList<qsizetype>> m_byName; // names and aliases -> entries, consulted in order
    Rates m_fallback;
    quint64 m_generation = 0; // changes whenever the entries do; keys find()'s cache
};

// Long-context tiers as the database keeps them: a JSON array of
// {"above", "input", "output", "cached"?, "write"?} in nano-dollars per 1M.
METERDESK_CORE_EXPORT QString tiersToJson(const QList<PriceTier> &tiers);
// The same, read back; std::nullopt when the text is not such an array.
METERDESK_CORE_EXPORT std::optional<QList<PriceTier>> tiersFromJson(const QString &json);

// Rates in effect for a call: the base rates or the tier its input reaches.
METERDESK_CORE_EXPORT const Rates &ratesFor(const ModelPrice &model, qint64 allInputTokens);
// Exact cost of `tokens` at `rates`, rounded once to the nano-dollar.
METERDESK_CORE_EXPORT std::optional<Money> costAt(const Rates &rates, const TokenCounts &tokens);

} // namespace meterdesk
