#pragma once

#include "storage/ConnectionSpec.h"
#include "meterdesk_core_export.h"

#include <QString>

#include <functional>
#include <memory>

namespace meterdesk {

class Database;

// Threads with connections of their own, for the reads a load makes
// beside its own connection so that it uses both cores, kept between
// loads. A connection opened for each read made every load pay for it
// again: on PostgreSQL a new backend, which faults in each page of the
// shared buffers it touches (the 100,000 users' stats rows: 105 ms on a
// new backend, 20 on one that read them before); on SQLite a new map of
// the file.
//
// A Database keeps its own (Database::keptConnections). Thread-safe.
class METERDESK_CORE_EXPORT KeptConnections
{
public:
    using Read = std::function<bool(Database &db, QString *error)>;
    class Worker;

    // Keeps up to `keep` idle connections; more may be busy at once. The
    // dashboard's loads use two at once (SQLite's totals and per-service
    // sums), while its risk suggestions may still be read on a third.
    explicit KeptConnections(ConnectionSpec spec, int keep = 3);
    // Closes the idle connections. A worker still busy closes its own when
    // it is given back.
    ~KeptConnections();
    KeptConnections(const KeptConnections &) = delete;
    KeptConnections &operator=(const KeptConnections &) = delete;

    // Starts `read` on an idle connection, or on a new one: it runs on that
    // connection's thread, and with it the handlers of the rows it reads.
    // `finish` (or the destructor: the handlers may refer to the caller's
    // data) waits for it and gives the connection back.
    class Running
    {
    public:
        Running(Running &&) noexcept;
        Running &operator=(Running &&) = delete;
        ~Running(); // waits, as finish does
        // False and the message (if `error`) when the connection could not
        // be opened or the read failed.
        bool finish(QString *error);

    private:
        friend class KeptConnections;
        struct Shelf;
        Running(std::shared_ptr<Shelf> shelf, std::unique_ptr<Worker> worker);
        std::shared_ptr<Shelf> m_shelf;
        std::unique_ptr<Worker> m_worker;
        bool m_ok = false;
        QString m_error;
    };
    Running start(Read read);

    // How many connections were opened so far, and how many are idle.
    int opened() const;
    int idle() const;

private:
    std::shared_ptr<Running::Shelf> m_shelf;
};

} // namespace meterdesk
