#pragma once

#include "storage/ConnectionSpec.h"
#include "storage/SqlReader.h"

#include <QList>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>

namespace meterdesk {

// Reads on a thread and a connection of their own, so that a load uses both
// cores: `read` runs there once the connection is open, and with it the
// handlers of the rows it reads.
class BackgroundReads
{
public:
    using Read = std::function<bool(Database &db, QString *error)>;
    BackgroundReads(ConnectionSpec spec, Read read);
    // The statements read in turn (readRows).
    BackgroundReads(ConnectionSpec spec, QList<SqlRead> reads);
    // Waits for the reads: their handlers may refer to the caller's data.
    ~BackgroundReads();
    BackgroundReads(const BackgroundReads &) = delete;
    BackgroundReads &operator=(const BackgroundReads &) = delete;

    // Waits for the reads; false and the message (if `error`) when the
    // connection could not be opened or the read failed.
    bool finish(QString *error);

private:
    std::unique_ptr<QThread> m_thread;
    QString m_error;
    bool m_ok = false;
};

} // namespace meterdesk
