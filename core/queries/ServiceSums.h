#pragma once

#include "queries/ServiceMap.h"
#include "queries/Utf8Keys.h"
#include "storage/BackgroundReads.h"
#include "storage/SqlReader.h"

#include <QByteArray>
#include <QList>
#include <QVariantList>

#include <utility>

namespace meterdesk {

// One user's service totals from a scan of a rollup table.
struct UserServiceSums
{
    QByteArray userId; // UTF-8, as the database holds it
    qint64 requests = 0;
    qint64 tokens = 0;
    Money cost;
    qint64 unpricedEvents = 0;
    ServiceMap perService;
};

// Adds one service's usage to a user's totals and to that service's own;
// for UserRow and UserServiceSums alike.
template <typename UserTotals>
void addServiceUsage(UserTotals &user, const QString &service, const ServiceTotals &delta, qint64 unpricedEvents)
{
    ServiceTotals &totals = user.perService[service];
    totals.requests += delta.requests;
    totals.tokens += delta.tokens;
    totals.cost += delta.cost;
    user.requests += delta.requests;
    user.tokens += delta.tokens;
    user.cost += delta.cost;
    user.unpricedEvents += unpricedEvents;
}

// Adds one rollup row (user_id, service, requests, tokens, cost_nanos,
// unpriced_requests) to a user's totals, the service's name shared.
template <typename UserTotals>
void addRollupRow(UserTotals &user, SharedStrings &services, const SqlRow &row)
{
    addServiceUsage(user, services.get(row.utf8(1)), {row.integer(2), row.integer(3), Money::fromNanos(row.integer(4))},
                    row.integer(5));
}

// Sums rollup rows (user_id, service, requests, tokens, cost_nanos,
// unpriced) per user, keyed by the ids' bytes.
class ServiceSums
{
public:
    void add(const SqlRow &row);
    QList<UserServiceSums> &users() { return m_users; }

private:
    Utf8KeyIndex m_index;
    QList<UserServiceSums> m_users;
    SharedStrings m_services;
};

// A rollup scan summed on a thread of its own, over a second connection to
// the same database: the users load then uses both cores, reading the
// stats and names on one while this sums the per-service rows.
class BackgroundServiceScan
{
public:
    // Reads the statements in turn (readRows), each giving rollup rows.
    BackgroundServiceScan(ConnectionSpec spec, const QList<SqlStatement> &statements);

    // Waits for the scan; false and the message when it failed.
    bool finish(QList<UserServiceSums> *sums, QString *error);

private:
    ServiceSums m_sums; // before m_reads: its thread adds to it, and is waited for first
    BackgroundReads m_reads;
};

} // namespace meterdesk
