#include "tracking/ResponseImport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace meterdesk::ResponseImport {

namespace {

// The response a line carries: a Responses API stream event
// ("response.completed") carries it in "response" again.
QJsonObject unwrapped(const QJsonObject &response)
{
    const QJsonValue inner = response.value(u"response");
    return inner.isObject() && response.value(u"type").toString().startsWith(u"response.") ? inner.toObject() : response;
}

// The provider's own words when the response is an error ({"error": …}, or
// Anthropic's {"type": "error", "error": …}); empty when it is not.
QString errorOf(const QJsonObject &response)
{
    const QJsonValue error = response.value(u"error");
    if (error.isObject()) {
        const QJsonObject object = error.toObject();
        const QString message = object.value(u"message").toString();
        const QString type = object.value(u"type").toString(object.value(u"status").toString());
        return QStringLiteral("%1%2").arg(type.isEmpty() ? QString() : type + QStringLiteral(": "), message.left(200));
    }
    if (error.isString())
        return error.toString().left(200);
    return {};
}

bool hasUsage(ResponseImport::Format format, const QJsonObject &response)
{
    switch (format) {
    case Format::OpenAI:
    case Format::Anthropic:
        return response.value(u"usage").isObject();
    case Format::Gemini:
        return response.value(u"usageMetadata").isObject();
    case Format::Events:
        break;
    }
    return true;
}

// What the response says beyond the billed tokens, kept with the call.
QJsonObject extrasOf(Format format, const QJsonObject &response)
{
    QJsonObject extras;
    const auto keep = [&extras](const char *name, const QJsonValue &value) {
        if (!value.isUndefined() && !value.isNull())
            extras.insert(QLatin1String(name), value);
    };
    if (format == Format::OpenAI) {
        const QJsonObject usage = response.value(u"usage").toObject();
        keep("reasoningTokens", usage.value(u"completion_tokens_details").toObject().value(u"reasoning_tokens"));
        keep("reasoningTokens", usage.value(u"output_tokens_details").toObject().value(u"reasoning_tokens"));
        keep("serviceTier", response.value(u"service_tier"));
        keep("responseId", response.value(u"id"));
    } else if (format == Format::Anthropic) {
        const QJsonObject usage = response.value(u"usage").toObject();
        const QJsonObject creation = usage.value(u"cache_creation").toObject();
        keep("cacheWrite5mTokens", creation.value(u"ephemeral_5m_input_tokens"));
        keep("cacheWrite1hTokens", creation.value(u"ephemeral_1h_input_tokens"));
        keep("serviceTier", usage.value(u"service_tier"));
        keep("responseId", response.value(u"id"));
    } else if (format == Format::Gemini) {
        const QJsonObject usage = response.value(u"usageMetadata").toObject();
        keep("reasoningTokens", usage.value(u"thoughtsTokenCount"));
        keep("toolUsePromptTokens", usage.value(u"toolUsePromptTokenCount"));
        keep("responseId", response.value(u"responseId"));
    }
    return extras;
}

QString serviceOf(Format format)
{
    switch (format) {
    case Format::OpenAI:
        return QStringLiteral("openai");
    case Format::Anthropic:
        return QStringLiteral("anthropic");
    case Format::Gemini:
        return QStringLiteral("google");
    case Format::Events:
        break;
    }
    return {};
}

} // namespace

std::optional<Format> formatNamed(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    if (lower.isEmpty() || lower == u"events" || lower == u"meterdesk")
        return Format::Events;
    if (lower == u"openai")
        return Format::OpenAI;
    if (lower == u"anthropic")
        return Format::Anthropic;
    if (lower == u"gemini" || lower == u"google")
        return Format::Gemini;
    return std::nullopt;
}

std::optional<UsageEvent> eventFromResponseLine(Format format, const QByteArray &line, QString *error)
{
    if (format == Format::Events)
        return parseEventJson(line, error);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (!document.isObject()) {
        *error = parseError.error != QJsonParseError::NoError
                     ? QStringLiteral("not JSON (%1 at byte %2): a truncated line?").arg(parseError.errorString()).arg(parseError.offset)
                     : QStringLiteral("not a JSON object");
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    const QJsonValue wrapped = object.value(u"response");
    if (!wrapped.isObject()) {
        *error = QStringLiteral("missing \"response\": each line is {\"userId\", \"response\": <the provider's response>}");
        return std::nullopt;
    }
    const QJsonObject response = unwrapped(wrapped.toObject());
    if (const QString providerError = errorOf(response); !providerError.isEmpty()) {
        *error = QStringLiteral("the response is an error, not a call to bill: %1").arg(providerError);
        return std::nullopt;
    }
    if (!hasUsage(format, response)) {
        *error = QStringLiteral("the response has no usage (a streamed chunk before the last, or usage not requested)");
        return std::nullopt;
    }
    const auto parsed = ProviderUsage::fromService(serviceOf(format), response, error);
    if (!parsed)
        return std::nullopt;
    if (parsed->model.isEmpty()) {
        *error = QStringLiteral("the response names no model");
        return std::nullopt;
    }
    // The line's own fields, read by the event parser with the response's
    // model and tokens filled in.
    QJsonObject event{{QStringLiteral("service"), serviceOf(format)},
                      {QStringLiteral("model"), parsed->model},
                      {QStringLiteral("inputTokens"), parsed->tokens.input},
                      {QStringLiteral("outputTokens"), parsed->tokens.output},
                      {QStringLiteral("cachedInputTokens"), parsed->tokens.cachedInput},
                      {QStringLiteral("cacheWriteTokens"), parsed->tokens.cacheWrite}};
    for (const char *key : {"userId", "endpoint", "timestamp", "eventId"})
        if (object.contains(QLatin1String(key)))
            event.insert(QLatin1String(key), object.value(QLatin1String(key)));
    const QJsonObject extras = extrasOf(format, response);
    if (!event.contains(u"eventId") && extras.contains(u"responseId"))
        event.insert(QStringLiteral("eventId"), QStringLiteral("%1:%2").arg(serviceOf(format), extras.value(u"responseId").toString()));
    if (!extras.isEmpty())
        event.insert(QStringLiteral("metadata"), extras);
    return eventFromJson(event, error);
}

} // namespace meterdesk::ResponseImport
