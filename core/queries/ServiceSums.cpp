#include "queries/ServiceSums.h"

#include "storage/Database.h"

#include <algorithm>
#include <cstring>

namespace meterdesk {

void ServiceSums::add(const SqlRow &row)
{
    Q_ASSERT(!m_summed);
    const QByteArrayView id = row.utf8(0), service = row.utf8(1);
    if (m_order == Order::ById) {
        qsizetype at = m_index.find(id);
        if (at < 0) {
            at = m_users.size();
            m_index.insert(id, at);
            m_users.append(UserServiceSums{id.toByteArray(), 0, 0, {}, 0, {}});
        }
        addRollupRow(m_users[at], m_services, row);
        return;
    }
    // Room for the rest of the result at once where the database says how
    // much: grown by doubling, the all-time rows of 100,000 users (302,000)
    // were copied over and over into memory new to the load, and its page
    // faults cost more than the copies.
    if (m_rows.size() == m_rows.capacity()) {
        if (const qsizetype after = row.rowsAfter(); after > 0) {
            m_rows.reserve(m_rows.size() + 1 + size_t(after));
            m_keys.reserve(m_keys.size() + (after + 1) * (id.size() + 2));
        }
    }
    Row kept{m_hash(id, m_seed), row.integer(2), row.integer(3), row.integer(4), row.integer(5),
             quint32(m_keys.size()), quint32(id.size()), quint32(m_rows.size()), m_services.index(service), {}};
    std::memcpy(kept.prefix, id.data(), std::min<qsizetype>(id.size(), PrefixBytes));
    m_keys.append(id.data(), id.size());
    m_rows.push_back(kept);
}

bool ServiceSums::sameKey(const Row &a, const Row &b) const
{
    if (a.hash != b.hash || a.keyLength != b.keyLength
        || std::memcmp(a.prefix, b.prefix, std::min<quint32>(a.keyLength, PrefixBytes)) != 0)
        return false;
    return a.keyLength <= PrefixBytes
        || std::memcmp(m_keys.constData() + a.keyOffset, m_keys.constData() + b.keyOffset, a.keyLength) == 0;
}

QByteArray ServiceSums::keyOf(const Row &row) const
{
    return row.keyLength <= PrefixBytes ? QByteArray(row.prefix, row.keyLength)
                                        : m_keys.mid(row.keyOffset, row.keyLength);
}

void ServiceSums::sum()
{
    // By the hash's top bits into buckets, each row's order kept, then by
    // the whole hash and that order within a bucket: a user's rows end up
    // together, first row first, and the rows are read and written in
    // order rather than each fetched. (std::sort on the order needs no
    // buffer; std::stable_sort took one for every bucket.)
    constexpr int Bits = 12;
    std::vector<Row> sorted = std::move(m_rows);
    m_rows = {};
    const std::vector<size_t> starts =
        sortIntoBuckets(sorted, size_t(1) << Bits, [](const Row &row) { return row.hash >> (64 - Bits); });
    const auto byHashThenArrival = [](const Row &a, const Row &b) {
        return a.hash != b.hash ? a.hash < b.hash : a.arrival < b.arrival;
    };
    for (size_t bucket = 0; bucket + 1 < starts.size(); ++bucket)
        std::sort(sorted.begin() + starts[bucket], sorted.begin() + starts[bucket + 1], byHashThenArrival);

    // Each user from a run of one hash; two ids of one hash, a rarity, are
    // told apart by their bytes.
    QList<UserServiceSums> users;
    std::vector<std::pair<quint32, qsizetype>> firstRows; // (arrival, user), for the order
    for (size_t run = 0; run < sorted.size();) {
        size_t end = run + 1;
        while (end < sorted.size() && sorted[end].hash == sorted[run].hash)
            ++end;
        for (size_t i = run; i < end; ++i) {
            if (sorted[i].keyLength == quint32(-1))
                continue; // summed with an earlier row of this run
            UserServiceSums user{keyOf(sorted[i]), 0, 0, {}, 0, {}};
            for (size_t j = i; j < end; ++j) {
                Row &row = sorted[j];
                if (row.keyLength == quint32(-1) || (j != i && !sameKey(sorted[i], row)))
                    continue;
                addServiceUsage(user, m_services.text(row.service),
                                {row.requests, row.tokens, Money::fromNanos(row.nanos)}, row.unpriced);
                if (j != i)
                    row.keyLength = quint32(-1);
            }
            firstRows.emplace_back(sorted[i].arrival, users.size());
            users.append(std::move(user));
        }
        run = end;
    }
    std::sort(firstRows.begin(), firstRows.end());
    m_users.reserve(users.size());
    for (const auto &[arrival, at] : firstRows)
        m_users.append(std::move(users[at]));
}

QList<UserServiceSums> &ServiceSums::users()
{
    if (!m_summed && m_order == Order::Any) {
        m_summed = true;
        sum();
    }
    return m_users;
}

BackgroundServiceScan::BackgroundServiceScan(Database &db, const QList<SqlStatement> &statements)
    : m_sums(db.isPostgres() ? ServiceSums::Order::Any : ServiceSums::Order::ById),
      m_reads(db.keptConnections().start(
          [this, reads = sqlReads(statements, [this](const SqlRow &row) { m_sums.add(row); })](Database &aside,
                                                                                              QString *error) {
              if (!readRows(aside, reads, error))
                  return false;
              m_sums.users(); // summed on this thread too, not the one waiting for it
              return true;
          }))
{
}

bool BackgroundServiceScan::finish(QList<UserServiceSums> *sums, QString *error)
{
    if (!m_reads.finish(error))
        return false;
    *sums = std::move(m_sums.users());
    return true;
}

} // namespace meterdesk
