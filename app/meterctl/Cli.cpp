#include "Cli.h"

#include <admin/PriceTable.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace meterdesk;

Cli::Cli(QCommandLineParser &parser, QTextStream &out, QTextStream &err)
    : m_parser(parser), m_out(out), m_err(err)
{
}

int Cli::fail(const QString &message, int code)
{
    m_err << "meterctl: " << message << Qt::endl;
    m_failureCode = code;
    return code;
}

const PriceBook *Cli::prices()
{
    if (!m_prices) {
        PriceBook book = PriceBook::builtIn();
        const QString file = value("prices");
        QString error;
        if (!file.isEmpty() && !book.mergeFile(file, &error)) {
            fail(error);
            return nullptr;
        }
        // With a database, its own prices come first (admin/PriceTable.h);
        // one not yet at the current schema (before `init`) has none.
        int version = 0;
        if (m_db && m_db->inspect(&version, &error) == SchemaState::Current) {
            auto withTable = PriceTable(*m_db).book(book, &error);
            if (!withTable) {
                fail(QStringLiteral("cannot read the database's prices: ") + error);
                return nullptr;
            }
            book = *withTable;
        }
        m_prices = book;
    }
    return &*m_prices;
}

Database *Cli::database(bool ready)
{
    if (m_db)
        return m_db.get();
    QString url = value("db");
    if (url.isEmpty())
        url = qEnvironmentVariable("METERDESK_DB");
    QString error;
    const auto spec = ConnectionSpec::parse(url, &error);
    if (!spec) {
        fail(error, url.isEmpty() ? ExitUsage : ExitError);
        return nullptr;
    }
    m_db = Database::open(*spec, &error);
    if (!m_db) {
        fail(error);
        return nullptr;
    }
    if (ready && !m_db->checkReady(&error)) {
        m_db.reset();
        fail(error);
        return nullptr;
    }
    return m_db.get();
}

bool Cli::number(const char *name, qint64 *out, qint64 min, qint64 max, bool required)
{
    if (!isSet(name)) {
        if (required)
            fail(QStringLiteral("--%1 is required").arg(QLatin1String(name)), ExitUsage);
        return !required;
    }
    bool ok = false;
    const qint64 parsed = value(name).toLongLong(&ok);
    if (!ok || parsed < min || parsed > max) {
        fail(QStringLiteral("--%1 wants a whole number from %2 to %3, not \"%4\"")
                 .arg(QLatin1String(name))
                 .arg(min)
                 .arg(max)
                 .arg(value(name).left(40)),
             ExitUsage);
        return false;
    }
    *out = parsed;
    return true;
}

void Cli::printJson(const QJsonValue &value)
{
    const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    m_out << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

QString printable(const QString &text)
{
    // Names come from the database: never let them move the terminal's cursor.
    QString safe = text;
    for (QChar &c : safe)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || (c.unicode() >= 0x80 && c.unicode() < 0xa0))
            c = u'?';
    return safe;
}

void TextTable::print(QTextStream &out) const
{
    QList<qsizetype> widths(m_header.size(), 0);
    const auto measure = [&](const QStringList &row) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], row[i].size());
    };
    measure(m_header);
    for (const QStringList &row : m_rows)
        measure(row);
    const auto isNumeric = [](const QString &cell) {
        return !cell.isEmpty() && (cell.front().isDigit() || cell.front() == u'$' || cell.front() == u'-');
    };
    const auto line = [&](const QStringList &row, bool header) {
        QStringList cells;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            const QString cell = printable(row.value(i));
            cells << (!header && i > 0 && isNumeric(cell) ? cell.rightJustified(widths[i])
                                                          : cell.leftJustified(widths[i]));
        }
        out << cells.join(QStringLiteral("  ")).trimmed() << '\n';
    };
    line(m_header, true);
    for (const QStringList &row : m_rows)
        line(row, false);
}

std::optional<meterdesk::DateRange> rangeOf(Cli &cli)
{
    QString error;
    auto range = meterdesk::DateRange::parse(cli.value("from"), cli.value("to"), &error);
    if (!range)
        cli.fail(error, ExitUsage);
    return range;
}

QJsonValue usd(meterdesk::Money money) { return money.toDouble(); }
QString usdText(meterdesk::Money money) { return QStringLiteral("$") + money.toString(6); }
QString isoOrEmpty(const QDateTime &stamp) { return stamp.isValid() ? stamp.toUTC().toString(Qt::ISODate) : QString(); }
void printCsv(Cli &cli, const QByteArray &bytes) { cli.out() << QString::fromUtf8(bytes); }
