#include "TestSupport.h"

#include <money/PriceBook.h>

#include <QCoreApplication>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

namespace meterdesk::test {

bool usePostgres()
{
    return qEnvironmentVariable("METERDESK_TEST_BACKEND") == QLatin1String("pg");
}

QString newDatabaseUrl(QTemporaryDir &dir, const QString &name)
{
    if (!usePostgres())
        return dir.filePath(name + QStringLiteral(".sqlite"));
    const QString admin = qEnvironmentVariable("METERDESK_TEST_PG");
    if (admin.isEmpty())
        return {};
    QString error;
    const auto spec = ConnectionSpec::parse(admin, &error);
    auto db = spec ? Database::open(*spec, &error) : nullptr;
    if (!db) {
        qWarning("cannot reach the test PostgreSQL server: %s", qPrintable(error));
        return {};
    }
    const QString database = QStringLiteral("t_%1_%2").arg(name.toLower(), QUuid::createUuid().toString(QUuid::Id128).left(12));
    if (!db->exec(QStringLiteral("CREATE DATABASE %1").arg(database), &error)) {
        qWarning("cannot create a test database: %s", qPrintable(error));
        return {};
    }
    QString url = admin;
    url.replace(url.lastIndexOf(u'/'), url.size(), u'/' + database);
    return url;
}

std::unique_ptr<Database> newUsageDatabase(QTemporaryDir &dir, const QString &name, QString *url)
{
    const QString location = newDatabaseUrl(dir, name);
    if (url)
        *url = location;
    QString error;
    const auto spec = ConnectionSpec::parse(location, &error);
    auto db = spec ? Database::open(*spec, &error) : nullptr;
    if (!db || !db->migrate(PriceBook::builtIn(), &error)) {
        qWarning("cannot make a usage database: %s", qPrintable(error));
        return nullptr;
    }
    return db;
}

bool execOn(Database &db, const QString &sql)
{
    QString error;
    if (db.exec(sql, &error))
        return true;
    qWarning("%s: %s", qPrintable(sql.left(200)), qPrintable(error));
    return false;
}

QString binary(const char *name)
{
    return QStringLiteral(METERDESK_BUILD_DIR "/app/%1/%1").arg(QLatin1String(name));
}

qint64 scalar(Database &db, const QString &sql)
{
    QSqlQuery query(db.sql());
    if (!query.exec(sql) || !query.next()) {
        qWarning("%s failed", qPrintable(sql));
        return -1;
    }
    return query.value(0).toString().toLongLong();
}

} // namespace meterdesk::test

#include <QProcess>

namespace meterdesk::test {

RunResult meterctl(const QStringList &args, const QByteArray &input)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("METERDESK_DB"));
    process.setProcessEnvironment(environment);
    process.start(binary("meterctl"), args);
    RunResult result;
    if (!process.waitForStarted(10'000))
        return result;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(600'000))
        process.kill();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace meterdesk::test

#include <unistd.h>

namespace meterdesk::test {

namespace {

bool pgCtl(const QStringList &arguments)
{
    const QString bin = qEnvironmentVariable("METERDESK_TEST_PG_BIN");
    const QString data = qEnvironmentVariable("METERDESK_TEST_PG_DATA");
    if (bin.isEmpty() || data.isEmpty())
        return false;
    QStringList command{bin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), data, QStringLiteral("-w"), QStringLiteral("-t"),
                        QStringLiteral("30")};
    command += arguments;
    if (geteuid() == 0)
        command = QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--")} + command;
    QProcess process;
    process.start(geteuid() == 0 ? QStringLiteral("runuser") : command.takeFirst(), command);
    if (!process.waitForFinished(60'000) || process.exitCode() != 0) {
        qWarning("pg_ctl %s failed: %s", qPrintable(arguments.join(u' ')), process.readAllStandardError().constData());
        return false;
    }
    return true;
}

} // namespace

bool stopPostgres()
{
    return pgCtl({QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("stop")});
}

bool startPostgres()
{
    const QString data = qEnvironmentVariable("METERDESK_TEST_PG_DATA");
    return pgCtl({QStringLiteral("-l"), data + QStringLiteral("/../server.log"), QStringLiteral("start")});
}

} // namespace meterdesk::test

namespace meterdesk::test {

QList<QStringList> parseCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false, fieldStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"' && field.isEmpty()) {
            quoted = fieldStarted = true;
        } else if (c == u',') {
            record << field;
            field.clear();
            fieldStarted = false;
        } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            record << field;
            records << record;
            record.clear();
            field.clear();
            fieldStarted = false;
            ++i;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (fieldStarted || !field.isEmpty() || !record.isEmpty()) {
        record << field;
        records << record;
    }
    return records;
}

QStringList formulaCells(const QList<QStringList> &records)
{
    QStringList cells;
    for (const QStringList &record : records) {
        for (const QString &cell : record) {
            if (cell.isEmpty() || !QStringLiteral("=+-@\t\r").contains(cell.front()))
                continue;
            bool number = false;
            cell.toDouble(&number);
            if (!number)
                cells << cell;
        }
    }
    return cells;
}

} // namespace meterdesk::test
