#include "money/ModelNames.h"

#include <QRegularExpression>

namespace meterdesk {

namespace {

// Gateway prefixes, removed one layer at a time ("openai/models/gpt-4o" has
// two). Bedrock adds an optional AWS region path, a cross-region inference
// profile ("us.", "eu.", "apac.", ...) and the vendor ("anthropic.").
const QRegularExpression &routingLayer()
{
    static const QRegularExpression layer(QStringLiteral(
        "^(?:openai/|azure/|anthropic/|vertex_ai/|gemini/|google/|models/"
        "|bedrock/(?:[a-z]{2}(?:-gov)?-[a-z]+-\\d/)?"
        "|(?:us|eu|apac|au|jp|ca|global|us-gov)\\.(?=anthropic\\.|amazon\\.|meta\\.)"
        "|anthropic\\.)"));
    return layer;
}

// Snapshot tags in the providers' forms: -2024-08-06, -20241022, @20251101,
// Bedrock's -v1:0 / -v2:0 (after which a date may follow), Gemini's -001,
// OpenAI's -0613 / -0125. `-latest` is not a tag: where a provider documents
// it as an alias the curated book names it.
QString withoutTag(const QString &name)
{
    static const QRegularExpression revision(QStringLiteral("-v\\d+:\\d+$"));
    static const QRegularExpression date(QStringLiteral(
        "(?:-\\d{4}-\\d{2}-\\d{2}|-\\d{8}|@\\d{8}|@\\d{4}-\\d{2}-\\d{2}|-\\d{3}|-\\d{4})$"));
    QString stripped = name;
    stripped.remove(revision);
    stripped.remove(date);
    return stripped;
}

void add(QList<NameCandidate> &candidates, const QString &name, MatchKind how)
{
    if (name.isEmpty())
        return;
    for (const NameCandidate &candidate : std::as_const(candidates))
        if (candidate.name == name)
            return;
    candidates.append({name, how});
}

} // namespace

QString matchKindName(MatchKind kind)
{
    switch (kind) {
    case MatchKind::None:
        return QStringLiteral("none");
    case MatchKind::Exact:
        return QStringLiteral("exact");
    case MatchKind::RoutingPrefix:
        return QStringLiteral("routing-prefix");
    case MatchKind::SnapshotTag:
        return QStringLiteral("snapshot-tag");
    case MatchKind::PrefixAndTag:
        return QStringLiteral("routing-prefix+snapshot-tag");
    }
    return {};
}

QList<NameCandidate> modelNameCandidates(QStringView model)
{
    QList<NameCandidate> candidates;
    const QString whole = model.trimmed().toString().toLower();
    if (whole.isEmpty())
        return candidates;
    if (whole.startsWith(u"ft:")) {
        const QString base = whole.mid(3).section(u':', 0, 0);
        add(candidates, QStringLiteral("ft:") + base, MatchKind::Exact);
        add(candidates, QStringLiteral("ft:") + withoutTag(base), MatchKind::SnapshotTag);
        return candidates;
    }
    QStringList layers{whole};
    for (QString name = whole;;) {
        const QRegularExpressionMatch match = routingLayer().match(name);
        if (!match.hasMatch() || match.capturedLength() == name.size())
            break;
        name = name.mid(match.capturedLength());
        layers << name;
    }
    // A gateway's own spelling first (its price may differ: a regional
    // premium), then the provider's name under it.
    for (qsizetype i = 0; i < layers.size(); ++i) {
        add(candidates, layers[i], i == 0 ? MatchKind::Exact : MatchKind::RoutingPrefix);
        add(candidates, withoutTag(layers[i]), i == 0 ? MatchKind::SnapshotTag : MatchKind::PrefixAndTag);
    }
    return candidates;
}

} // namespace meterdesk
