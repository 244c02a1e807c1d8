#pragma once

#include "storage/Database.h"
#include "money/Money.h"
#include "money/PriceBook.h"
#include "queries/ServiceMap.h"
#include "meterdesk_core_export.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace meterdesk {

// Whole UTC days, both ends included; a null end is open.
struct METERDESK_CORE_EXPORT DateRange
{
    QDate from;
    QDate to;

    bool isAllTime() const { return from.isNull() && to.isNull(); }
    bool contains(QDate day) const
    {
        return (from.isNull() || day >= from) && (to.isNull() || day <= to);
    }
    // The ends as the database compares them; an open end is the widest
    // bound there is. Days for the rollups ("0001-01-01", "9999-12-31"),
    // times for the log: [firstTime, endTime).
    QString firstDay() const;
    QString lastDay() const;
    QString firstTime() const;
    QString endTime() const;

    static DateRange allTime() { return {}; }
    static DateRange lastDays(int days, QDate today);
    // "YYYY-MM-DD" for each end; empty text leaves that end open.
    static std::optional<DateRange> parse(const QString &from, const QString &to, QString *error);
};

struct Overview
{
    qint64 totalRequests = 0;
    qint64 totalTokens = 0;
    Money totalCost;
    QMap<QString, ServiceTotals> perService;
    qint64 activeUsers = 0;
    qint64 blockedUsers = 0;
    qint64 unpricedEvents = 0;
};

struct METERDESK_CORE_EXPORT UserRow
{
    QString userId;
    QString name; // first and last name, empty when the users table has none
    QString email;
    qint64 requests = 0;
    qint64 tokens = 0;
    Money cost;
    ServiceMap perService;
    QDateTime lastActivity; // all time, UTC
    bool blocked = false;
    QString blockReason;
    int riskScore = 0;
    qint64 unpricedEvents = 0;

    // What to call the user: name, else email, else id.
    QString displayName() const;
};

} // namespace meterdesk
// Every member moves by memcpy: 100,000 rows grow and filter without copies.
Q_DECLARE_TYPEINFO(meterdesk::UserRow, Q_RELOCATABLE_TYPE);
namespace meterdesk {

struct CostRow
{
    QString service;
    QString model;
    qint64 requests = 0;
    TokenCounts tokens;
    Money cost;
    qint64 unpricedEvents = 0;
};

enum class Bucket { Day, Week, Month };

struct SeriesPoint
{
    QDate bucketStart;
    QString service;
    qint64 requests = 0;
    Money cost;
};

struct EventRow
{
    qint64 id = 0;
    QDateTime timestamp;
    QString service;
    QString model;
    QString endpoint;
    TokenCounts tokens;
    Money cost;
    bool priced = true;
    QString eventId;
};

// One user's usage on one day with one model.
struct UserDayRow
{
    QDate day;
    QString service;
    QString model;
    qint64 requests = 0;
    qint64 tokens = 0;
    Money cost;
};

struct AuditRow
{
    qint64 id = 0;
    QDateTime at;
    QString actorRole;
    QString osUser;
    QString action;
    QString userId;
    QString oldValue;
    QString newValue;
    QString reason;
};

// The reading side of the seed's admin routes. Ranges read the rollups and
// the stats table; only a user's request list reads the log, by index.
class METERDESK_CORE_EXPORT Queries
{
public:
    explicit Queries(Database &database);

    // `countActiveUsers` false leaves activeUsers at 0, for callers that
    // count them from users() anyway (the dashboard).
    std::optional<Overview> overview(const DateRange &range, QString *error, bool countActiveUsers = true);
    std::optional<QList<UserRow>> users(const DateRange &range, QString *error);
    std::optional<QList<CostRow>> costs(const DateRange &range, QString *error);
    std::optional<QList<SeriesPoint>> costSeries(const DateRange &range, Bucket bucket, QString *error);
    // One user's daily rollup rows, oldest first: cost over time per
    // service and model for the details pane.
    std::optional<QList<UserDayRow>> userDaily(const QString &userId, const DateRange &range, QString *error);
    std::optional<QList<EventRow>> userEvents(const QString &userId, const DateRange &range, int limit,
                                              int offset, QString *error);
    std::optional<QList<AuditRow>> audit(const QString &userId, const QString &action, int limit,
                                         QString *error);
    // The first and last day with usage (null dates when there is none).
    std::pair<QDate, QDate> daySpan();
    // Rows where the stats, per-service totals or rollups differ from the
    // sums of the log; empty when all agree to the nano-dollar.
    std::optional<QStringList> verify(QString *error);

    static QDate bucketStart(QDate day, Bucket bucket);
    // The bucket a range is best shown in: days up to ~3 months, then weeks.
    static Bucket suggestedBucket(const DateRange &range, QDate firstDay, QDate lastDay);

private:
    bool run(QSqlQuery &query, const QString &sql, const QVariantList &values, QString *error);
    QVariantList dayBounds(const DateRange &range) const;

    Database &m_db;
};

} // namespace meterdesk
