#include "queries/RangeParts.h"

#include <QStringList>

#include <limits>

namespace meterdesk {

namespace {

constexpr int WeekCost = 3;
// How many statements a range's weeks are read in, at most.
constexpr qint64 WeekStatements = 4;

const QString Columns = QStringLiteral("user_id, service, requests, tokens, cost_nanos, unpriced_requests");

} // namespace

RangeParts::RangeParts(QDate first, QDate last)
{
    if (!first.isValid() || !last.isValid() || first > last) {
        m_leading = {first, last}; // reads nothing, as the range holds nothing
        return;
    }
    // The first Monday on or after `first`, the last Sunday on or before `last`.
    const QDate monday = first.addDays((8 - first.dayOfWeek()) % 7);
    const QDate sunday = last.addDays(-(last.dayOfWeek() % 7));
    if (monday.addDays(6) > sunday) {
        m_leading = {first, last};
        return;
    }
    m_leading = {first, monday.addDays(-1)};
    m_weeks = {monday, sunday.addDays(-6)};
    m_trailing = {sunday.addDays(1), last};
}

QList<SqlStatement> RangeParts::statements() const
{
    const QString days = QStringLiteral("SELECT %1 FROM api_usage_daily WHERE day >= ? AND day <= ?").arg(Columns);
    const auto bounds = [](QDate first, QDate last) {
        return QVariantList{first.toString(Qt::ISODate), last.toString(Qt::ISODate)};
    };
    QList<SqlStatement> statements;
    if (!m_leading.isEmpty() || (m_weeks.isEmpty() && m_trailing.isEmpty()))
        statements.append({days, bounds(m_leading.first, m_leading.last)});
    if (!m_weeks.isEmpty()) {
        // At most WeekStatements runs of weeks, as even as the count allows:
        // an open range has hundreds of thousands of weeks.
        const QString weeks = QStringLiteral("SELECT %1 FROM api_usage_weekly WHERE week >= ? AND week <= ?").arg(Columns);
        const qint64 count = weekCount();
        const qint64 runs = qMin<qint64>(count, WeekStatements);
        QDate monday = m_weeks.first;
        for (qint64 run = 0; run < runs; ++run) {
            const qint64 length = count / runs + (run < count % runs ? 1 : 0);
            const QDate lastMonday = monday.addDays(7 * (length - 1));
            statements.append({weeks, bounds(monday, lastMonday)});
            monday = lastMonday.addDays(7);
        }
    }
    if (!m_trailing.isEmpty())
        statements.append({days, bounds(m_trailing.first, m_trailing.last)});
    return statements;
}

QList<SqlStatement> RangeParts::periodStatements(const QString &userCondition, const QVariantList &userValues) const
{
    const QString users = userCondition.isEmpty() ? QString() : QStringLiteral(" AND ") + userCondition;
    const QString day = QStringLiteral("SELECT %1 FROM api_usage_daily WHERE day = ?%2").arg(Columns, users);
    const QString week = QStringLiteral("SELECT %1 FROM api_usage_weekly WHERE week = ?%2").arg(Columns, users);
    QList<SqlStatement> statements;
    const auto add = [&](const QString &sql, const Days &days, int step) {
        if (days.isEmpty())
            return;
        for (QDate at = days.first; at <= days.last; at = at.addDays(step))
            statements.append({sql, QVariantList{at.toString(Qt::ISODate)} + userValues});
    };
    add(day, m_leading, 1);
    add(week, m_weeks, 7);
    add(day, m_trailing, 1);
    return statements;
}

qint64 RangeParts::periods() const
{
    return m_leading.count() + m_trailing.count() + weekCount();
}

int RangeParts::cost() const
{
    return int(qMin<qint64>(m_leading.count() + m_trailing.count() + weekCount() * WeekCost, std::numeric_limits<int>::max()));
}

QDate RangeParts::split(QDate first, QDate last, double share)
{
    if (!first.isValid() || !last.isValid() || first.daysTo(last) < 1)
        return {};
    // The split that finishes first, with each thread's part weighed by its
    // share: a Sunday keeps both parts' weeks whole. Every day of a range up
    // to ten years is tried, and evenly spread days of a longer one.
    QDate best;
    double bestTime = std::numeric_limits<double>::max();
    const qint64 step = qMax<qint64>(1, first.daysTo(last) / 3660);
    for (QDate day = first; day < last; day = day.addDays(step)) {
        const double time = qMax(RangeParts(first, day).cost() / share,
                                 RangeParts(day.addDays(1), last).cost() / (1 - share));
        if (time < bestTime) {
            bestTime = time;
            best = day;
        }
    }
    return best;
}

} // namespace meterdesk
