#pragma once

#include "storage/Database.h"
#include "storage/KeptConnections.h"
#include "meterdesk_core_export.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace meterdesk {

// One reason a user looks risky: its points and a plain sentence.
struct RiskReason
{
    QString signal; // spike, share, burst, unpriced, per-call
    int points = 0;
    QString sentence; // "12x their usual daily cost"
};

// A suggested risk score, 0..100: the sum of its reasons' points, at most 100.
struct RiskSuggestion
{
    QString userId;
    int score = 0;
    QList<RiskReason> reasons;
};

// Suggested risk scores from the rollups and the last day of the log, by
// fixed rules (docs/risk.md has each one), so the same data always gives
// the same score:
//  - spike: today's cost against the user's own median day of the 14 before;
//  - share: the user's place among all spenders of the last 15 days;
//  - burst: the most calls in one minute in the last 24 hours;
//  - unpriced: calls of models without a price;
//  - per-call: the user's cost per call against the median user's.
class METERDESK_CORE_EXPORT RiskSuggestions
{
public:
    static constexpr int WindowDays = 15; // today and the 14 days before

    // Where the days are read from: the rollup, or the log itself (the way a
    // log-only design would, for the bench's baseline; the same answer).
    enum class Source { Rollups, Log };

    explicit RiskSuggestions(Database &database, QDateTime now = QDateTime::currentDateTimeUtc(),
                             Source source = Source::Rollups);
    // Every user with a reason (users without one score 0), or one user's.
    std::optional<QHash<QString, RiskSuggestion>> compute(QString *error, const QString &onlyUser = {});
    // An alert for each user whose suggested score is at `level` or above
    // (none when 0): once a day per user and level. The number raised.
    std::optional<int> raiseAlerts(const QHash<QString, RiskSuggestion> &suggestions, int level, QString *error);

private:
    struct UserDays;
    struct Window;
    bool readDays(Window &window, QString *error);
    bool readBursts(Window &window, QString *error);

    Database &m_db;
    QDateTime m_now;
    Source m_source;
};

// Every user's suggestions computed on a thread and a connection of their
// own, for a caller whose connection has other work first: the dashboard
// starts them once a load is on screen, and they take the second core while
// its data thread answers the selected user's details and the comparison.
class METERDESK_CORE_EXPORT RiskSuggestionsAside
{
public:
    // On one of `connections` (a Database's keptConnections()).
    explicit RiskSuggestionsAside(KeptConnections &connections, QDateTime now = QDateTime::currentDateTimeUtc());
    // Waits for them.
    ~RiskSuggestionsAside();
    RiskSuggestionsAside(const RiskSuggestionsAside &) = delete;
    RiskSuggestionsAside &operator=(const RiskSuggestionsAside &) = delete;

    // Waits for them; none and the message when the connection could not be
    // opened or a read failed.
    std::optional<QHash<QString, RiskSuggestion>> take(QString *error);

private:
    std::shared_ptr<std::optional<QHash<QString, RiskSuggestion>>> m_result;
    KeptConnections::Running m_reads; // after m_result, which its read fills
};

} // namespace meterdesk
