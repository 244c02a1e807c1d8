#include "storage/Dialect.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

namespace meterdesk {

namespace {

// A driver handle is a QVariant holding a pointer whose type Qt names by
// the library's struct; the handle is taken only when the name matches.
template<typename Handle>
Handle *driverHandle(const QSqlDatabase &db, std::initializer_list<const char *> typeNames)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid())
        return nullptr;
    for (const char *name : typeNames)
        if (qstrcmp(handle.typeName(), name) == 0)
            return *static_cast<Handle *const *>(handle.constData());
    return nullptr;
}

} // namespace

const Dialect &Dialect::of(Backend backend)
{
    static const Dialect sqlite(Backend::Sqlite);
    static const Dialect postgres(Backend::Postgres);
    return backend == Backend::Postgres ? postgres : sqlite;
}

const Dialect &Dialect::of(const QSqlDatabase &db)
{
    return of(db.driverName() == of(Backend::Postgres).driverName() ? Backend::Postgres : Backend::Sqlite);
}

QString Dialect::driverName() const
{
    return isPostgres() ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE");
}

QStringList Dialect::sessionSetup() const
{
    if (isPostgres())
        // Naive timestamp columns hold UTC; make the session agree.
        return {QStringLiteral("SET TIME ZONE 'UTC'"), QStringLiteral("SET client_min_messages = warning")};
    // A page cache big enough that a batch does not spill mid-transaction
    // (each spill is a burst of WAL writes), and reads through mmap. A batch
    // dirties about a thousand pages, so the default checkpoint every 1,000
    // pages ran (and synced) after nearly every commit.
    return {QStringLiteral("PRAGMA foreign_keys = ON"), QStringLiteral("PRAGMA synchronous = NORMAL"),
            QStringLiteral("PRAGMA cache_size = -65536"), QStringLiteral("PRAGMA mmap_size = 1073741824"),
            QStringLiteral("PRAGMA wal_autocheckpoint = 10000")};
}

QString Dialect::beginWrite() const
{
    return isPostgres() ? QString() : QStringLiteral("BEGIN IMMEDIATE");
}

QString Dialect::transactionLock(qint64 key) const
{
    return isPostgres() ? QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(key) : QString();
}

QString Dialect::currentRole() const
{
    return isPostgres() ? QStringLiteral("current_user") : QStringLiteral("'sqlite'");
}

QString Dialect::forUpdate() const
{
    return isPostgres() ? QStringLiteral(" FOR UPDATE") : QString();
}

QString Dialect::textType() const
{
    return isPostgres() ? QStringLiteral("varchar") : QStringLiteral("TEXT");
}

QString Dialect::dayType() const
{
    return isPostgres() ? QStringLiteral("date") : QStringLiteral("TEXT");
}

QString Dialect::timestampType() const
{
    return isPostgres() ? QStringLiteral("timestamp") : QStringLiteral("TEXT");
}

QString Dialect::serialKey() const
{
    return isPostgres() ? QStringLiteral("bigserial PRIMARY KEY") : QStringLiteral("INTEGER PRIMARY KEY");
}

QString Dialect::clusteredTable() const
{
    return isPostgres() ? QString() : QStringLiteral(" WITHOUT ROWID");
}

QString Dialect::addColumnIfMissing() const
{
    // SQLite has no IF NOT EXISTS here; its migrations run once, by version.
    return isPostgres() ? QStringLiteral("ADD COLUMN IF NOT EXISTS") : QStringLiteral("ADD COLUMN");
}

QString Dialect::boolean(bool value) const
{
    if (isPostgres())
        return value ? QStringLiteral("true") : QStringLiteral("false");
    return value ? QStringLiteral("1") : QStringLiteral("0");
}

QString Dialect::dayOf(const QString &timestampColumn) const
{
    return isPostgres() ? QStringLiteral("CAST(%1 AS date)").arg(timestampColumn)
                        : QStringLiteral("date(%1)").arg(timestampColumn);
}

QString Dialect::weekOf(const QString &timestampColumn) const
{
    // SQLite: forward to the Sunday that ends the week (the day itself if
    // it is one), then back to its Monday.
    return isPostgres() ? QStringLiteral("CAST(date_trunc('week', %1) AS date)").arg(timestampColumn)
                        : QStringLiteral("date(%1, 'weekday 0', '-6 days')").arg(timestampColumn);
}

QString Dialect::minuteOf(const QString &timestampColumn) const
{
    // SQLite holds our own text form, "2026-01-02 03:04:05.678".
    return isPostgres() ? QStringLiteral("date_trunc('minute', %1)").arg(timestampColumn)
                        : QStringLiteral("substr(%1, 1, 16)").arg(timestampColumn);
}

QString Dialect::serviceBreakdownAggregate() const
{
    return isPostgres()
               ? QStringLiteral(
                     "jsonb_object_agg(service, jsonb_build_object('requests', requests, "
                     "'cost', round(cost_nanos / 1000000000.0, 9), 'tokens', tokens))")
               // The cost to the nano as exact decimal text: a double holds 15
               // digits ($10M to the nano is 17), and printing one was a fifth
               // of a batch's stats upsert.
               : QStringLiteral("'{' || coalesce(group_concat(json_quote(service) || "
                                "':{\"requests\":' || requests || "
                                "',\"cost\":' || printf('%s%d.%09d', CASE WHEN cost_nanos < 0 THEN "
                                "'-' ELSE '' END, "
                                "abs(cost_nanos / 1000000000), abs(cost_nanos % 1000000000)) || "
                                "',\"tokens\":' || tokens || '}', ','), '') || '}'");
}

QString Dialect::jsonEntries(const QString &column) const
{
    return isPostgres() ? QStringLiteral("jsonb_each(%1) e").arg(column) : QStringLiteral("json_each(%1) e").arg(column);
}

QString Dialect::jsonNumber(const QString &json, const QString &member, const QString &type) const
{
    return isPostgres() ? QStringLiteral("CAST(%1->>'%2' AS %3)").arg(json, member, type)
                        : QStringLiteral("CAST(json_extract(%1, '$.%2') AS %3)").arg(json, member, type);
}

QString Dialect::microsFromNanos(const QString &nanos) const
{
    // PostgreSQL's sum of bigint is numeric, whose "/" keeps fractions:
    // div() truncates. SQLite divides integers as integers.
    return isPostgres() ? QStringLiteral("CAST(div((%1) + 500, 1000) AS bigint)").arg(nanos)
                        : QStringLiteral("((%1) + 500) / 1000").arg(nanos);
}

QString Dialect::statsTotalCostUpsert() const
{
    return isPostgres() ? QStringLiteral("coalesce(api_usage_stats.total_cost, 0) + excluded.total_cost")
                        : QStringLiteral("(api_usage_stats.total_cost_nanos + excluded.total_cost_nanos) / 1e9");
}

QString Dialect::statsTotalCostPlus(const QString &nanos) const
{
    return isPostgres() ? QStringLiteral("coalesce(total_cost, 0) + CAST(%1 AS numeric) / 1000000000").arg(nanos)
                        : QStringLiteral("(total_cost_nanos + %1) / 1e9").arg(nanos);
}

bool Dialect::bindsRowsAsArrays(qsizetype rows) const
{
    return isPostgres() && rows > 8;
}

sqlite3 *Dialect::sqliteHandle(const QSqlDatabase &db)
{
    // Qt documents this: the driver handle of QSQLITE is a sqlite3*.
    return driverHandle<sqlite3>(db, {"sqlite3*"});
}

pg_conn *Dialect::postgresHandle(const QSqlDatabase &db)
{
    // Qt names the type by libpq's struct: "pg_conn*" (PGconn is its typedef).
    return driverHandle<pg_conn>(db, {"pg_conn*", "PGconn*"});
}

} // namespace meterdesk
