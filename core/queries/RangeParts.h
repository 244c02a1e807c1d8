#pragma once

#include "storage/SqlReader.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QVariantList>

namespace meterdesk {

// A closed range of days as the per-user rollups read it: the whole weeks
// (Monday to Sunday) inside it from api_usage_weekly, the days before the
// first whole week and after the last from api_usage_daily. Thirty days of
// ten million calls are then 280,000 rows rather than 460,000.
class RangeParts
{
public:
    RangeParts(QDate first, QDate last);

    // The statements that give the per-service rows (user_id, service,
    // requests, tokens, cost_nanos, unpriced_requests) of the range, each
    // with its values: one for each run of days, up to four for the weeks.
    // Read in turn, one's rows are summed while the server sends the next.
    QList<SqlStatement> statements() const;

    // The same rows narrowed to some users, one statement a day and a week:
    // a single day or week and a user bound is a seek into the rollup's key
    // (day or week, user_id, ...), where a run of them only filters.
    // `userCondition` (SQL from code, or none) has its values bound after the day's.
    QList<SqlStatement> periodStatements(const QString &userCondition, const QVariantList &userValues) const;
    // How many statements periodStatements() gives.
    qint64 periods() const;

    // What reading the range costs, roughly, in days' rows: a whole week's
    // rows are about three days' (measured at 10M calls: 46,000 against
    // 15,300).
    int cost() const;

    // The last day of the first of two parts of [first, last] read on two
    // threads, the first taking about `share` of the time; null when the
    // range is too short to be worth splitting.
    static QDate split(QDate first, QDate last, double share);

private:
    struct Days
    {
        QDate first, last;
        bool isEmpty() const { return !first.isValid() || !last.isValid() || first > last; }
        qint64 count() const { return isEmpty() ? 0 : first.daysTo(last) + 1; }
    };
    Days m_leading, m_trailing; // from api_usage_daily
    Days m_weeks;               // the Mondays of the whole weeks
    qint64 weekCount() const { return m_weeks.isEmpty() ? 0 : m_weeks.first.daysTo(m_weeks.last) / 7 + 1; }
};

} // namespace meterdesk
