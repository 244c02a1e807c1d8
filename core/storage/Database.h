#pragma once

#include "storage/ConnectionSpec.h"
#include "storage/Dialect.h"
#include "meterdesk_core_export.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <memory>

namespace meterdesk {

class KeptConnections;
class PriceBook;

// What a database holds, as far as Meterdesk is concerned.
enum class SchemaState {
    Empty,       // no tables: `init` creates the schema
    Seed,        // the original web app's tables, never upgraded
    Outdated,    // Meterdesk's schema, older than this build
    Current,     // ready
    Newer,       // made by a newer Meterdesk: refused, never modified
    Foreign,     // tables, but not a usage database: refused, never modified
};

// Why a statement failed, for retry decisions and user-facing messages.
enum class SqlFailure { None, Busy, Deadlock, ConnectionLost, PermissionDenied, Constraint, Other };

METERDESK_CORE_EXPORT SqlFailure classify(const QSqlError &error);
METERDESK_CORE_EXPORT bool isTransient(SqlFailure failure);

// One open connection to a usage database. Qt binds a connection to the
// thread that opened it: open one Database per thread, never share it.
class METERDESK_CORE_EXPORT Database
{
public:
    // 2: one lock order for every writer of the aggregates; the original
    // writer's stats rows corrected to the per-service totals.
    static constexpr int SchemaVersion = 9;

    static std::unique_ptr<Database> open(const ConnectionSpec &spec, QString *error);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase &sql() { return m_db; }
    const Dialect &dialect() const { return Dialect::of(m_spec.backend); }
    const ConnectionSpec &spec() const { return m_spec; }
    bool isPostgres() const { return dialect().isPostgres(); }

    SchemaState inspect(int *version, QString *error);
    // Creates the schema in an empty database or upgrades a seed or older
    // one in place, in one transaction; refuses foreign and newer ones.
    // `progress` hears the statements done of those to run (a seed's or an
    // old schema's upgrade rebuilds every aggregate: minutes at millions of calls).
    bool migrate(const PriceBook &prices, QString *error, const std::function<void(int done, int total)> &progress = {});
    // PostgreSQL only: the writer and admin group roles (docs/reliability.md).
    // Names are plain identifiers ([a-z_][a-z0-9_]*).
    bool createRoles(const QString &writer, const QString &admin, QString *error);
    // For readers and writers: true when the schema is current; otherwise
    // a message that says what to do (run `meterctl init`, ...).
    bool checkReady(QString *error);
    // Whether Meterdesk created this database, and so may add users rows.
    bool ownsUsers();
    // Whether the connection answers a trivial statement.
    bool isAlive();
    // Closes and reopens the connection after it was lost.
    bool reconnect(QString *error);
    // Connections to the same database for reads beside this one, kept
    // while this one is open.
    KeptConnections &keptConnections();
    // The database role (PostgreSQL) or "sqlite".
    QString roleName();

    // Runs one statement without results; false and the message on error.
    bool exec(const QString &statement, QString *error, SqlFailure *failure = nullptr);
    QSqlQuery prepare(const QString &statement, QString *error);
    // A forward-only read: prepares `statement` into `query`, binds `values`
    // in order and runs it; false and the message on error.
    bool select(QSqlQuery &query, const QString &statement, const QVariantList &values, QString *error);
    // BEGIN (IMMEDIATE on SQLite, so writers queue instead of deadlocking).
    bool begin(QString *error, SqlFailure *failure = nullptr);
    bool commit(QString *error, SqlFailure *failure = nullptr);
    void rollback();

private:
    explicit Database(const ConnectionSpec &spec);
    bool openConnection(QString *error);
    // Whether `table` has `column` (names from the code, never from input).
    bool hasColumn(const QString &table, const QString &column);

    ConnectionSpec m_spec;
    QString m_connectionName;
    QSqlDatabase m_db;
    int m_ownsUsers = -1; // unknown until asked
    std::unique_ptr<KeptConnections> m_kept; // made when first asked
};

// "Describe what failed": the driver text without the noise.
METERDESK_CORE_EXPORT QString describe(const QSqlError &error);

} // namespace meterdesk
