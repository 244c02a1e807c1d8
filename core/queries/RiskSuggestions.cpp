#include "queries/RiskSuggestions.h"

#include "budgets/Alerts.h"
#include "money/Money.h"
#include "storage/Timestamps.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QSqlQuery>

#include <algorithm>
#include <array>

namespace meterdesk {

// One user's days of the window: index 0 is the oldest, the last is today.
struct RiskSuggestions::UserDays
{
    std::array<qint64, WindowDays> costNanos{};
    qint64 requests = 0;
    qint64 unpriced = 0;
    qint64 totalNanos() const
    {
        qint64 sum = 0;
        for (qint64 day : costNanos)
            sum += day;
        return sum;
    }
};

namespace {

template <typename T>
T median(std::vector<T> values)
{
    if (values.empty())
        return T{};
    const auto middle = values.begin() + values.size() / 2;
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

QString dollars(qint64 nanos)
{
    return Money::fromNanos(nanos).toDisplayString();
}

// "12x", "2.5x"
QString times(double ratio)
{
    return ratio >= 10 ? QStringLiteral("%1x").arg(qRound(ratio)) : QStringLiteral("%1x").arg(ratio, 0, 'f', 1);
}

void spike(const std::array<qint64, RiskSuggestions::WindowDays> &days, RiskSuggestion &s)
{
    const qint64 today = days.back();
    if (today < 500'000'000) // below $0.50 a day nothing is a spike
        return;
    const qint64 usual = median(std::vector<qint64>(days.begin(), days.end() - 1));
    if (usual == 0) {
        if (today >= 5'000'000'000)
            s.reasons.append({QStringLiteral("spike"), 20,
                              QStringLiteral("%1 today, with no usual daily cost").arg(dollars(today))});
        return;
    }
    const double ratio = double(today) / double(usual);
    const int points = ratio >= 10 ? 30 : ratio >= 5 ? 20 : ratio >= 3 ? 10 : 0;
    if (points)
        s.reasons.append({QStringLiteral("spike"), points,
                          QStringLiteral("%1 their usual daily cost (%2 today, %3 on a usual day)")
                              .arg(times(ratio), dollars(today), dollars(usual))});
}

} // namespace

RiskSuggestions::RiskSuggestions(Database &database, QDateTime now, Source source)
    : m_db(database), m_now(std::move(now)), m_source(source)
{
}

bool RiskSuggestions::readDays(QHash<QString, UserDays> &users, QString *error)
{
    const QDate today = m_now.toUTC().date();
    const QDate first = today.addDays(1 - WindowDays);
    QSqlQuery query(m_db.sql());
    const Dialect &dialect = m_db.dialect();
    const QString dayOf = dialect.dayOf(QStringLiteral("timestamp"));
    const bool ok = m_source == Source::Rollups
        ? m_db.select(query,
                      QStringLiteral("SELECT user_id, day, sum(cost_nanos), sum(requests), sum(unpriced_requests) "
                                     "FROM api_usage_daily WHERE day >= ? AND day <= ? GROUP BY user_id, day"),
                      {first.toString(Qt::ISODate), today.toString(Qt::ISODate)}, error)
        : m_db.select(query,
                      QStringLiteral("SELECT user_id, %1, sum(cost_nanos), sum(coalesce(request_count, 1)), "
                                     "sum(CASE WHEN priced = %2 THEN coalesce(request_count, 1) ELSE 0 END) "
                                     "FROM api_usage_tracking WHERE timestamp >= ? AND timestamp < ? GROUP BY user_id, %1")
                          .arg(dayOf, dialect.boolean(false)),
                      {sqlTimestamp(QDateTime(first, QTime(0, 0), Qt::UTC)),
                       sqlTimestamp(QDateTime(today.addDays(1), QTime(0, 0), Qt::UTC))},
                      error);
    if (!ok)
        return false;
    while (query.next()) {
        const qint64 index = first.daysTo(query.value(1).toDate());
        if (index < 0 || index >= WindowDays)
            continue;
        UserDays &user = users[query.value(0).toString()];
        user.costNanos[index] += query.value(2).toLongLong();
        user.requests += query.value(3).toLongLong();
        user.unpriced += query.value(4).toLongLong();
    }
    return true;
}

bool RiskSuggestions::readBursts(QHash<QString, qint64> &bursts, QString *error)
{
    // The log of the last 24 hours only, by its time index.
    QSqlQuery query(m_db.sql());
    const QString minute = m_db.dialect().minuteOf(QStringLiteral("timestamp"));
    if (!m_db.select(query,
                     QStringLiteral("SELECT user_id, max(n) FROM (SELECT user_id, %1 AS minute, count(*) AS n "
                                    "FROM api_usage_tracking WHERE timestamp >= ? AND timestamp <= ? "
                                    "GROUP BY user_id, %1) x GROUP BY user_id").arg(minute),
                     {sqlTimestamp(m_now.addDays(-1)), sqlTimestamp(m_now)}, error))
        return false;
    while (query.next())
        bursts.insert(query.value(0).toString(), query.value(1).toLongLong());
    return true;
}

std::optional<QHash<QString, RiskSuggestion>> RiskSuggestions::compute(QString *error, const QString &onlyUser)
{
    QHash<QString, UserDays> users;
    QHash<QString, qint64> bursts;
    if (!readDays(users, error) || !readBursts(bursts, error))
        return std::nullopt;
    // What every user is measured against.
    std::vector<qint64> spends;
    std::vector<double> perCall;
    qint64 allSpend = 0;
    for (const UserDays &user : std::as_const(users)) {
        const qint64 total = user.totalNanos();
        allSpend += total;
        if (total > 0)
            spends.push_back(total);
        if (user.requests > 0)
            perCall.push_back(double(total) / double(user.requests));
    }
    std::sort(spends.begin(), spends.end(), std::greater<>());
    const double medianPerCall = median(perCall);
    const QLocale c(QLocale::English, QLocale::UnitedStates); // "51,734": English, as the sentences are

    QHash<QString, RiskSuggestion> result;
    for (auto it = users.cbegin(); it != users.cend(); ++it) {
        if (!onlyUser.isEmpty() && it.key() != onlyUser)
            continue;
        const UserDays &user = it.value();
        RiskSuggestion s;
        s.userId = it.key();
        spike(user.costNanos, s);
        // Share: the user's place among those who spent in the window.
        const qint64 total = user.totalNanos();
        const auto n = qsizetype(spends.size());
        if (total > 0 && n >= 100) {
            const qsizetype rank = std::upper_bound(spends.begin(), spends.end(), total, std::greater<>()) - spends.begin();
            if (rank <= std::max<qsizetype>(1, n / 1000))
                s.reasons.append({QStringLiteral("share"), 20,
                                  QStringLiteral("top 0.1% of spenders (%1 of %2 in 15 days)").arg(rank).arg(c.toString(n))});
            else if (rank <= std::max<qsizetype>(1, n / 100))
                s.reasons.append({QStringLiteral("share"), 10,
                                  QStringLiteral("top 1% of spenders (%1 of %2 in 15 days)").arg(rank).arg(c.toString(n))});
        } else if (total > 0 && n > 1 && total * 4 >= allSpend) {
            s.reasons.append({QStringLiteral("share"), 15,
                              QStringLiteral("%1% of all spend in 15 days").arg(qRound(100.0 * double(total) / double(allSpend)))});
        }
        const qint64 burst = bursts.value(it.key());
        if (burst >= 20)
            s.reasons.append({QStringLiteral("burst"), burst >= 60 ? 20 : 10,
                              QStringLiteral("%1 calls in one minute").arg(c.toString(burst))});
        if (user.unpriced >= 5 && user.unpriced * 10 >= user.requests)
            s.reasons.append({QStringLiteral("unpriced"), user.unpriced * 2 >= user.requests ? 15 : 10,
                              QStringLiteral("%1 of %2 calls used models without a price")
                                  .arg(c.toString(user.unpriced), c.toString(user.requests))});
        if (user.requests >= 5 && medianPerCall > 0) {
            const double ratio = double(total) / double(user.requests) / medianPerCall;
            if (ratio >= 5)
                s.reasons.append({QStringLiteral("per-call"), ratio >= 20 ? 20 : 10,
                                  QStringLiteral("%1 a call, %2 the median user's")
                                      .arg(dollars(total / user.requests), times(ratio))});
        }
        for (const RiskReason &reason : std::as_const(s.reasons))
            s.score += reason.points;
        s.score = std::min(s.score, 100);
        if (s.score > 0)
            result.insert(s.userId, s);
    }
    return result;
}

std::optional<int> RiskSuggestions::raiseAlerts(const QHash<QString, RiskSuggestion> &suggestions, int level,
                                                QString *error)
{
    int raised = 0;
    if (level <= 0)
        return raised;
    Alerts alerts(m_db);
    const QString day = m_now.toUTC().date().toString(Qt::ISODate);
    for (const RiskSuggestion &suggestion : suggestions) {
        if (suggestion.score < level)
            continue;
        QJsonArray reasons;
        QStringList sentences;
        for (const RiskReason &reason : suggestion.reasons) {
            reasons.append(QJsonObject{{QStringLiteral("signal"), reason.signal},
                                       {QStringLiteral("points"), reason.points},
                                       {QStringLiteral("reason"), reason.sentence}});
            sentences << reason.sentence;
        }
        const Alert alert{0, m_now, suggestion.userId, Alert::Risk,
                          QStringLiteral("suggested risk %1 (alert at %2): %3")
                              .arg(suggestion.score)
                              .arg(level)
                              .arg(sentences.join(QStringLiteral("; "))),
                          QJsonObject{{QStringLiteral("suggested"), suggestion.score},
                                      {QStringLiteral("level"), level},
                                      {QStringLiteral("reasons"), reasons}}};
        const auto added = alerts.raise(alert, QStringLiteral("risk:%1:%2:%3").arg(level).arg(day, suggestion.userId), error);
        if (!added)
            return std::nullopt;
        raised += *added ? 1 : 0;
    }
    return raised;
}

} // namespace meterdesk
