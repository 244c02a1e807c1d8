#pragma once

#include "money/PriceBook.h"
#include "meterdesk_core_export.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace meterdesk {

// One AI call to record. Token counts are disjoint (see TokenCounts).
struct METERDESK_CORE_EXPORT UsageEvent
{
    QString eventId;   // optional; a replay with the same id is counted once
    QString userId;
    QString service;   // openai, anthropic, google, other, ...
    QString model;
    QString endpoint;
    // The provider's service tier when not the standard one: "batch" (a
    // batch API), "flex" or "priority"; priced at that tier's rates.
    QString serviceTier;
    TokenCounts tokens;
    QDateTime timestamp; // UTC; invalid means "now" when recorded
    QJsonObject metadata;
    // The budget reservation this call settles (AccessGuard::reserve);
    // recording the call releases it, whatever the call cost.
    QString reservationId;

    // Checks what recording needs; it changes nothing (the Tracker trims and
    // lowercases the service itself). Empty when the event is acceptable,
    // else the reason.
    QString validate() const;
};

// Largest token count accepted in one event: JSON numbers are exact to 2^53.
inline constexpr qint64 MaxTokensPerEvent = qint64(1) << 53;

// Parsers for the usage objects of provider responses. Each accepts the whole
// response (with "model"/"modelVersion" and "usage"/"usageMetadata") or the
// usage object alone, and returns the tokens as disjoint counts.
namespace ProviderUsage {

struct Parsed
{
    QString model; // empty when the object did not say
    TokenCounts tokens;
};

// OpenAI chat completions (prompt_tokens includes cached tokens) and the
// Responses API (input_tokens, input_tokens_details.cached_tokens).
METERDESK_CORE_EXPORT std::optional<Parsed> fromOpenAI(const QJsonObject &object, QString *error);
// Anthropic: input_tokens already excludes cache reads and writes.
METERDESK_CORE_EXPORT std::optional<Parsed> fromAnthropic(const QJsonObject &object, QString *error);
// Gemini usageMetadata: promptTokenCount includes cachedContentTokenCount;
// thoughtsTokenCount is billed as output, toolUsePromptTokenCount as input.
METERDESK_CORE_EXPORT std::optional<Parsed> fromGemini(const QJsonObject &object, QString *error);
// By service name ("openai", "anthropic", "google"/"gemini").
METERDESK_CORE_EXPORT std::optional<Parsed> fromService(const QString &service,
                                                        const QJsonObject &object, QString *error);

} // namespace ProviderUsage

// One line of `meterctl import` (JSON Lines): {eventId?, userId, service,
// model, inputTokens, outputTokens, cachedInputTokens?, cacheWriteTokens?,
// endpoint?, timestamp?, metadata?}. Returns the reason when it is refused.
METERDESK_CORE_EXPORT std::optional<UsageEvent> parseEventJson(const QByteArray &line,
                                                               QString *error);
METERDESK_CORE_EXPORT std::optional<UsageEvent> eventFromJson(const QJsonObject &object,
                                                              QString *error);

// Reads a non-negative whole token count; false (with the reason) otherwise.
METERDESK_CORE_EXPORT bool readTokenCount(const QJsonObject &object, QStringView key,
                                          qint64 *out, QString *error, bool required = false);

// A provider's service tier as events keep it: "" for the standard one
// ("default", "standard", "auto"), else lower case ("batch", "flex",
// "priority").
METERDESK_CORE_EXPORT QString normalServiceTier(const QString &tier);

// Parses ISO 8601 text as UTC ("2026-01-02T03:04:05Z", offsets, or a bare
// date-time taken as UTC). Invalid on junk.
METERDESK_CORE_EXPORT QDateTime parseUtcTimestamp(QStringView text);

} // namespace meterdesk

namespace meterdesk {
// The import/journal line form of an event (the inverse of eventFromJson).
METERDESK_CORE_EXPORT QJsonObject eventToJson(const UsageEvent &event);
} // namespace meterdesk
