#pragma once

#include "storage/ConnectionSpec.h"
#include "storage/KeptConnections.h"
#include "storage/SqlReader.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace meterdesk {

// Reads on a thread and a connection of their own, so that a load uses both
// cores: `read` runs there, and with it the handlers of the rows it reads.
// The thread and its connection are kept for the next read
// (KeptConnections).
class BackgroundReads
{
public:
    using Read = std::function<bool(Database &db, QString *error)>;
    // On one of `db`'s kept connections (Database::keptConnections), for
    // reads beside its own.
    BackgroundReads(Database &db, Read read);
    // On one of `connections`. The read may outlive them: its connection is
    // then closed after it.
    BackgroundReads(KeptConnections &connections, Read read);
    // Waits for the reads: their handlers may refer to the caller's data.
    ~BackgroundReads();
    BackgroundReads(const BackgroundReads &) = delete;
    BackgroundReads &operator=(const BackgroundReads &) = delete;

    // Waits for the reads; false and the message (if `error`) when the
    // connection could not be opened or the read failed.
    bool finish(QString *error);

private:
    std::optional<KeptConnections::Running> m_running;
};

} // namespace meterdesk
