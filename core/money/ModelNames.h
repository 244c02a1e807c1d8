#pragma once

#include "meterdesk_core_export.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace meterdesk {

// How a requested model name reached a price.
enum class MatchKind {
    None,          // unknown: billed at the fallback and flagged unpriced
    Exact,         // the whole name, ignoring case
    RoutingPrefix, // after removing a gateway's prefix (azure/, bedrock/us.anthropic., vertex_ai/, models/, ...)
    SnapshotTag,   // after removing a snapshot tag (a date, @date, -v1:0, -001)
    PrefixAndTag,  // after removing both
};

METERDESK_CORE_EXPORT QString matchKindName(MatchKind kind);

// One name to look up, most specific first, with how it was derived.
struct NameCandidate
{
    QString name;
    MatchKind how = MatchKind::Exact;
};

// The names a requested model may be priced under, in the order to try:
// the whole name, then without its snapshot tag; then the same with each
// routing prefix removed, one layer at a time. Never a shorter name
// that the request continues with a version number or a word: nothing is
// cut but a known prefix and a known tag, so "claude-opus-4-5" is never
// tried as "claude-opus-4", nor "o1-pro" as "o1". A fine-tuned model
// ("ft:BASE:org:name:id") is tried as "ft:BASE" and "ft:" + BASE without
// its tag: fine-tunes have their own prices, never their base model's.
// Empty when the name is blank.
METERDESK_CORE_EXPORT QList<NameCandidate> modelNameCandidates(QStringView model);

} // namespace meterdesk
