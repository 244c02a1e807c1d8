#pragma once

#include <storage/Database.h>
#include <money/PriceBook.h>

#include <QCommandLineParser>
#include <QJsonValue>
#include <QTextStream>

#include <memory>

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
