#pragma once

#include <storage/Database.h>
#include <money/PriceBook.h>
#include <queries/DateRange.h>

#include <QCommandLineParser>
#include <QJsonValue>
#include <QTextStream>

#include <memory>
#include <optional>

// Exit codes of meterctl (design.md).
enum ExitCode { ExitOk = 0, ExitError = 1, ExitUsage = 2, ExitBlocked = 3 };

// What every command gets: its parsed options, the output streams, and the
// database and price book, opened on demand.
class Cli
{
public:
    Cli(QCommandLineParser &parser, QTextStream &out, QTextStream &err);

    QCommandLineParser &options() { return m_parser; }
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    bool json() const { return m_parser.isSet(QStringLiteral("json")); }
    bool csv() const { return m_parser.isSet(QStringLiteral("csv")); }
    QString value(const char *name) const { return m_parser.value(QLatin1String(name)); }
    bool isSet(const char *name) const { return m_parser.isSet(QLatin1String(name)); }

    // The price book, with the --prices file merged; nullptr after an error.
    const meterdesk::PriceBook *prices();
    // Opens --db (or METERDESK_DB); with `ready`, also checks the schema.
    meterdesk::Database *database(bool ready = true);

    // Prints "meterctl: message" and returns the code.
    int fail(const QString &message, int code = ExitError);
    // The code of the last failure, for callers that only saw a nullptr.
    int failureCode() const { return m_failureCode; }
    // A whole-number option; reports a usage error and returns false if bad.
    bool number(const char *name, qint64 *out, qint64 min, qint64 max, bool required = true);
    void printJson(const QJsonValue &value);

private:
    QCommandLineParser &m_parser;
    QTextStream &m_out;
    QTextStream &m_err;
    std::optional<meterdesk::PriceBook> m_prices;
    std::unique_ptr<meterdesk::Database> m_db;
    int m_failureCode = ExitError;
};

// The range of --from and --to; a usage error reported when they are bad.
std::optional<meterdesk::DateRange> rangeOf(Cli &cli);
// Money as a JSON number and as text ("$0.001250").
QJsonValue usd(meterdesk::Money money);
QString usdText(meterdesk::Money money);
// ISO 8601 in UTC, or empty for a missing time.
QString isoOrEmpty(const QDateTime &stamp);
void printCsv(Cli &cli, const QByteArray &bytes);

// A command that reads the database: opened and checked first.
template <int (*Run)(Cli &, meterdesk::Database &)>
int withDatabase(Cli &cli)
{
    meterdesk::Database *db = cli.database();
    return db ? Run(cli, *db) : cli.failureCode();
}

// Control characters replaced, so database text cannot drive the terminal.
QString printable(const QString &text);

// A plain-text table with right-aligned numbers.
class TextTable
{
public:
    explicit TextTable(QStringList header) : m_header(std::move(header)) {}
    void add(QStringList row) { m_rows.append(std::move(row)); }
    void print(QTextStream &out) const;

private:
    QStringList m_header;
    QList<QStringList> m_rows;
};
