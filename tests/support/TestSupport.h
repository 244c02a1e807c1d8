#pragma once

#include <storage/Database.h>

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace meterdesk::test {

// Which backend this run of a test executable uses: "sqlite" unless
// METERDESK_TEST_BACKEND=pg, in which case METERDESK_TEST_PG must name a
// server (make test starts one). Under CI=true a missing server fails.
bool usePostgres();
// A connection URL for a new, empty database on the chosen backend; an
// empty string (and a QSKIP/QFAIL already issued) when none can be had.
QString newDatabaseUrl(QTemporaryDir &dir, const QString &name);
// Opens and initialises a new usage database.
std::unique_ptr<Database> newUsageDatabase(QTemporaryDir &dir, const QString &name, QString *url = nullptr);
// Runs one statement on a URL, for fixtures (e.g. the seed's schema).
bool execOn(Database &db, const QString &sql);
// The path of a built program, for CLI tests.
QString binary(const char *name);
// A whole-number result of a single-value query.
qint64 scalar(Database &db, const QString &sql);

} // namespace meterdesk::test

// QSKIP outside CI, QFAIL under CI=true: a missing PostgreSQL server must
// never turn CI green.
#define METERDESK_REQUIRE_PG()                                                                      \
    do {                                                                                            \
        if (qEnvironmentVariableIsEmpty("METERDESK_TEST_PG")) {                                     \
            if (qEnvironmentVariable("CI") == QLatin1String("true"))                                \
                QFAIL("METERDESK_TEST_PG is not set under CI: PostgreSQL tests must run");          \
            QSKIP("METERDESK_TEST_PG not set: run through `make test` for PostgreSQL");             \
        }                                                                                           \
    } while (false)

#include <QByteArray>
#include <QJsonDocument>
#include <QStringList>

namespace meterdesk::test {

struct RunResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
};

// Runs the built meterctl with `args` (and `input` on standard input).
RunResult meterctl(const QStringList &args, const QByteArray &input = {});

} // namespace meterdesk::test

namespace meterdesk::test {

// Stops or starts the throwaway PostgreSQL server of `make test`, for the
// outage tests (which run alone: RUN_SERIAL).
bool stopPostgres();
bool startPostgres();

} // namespace meterdesk::test

namespace meterdesk::test {

// RFC 4180 records and fields, parsed here without the code under test:
// quoted fields may hold commas, doubled quotes and line breaks.
QList<QStringList> parseCsv(const QByteArray &text);
// The cells a spreadsheet would run as a formula: text that begins with
// =, +, -, @, tab or CR and is not a plain number.
QStringList formulaCells(const QList<QStringList> &records);

} // namespace meterdesk::test
