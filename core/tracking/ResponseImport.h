#pragma once

#include "tracking/UsageEvent.h"
#include "meterdesk_core_export.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace meterdesk::ResponseImport {

// What `meterctl import --format` reads: Meterdesk's own event lines, or a
// provider's responses as its API returned them, one a line:
//   {"userId": …, "endpoint"?: …, "timestamp"?: …, "eventId"?: …,
//    "response": <the response's JSON>}
// LiteLLM: rows of its spend log, as JSON lines (its /spend/logs API) or
// its CSV export (a header line, then a row a line).
enum class Format { Events, OpenAI, Anthropic, Gemini, LiteLlm };

METERDESK_CORE_EXPORT std::optional<Format> formatNamed(const QString &name);

// One line as an event: the service from the format, the model and the
// tokens from the response (ProviderUsage), the event id from the line or
// else the response's own id, so the same response imported twice counts
// once. The service tier comes from the response (or the line's own
// "serviceTier", or "batch": true) and prices the call at that tier. The
// response's extras that change no price (reasoning tokens, the split of
// cache writes, tool-use prompt tokens) go into the event's metadata. An error response, a response
// without usage or without a model is refused with the reason.
METERDESK_CORE_EXPORT std::optional<UsageEvent> eventFromResponseLine(Format format, const QByteArray &line,
                                                                      QString *error);

// A file's lines, read in order: the format's own, and for LiteLLM's CSV
// the header that names the columns.
class METERDESK_CORE_EXPORT LineReader
{
public:
    // `unattributedUserId`: the user of LiteLLM rows that name none.
    explicit LineReader(Format format, const QString &unattributedUserId = {})
        : m_format(format), m_unattributed(unattributedUserId)
    {
    }
    // The line's event; std::nullopt with `error` empty for a line that is
    // no call (a CSV header), with the reason otherwise.
    std::optional<UsageEvent> read(const QByteArray &line, QString *error);

private:
    Format m_format;
    QString m_unattributed;
    QStringList m_columns; // LiteLLM CSV
};

// One row of LiteLLM's spend log, as a JSON object (the CSV's cells by
// their column names): the request id as the event id, the end user (else
// the user) as the user, the provider from custom_llm_provider or the
// model's prefix, prompt and completion tokens, startTime. LiteLLM's own
// `spend` is kept in the metadata as litellmSpend, beside Meterdesk's cost.
METERDESK_CORE_EXPORT std::optional<UsageEvent> eventFromLiteLlmRow(const QJsonObject &row, QString *error,
                                                                    const QString &unattributedUserId = {});

} // namespace meterdesk::ResponseImport
