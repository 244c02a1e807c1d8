#include "money/PriceBook.h"

#include "money/WideInt.h"

#include <QAtomicInteger>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <limits>

namespace meterdesk {

namespace {

constexpr qint64 TokensPerMillion = 1'000'000;

// A price in the JSON is a decimal string ("0.075") or a number.
std::optional<qint64> readRate(const QJsonValue &value)
{
    std::optional<Money> money;
    if (value.isString())
        money = Money::fromDecimal(value.toString());
    else if (value.isDouble())
        money = Money::fromDecimal(QString::number(value.toDouble(), 'f', 9));
    if (!money || money->nanos() < 0)
        return std::nullopt;
    return money->nanos();
}

bool readRates(const QJsonObject &object, Rates *rates, const Rates *base, QString *error,
               const QString &where)
{
    const auto required = [&](const char *key, qint64 *out, std::optional<qint64> inherited) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull()) {
            if (inherited) {
                *out = *inherited;
                return true;
            }
            *error = where + QStringLiteral(": missing price \"%1\"").arg(QLatin1String(key));
            return false;
        }
        const auto rate = readRate(value);
        if (!rate) {
            *error = where + QStringLiteral(": bad price \"%1\"").arg(QLatin1String(key));
            return false;
        }
        *out = *rate;
        return true;
    };
    if (!required("input", &rates->input, base ? std::optional(base->input) : std::nullopt)
        || !required("output", &rates->output, base ? std::optional(base->output) : std::nullopt))
        return false;
    const auto optionalRate = [&](const char *key, std::optional<qint64> *out,
                                  std::optional<qint64> inherited) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull()) {
            *out = inherited;
            return true;
        }
        *out = readRate(value);
        if (!*out)
            *error = where + QStringLiteral(": bad price \"%1\"").arg(QLatin1String(key));
        return out->has_value();
    };
    return optionalRate("cachedInput", &rates->cachedInput,
                        base ? base->cachedInput : std::nullopt)
        && optionalRate("cacheWrite", &rates->cacheWrite, base ? base->cacheWrite : std::nullopt);
}

std::optional<ModelPrice> readModel(const QJsonObject &object, QString *error)
{
    ModelPrice model;
    model.model = object.value(u"model").toString().trimmed().toLower();
    model.service = object.value(u"service").toString().trimmed().toLower();
    if (model.model.isEmpty()) {
        *error = QStringLiteral("price book: a model entry has no \"model\" name");
        return std::nullopt;
    }
    const QString where = QStringLiteral("price book, model %1").arg(model.model);
    for (const QJsonValue &alias : object.value(u"aliases").toArray())
        model.aliases.append(alias.toString().trimmed().toLower());
    if (!readRates(object, &model.rates, nullptr, error, where))
        return std::nullopt;
    for (const QJsonValue &tierValue : object.value(u"tiers").toArray()) {
        const QJsonObject tierObject = tierValue.toObject();
        PriceTier tier;
        tier.aboveInputTokens = tierObject.value(u"aboveInputTokens").toInteger(-1);
        if (tier.aboveInputTokens < 0) {
            *error = where + QStringLiteral(": a tier needs \"aboveInputTokens\"");
            return std::nullopt;
        }
        if (!readRates(tierObject, &tier.rates, &model.rates, error, where))
            return std::nullopt;
        model.tiers.append(tier);
    }
    std::sort(model.tiers.begin(), model.tiers.end(),
              [](const PriceTier &a, const PriceTier &b) {
                  return a.aboveInputTokens < b.aboveInputTokens;
              });
    return model;
}

bool readBook(const QByteArray &json, QList<ModelPrice> *models, std::optional<Rates> *fallback,
              QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        *error = QStringLiteral("price book is not a JSON object: %1").arg(parseError.errorString());
        return false;
    }
    const QJsonObject root = document.object();
    if (root.contains(u"fallback")) {
        Rates rates;
        if (!readRates(root.value(u"fallback").toObject(), &rates, nullptr, error,
                       QStringLiteral("price book fallback")))
            return false;
        *fallback = rates;
    }
    for (const QJsonValue &value : root.value(u"models").toArray()) {
        auto model = readModel(value.toObject(), error);
        if (!model)
            return false;
        models->append(*model);
    }
    return true;
}

// Whether `name` continues `prefix` at a word boundary ("gpt-4o" in
// "gpt-4o-audio", but not "gpt-4" in "gpt-4.5-preview").
bool isPrefixAtBoundary(const QString &name, const QString &prefix)
{
    if (!name.startsWith(prefix))
        return false;
    if (name.size() == prefix.size())
        return true;
    const QChar next = name.at(prefix.size());
    return next == u'-' || next == u':' || next == u'@';
}

} // namespace

const PriceBook &PriceBook::builtIn()
{
    static const PriceBook book = [] {
        QFile file(QStringLiteral(":/meterdesk/pricing.json"));
        QString error;
        std::optional<PriceBook> loaded;
        if (file.open(QIODevice::ReadOnly))
            loaded = fromJson(file.readAll(), &error);
        Q_ASSERT_X(loaded, "PriceBook::builtIn", qPrintable(error));
        return loaded ? *loaded : PriceBook();
    }();
    return book;
}

std::optional<PriceBook> PriceBook::fromJson(const QByteArray &json, QString *error)
{
    PriceBook book;
    std::optional<Rates> fallback;
    if (!readBook(json, &book.m_models, &fallback, error))
        return std::nullopt;
    book.m_fallback = fallback.value_or(Rates{5 * Money::NanosPerDollar, 5 * Money::NanosPerDollar,
                                              std::nullopt, std::nullopt});
    book.reindex();
    return book;
}

bool PriceBook::merge(const QByteArray &overridesJson, QString *error)
{
    QList<ModelPrice> models;
    std::optional<Rates> fallback;
    if (!readBook(overridesJson, &models, &fallback, error))
        return false;
    if (fallback)
        m_fallback = *fallback;
    for (const ModelPrice &model : models) {
        const auto existing = m_byName.constFind(model.model);
        if (existing != m_byName.constEnd() && m_models[*existing].model == model.model)
            m_models[*existing] = model;
        else
            m_models.append(model);
    }
    reindex();
    return true;
}

bool PriceBook::mergeFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read price file %1: %2").arg(path, file.errorString());
        return false;
    }
    return merge(file.readAll(), error);
}

void PriceBook::reindex()
{
    static QAtomicInteger<quint64> generations;
    m_generation = generations.fetchAndAddRelaxed(1) + 1;
    m_byName.clear();
    // Aliases first, then model names, so a model's own name wins a clash.
    for (qsizetype i = 0; i < m_models.size(); ++i)
        for (const QString &alias : std::as_const(m_models[i].aliases))
            m_byName.insert(alias, i);
    for (qsizetype i = 0; i < m_models.size(); ++i)
        m_byName.insert(m_models[i].model, i);
}

QString PriceBook::normalizeModelName(QStringView model)
{
    static const QRegularExpression providerPrefix(
        QStringLiteral("^(openai|anthropic|gemini|google|models|vertex_ai|bedrock)/"));
    static const QRegularExpression snapshotSuffix(
        QStringLiteral("-(\\d{4}-\\d{2}-\\d{2}|\\d{8}|\\d{3,4}|latest)$"));
    QString name = model.trimmed().toString().toLower();
    // "openai/models/gpt-4o" has two prefixes.
    for (int i = 0; i < 2; ++i)
        name.remove(providerPrefix);
    name.remove(snapshotSuffix);
    return name;
}

const ModelPrice *PriceBook::findExact(const QString &name) const
{
    const auto it = m_byName.constFind(name);
    return it == m_byName.constEnd() ? nullptr : &m_models[*it];
}

const ModelPrice *PriceBook::find(QStringView model) const
{
    // Normalising a name costs regular expressions; a service sends the same
    // few names over and over. Each thread keeps its own answers, per book
    // generation, so no lock is taken.
    struct Cache
    {
        quint64 generation = 0;
        QHash<QString, qsizetype> index; // -1: unknown
    };
    thread_local Cache cache;
    if (cache.generation != m_generation) {
        cache.generation = m_generation;
        cache.index.clear();
    }
    const QString key = model.toString();
    if (const auto hit = cache.index.constFind(key); hit != cache.index.constEnd())
        return *hit < 0 ? nullptr : &m_models[*hit];
    const ModelPrice *found = findUncached(model);
    if (cache.index.size() < 4096)
        cache.index.insert(key, found ? found - m_models.constData() : -1);
    return found;
}

const ModelPrice *PriceBook::findUncached(QStringView model) const
{
    // A dated snapshot with its own price ("gpt-4o-2024-05-13") must be found
    // before its suffix is stripped.
    QString lowered = model.trimmed().toString().toLower();
    static const QRegularExpression providerPrefix(
        QStringLiteral("^(openai|anthropic|gemini|google|models|vertex_ai|bedrock)/"));
    for (int i = 0; i < 2; ++i)
        lowered.remove(providerPrefix);
    if (const ModelPrice *exact = findExact(lowered))
        return exact;
    const QString name = normalizeModelName(model);
    if (name.isEmpty())
        return nullptr;
    if (const ModelPrice *exact = findExact(name))
        return exact;
    const ModelPrice *best = nullptr;
    qsizetype bestLength = 0;
    for (auto it = m_byName.constBegin(); it != m_byName.constEnd(); ++it) {
        if (it.key().size() > bestLength && isPrefixAtBoundary(name, it.key())) {
            best = &m_models[it.value()];
            bestLength = it.key().size();
        }
    }
    return best;
}

const Rates &ratesFor(const ModelPrice &model, qint64 allInputTokens)
{
    const Rates *rates = &model.rates;
    for (const PriceTier &tier : model.tiers)
        if (allInputTokens > tier.aboveInputTokens)
            rates = &tier.rates;
    return *rates;
}

std::optional<Money> costAt(const Rates &rates, const TokenCounts &tokens)
{
    if (tokens.input < 0 || tokens.output < 0 || tokens.cachedInput < 0 || tokens.cacheWrite < 0)
        return std::nullopt;
    // tokens x nano-dollars-per-million can pass 2^63 (2^40 tokens at $60/1M
    // is 6.6e22), so the sum is kept in 128 bits and divided once at the end.
    const Int128 scaled = Int128(tokens.input) * rates.input
        + Int128(tokens.output) * rates.output
        + Int128(tokens.cachedInput) * rates.cachedInput.value_or(rates.input)
        + Int128(tokens.cacheWrite) * rates.cacheWrite.value_or(rates.input);
    const Int128 nanos = (scaled + TokensPerMillion / 2) / TokensPerMillion;
    if (nanos > std::numeric_limits<qint64>::max())
        return std::nullopt;
    return Money::fromNanos(qint64(nanos));
}

std::optional<PriceQuote> PriceBook::quote(QStringView model, const TokenCounts &tokens) const
{
    PriceQuote quote;
    const ModelPrice *price = find(model);
    // An unknown model bills every token, cached or not, at the fallback rate.
    const Rates fallbackRates{m_fallback.input, m_fallback.output, m_fallback.input,
                              m_fallback.input};
    const Rates *rates = &fallbackRates;
    if (price) {
        quote.priced = true;
        quote.matchedModel = price->model;
        rates = &ratesFor(*price, tokens.allInput());
        quote.longContext = rates != &price->rates;
    }
    const auto cost = costAt(*rates, tokens);
    if (!cost)
        return std::nullopt;
    quote.cost = *cost;
    return quote;
}

} // namespace meterdesk
