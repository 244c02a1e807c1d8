#include "Guardrails.h"

#include <queries/RiskSuggestions.h>

#include <QSqlQuery>

using namespace meterdesk;

void measureRiskSuggestions(Database &db, BenchReport &report)
{
    // "Now" is the last day with calls, so that today has usage to judge.
    QSqlQuery query(db.sql());
    QString error;
    QDateTime now;
    if (db.select(query, QStringLiteral("SELECT max(day) FROM api_usage_daily"), {}, &error) && query.next())
        now = QDateTime(query.value(0).toDate(), QTime(23, 59), Qt::UTC);
    qint64 users = 0;
    if (db.select(query, QStringLiteral("SELECT count(*) FROM api_usage_stats"), {}, &error) && query.next())
        users = query.value(0).toLongLong();
    std::optional<QHash<QString, RiskSuggestion>> ours, baseline;
    BenchRow row{QStringLiteral("suggest risk scores for %1 users").arg(users), QStringLiteral("ms")};
    row.value = medianMs(3, [&] { ours = RiskSuggestions(db, now).compute(&error); });
    row.baseline = medianMs(1, [&] { baseline = RiskSuggestions(db, now, RiskSuggestions::Source::Log).compute(&error); });
    row.goal = QStringLiteral("< 1000 ms");
    QString failure;
    if (!ours || !baseline)
        failure = error;
    else if (ours->isEmpty())
        failure = QStringLiteral("no user had a reason: nothing was judged");
    else if (ours->size() != baseline->size())
        failure = QStringLiteral("the two sides flagged %1 and %2 users").arg(ours->size()).arg(baseline->size());
    else
        for (auto it = ours->cbegin(); it != ours->cend() && failure.isEmpty(); ++it)
            if (baseline->value(it.key()).score != it.value().score)
                failure = QStringLiteral("the two sides scored %1 differently").arg(it.key());
    if (ours)
        row.name += QStringLiteral(" (%1 with a reason)").arg(ours->size());
    report.add(row, false, 0, 1000, failure);
}
