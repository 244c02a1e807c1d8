#include "tracking/UsageEvent.h"

#include <QJsonDocument>
#include <QTimeZone>

#include <cmath>

namespace meterdesk {

namespace {

constexpr qsizetype MaxIdLength = 255;
constexpr qsizetype MaxNameLength = 255;

bool hasControlCharacters(const QString &text)
{
    for (QChar c : text)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    return false;
}

// Two token fields at once, when the second is part of the first.
bool subtractIncluded(qint64 *total, qint64 included, const char *totalName,
                      const char *includedName, QString *error)
{
    if (included > *total) {
        *error = QStringLiteral("%1 (%2) is larger than %3 (%4), which includes it")
                     .arg(QLatin1String(includedName))
                     .arg(included)
                     .arg(QLatin1String(totalName))
                     .arg(*total);
        return false;
    }
    *total -= included;
    return true;
}

QJsonObject usageObject(const QJsonObject &object, QStringView key)
{
    const QJsonValue nested = object.value(key);
    return nested.isObject() ? nested.toObject() : object;
}

} // namespace

bool readTokenCount(const QJsonObject &object, QStringView key, qint64 *out, QString *error,
                    bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required) {
            *error = QStringLiteral("missing \"%1\"").arg(key);
            return false;
        }
        *out = 0;
        return true;
    }
    if (!value.isDouble()) {
        *error = QStringLiteral("\"%1\" is not a number").arg(key);
        return false;
    }
    const double number = value.toDouble();
    if (!std::isfinite(number) || number < 0 || number != std::floor(number)
        || number > double(MaxTokensPerEvent)) {
        *error = QStringLiteral("\"%1\" must be a whole number from 0 to 2^53, not %2")
                     .arg(key)
                     .arg(number, 0, 'g', 17);
        return false;
    }
    *out = qint64(number);
    return true;
}

QString normalServiceTier(const QString &tier)
{
    const QString lower = tier.trimmed().toLower();
    // The providers' names for the standard tier.
    return lower == u"default" || lower == u"standard" || lower == u"auto" || lower == u"standard_only" ? QString() : lower;
}

QString UsageEvent::validate() const
{
    if (userId.trimmed().isEmpty())
        return QStringLiteral("no user id: the call cannot be attributed to a user");
    if (userId.size() > MaxIdLength)
        return QStringLiteral("user id longer than %1 characters").arg(MaxIdLength);
    if (hasControlCharacters(userId))
        return QStringLiteral("user id contains control characters");
    if (service.trimmed().isEmpty())
        return QStringLiteral("no service (openai, anthropic, google or other)");
    if (service.size() > 64 || hasControlCharacters(service))
        return QStringLiteral("service name is too long or has control characters");
    if (model.trimmed().isEmpty())
        return QStringLiteral("no model name: a call without one cannot be priced");
    if (model.size() > MaxNameLength || hasControlCharacters(model))
        return QStringLiteral("model name is too long or has control characters");
    if (endpoint.size() > MaxNameLength)
        return QStringLiteral("endpoint longer than %1 characters").arg(MaxNameLength);
    // A NUL fits in no PostgreSQL text and would cut short the arrays a
    // batch is sent in, failing every call of it.
    if (hasControlCharacters(endpoint))
        return QStringLiteral("endpoint contains control characters");
    if (!serviceTier.isEmpty() && serviceTier != u"batch" && serviceTier != u"flex" && serviceTier != u"priority")
        return QStringLiteral("service tier \"%1\" is not batch, flex or priority").arg(serviceTier.left(32));
    if (eventId.size() > MaxIdLength)
        return QStringLiteral("event id longer than %1 characters").arg(MaxIdLength);
    if (hasControlCharacters(eventId))
        return QStringLiteral("event id contains control characters");
    const TokenCounts &t = tokens;
    for (qint64 count : {t.input, t.output, t.cachedInput, t.cacheWrite})
        if (count < 0 || count > MaxTokensPerEvent)
            return QStringLiteral("token counts must be between 0 and 2^53");
    if (timestamp.isValid() && (timestamp.date().year() < 1970 || timestamp.date().year() > 9999))
        return QStringLiteral("timestamp out of range (1970..9999)");
    return {};
}

namespace ProviderUsage {

std::optional<Parsed> fromOpenAI(const QJsonObject &object, QString *error)
{
    Parsed parsed;
    parsed.model = object.value(u"model").toString();
    const QJsonObject usage = usageObject(object, u"usage");
    qint64 cached = 0;
    if (usage.contains(u"prompt_tokens")) { // chat completions
        if (!readTokenCount(usage, u"prompt_tokens", &parsed.tokens.input, error, true)
            || !readTokenCount(usage, u"completion_tokens", &parsed.tokens.output, error)
            || !readTokenCount(usage.value(u"prompt_tokens_details").toObject(), u"cached_tokens",
                               &cached, error)
            || !subtractIncluded(&parsed.tokens.input, cached, "prompt_tokens", "cached_tokens",
                                 error))
            return std::nullopt;
    } else { // Responses API
        if (!readTokenCount(usage, u"input_tokens", &parsed.tokens.input, error, true)
            || !readTokenCount(usage, u"output_tokens", &parsed.tokens.output, error)
            || !readTokenCount(usage.value(u"input_tokens_details").toObject(), u"cached_tokens",
                               &cached, error)
            || !subtractIncluded(&parsed.tokens.input, cached, "input_tokens", "cached_tokens",
                                 error))
            return std::nullopt;
    }
    parsed.tokens.cachedInput = cached;
    return parsed;
}

std::optional<Parsed> fromAnthropic(const QJsonObject &object, QString *error)
{
    Parsed parsed;
    parsed.model = object.value(u"model").toString();
    const QJsonObject usage = usageObject(object, u"usage");
    if (!readTokenCount(usage, u"input_tokens", &parsed.tokens.input, error, true)
        || !readTokenCount(usage, u"output_tokens", &parsed.tokens.output, error)
        || !readTokenCount(usage, u"cache_read_input_tokens", &parsed.tokens.cachedInput, error)
        || !readTokenCount(usage, u"cache_creation_input_tokens", &parsed.tokens.cacheWrite,
                           error))
        return std::nullopt;
    return parsed;
}

std::optional<Parsed> fromGemini(const QJsonObject &object, QString *error)
{
    Parsed parsed;
    parsed.model = object.value(u"modelVersion").toString();
    const QJsonObject usage = usageObject(object, u"usageMetadata");
    qint64 thoughts = 0, toolUse = 0;
    if (!readTokenCount(usage, u"promptTokenCount", &parsed.tokens.input, error, true)
        || !readTokenCount(usage, u"candidatesTokenCount", &parsed.tokens.output, error)
        || !readTokenCount(usage, u"thoughtsTokenCount", &thoughts, error)
        || !readTokenCount(usage, u"toolUsePromptTokenCount", &toolUse, error)
        || !readTokenCount(usage, u"cachedContentTokenCount", &parsed.tokens.cachedInput, error)
        || !subtractIncluded(&parsed.tokens.input, parsed.tokens.cachedInput, "promptTokenCount",
                             "cachedContentTokenCount", error))
        return std::nullopt;
    parsed.tokens.output += thoughts;
    // The prompts of tool use are not in promptTokenCount; they are billed as input.
    parsed.tokens.input += toolUse;
    return parsed;
}

std::optional<Parsed> fromService(const QString &service, const QJsonObject &object,
                                  QString *error)
{
    const QString name = service.trimmed().toLower();
    if (name == u"openai")
        return fromOpenAI(object, error);
    if (name == u"anthropic")
        return fromAnthropic(object, error);
    if (name == u"google" || name == u"gemini")
        return fromGemini(object, error);
    *error = QStringLiteral("no usage parser for service \"%1\"").arg(service.left(64));
    return std::nullopt;
}

} // namespace ProviderUsage

QDateTime parseUtcTimestamp(QStringView text)
{
    QDateTime parsed = QDateTime::fromString(text.toString(), Qt::ISODateWithMs);
    if (!parsed.isValid())
        parsed = QDateTime::fromString(text.toString(), Qt::ISODate);
    if (!parsed.isValid())
        return {};
    // A bare date-time has no zone: the contract says timestamps are UTC.
    if (parsed.timeSpec() == Qt::LocalTime)
        parsed = QDateTime(parsed.date(), parsed.time(), QTimeZone::utc());
    return parsed.toUTC();
}

std::optional<UsageEvent> eventFromJson(const QJsonObject &object, QString *error)
{
    UsageEvent event;
    const auto readString = [&](QStringView key, QString *out, bool required) {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                *error = QStringLiteral("missing \"%1\"").arg(key);
            return !required;
        }
        if (!value.isString()) {
            *error = QStringLiteral("\"%1\" must be a string").arg(key);
            return false;
        }
        *out = value.toString();
        return true;
    };
    QString timestamp;
    if (!readString(u"userId", &event.userId, true) || !readString(u"service", &event.service, true)
        || !readString(u"model", &event.model, true) || !readString(u"eventId", &event.eventId, false)
        || !readString(u"endpoint", &event.endpoint, false)
        || !readString(u"serviceTier", &event.serviceTier, false)
        || !readString(u"reservationId", &event.reservationId, false)
        || !readString(u"timestamp", &timestamp, false)
        || !readTokenCount(object, u"inputTokens", &event.tokens.input, error, true)
        || !readTokenCount(object, u"outputTokens", &event.tokens.output, error, true)
        || !readTokenCount(object, u"cachedInputTokens", &event.tokens.cachedInput, error)
        || !readTokenCount(object, u"cacheWriteTokens", &event.tokens.cacheWrite, error))
        return std::nullopt;
    event.service = event.service.trimmed().toLower();
    event.serviceTier = normalServiceTier(event.serviceTier);
    if (object.value(u"batch").toBool())
        event.serviceTier = QStringLiteral("batch");
    if (!timestamp.isEmpty()) {
        event.timestamp = parseUtcTimestamp(timestamp);
        if (!event.timestamp.isValid()) {
            *error = QStringLiteral("\"timestamp\" is not ISO 8601: %1").arg(timestamp.left(64));
            return std::nullopt;
        }
    }
    const QJsonValue metadata = object.value(u"metadata");
    if (!metadata.isUndefined() && !metadata.isNull()) {
        if (!metadata.isObject()) {
            *error = QStringLiteral("\"metadata\" must be an object");
            return std::nullopt;
        }
        event.metadata = metadata.toObject();
    }
    const QString problem = event.validate();
    if (!problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    return event;
}

std::optional<UsageEvent> parseEventJson(const QByteArray &line, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("not JSON: %1 at offset %2")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("not a JSON object");
        return std::nullopt;
    }
    return eventFromJson(document.object(), error);
}

} // namespace meterdesk

namespace meterdesk {

QJsonObject eventToJson(const UsageEvent &event)
{
    QJsonObject object{{QStringLiteral("userId"), event.userId},
                       {QStringLiteral("service"), event.service},
                       {QStringLiteral("model"), event.model},
                       {QStringLiteral("inputTokens"), event.tokens.input},
                       {QStringLiteral("outputTokens"), event.tokens.output}};
    if (!event.eventId.isEmpty())
        object.insert(QStringLiteral("eventId"), event.eventId);
    if (event.tokens.cachedInput)
        object.insert(QStringLiteral("cachedInputTokens"), event.tokens.cachedInput);
    if (event.tokens.cacheWrite)
        object.insert(QStringLiteral("cacheWriteTokens"), event.tokens.cacheWrite);
    if (!event.endpoint.isEmpty())
        object.insert(QStringLiteral("endpoint"), event.endpoint);
    if (!event.serviceTier.isEmpty())
        object.insert(QStringLiteral("serviceTier"), event.serviceTier);
    if (!event.reservationId.isEmpty())
        object.insert(QStringLiteral("reservationId"), event.reservationId);
    if (event.timestamp.isValid())
        object.insert(QStringLiteral("timestamp"), event.timestamp.toUTC().toString(Qt::ISODateWithMs));
    if (!event.metadata.isEmpty())
        object.insert(QStringLiteral("metadata"), event.metadata);
    return object;
}

} // namespace meterdesk
