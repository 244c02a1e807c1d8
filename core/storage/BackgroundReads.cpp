#include "storage/BackgroundReads.h"

#include "storage/Database.h"

namespace meterdesk {

BackgroundReads::BackgroundReads(Database &db, Read read) : BackgroundReads(db.keptConnections(), std::move(read))
{
}

BackgroundReads::BackgroundReads(KeptConnections &connections, Read read)
{
    m_running.emplace(connections.start(std::move(read)));
}

BackgroundReads::~BackgroundReads() = default; // m_running waits for the read

bool BackgroundReads::finish(QString *error)
{
    return m_running->finish(error);
}

} // namespace meterdesk
