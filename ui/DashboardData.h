#pragma once

#include <Queries.h>

#include <QMetaType>

namespace meterdesk {

// Everything the dashboard shows for one range, loaded in one go off the
// UI thread and handed over as values.
struct DashboardData
{
    quint64 requestId = 0;
    DateRange range;
    Bucket bucket = Bucket::Day;
    Overview overview;
    QList<UserRow> users;
    QList<SeriesPoint> series;
    QList<CostRow> costs;
    qint64 loadMs = 0;
};

// The details pane of one user.
struct UserDetails
{
    quint64 requestId = 0;
    QString userId;
    QList<UserDayRow> daily;
    QList<EventRow> events;
    int offset = 0;
    bool hasMore = false;
};

// What an admin action did.
struct ActionOutcome
{
    bool ok = false;
    QString action; // block, unblock, risk
    QStringList userIds;
    QString reason;
    int riskScore = 0;
    QString error;
};

// What the connected role may do (PostgreSQL privileges; SQLite: all).
struct Capabilities
{
    bool canBlock = true;
    bool canSetRisk = true;
    QString role;
};

} // namespace meterdesk

Q_DECLARE_METATYPE(meterdesk::DashboardData)
Q_DECLARE_METATYPE(meterdesk::UserDetails)
Q_DECLARE_METATYPE(meterdesk::ActionOutcome)
Q_DECLARE_METATYPE(meterdesk::Capabilities)
Q_DECLARE_METATYPE(QList<meterdesk::AuditRow>)
