#pragma once

#include "queries/ServiceMap.h"
#include "queries/Utf8Keys.h"
#include "storage/KeptConnections.h"
#include "storage/SqlReader.h"

#include "meterdesk_core_export.h"

#include <QByteArray>
#include <QList>
#include <QVariantList>

#include <utility>
#include <vector>

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
class METERDESK_CORE_EXPORT ServiceSums
{
public:
    // How the rows come: SQLite sends a statement's rows in its key's order,
    // a user's rows together or in order of id; PostgreSQL in the heap's,
    // any order. In order they are summed as they come, the last user's
    // sums most often the ones to add to. In any order they are kept as
    // they come and summed once, grouped by their ids' hash: one by one, a
    // row whose user was not the last one's cost four cache misses (its
    // id's slot, the id, the user's sums, their services).
    enum class Order { ById, Any };
    // How ids are hashed for Order::Any; a test passes one that collides.
    using KeyHash = size_t (*)(QByteArrayView key, size_t seed);
    explicit ServiceSums(Order order, KeyHash hash = hashUtf8Key) : m_order(order), m_hash(hash) {}
    void add(const SqlRow &row);
    // Each user's sums, in the order of their first rows.
    QList<UserServiceSums> &users();

private:
    static constexpr int PrefixBytes = 16;
    struct Row
    {
        size_t hash;
        qint64 requests, tokens, nanos, unpriced;
        quint32 keyOffset, keyLength; // in m_keys
        quint32 arrival;              // the row's number, for the users' order
        quint32 service;              // m_services.index()
        char prefix[PrefixBytes];     // the id's first bytes: most ids are compared here
    };
    bool sameKey(const Row &a, const Row &b) const;
    QByteArray keyOf(const Row &row) const;
    void sum();

    Order m_order;
    KeyHash m_hash;
    // Order::ById: the sums so far, and where each user's are.
    Utf8KeyIndex m_index;
    // Order::Any: the rows kept and their ids' bytes.
    std::vector<Row> m_rows;
    QByteArray m_keys;
    SharedStrings m_services; // the rows' services, by number for Order::Any
    QList<UserServiceSums> m_users;
    bool m_summed = false;
    size_t m_seed = QHashSeed::globalSeed();
};

// A rollup scan summed on a thread of its own, over a second connection to
// the same database: the users load then uses both cores, reading the
// stats and names on one while this sums the per-service rows.
class BackgroundServiceScan
{
public:
    // Reads the statements in turn (readRows), each giving rollup rows.
    BackgroundServiceScan(Database &db, const QList<SqlStatement> &statements);

    // Waits for the scan; false and the message when it failed.
    bool finish(QList<UserServiceSums> *sums, QString *error);

private:
    ServiceSums m_sums; // before m_reads: its thread adds to it, and is waited for first
    KeptConnections::Running m_reads;
};

} // namespace meterdesk
