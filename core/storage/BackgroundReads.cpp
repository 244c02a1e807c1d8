#include "storage/BackgroundReads.h"

#include "storage/Database.h"

namespace meterdesk {

BackgroundReads::BackgroundReads(ConnectionSpec spec, Read read)
{
    m_thread.reset(QThread::create([this, spec = std::move(spec), read = std::move(read)] {
        // The connection lives and dies on this thread, as Qt requires.
        auto db = Database::open(spec, &m_error);
        m_ok = db && read(*db, &m_error);
    }));
    m_thread->start();
}

BackgroundReads::BackgroundReads(ConnectionSpec spec, QList<SqlRead> reads)
    : BackgroundReads(std::move(spec), [reads = std::move(reads)](Database &db, QString *error) {
          return readRows(db, reads, error);
      })
{
}

BackgroundReads::~BackgroundReads()
{
    m_thread->wait();
}

bool BackgroundReads::finish(QString *error)
{
    m_thread->wait();
    if (!m_ok && error)
        *error = m_error;
    return m_ok;
}

} // namespace meterdesk
