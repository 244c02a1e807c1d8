#include "queries/Reconcile.h"

#include "queries/Csv.h"
#include "queries/SqlValues.h"
#include "money/WideInt.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QSqlError>
#include <QTimeZone>

#include <cmath>

namespace meterdesk::Reconcile {

namespace {

// A usage line without a model (a report not grouped by model).
const QString AllModels = QStringLiteral("(all models)");

// The JSON documents of a file: one, or several one after another (pages
// saved with `>>`). Strings are skipped, so braces inside them do not count.
QList<QByteArray> documentsOf(const QByteArray &text)
{
    QList<QByteArray> documents;
    int depth = 0;
    bool inString = false, escaped = false;
    qsizetype start = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{') {
            if (depth++ == 0)
                start = i;
        } else if (c == '}' && depth > 0 && --depth == 0) {
            documents << text.mid(start, i - start + 1);
        }
    }
    if (depth > 0 && start >= 0)
        documents << text.mid(start); // cut off: reported as unreadable
    return documents;
}

// A bucket's day: OpenAI gives Unix seconds, Anthropic RFC 3339 text.
QDate dayOf(const QJsonObject &bucket)
{
    const QJsonValue start = bucket.contains(u"start_time") ? bucket.value(u"start_time") : bucket.value(u"starting_at");
    if (start.isDouble())
        return QDateTime::fromSecsSinceEpoch(qint64(start.toDouble()), QTimeZone::utc()).date();
    return QDateTime::fromString(start.toString(), Qt::ISODate).toUTC().date();
}

qint64 integer(const QJsonValue &value)
{
    return value.isDouble() ? qint64(std::llround(value.toDouble())) : value.toString().toLongLong();
}

struct Reader
{
    Bill &bill;
    QSet<QByteArray> seenBuckets; // kind, day and results, as read: a bucket read twice counts once

    void readPage(const QJsonObject &page, const QString &where)
    {
        const QJsonArray buckets = page.value(u"data").toArray();
        if (!page.value(u"data").isArray()) {
            bill.problems << QStringLiteral("%1: not a cost or usage report page (no \"data\" list)").arg(where);
            return;
        }
        for (const QJsonValue &value : buckets) {
            const QJsonObject bucket = value.toObject();
            const QDate day = dayOf(bucket);
            if (!day.isValid()) {
                bill.problems << QStringLiteral("%1: a bucket without a start time, skipped").arg(where);
                continue;
            }
            const QJsonArray results = bucket.value(u"results").toArray();
            const QByteArray key = QJsonDocument(QJsonObject{{QStringLiteral("day"), day.toString(Qt::ISODate)},
                                                             {QStringLiteral("results"), results}})
                                       .toJson(QJsonDocument::Compact);
            if (seenBuckets.contains(key)) {
                bill.problems << QStringLiteral("%1: the bucket of %2 was read before (an overlapping or repeated page); "
                                                "counted once").arg(where, day.toString(Qt::ISODate));
                continue;
            }
            seenBuckets.insert(key);
            for (const QJsonValue &result : results)
                readResult(result.toObject(), day, where);
        }
    }

    void readResult(const QJsonObject &result, QDate day, const QString &where)
    {
        if (result.contains(u"amount")) { // a cost line
            QString currency;
            Money amount;
            if (result.value(u"amount").isObject()) { // OpenAI: {"value": dollars, "currency": "usd"}
                const QJsonObject value = result.value(u"amount").toObject();
                currency = value.value(u"currency").toString();
                amount = Money::fromDecimal(QString::number(value.value(u"value").toDouble(), 'f', 9)).value_or(Money());
            } else { // Anthropic: cents as a decimal string, beside "currency"
                currency = result.value(u"currency").toString();
                const auto cents = Money::fromDecimal(result.value(u"amount").toString());
                if (!cents) {
                    bill.problems << QStringLiteral("%1: the amount \"%2\" is not a number, skipped")
                                         .arg(where, result.value(u"amount").toString().left(40));
                    return;
                }
                amount = Money::fromNanos(cents->nanos() / 100);
            }
            if (currency.compare(QLatin1String("usd"), Qt::CaseInsensitive) != 0) {
                bill.problems << QStringLiteral("%1: a cost in %2 on %3, not US dollars, skipped")
                                     .arg(where, currency.isEmpty() ? QStringLiteral("no currency") : currency.left(8),
                                          day.toString(Qt::ISODate));
                return;
            }
            BilledDay &billed = bill.days[day]; // only now: a skipped line makes no day
            billed.cost += amount;
            billed.hasCost = true;
            const QString model = result.value(u"model").toString();
            if (!model.isEmpty()) {
                billed.models[model].cost += amount;
                billed.models[model].hasCost = true;
            }
            return;
        }
        const QString model = result.value(u"model").toString();
        if (model.isEmpty() && !result.contains(u"output_tokens"))
            return; // a usage line of another kind (images, audio…)
        BilledDay &billed = bill.days[day];
        BilledModel &usage = billed.models[model.isEmpty() ? AllModels : model];
        billed.hasTokens = true;
        usage.outputTokens += integer(result.value(u"output_tokens"));
        if (result.contains(u"uncached_input_tokens")) { // Anthropic
            usage.inputTokens += integer(result.value(u"uncached_input_tokens"));
            usage.cachedTokens += integer(result.value(u"cache_read_input_tokens"));
            const QJsonObject creation = result.value(u"cache_creation").toObject();
            usage.cacheWriteTokens += integer(creation.value(u"ephemeral_5m_input_tokens"))
                + integer(creation.value(u"ephemeral_1h_input_tokens"));
        } else { // OpenAI: input_tokens includes the cached ones
            const qint64 cached = integer(result.value(u"input_cached_tokens"));
            usage.inputTokens += integer(result.value(u"input_tokens")) - cached;
            usage.cachedTokens += cached;
            usage.requests += integer(result.value(u"num_model_requests"));
        }
    }
};

// What was tracked on one day under the service, per model.
struct TrackedModel
{
    qint64 calls = 0;
    qint64 tokens = 0;
    qint64 unpriced = 0;
    Money cost;
};

// A model's name without a trailing release date, for matching a bill's
// names with tracked ones.
QString baseName(const QString &model)
{
    static const QRegularExpression dated(QStringLiteral("-(\\d{4}-\\d{2}-\\d{2}|\\d{8})$"));
    QString base = model;
    base.remove(dated);
    return base;
}

// Past the share of the larger side: in whole numbers, as money is kept
// (128 bits, so no amount can overflow the product).
bool pastShare(qint64 a, qint64 b, const Options &options)
{
    const Int128 difference = a > b ? Int128(a) - b : Int128(b) - a;
    const Int128 larger = std::max(a < 0 ? -Int128(a) : Int128(a), b < 0 ? -Int128(b) : Int128(b));
    return difference * 10'000 > larger * options.toleranceBasisPoints;
}

bool far(Money a, Money b, const Options &options)
{
    const qint64 difference = a.nanos() > b.nanos() ? a.nanos() - b.nanos() : b.nanos() - a.nanos();
    return difference > options.toleranceUsd.nanos() && pastShare(a.nanos(), b.nanos(), options);
}

bool farTokens(qint64 a, qint64 b, const Options &options)
{
    return pastShare(a, b, options);
}

} // namespace

std::optional<Bill> readReports(const QString &provider, const QList<QByteArray> &files, QString *error)
{
    if (provider != u"openai" && provider != u"anthropic") {
        *error = QStringLiteral("--provider is openai or anthropic");
        return std::nullopt;
    }
    Bill bill;
    bill.provider = provider;
    Reader reader{bill, {}};
    for (qsizetype f = 0; f < files.size(); ++f) {
        const QList<QByteArray> documents = documentsOf(files[f]);
        if (documents.isEmpty())
            bill.problems << QStringLiteral("file %1: no JSON in it").arg(f + 1);
        for (qsizetype d = 0; d < documents.size(); ++d) {
            const QString where = QStringLiteral("file %1, page %2").arg(f + 1).arg(d + 1);
            QJsonParseError parseError;
            const QJsonDocument page = QJsonDocument::fromJson(documents[d], &parseError);
            if (!page.isObject()) {
                bill.problems << QStringLiteral("%1: not readable JSON (%2), skipped").arg(where, parseError.errorString());
                continue;
            }
            reader.readPage(page.object(), where);
        }
    }
    return bill;
}

std::optional<QList<DayRow>> compare(Database &database, const Bill &bill, const Options &options, QString *error)
{
    if (bill.days.isEmpty())
        return QList<DayRow>{};
    QSqlQuery query(database.sql());
    query.prepare(QStringLiteral("SELECT day, model, sum(requests), sum(tokens), sum(cost_nanos), sum(unpriced_requests) "
                                 "FROM api_usage_daily_service WHERE service = ? AND day >= ? AND day <= ? "
                                 "GROUP BY day, model"));
    query.addBindValue(bill.provider);
    query.addBindValue(bill.days.firstKey().toString(Qt::ISODate));
    query.addBindValue(bill.days.lastKey().toString(Qt::ISODate));
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    QMap<QDate, QMap<QString, TrackedModel>> tracked;
    while (query.next()) {
        TrackedModel &model = tracked[dateFromSql(query.value(0))][query.value(1).toString()];
        model.calls += toInt64(query.value(2));
        model.tokens += toInt64(query.value(3));
        model.cost += toMoney(query.value(4));
        model.unpriced += toInt64(query.value(5));
    }
    QList<DayRow> rows;
    for (auto it = bill.days.cbegin(); it != bill.days.cend(); ++it) {
        const BilledDay &billed = it.value();
        const QMap<QString, TrackedModel> models = tracked.value(it.key());
        DayRow row;
        row.day = it.key();
        row.billed = billed.cost;
        row.billedKnown = billed.hasCost;
        QStringList unpricedModels;
        qint64 unpricedCalls = 0;
        for (auto m = models.cbegin(); m != models.cend(); ++m) {
            row.tracked += m.value().cost;
            row.trackedTokens += m.value().tokens;
            row.trackedCalls += m.value().calls;
            if (m.value().unpriced > 0) {
                unpricedCalls += m.value().unpriced;
                unpricedModels << m.key();
            }
        }
        if (billed.hasTokens) {
            row.billedTokens = 0;
            for (const BilledModel &model : billed.models)
                row.billedTokens += model.tokens();
        }
        // Model by model, where the bill names models.
        QMap<QString, ModelRow> byModel;
        for (auto m = billed.models.cbegin(); m != billed.models.cend(); ++m) {
            if (m.key() == AllModels)
                continue;
            ModelRow &model = byModel[baseName(m.key())];
            model.billed += m.value().cost;
            model.billedKnown = model.billedKnown || m.value().hasCost;
            if (billed.hasTokens && m.value().tokens() > 0)
                model.billedTokens = qMax<qint64>(model.billedTokens, 0) + m.value().tokens();
        }
        if (!byModel.isEmpty())
            for (auto m = models.cbegin(); m != models.cend(); ++m) {
                ModelRow &model = byModel[baseName(m.key())];
                model.tracked += m.value().cost;
                model.trackedTokens += m.value().tokens;
            }
        QStringList modelGaps;
        for (auto m = byModel.begin(); m != byModel.end(); ++m) {
            ModelRow &model = m.value();
            model.model = m.key();
            model.gap = (model.billedKnown && far(model.tracked, model.billed, options))
                || (model.billedTokens >= 0 && farTokens(model.trackedTokens, model.billedTokens, options));
            if (model.gap)
                modelGaps << (model.billedKnown ? QStringLiteral("%1: billed $%2, tracked $%3")
                                                      .arg(model.model, model.billed.toString(2), model.tracked.toString(2))
                                                : QStringLiteral("%1: %2 tokens billed, %3 tracked")
                                                      .arg(model.model).arg(model.billedTokens).arg(model.trackedTokens));
            row.models << model;
        }
        const bool costGap = billed.hasCost && far(row.tracked, row.billed, options);
        const bool tokenGap = row.billedTokens >= 0 && farTokens(row.trackedTokens, row.billedTokens, options);
        row.gap = costGap || tokenGap;
        if (!row.gap) {
            rows.append(row);
            continue;
        }
        if (row.trackedCalls == 0)
            row.causes << QStringLiteral("no tracked calls this day");
        if (unpricedCalls > 0)
            row.causes << QStringLiteral("%1 calls of models without a price (billed at the fallback rate): %2")
                              .arg(unpricedCalls)
                              .arg(unpricedModels.join(QStringLiteral(", ")));
        if (row.trackedCalls > 0 && row.billedTokens > row.trackedTokens && tokenGap) {
            QStringList untracked;
            for (auto m = billed.models.cbegin(); m != billed.models.cend(); ++m)
                if (m.value().tokens() > 0 && m.key() != AllModels && byModel.value(baseName(m.key())).trackedTokens == 0)
                    untracked << m.key();
            row.causes << QStringLiteral("tokens billed that were never tracked: %1 billed, %2 tracked%3 (calls made without "
                                         "a user are refused unless recorded as unattributed)")
                              .arg(row.billedTokens)
                              .arg(row.trackedTokens)
                              .arg(untracked.isEmpty() ? QString()
                                                       : QStringLiteral("; billed models never tracked: %1").arg(untracked.join(u", ")));
        }
        if (costGap && row.billedTokens >= 0 && !tokenGap && unpricedCalls == 0)
            row.causes << QStringLiteral("the tokens agree but the cost does not: a price differs from what the provider charged");
        if (!modelGaps.isEmpty())
            row.causes << QStringLiteral("by model: %1").arg(modelGaps.join(QStringLiteral("; ")));
        if (row.causes.isEmpty())
            row.causes << (row.billedTokens < 0 ? QStringLiteral("no usage report for the day: give it to tell tokens from prices")
                                                : QStringLiteral("not explained by the reports given"));
        rows.append(row);
    }
    return rows;
}

QByteArray csv(const QList<DayRow> &rows)
{
    QByteArray bytes = Csv::record({QStringLiteral("day"), QStringLiteral("tracked_usd"), QStringLiteral("billed_usd"),
                                    QStringLiteral("gap_usd"), QStringLiteral("tracked_tokens"), QStringLiteral("billed_tokens"),
                                    QStringLiteral("differs"), QStringLiteral("causes")});
    for (const DayRow &row : rows)
        bytes += Csv::record({row.day.toString(Qt::ISODate), row.tracked.toString(6),
                              row.billedKnown ? row.billed.toString(6) : QString(),
                              row.billedKnown ? (row.billed - row.tracked).toString(6) : QString(),
                              QString::number(row.trackedTokens),
                              row.billedTokens < 0 ? QString() : QString::number(row.billedTokens),
                              row.gap ? QStringLiteral("yes") : QStringLiteral("no"),
                              Csv::field(row.causes.join(QStringLiteral("; ")))});
    return bytes;
}

} // namespace meterdesk::Reconcile
