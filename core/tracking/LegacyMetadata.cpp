#include "tracking/LegacyMetadata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace meterdesk {

// A JSON string literal, escaped as RFC 8259 asks.
static void appendJsonString(QString &out, const QString &text)
{
    out += u'"';
    for (QChar c : text) {
        switch (c.unicode()) {
        case u'"':
            out += QStringLiteral("\\\"");
            break;
        case u'\\':
            out += QStringLiteral("\\\\");
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += u'"';
}

// The seed's readers look for model and token counts inside metadata; the
// caller's own fields come along. Built as text: QJsonObject cost a tenth
// of the recording time.
QString legacyMetadata(const UsageEvent &event)
{
    QString json;
    json.reserve(96);
    json += QStringLiteral("{\"model\":");
    appendJsonString(json, event.model);
    json += QStringLiteral(",\"inputTokens\":") + QString::number(event.tokens.input)
        + QStringLiteral(",\"outputTokens\":") + QString::number(event.tokens.output);
    if (event.tokens.cachedInput)
        json += QStringLiteral(",\"cachedInputTokens\":") + QString::number(event.tokens.cachedInput);
    if (event.tokens.cacheWrite)
        json += QStringLiteral(",\"cacheWriteTokens\":") + QString::number(event.tokens.cacheWrite);
    static const QStringList reserved{QStringLiteral("model"), QStringLiteral("inputTokens"), QStringLiteral("outputTokens"),
                                      QStringLiteral("cachedInputTokens"), QStringLiteral("cacheWriteTokens")};
    for (auto it = event.metadata.constBegin(); it != event.metadata.constEnd(); ++it) {
        if (reserved.contains(it.key()))
            continue;
        json += u',';
        appendJsonString(json, it.key());
        json += u':';
        const QJsonValue value = it.value();
        switch (value.type()) {
        case QJsonValue::String:
            appendJsonString(json, value.toString());
            break;
        case QJsonValue::Double:
            json += QString::number(value.toDouble(), 'g', 17);
            break;
        case QJsonValue::Bool:
            json += value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
            break;
        case QJsonValue::Object:
            json += QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
            break;
        case QJsonValue::Array:
            json += QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
            break;
        default:
            json += QStringLiteral("null");
        }
    }
    json += u'}';
    return json;
}

} // namespace meterdesk
