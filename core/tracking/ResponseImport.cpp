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
    case Format::LiteLlm:
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
    case Format::LiteLlm:
        break;
    }
    return {};
}

// One CSV record of one line (RFC 4180 quoting; a quoted cell that runs on
// to the next line is not read).
std::optional<QStringList> csvCells(const QString &line)
{
    QStringList cells;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == u'"' && i + 1 < line.size() && line[i + 1] == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            cells << cell;
            cell.clear();
        } else if (c != u'\r') {
            cell += c;
        }
    }
    if (quoted)
        return std::nullopt;
    cells << cell;
    return cells;
}

// The service of a LiteLLM row: its provider, else the model's prefix or name.
QString liteLlmService(const QString &provider, const QString &model)
{
    static const QList<std::pair<QString, QString>> providers{
        {QStringLiteral("openai"), QStringLiteral("openai")},       {QStringLiteral("azure"), QStringLiteral("openai")},
        {QStringLiteral("text-completion-openai"), QStringLiteral("openai")},
        {QStringLiteral("anthropic"), QStringLiteral("anthropic")}, {QStringLiteral("gemini"), QStringLiteral("google")},
        {QStringLiteral("vertex_ai"), QStringLiteral("google")},    {QStringLiteral("vertex_ai_beta"), QStringLiteral("google")}};
    const QString prefix = provider.isEmpty() ? model.section(u'/', 0, 0) : provider;
    for (const auto &[name, service] : providers)
        if (prefix.compare(name, Qt::CaseInsensitive) == 0)
            return service;
    const QString bare = model.section(u'/', -1).toLower();
    if (bare.startsWith(u"gpt") || bare.startsWith(u"o1") || bare.startsWith(u"o3") || bare.startsWith(u"o4")
        || bare.startsWith(u"text-embedding") || bare.startsWith(u"chatgpt"))
        return QStringLiteral("openai");
    if (bare.startsWith(u"claude"))
        return QStringLiteral("anthropic");
    if (bare.startsWith(u"gemini"))
        return QStringLiteral("google");
    return QStringLiteral("other");
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
    if (lower == u"litellm")
        return Format::LiteLlm;
    return std::nullopt;
}

std::optional<UsageEvent> eventFromLiteLlmRow(const QJsonObject &row, QString *error, const QString &unattributedUserId)
{
    const auto text = [&row](const char *key) {
        const QJsonValue value = row.value(QLatin1String(key));
        if (value.isString())
            return value.toString().trimmed();
        if (!value.isDouble())
            return QString();
        // Plain decimals to the nano-dollar, never exponents ("5.1e-05").
        QString number = QString::number(value.toDouble(), 'f', 9);
        while (number.contains(u'.') && (number.endsWith(u'0') || number.endsWith(u'.')))
            number.chop(1);
        return number;
    };
    const QString model = text("model");
    const QString user = !text("end_user").isEmpty() ? text("end_user")
        : !text("user").isEmpty()                      ? text("user")
                                                       : unattributedUserId;
    QJsonObject event{{QStringLiteral("service"), liteLlmService(text("custom_llm_provider"), model)},
                      // A provider prefix ("anthropic/claude-…") is LiteLLM's routing, not the model's name.
                      {QStringLiteral("model"), model.contains(u'/') && liteLlmService(QString(), model) != u"other"
                                                    ? model.section(u'/', 1)
                                                    : model}};
    if (!user.isEmpty())
        event.insert(QStringLiteral("userId"), user);
    for (const auto &[from, to] : {std::pair{"prompt_tokens", "inputTokens"}, std::pair{"completion_tokens", "outputTokens"}}) {
        const QString count = text(from);
        bool ok = count.isEmpty();
        const double number = ok ? 0.0 : count.toDouble(&ok);
        if (!ok) {
            *error = QStringLiteral("\"%1\" is not a number: %2").arg(QLatin1String(from), count.left(40));
            return std::nullopt;
        }
        event.insert(QLatin1String(to), number);
    }
    if (const QString start = text("startTime"); !start.isEmpty())
        event.insert(QStringLiteral("timestamp"), start);
    if (const QString id = text("request_id"); !id.isEmpty())
        event.insert(QStringLiteral("eventId"), QString(QStringLiteral("litellm:") + id));
    QJsonObject metadata{{QStringLiteral("source"), QStringLiteral("litellm")}};
    if (const QString spend = text("spend"); !spend.isEmpty())
        metadata.insert(QStringLiteral("litellmSpend"), spend);
    if (const QString callType = text("call_type"); !callType.isEmpty())
        metadata.insert(QStringLiteral("callType"), callType);
    event.insert(QStringLiteral("metadata"), metadata);
    return eventFromJson(event, error);
}

std::optional<UsageEvent> LineReader::read(const QByteArray &line, QString *error)
{
    error->clear();
    if (m_format != Format::LiteLlm)
        return eventFromResponseLine(m_format, line, error);
    if (line.startsWith('{')) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        if (!document.isObject()) {
            *error = QStringLiteral("not JSON (%1): a truncated line?").arg(parseError.errorString());
            return std::nullopt;
        }
        return eventFromLiteLlmRow(document.object(), error, m_unattributed);
    }
    const auto cells = csvCells(QString::fromUtf8(line));
    if (!cells) {
        *error = QStringLiteral("a quoted cell is not closed on its line");
        return std::nullopt;
    }
    if (m_columns.isEmpty()) { // the header
        m_columns = *cells;
        if (!m_columns.contains(u"model") || !m_columns.contains(u"spend")) {
            *error = QStringLiteral("not LiteLLM's spend log: the header has no \"model\" and \"spend\" columns");
            m_columns.clear();
        }
        return std::nullopt;
    }
    if (cells->size() != m_columns.size()) {
        *error = QStringLiteral("%1 cells where the header has %2").arg(cells->size()).arg(m_columns.size());
        return std::nullopt;
    }
    QJsonObject row;
    for (qsizetype i = 0; i < m_columns.size(); ++i)
        row.insert(m_columns[i], cells->at(i));
    return eventFromLiteLlmRow(row, error, m_unattributed);
}

std::optional<UsageEvent> eventFromResponseLine(Format format, const QByteArray &line, QString *error)
{
    if (format == Format::Events)
        return parseEventJson(line, error);
    if (format == Format::LiteLlm)
        return LineReader(format).read(line, error);
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
    const QJsonObject extras = extrasOf(format, response);
    // The tier the response says it ran on (OpenAI's service_tier, Anthropic's
    // usage.service_tier); a line may say it itself ("batch": true for a
    // Batch API output file's lines).
    if (extras.value(u"serviceTier").isString())
        event.insert(QStringLiteral("serviceTier"), extras.value(u"serviceTier").toString());
    for (const char *key : {"userId", "endpoint", "timestamp", "eventId", "serviceTier", "batch"})
        if (object.contains(QLatin1String(key)))
            event.insert(QLatin1String(key), object.value(QLatin1String(key)));
    if (!event.contains(u"eventId") && extras.contains(u"responseId"))
        event.insert(QStringLiteral("eventId"), QStringLiteral("%1:%2").arg(serviceOf(format), extras.value(u"responseId").toString()));
    if (!extras.isEmpty())
        event.insert(QStringLiteral("metadata"), extras);
    return eventFromJson(event, error);
}

} // namespace meterdesk::ResponseImport
