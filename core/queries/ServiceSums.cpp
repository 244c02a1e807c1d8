#include "queries/ServiceSums.h"

namespace meterdesk {

void ServiceSums::add(const SqlRow &row)
{
    const QByteArrayView id = row.utf8(0);
    qsizetype at = m_index.find(id);
    if (at < 0) {
        at = m_users.size();
        m_index.insert(id, at);
        m_users.append(UserServiceSums{id.toByteArray(), 0, 0, {}, 0, {}});
    }
    addRollupRow(m_users[at], m_services, row);
}

BackgroundServiceScan::BackgroundServiceScan(ConnectionSpec spec, const QList<SqlStatement> &statements)
    : m_reads(std::move(spec), sqlReads(statements, [this](const SqlRow &row) { m_sums.add(row); }))
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
