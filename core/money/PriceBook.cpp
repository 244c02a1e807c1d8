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
    const QString from = object.value(u"effectiveFrom").toString();
    if (!from.isEmpty()) {
        model.effectiveFrom = QDate::fromString(from, Qt::ISODate);
        if (!model.effectiveFrom.isValid()) {
            *error = where + QStringLiteral(": \"effectiveFrom\" wants a date as YYYY-MM-DD");
            return std::nullopt;
        }
    }
    return model;
}

bool readBook(const QJsonObject &root, QList<ModelPrice> *models, std::optional<Rates> *fallback,
              QString *error)
{
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

// A LiteLLM map: an object of model names, each with per-token prices.
bool isLiteLlmMap(const QJsonObject &root)
{
    if (root.contains(u"models"))
        return false;
    for (auto it = root.constBegin(); it != root.constEnd(); ++it)
        if (it.value().toObject().contains(u"input_cost_per_token"))
            return true;
    return false;
}

// USD per token, as LiteLLM writes it (2.5e-06), to nano-dollars per 1M.
std::optional<qint64> perTokenRate(const QJsonValue &value)
{
    if (!value.isDouble() || value.toDouble() < 0)
        return std::nullopt;
    const auto money = Money::fromDecimal(QString::number(value.toDouble() * 1e6, 'f', 9));
    return money ? std::optional(money->nanos()) : std::nullopt;
}

QString serviceOfLiteLlm(const QString &model, const QString &provider)
{
    if (model.contains(u"claude"))
        return QStringLiteral("anthropic");
    if (model.contains(u"gemini") || model.contains(u"gemma") || provider.startsWith(u"vertex_ai-language"))
        return QStringLiteral("google");
    if (provider == u"openai" || provider == u"azure" || provider == u"text-completion-openai")
        return QStringLiteral("openai");
    return QStringLiteral("other");
}

// The entries of a LiteLLM map priced per token; others (per image, per
// second) are left out. Long-context prices ("..._above_200k_tokens")
// become tiers.
bool readLiteLlm(const QJsonObject &root, QList<ModelPrice> *models, QString *error)
{
    static const QRegularExpression above(QStringLiteral("^input_cost_per_token_above_(\\d+)k_tokens$"));
    for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
        const QJsonObject entry = it.value().toObject();
        const auto input = perTokenRate(entry.value(u"input_cost_per_token"));
        const auto output = perTokenRate(entry.value(u"output_cost_per_token"));
        if (!input || !output)
            continue;
        ModelPrice model;
        model.model = it.key().trimmed().toLower();
        if (model.model.isEmpty() || model.model.size() > 200)
            continue;
        model.service = serviceOfLiteLlm(model.model, entry.value(u"litellm_provider").toString());
        model.rates = {*input, *output, perTokenRate(entry.value(u"cache_read_input_token_cost")),
                       perTokenRate(entry.value(u"cache_creation_input_token_cost"))};
        for (auto field = entry.constBegin(); field != entry.constEnd(); ++field) {
            const QRegularExpressionMatch match = above.match(field.key());
            if (!match.hasMatch())
                continue;
            const QString suffix = QStringLiteral("_above_%1k_tokens").arg(match.captured(1));
            PriceTier tier;
            tier.aboveInputTokens = match.captured(1).toLongLong() * 1000;
            const auto tierInput = perTokenRate(field.value());
            const auto tierOutput = perTokenRate(entry.value(QStringLiteral("output_cost_per_token") + suffix));
            if (!tierInput)
                continue;
            tier.rates = {*tierInput, tierOutput.value_or(model.rates.output),
                          perTokenRate(entry.value(QStringLiteral("cache_read_input_token_cost") + suffix)),
                          perTokenRate(entry.value(QStringLiteral("cache_creation_input_token_cost") + suffix))};
            if (!tier.rates.cachedInput)
                tier.rates.cachedInput = model.rates.cachedInput;
            if (!tier.rates.cacheWrite)
                tier.rates.cacheWrite = model.rates.cacheWrite;
            model.tiers.append(tier);
        }
        std::sort(model.tiers.begin(), model.tiers.end(),
                  [](const PriceTier &a, const PriceTier &b) { return a.aboveInputTokens < b.aboveInputTokens; });
        models->append(model);
    }
    if (models->isEmpty()) {
        *error = QStringLiteral("the LiteLLM map has no entry priced per token");
        return false;
    }
    return true;
}

int rank(PriceSource source)
{
    return int(source);
}

} // namespace

const PriceBook &PriceBook::builtIn()
{
    static const PriceBook book = [] {
        QFile curated(QStringLiteral(":/meterdesk/pricing.json"));
        QFile map(QStringLiteral(":/meterdesk/prices/litellm-2026-07-24.json"));
        QString error;
        std::optional<PriceBook> loaded;
        if (curated.open(QIODevice::ReadOnly))
            loaded = fromJson(curated.readAll(), &error);
        const bool mapped = loaded && map.open(QIODevice::ReadOnly)
            && loaded->merge(map.readAll(), &error, PriceSource::LiteLlm, QStringLiteral("LiteLLM map 2026-07-24"));
        Q_ASSERT_X(loaded && mapped, "PriceBook::builtIn", qPrintable(error));
        return loaded ? *loaded : PriceBook();
    }();
    return book;
}

std::optional<PriceBook> PriceBook::fromJson(const QByteArray &json, QString *error)
{
    PriceBook book;
    book.m_fallback = Rates{5 * Money::NanosPerDollar, 5 * Money::NanosPerDollar, std::nullopt, std::nullopt};
    if (!book.merge(json, error, PriceSource::Curated, QStringLiteral("Meterdesk curated table")))
        return std::nullopt;
    return book;
}

bool PriceBook::merge(const QByteArray &json, QString *error, PriceSource source, const QString &sourceName)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        *error = QStringLiteral("price book is not a JSON object: %1").arg(parseError.errorString());
        return false;
    }
    QList<ModelPrice> models;
    std::optional<Rates> fallback;
    const QJsonObject root = document.object();
    if (isLiteLlmMap(root) ? !readLiteLlm(root, &models, error) : !readBook(root, &models, &fallback, error))
        return false;
    if (fallback)
        m_fallback = *fallback;
    const QString name = root.value(u"source").toString(sourceName);
    for (ModelPrice &model : models) {
        model.source = source;
        model.sourceName = name;
        add(std::move(model));
    }
    reindex();
    return true;
}

void PriceBook::add(ModelPrice price)
{
    for (ModelPrice &existing : m_models) {
        if (existing.model == price.model && existing.source == price.source
            && existing.effectiveFrom == price.effectiveFrom) {
            existing = std::move(price);
            reindex();
            return;
        }
    }
    m_models.append(std::move(price));
    reindex();
}

bool PriceBook::mergeFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read price file %1: %2").arg(path, file.errorString());
        return false;
    }
    return merge(file.readAll(), error, PriceSource::Admin, QStringLiteral("price file %1").arg(path));
}

void PriceBook::reindex()
{
    static QAtomicInteger<quint64> generations;
    m_generation = generations.fetchAndAddRelaxed(1) + 1;
    m_byName.clear();
    for (qsizetype i = 0; i < m_models.size(); ++i) {
        m_byName[m_models[i].model].append(i);
        for (const QString &alias : std::as_const(m_models[i].aliases))
            if (alias != m_models[i].model)
                m_byName[alias].append(i);
    }
    // For one name: the admin's prices, then the curated, then the map; in
    // each, the newest effective date first.
    for (auto it = m_byName.begin(); it != m_byName.end(); ++it)
        std::stable_sort(it->begin(), it->end(), [this](qsizetype a, qsizetype b) {
            const ModelPrice &x = m_models[a], &y = m_models[b];
            if (x.source != y.source)
                return rank(x.source) < rank(y.source);
            return x.effectiveFrom > y.effectiveFrom;
        });
}

PriceBook::Resolution PriceBook::resolve(QStringView model) const
{
    // Resolving a name builds its candidates with regular expressions; a
    // service sends the same few names over and over. Each thread keeps its
    // own answers, per book generation, so no lock is taken.
    struct Cache
    {
        quint64 generation = 0;
        QHash<QString, Resolution> answers;
    };
    thread_local Cache cache;
    if (cache.generation != m_generation) {
        cache.generation = m_generation;
        cache.answers.clear();
    }
    const QString key = model.toString();
    if (const auto hit = cache.answers.constFind(key); hit != cache.answers.constEnd())
        return *hit;
    const Resolution found = resolveUncached(model);
    if (cache.answers.size() < 4096)
        cache.answers.insert(key, found);
    return found;
}

PriceBook::Resolution PriceBook::resolveUncached(QStringView model) const
{
    // The admin's prices first, under any name the request may be priced
    // under: their word is final. Then, most specific name first, the
    // curated table's price, else the map's: a gateway's own spelling
    // (with its regional premium) before the provider's plain name.
    Resolution resolution;
    const QList<NameCandidate> candidates = modelNameCandidates(model);
    for (const bool admin : {true, false}) {
        for (const NameCandidate &candidate : candidates) {
            const auto it = m_byName.constFind(candidate.name);
            if (it == m_byName.constEnd())
                continue;
            bool found = false;
            for (qsizetype index : *it) {
                if ((m_models[index].source == PriceSource::Admin) != admin)
                    continue;
                resolution.entries.append({index, candidate.how});
                found = true;
            }
            if (found)
                break;
        }
    }
    return resolution;
}

PriceMatch PriceBook::find(QStringView model, QDate day) const
{
    const Resolution resolution = resolve(model);
    if (!day.isValid())
        day = QDateTime::currentDateTimeUtc().date();
    // The first source with a price in force that day; a source whose
    // prices all start later gives way to the next.
    for (const auto &[index, how] : resolution.entries) {
        const ModelPrice &price = m_models[index];
        if (price.effectiveFrom.isNull() || price.effectiveFrom <= day)
            return {&price, how};
    }
    return {};
}

QString tiersToJson(const QList<PriceTier> &tiers)
{
    QJsonArray array;
    for (const PriceTier &tier : tiers) {
        QJsonObject object{{QStringLiteral("above"), tier.aboveInputTokens},
                           {QStringLiteral("input"), tier.rates.input},
                           {QStringLiteral("output"), tier.rates.output}};
        if (tier.rates.cachedInput)
            object.insert(QStringLiteral("cached"), *tier.rates.cachedInput);
        if (tier.rates.cacheWrite)
            object.insert(QStringLiteral("write"), *tier.rates.cacheWrite);
        array.append(object);
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

std::optional<QList<PriceTier>> tiersFromJson(const QString &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8());
    if (!document.isArray())
        return std::nullopt;
    QList<PriceTier> tiers;
    for (const QJsonValue &value : document.array()) {
        const QJsonObject object = value.toObject();
        const auto optional = [&](const char *key) {
            return object.contains(QLatin1String(key)) ? std::optional(object.value(QLatin1String(key)).toInteger())
                                                       : std::nullopt;
        };
        tiers.append({object.value(u"above").toInteger(),
                      {object.value(u"input").toInteger(), object.value(u"output").toInteger(), optional("cached"),
                       optional("write")}});
    }
    return tiers;
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

std::optional<std::pair<int, int>> PriceBook::tierShare(const QString &service, const QString &serviceTier)
{
    // The providers' price pages: OpenAI's Batch API and flex processing,
    // Anthropic's Message Batches and Google's Gemini batch mode are half price.
    if (serviceTier == u"batch" && (service == u"openai" || service == u"anthropic" || service == u"google"))
        return std::pair{1, 2};
    if (serviceTier == u"flex" && service == u"openai")
        return std::pair{1, 2};
    return std::nullopt;
}

std::optional<PriceQuote> PriceBook::quote(QStringView model, const TokenCounts &tokens, const QDateTime &at,
                                           const QString &serviceTier) const
{
    PriceQuote quote;
    const PriceMatch match = find(model, at.isValid() ? at.toUTC().date() : QDate());
    const ModelPrice *price = match.price;
    // An unknown model bills every token, cached or not, at the fallback rate.
    const Rates fallbackRates{m_fallback.input, m_fallback.output, m_fallback.input,
                              m_fallback.input};
    const Rates *rates = &fallbackRates;
    if (price) {
        quote.priced = true;
        quote.matchedModel = price->model;
        quote.matchedBy = match.how;
        quote.source = price->sourceName;
        quote.effectiveFrom = price->effectiveFrom;
        rates = &ratesFor(*price, tokens.allInput());
        quote.longContext = rates != &price->rates;
    }
    const auto cost = costAt(*rates, tokens);
    if (!cost)
        return std::nullopt;
    quote.cost = *cost;
    if (price && !serviceTier.isEmpty()) {
        if (const auto share = tierShare(price->service, serviceTier)) {
            // The share of the exact standard cost, rounded half up to the nano-dollar.
            const qint64 nanos = cost->nanos();
            quote.cost = Money::fromNanos((nanos / share->second) * share->first
                                          + ((nanos % share->second) * share->first * 2 + share->second) / (2 * share->second));
            quote.serviceTier = serviceTier;
        }
    }
    return quote;
}

} // namespace meterdesk
