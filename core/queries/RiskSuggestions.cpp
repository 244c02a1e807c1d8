#include "queries/RiskSuggestions.h"

#include "budgets/Alerts.h"
#include "money/Money.h"
#include "queries/Utf8Keys.h"
#include "storage/SqlReader.h"
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
    qint64 burst = 0; // the most calls in one minute of the last 24 hours
    // While the last 24 hours are read in time order: the minute of the
    // user's last call ("2026-11-27 13:05") and the calls in it so far.
    QByteArray minute;
    qint64 inMinute = 0;
    qint64 totalNanos() const
    {
        qint64 sum = 0;
        for (qint64 day : costNanos)
            sum += day;
        return sum;
    }
};

// Every user with rollup rows in the window, found by the id's bytes: at
// 10M calls the window is 230,000 rows, and a QString and a QVariant for
// each of their values cost more than the query.
struct RiskSuggestions::Window
{
    std::vector<UserDays> users;
    QStringList ids; // users[i]'s id
    Utf8KeyIndex index;
};

namespace {

// The window's rollup rows read on PostgreSQL without a parallel scan or
// JIT. Fifteen days are a small slice of the daily rollup (230,000 of 4.3
// million rows at 10M calls), stored in day order, and its key begins with
// the day; yet on two cores the planner costed two workers scanning all
// 660 MB below the index, and compiled the scan (45 ms of JIT): 580 ms
// warm, the index 170. The session's own values come back afterwards, even
// after a failed read; a server that refuses the settings reads as before.
class IndexFriendlyReads
{
public:
    explicit IndexFriendlyReads(Database &db)
    {
        if (!db.isPostgres())
            return;
        QString ignored;
        QSqlQuery query(db.sql());
        if (!db.select(query,
                       QStringLiteral("SELECT current_setting('max_parallel_workers_per_gather'), "
                                      "current_setting('jit')"),
                       {}, &ignored) ||
            !query.next())
            return;
        m_saved = {query.value(0), query.value(1)};
        query.finish();
        if (set(db, {QStringLiteral("0"), QStringLiteral("off")}))
            m_db = &db;
    }
    ~IndexFriendlyReads()
    {
        if (m_db)
            set(*m_db, m_saved);
    }
    IndexFriendlyReads(const IndexFriendlyReads &) = delete;
    IndexFriendlyReads &operator=(const IndexFriendlyReads &) = delete;

private:
    static bool set(Database &db, const QVariantList &values)
    {
        QString ignored;
        QSqlQuery query(db.sql());
        return db.select(query,
                         QStringLiteral("SELECT set_config('max_parallel_workers_per_gather', ?, "
                                        "false), set_config('jit', ?, false)"),
                         values, &ignored);
    }

    Database *m_db = nullptr; // set while the settings are changed
    QVariantList m_saved;
};

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

bool RiskSuggestions::readDays(Window &window, QString *error)
{
    const QDate today = m_now.toUTC().date();
    const QDate first = today.addDays(1 - WindowDays);
    std::array<QByteArray, WindowDays> dayTexts; // "2026-11-27", as both backends write a day
    for (int i = 0; i < WindowDays; ++i)
        dayTexts[size_t(i)] = first.addDays(i).toString(Qt::ISODate).toLatin1();
    const Dialect &dialect = m_db.dialect();
    const QString dayOf = dialect.dayOf(QStringLiteral("timestamp"));
    const SqlStatement statement = m_source == Source::Rollups
        // The rows as they are, summed here: SQLite grouped the window's
        // 27,000 rows (1M calls) in 23 ms, and returns them in 3.
        ? SqlStatement{QStringLiteral("SELECT user_id, day, cost_nanos, requests, unpriced_requests "
                                      "FROM api_usage_daily WHERE day >= ? AND day <= ?"),
                       {first.toString(Qt::ISODate), today.toString(Qt::ISODate)}}
        : SqlStatement{QStringLiteral("SELECT user_id, %1, sum(cost_nanos), sum(coalesce(request_count, 1)), "
                                      "sum(CASE WHEN priced = %2 THEN coalesce(request_count, 1) ELSE 0 END) "
                                      "FROM api_usage_tracking WHERE timestamp >= ? AND timestamp < ? GROUP BY %1, user_id")
                           .arg(dayOf, dialect.boolean(false)),
                       {sqlTimestamp(QDateTime(first, QTime(0, 0), Qt::UTC)),
                        sqlTimestamp(QDateTime(today.addDays(1), QTime(0, 0), Qt::UTC))}};
    qint64 lastIndex = -1;
    QByteArray lastDay;
    // The log's days (the baseline's way) keep the planner's own choice:
    // there the parallel scan wins.
    std::optional<IndexFriendlyReads> guided;
    if (m_source == Source::Rollups)
        guided.emplace(m_db);
    return readRows(
        m_db, statement.first, statement.second,
        [&](const SqlRow &row) {
            // SQLite sends the rows a day at a time (its key begins with the
            // day): the day's place is looked up when it changes.
            const QByteArrayView day = row.utf8(1).first(qMin<qsizetype>(row.utf8(1).size(), 10));
            if (lastDay != day) {
                lastDay = day.toByteArray();
                const auto known = std::find(dayTexts.cbegin(), dayTexts.cend(), lastDay);
                lastIndex = known != dayTexts.cend()
                    ? known - dayTexts.cbegin()
                    : first.daysTo(QDate::fromString(QString::fromLatin1(lastDay), Qt::ISODate));
            }
            if (lastIndex < 0 || lastIndex >= WindowDays)
                return;
            const QByteArrayView id = row.utf8(0);
            qsizetype at = window.index.find(id);
            if (at < 0) {
                at = qsizetype(window.users.size());
                window.index.insert(id, at);
                window.users.emplace_back();
                window.ids << row.text(0);
            }
            UserDays &user = window.users[size_t(at)];
            user.costNanos[size_t(lastIndex)] += row.integer(2);
            user.requests += row.integer(3);
            user.unpriced += row.integer(4);
        },
        error);
}

bool RiskSuggestions::readBursts(Window &window, QString *error)
{
    // The log of the last 24 hours in time order, by its time index, each
    // user's calls counted a minute at a time. Grouped by user and minute
    // in SQL, SQLite chose to skip through the index on user and time, one
    // user at a time: 27 ms for 4,400 calls (1M in all), against 6 for this.
    // A user with calls there has rollup rows in the window; no other is
    // judged.
    return readRows(
        m_db,
        QStringLiteral("SELECT user_id, timestamp FROM api_usage_tracking WHERE timestamp >= ? AND timestamp <= ? "
                       "ORDER BY timestamp"),
        {sqlTimestamp(m_now.addDays(-1)), sqlTimestamp(m_now)},
        [&](const SqlRow &row) {
            const qsizetype at = window.index.find(row.utf8(0));
            if (at < 0)
                return;
            UserDays &user = window.users[size_t(at)];
            // "2026-11-27 13:05:09.123": both backends write a time so.
            const QByteArrayView minute = row.utf8(1).first(qMin<qsizetype>(row.utf8(1).size(), 16));
            if (user.minute == minute) {
                ++user.inMinute;
            } else {
                user.minute = minute.toByteArray();
                user.inMinute = 1;
            }
            user.burst = std::max(user.burst, user.inMinute);
        },
        error);
}

std::optional<QHash<QString, RiskSuggestion>> RiskSuggestions::compute(QString *error, const QString &onlyUser)
{
    Window window;
    if (!readDays(window, error) || !readBursts(window, error))
        return std::nullopt;
    // What every user is measured against.
    std::vector<qint64> spends;
    std::vector<double> perCall;
    qint64 allSpend = 0;
    for (const UserDays &user : window.users) {
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
    for (size_t i = 0; i < window.users.size(); ++i) {
        if (!onlyUser.isEmpty() && window.ids.at(qsizetype(i)) != onlyUser)
            continue;
        const UserDays &user = window.users[i];
        RiskSuggestion s;
        s.userId = window.ids.at(qsizetype(i));
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
        const qint64 burst = user.burst;
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

RiskSuggestionsAside::RiskSuggestionsAside(KeptConnections &connections, QDateTime now)
    : m_result(std::make_shared<std::optional<QHash<QString, RiskSuggestion>>>()),
      m_reads(connections.start([result = m_result, now = std::move(now)](Database &db, QString *error) {
          *result = RiskSuggestions(db, now).compute(error);
          return result->has_value();
      }))
{
}

RiskSuggestionsAside::~RiskSuggestionsAside() = default;

std::optional<QHash<QString, RiskSuggestion>> RiskSuggestionsAside::take(QString *error)
{
    if (!m_reads.finish(error))
        return std::nullopt;
    return std::move(*m_result);
}

} // namespace meterdesk
