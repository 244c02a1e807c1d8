#pragma once

// Calls for reading ranges: the same calls serve the users' and the totals'
// tests, whose expected sums come from these calls, not from a read.

#include <queries/DateRange.h>
#include <tracking/UsageEvent.h>

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace meterdesk::test {

inline const QString HostileId = QStringLiteral("o'brien\"; DROP TABLE users; -- \u202e\U0001F600");

inline UsageEvent usageAt(const QString &user, const QString &service, const QString &model, qint64 input,
                          qint64 output, QDate day, int hour = 12)
{
    UsageEvent e;
    e.userId = user;
    e.service = service;
    e.model = model;
    e.tokens = {input, output, 0, 0};
    e.timestamp = QDateTime(day, QTime(hour, 30), Qt::UTC);
    return e;
}

// 75 days from Thursday 2026-01-01, so ranges and buckets cut weeks and
// months in every way: five users (one with a hostile id, two whose long
// ids differ only at the end), not every user every day, two services, and
// now and then a model without a price.
inline QList<UsageEvent> rangeCalls()
{
    const QDate start(2026, 1, 1);
    const QStringList users{QStringLiteral("ann"), QStringLiteral("ben"), HostileId,
                            QStringLiteral("customer-with-a-long-id-0001"), QStringLiteral("customer-with-a-long-id-0002")};
    const QStringList services{QStringLiteral("openai"), QStringLiteral("anthropic")};
    const QStringList models{QStringLiteral("gpt-4o"), QStringLiteral("claude-3-haiku")};
    QList<UsageEvent> events;
    for (int day = 0; day < 75; ++day)
        for (int u = 0; u < users.size(); ++u) {
            if ((day * 7 + u * 3) % 5 == 0)
                continue;
            const int s = (day + u) % 2;
            events << usageAt(users[u], services[s], models[s], 1000 * (day + 1) + u, 10 * day, start.addDays(day),
                              u * 11);
            if (day % 9 == u)
                events << usageAt(users[u], services[s], QStringLiteral("model-without-a-price"), 500, 5,
                                  start.addDays(day), 23);
        }
    return events;
}

// Every kind of range over rangeCalls(): all time, open at either end, and
// closed ones of 1 to 60 days from each of the first 16 days.
inline QList<DateRange> rangesOverCalls()
{
    const QDate start(2026, 1, 1);
    QList<DateRange> ranges{DateRange::allTime(), {QDate(), start.addDays(20)}, {start.addDays(30), QDate()}};
    for (int first = 0; first < 16; ++first)
        for (int length : {1, 2, 6, 7, 8, 13, 14, 15, 20, 21, 30, 45, 60})
            ranges.append({start.addDays(first), start.addDays(first + length - 1)});
    return ranges;
}

} // namespace meterdesk::test
