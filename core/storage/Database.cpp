#include "storage/Database.h"

#include "money/PriceBook.h"
#include "storage/KeptConnections.h"
#include "storage/PriceNames.h"
#include "storage/Schema.h"
#include "storage/WalBufferVfs.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlRecord>
#include <QThread>

namespace meterdesk {

namespace {

QString newConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("meterdesk-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

SqlFailure classify(const QSqlError &error)
{
    if (error.type() == QSqlError::NoError)
        return SqlFailure::None;
    const QString code = error.nativeErrorCode();
    const QString text = error.databaseText() + u' ' + error.driverText();
    // PostgreSQL reports five-character SQLSTATE codes.
    if (code.size() == 5) {
        if (code == u"40P01")
            return SqlFailure::Deadlock;
        if (code == u"40001" || code == u"55P03")
            return SqlFailure::Busy;
        if (code.startsWith(u"08") || code == u"57P01" || code == u"57P02" || code == u"57P03")
            return SqlFailure::ConnectionLost;
        if (code == u"42501")
            return SqlFailure::PermissionDenied;
        if (code.startsWith(u"23"))
            return SqlFailure::Constraint;
        return SqlFailure::Other;
    }
    // SQLite: 5 SQLITE_BUSY, 6 SQLITE_LOCKED (extended codes keep the low byte).
    bool numeric = false;
    const int sqliteCode = code.toInt(&numeric);
    if ((numeric && ((sqliteCode & 0xff) == 5 || (sqliteCode & 0xff) == 6))
        || text.contains(u"database is locked") || text.contains(u"database table is locked"))
        return SqlFailure::Busy;
    if (numeric && (sqliteCode & 0xff) == 19)
        return SqlFailure::Constraint;
    if (error.type() == QSqlError::ConnectionError || text.contains(u"server closed the connection")
        || text.contains(u"no connection to the server") || text.contains(u"terminating connection")
        || text.contains(u"could not connect") || text.contains(u"connection to server"))
        return SqlFailure::ConnectionLost;
    if (text.contains(u"permission denied"))
        return SqlFailure::PermissionDenied;
    if (text.contains(u"constraint failed"))
        return SqlFailure::Constraint;
    return SqlFailure::Other;
}

bool isTransient(SqlFailure failure)
{
    return failure == SqlFailure::Busy || failure == SqlFailure::Deadlock
        || failure == SqlFailure::ConnectionLost;
}

QString describe(const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.driverText().trimmed();
    return text.isEmpty() ? QStringLiteral("unknown database error") : text;
}

Database::Database(const ConnectionSpec &spec)
    : m_spec(spec), m_connectionName(newConnectionName())
{
}

Database::~Database()
{
    m_kept.reset(); // their connections close before this one
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

std::unique_ptr<Database> Database::open(const ConnectionSpec &spec, QString *error)
{
    std::unique_ptr<Database> database(new Database(spec));
    if (!database->openConnection(error))
        return nullptr;
    return database;
}

bool Database::openConnection(QString *error)
{
    if (isPostgres()) {
        if (!QSqlDatabase::isDriverAvailable(dialect().driverName())) {
            *error = QStringLiteral("the Qt PostgreSQL driver (QPSQL) is not installed "
                                    "(Debian package libqt6sql6-psql)");
            return false;
        }
        m_db = QSqlDatabase::addDatabase(dialect().driverName(), m_connectionName);
        m_db.setHostName(m_spec.host);
        m_db.setPort(m_spec.port);
        m_db.setDatabaseName(m_spec.database);
        m_db.setUserName(m_spec.user);
        m_db.setPassword(m_spec.password);
        m_db.setConnectOptions(m_spec.postgresOptions());
    } else {
        const QFileInfo file(m_spec.path);
        if (file.exists() && !file.isFile()) {
            *error = QStringLiteral("%1 is not a file").arg(m_spec.path);
            return false;
        }
        if (!file.exists() && !file.absoluteDir().exists()) {
            *error = QStringLiteral("the folder of %1 does not exist").arg(m_spec.path);
            return false;
        }
        m_db = QSqlDatabase::addDatabase(dialect().driverName(), m_connectionName);
        if (m_spec.path == QLatin1String(":memory:") || !m_spec.walBuffer) {
            m_db.setDatabaseName(m_spec.path);
            m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        } else { // a commit's WAL frames in few writes (WalBufferVfs.h)
            m_db.setDatabaseName(WalBufferVfs::uriFor(m_spec.path));
            m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000;QSQLITE_OPEN_URI"));
        }
    }
    // Sums of bigint are numeric on PostgreSQL: keep them exact, as text.
    m_db.setNumericalPrecisionPolicy(QSql::HighPrecision);
    if (!m_db.open()) {
        *error = QStringLiteral("cannot open %1: %2").arg(m_spec.displayString(), describe(m_db.lastError()));
        return false;
    }
    if (!isPostgres()) {
        // A file that is not SQLite fails here, before anything is written.
        QSqlQuery probe(m_db);
        if (!probe.exec(QStringLiteral("PRAGMA journal_mode = WAL"))) {
            *error = QStringLiteral("%1 is not an SQLite database: %2")
                         .arg(m_spec.path, describe(probe.lastError()));
            m_db.close();
            return false;
        }
    }
    const QStringList setup = dialect().sessionSetup();
    for (const QString &statement : std::as_const(setup))
        if (!exec(statement, error))
            return false;
    return true;
}

bool Database::reconnect(QString *error)
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    return openConnection(error);
}

bool Database::exec(const QString &statement, QString *error, SqlFailure *failure)
{
    QSqlQuery query(m_db);
    if (query.exec(statement))
        return true;
    if (failure)
        *failure = classify(query.lastError());
    *error = describe(query.lastError());
    return false;
}

QSqlQuery Database::prepare(const QString &statement, QString *error)
{
    QSqlQuery query(m_db);
    if (!query.prepare(statement))
        *error = describe(query.lastError());
    return query;
}

bool Database::select(QSqlQuery &query, const QString &statement, const QVariantList &values, QString *error)
{
    query = QSqlQuery(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(statement)) {
        *error = describe(query.lastError());
        return false;
    }
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (query.exec())
        return true;
    *error = describe(query.lastError());
    return false;
}

bool Database::begin(QString *error, SqlFailure *failure)
{
    // A connection the server ended reads as closed (QPSQL asks libpq), and
    // Qt then refuses BEGIN without an error to classify: say it was lost,
    // so that a writer reconnects instead of failing every batch after.
    if (!m_db.isOpen()) {
        *error = QStringLiteral("the connection to %1 was lost").arg(m_spec.displayString());
        if (failure)
            *failure = SqlFailure::ConnectionLost;
        return false;
    }
    const QString begin = dialect().beginWrite();
    if (begin.isEmpty()) {
        if (m_db.transaction())
            return true;
        *error = describe(m_db.lastError());
        if (failure)
            *failure = classify(m_db.lastError());
        return false;
    }
    return exec(begin, error, failure);
}

bool Database::commit(QString *error, SqlFailure *failure)
{
    // A transaction the driver began ends through the driver.
    if (dialect().beginWrite().isEmpty()) {
        if (m_db.commit())
            return true;
        *error = describe(m_db.lastError());
        if (failure)
            *failure = classify(m_db.lastError());
        m_db.rollback();
        return false;
    }
    if (exec(QStringLiteral("COMMIT"), error, failure))
        return true;
    rollback();
    return false;
}

void Database::rollback()
{
    if (dialect().beginWrite().isEmpty()) {
        m_db.rollback();
        return;
    }
    QString ignored;
    exec(QStringLiteral("ROLLBACK"), &ignored);
}

KeptConnections &Database::keptConnections()
{
    if (!m_kept)
        m_kept = std::make_unique<KeptConnections>(m_spec);
    return *m_kept;
}

bool Database::isAlive()
{
    if (!m_db.isOpen())
        return false;
    QSqlQuery ping(m_db);
    return ping.exec(QStringLiteral("SELECT 1"));
}

QString Database::roleName()
{
    if (!dialect().hasRoles())
        return QStringLiteral("sqlite");
    QSqlQuery query(m_db);
    if (query.exec(QStringLiteral("SELECT current_user")) && query.next())
        return query.value(0).toString();
    return m_spec.user;
}

SchemaState Database::inspect(int *version, QString *error)
{
    *version = 0;
    const QStringList tables = m_db.tables(QSql::Tables);
    const auto has = [&](const char *name) {
        return tables.contains(QLatin1String(name), Qt::CaseInsensitive)
            || tables.contains(u"public." + QLatin1String(name), Qt::CaseInsensitive);
    };
    if (has("meterdesk_schema")) {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("SELECT version, owns_users FROM meterdesk_schema")) || !query.next()) {
            *error = QStringLiteral("the meterdesk_schema table is unreadable: %1").arg(describe(query.lastError()));
            return SchemaState::Foreign;
        }
        *version = query.value(0).toInt();
        m_ownsUsers = query.value(1).toBool() ? 1 : 0;
        if (*version > SchemaVersion)
            return SchemaState::Newer;
        return *version == SchemaVersion ? SchemaState::Current : SchemaState::Outdated;
    }
    if (has("api_usage_tracking") && has("api_usage_stats") && has("users"))
        return SchemaState::Seed;
    if (tables.isEmpty())
        return SchemaState::Empty;
    return SchemaState::Foreign;
}

bool Database::checkReady(QString *error)
{
    int version = 0;
    QString inspectError;
    switch (inspect(&version, &inspectError)) {
    case SchemaState::Current:
        return true;
    case SchemaState::Empty:
        *error = QStringLiteral("%1 holds no usage data yet: run `meterctl init` (or `meterctl demo`)")
                     .arg(m_spec.displayString());
        return false;
    case SchemaState::Seed:
    case SchemaState::Outdated:
        *error = QStringLiteral("%1 needs an upgrade of its usage tables: run `meterctl init`")
                     .arg(m_spec.displayString());
        return false;
    case SchemaState::Newer:
        *error = QStringLiteral("%1 was made by a newer Meterdesk (schema %2, this build knows %3)")
                     .arg(m_spec.displayString()).arg(version).arg(SchemaVersion);
        return false;
    case SchemaState::Foreign:
        *error = inspectError.isEmpty()
            ? QStringLiteral("%1 is not a usage database (no api_usage_tracking table)")
                  .arg(m_spec.displayString())
            : inspectError;
        return false;
    }
    return false;
}

bool Database::ownsUsers()
{
    if (m_ownsUsers < 0) {
        int version = 0;
        QString ignored;
        inspect(&version, &ignored);
    }
    return m_ownsUsers == 1;
}

bool Database::migrate(const PriceBook &prices, QString *error, const std::function<void(int done, int total)> &progress)
{
    int version = 0;
    const SchemaState state = inspect(&version, error);
    if (state == SchemaState::Current)
        return true;
    if (state == SchemaState::Newer || state == SchemaState::Foreign) {
        checkReady(error);
        return false;
    }
    const bool fresh = state == SchemaState::Empty;
    const bool seed = state == SchemaState::Seed;
    if (!begin(error))
        return false;
    QStringList statements = fresh ? Schema::create(dialect())
        : seed                     ? Schema::upgradeSeed(dialect())
                                   : Schema::upgrade(version, dialect());
    // Schema 3 as its first builds made it had no tiers in the price table.
    // (A failed statement would end PostgreSQL's transaction: it asks with IF NOT EXISTS.)
    if (state == SchemaState::Outdated && version == 3
        && (isPostgres() || !hasColumn(QStringLiteral("meterdesk_prices"), QStringLiteral("tiers"))))
        statements.prepend(QStringLiteral("ALTER TABLE meterdesk_prices %1 tiers text NOT NULL DEFAULT '[]'")
                               .arg(dialect().addColumnIfMissing()));
    const bool priceLegacy = isPostgres() && (seed || (state == SchemaState::Outdated && version < 3));
    const QStringList rebuild = priceLegacy ? QStringList{PriceNames::priceLegacyRows()} + Schema::rebuildAggregates(dialect())
                                            : QStringList{};
    const int total = int(statements.size() + rebuild.size());
    int done = 0;
    for (const QString &statement : statements) {
        if (!exec(statement, error)) {
            rollback();
            *error = QStringLiteral("schema %1 failed: %2").arg(fresh ? u"creation" : u"upgrade", *error);
            return false;
        }
        if (progress)
            progress(++done, total);
    }
    // On PostgreSQL the book goes into the database, for the original
    // writer's trigger; the rows that writer added before are priced by it
    // (their own estimate stays in estimated_cost) and every aggregate is
    // rebuilt from the log itself.
    if (isPostgres() && (fresh || priceLegacy) && !PriceNames::sync(*this, prices, error)) {
        rollback();
        return false;
    }
    for (const QString &statement : rebuild) {
        if (!exec(statement, error)) {
            rollback();
            *error = QStringLiteral("rebuilding the aggregates failed: %1").arg(*error);
            return false;
        }
        if (progress)
            progress(++done, total);
    }
    const bool outdated = state == SchemaState::Outdated;
    QSqlQuery mark = prepare(outdated ? QStringLiteral("UPDATE meterdesk_schema SET version = ?, "
                                                       "upgraded_at = CURRENT_TIMESTAMP WHERE id = 1")
                                      : QStringLiteral("INSERT INTO meterdesk_schema (id, version, owns_users, "
                                                       "upgraded_at) VALUES (1, ?, ?, CURRENT_TIMESTAMP)"),
                             error);
    mark.addBindValue(SchemaVersion);
    if (!outdated)
        mark.addBindValue(fresh);
    if (!mark.exec()) {
        *error = describe(mark.lastError());
        rollback();
        return false;
    }
    if (!commit(error))
        return false;
    if (!outdated)
        m_ownsUsers = fresh ? 1 : 0;
    return true;
}

bool Database::hasColumn(const QString &table, const QString &column)
{
    // Reads no row: the statement fails when the column is not there.
    QSqlQuery query(m_db);
    return query.exec(QStringLiteral("SELECT %1 FROM %2 WHERE 1 = 0").arg(column, table));
}

bool Database::createRoles(const QString &writer, const QString &admin, QString *error)
{
    if (!dialect().hasRoles()) {
        *error = QStringLiteral("roles exist on PostgreSQL only; an SQLite file is guarded by its file permissions");
        return false;
    }
    static const QRegularExpression identifier(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    for (const QString &name : {writer, admin}) {
        if (!identifier.match(name).hasMatch()) {
            *error = QStringLiteral("\"%1\" is not a plain role name (lowercase letters, digits, underscores)").arg(name.left(80));
            return false;
        }
    }
    if (!checkReady(error))
        return false;
    QString database = m_spec.database;
    database.replace(u'"', QStringLiteral("\"\""));
    if (!begin(error))
        return false;
    for (const QString &statement : Schema::roles(u'"' + database + u'"', writer, admin)) {
        if (!exec(statement, error)) {
            rollback();
            *error = QStringLiteral("creating the roles failed: %1").arg(*error);
            return false;
        }
    }
    return commit(error);
}

} // namespace meterdesk
