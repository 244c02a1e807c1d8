#include "queries/RangeParts.h"

#include <QStringList>

#include <limits>

namespace meterdesk {

namespace {

constexpr int WeekCost = 3;

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

QString RangeParts::sql() const
{
    QStringList parts;
    if (!m_leading.isEmpty() || (m_weeks.isEmpty() && m_trailing.isEmpty()))
        parts << QStringLiteral("SELECT %1 FROM api_usage_daily WHERE day >= ? AND day <= ?").arg(Columns);
    if (!m_weeks.isEmpty())
        parts << QStringLiteral("SELECT %1 FROM api_usage_weekly WHERE week >= ? AND week <= ?").arg(Columns);
    if (!m_trailing.isEmpty())
        parts << QStringLiteral("SELECT %1 FROM api_usage_daily WHERE day >= ? AND day <= ?").arg(Columns);
    return parts.join(QStringLiteral(" UNION ALL "));
}

QVariantList RangeParts::values() const
{
    QVariantList values;
    const auto add = [&](const Days &days) {
        values << days.first.toString(Qt::ISODate) << days.last.toString(Qt::ISODate);
    };
    if (!m_leading.isEmpty() || (m_weeks.isEmpty() && m_trailing.isEmpty()))
        add(m_leading);
    if (!m_weeks.isEmpty())
        add(m_weeks);
    if (!m_trailing.isEmpty())
        add(m_trailing);
    return values;
}

int RangeParts::cost() const
{
    const qint64 weeks = m_weeks.isEmpty() ? 0 : m_weeks.first.daysTo(m_weeks.last) / 7 + 1;
    return int(qMin<qint64>(m_leading.count() + m_trailing.count() + weeks * WeekCost, std::numeric_limits<int>::max()));
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
