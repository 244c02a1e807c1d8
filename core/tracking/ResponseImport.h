#pragma once

#include "tracking/UsageEvent.h"
#include "meterdesk_core_export.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace meterdesk::ResponseImport {

// What `meterctl import --format` reads: Meterdesk's own event lines, or a
// provider's responses as its API returned them, one a line:
//   {"userId": …, "endpoint"?: …, "timestamp"?: …, "eventId"?: …,
//    "response": <the response's JSON>}
enum class Format { Events, OpenAI, Anthropic, Gemini };

METERDESK_CORE_EXPORT std::optional<Format> formatNamed(const QString &name);

// One line as an event: the service from the format, the model and the
// tokens from the response (ProviderUsage), the event id from the line or
// else the response's own id, so the same response imported twice counts
// once. The response's extras that change no price today (reasoning
// tokens, the service tier, the split of cache writes, tool-use prompt
// tokens) go into the event's metadata. An error response, a response
// without usage or without a model is refused with the reason.
METERDESK_CORE_EXPORT std::optional<UsageEvent> eventFromResponseLine(Format format, const QByteArray &line,
                                                                      QString *error);

} // namespace meterdesk::ResponseImport
