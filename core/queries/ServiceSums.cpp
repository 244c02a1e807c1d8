#include "queries/ServiceSums.h"

#include "storage/Database.h"

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
    addServiceUsage(m_users[at], m_services.get(row.utf8(1)),
                    {row.integer(2), row.integer(3), Money::fromNanos(row.integer(4))}, row.integer(5));
}

BackgroundServiceScan::BackgroundServiceScan(ConnectionSpec spec, QList<SqlStatement> statements)
{
    m_thread.reset(QThread::create([this, spec = std::move(spec), statements = std::move(statements)] {
        // The connection lives and dies on this thread, as Qt requires.
        auto db = Database::open(spec, &m_error);
        m_ok = db && readRows(*db, sqlReads(statements, [this](const SqlRow &row) { m_sums.add(row); }), &m_error);
    }));
    m_thread->start();
}

BackgroundServiceScan::~BackgroundServiceScan()
{
    m_thread->wait();
}

bool BackgroundServiceScan::finish(QList<UserServiceSums> *sums, QString *error)
{
    m_thread->wait();
    if (!m_ok) {
        *error = m_error;
        return false;
    }
    *sums = std::move(m_sums.users());
    return true;
}

} // namespace meterdesk
