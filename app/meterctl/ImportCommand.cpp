// `meterctl import FILE`: calls recorded from JSON lines, in batches, each
// line once, with a progress bar on a terminal.
#include "Cli.h"
#include "Commands.h"
#include "TerminalProgress.h"

#include <tracking/ResponseImport.h>
#include <tracking/Tracker.h>
#include <tracking/UsageEvent.h>

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace meterdesk;

namespace {

// Reads events line by line and records them in batches, each line once:
// importing the same file again (after a kill, or by mistake) records
// nothing twice.
class LineImporter
{
public:
    LineImporter(Cli &cli, Tracker &tracker, ResponseImport::Format format, const QString &unattributedUserId,
                 qint64 batchSize)
        : m_cli(cli), m_tracker(tracker), m_reader(format, unattributedUserId), m_format(format),
          m_unattributed(unattributedUserId), m_batchSize(batchSize)
    {
    }

    // Parses one non-blank line; false when a batch could not be recorded.
    bool add(qint64 lineNo, const QByteArray &line)
    {
        // The file is known by its first non-blank line: the same whether it
        // is named, renamed, piped in or appended to; and a call is known by
        // that and its line number.
        if (m_fileKey.isEmpty())
            m_fileKey = QString::fromLatin1(QCryptographicHash::hash(line, QCryptographicHash::Sha256).toHex().left(24));
        QString error;
        auto event = m_reader.read(line, &error);
        if (!event && error.isEmpty())
            return true; // a header
        if (!event && error.startsWith(u"missing \"userId\"") && !m_unattributed.isEmpty() && line.startsWith('{')) {
            QJsonObject object = QJsonDocument::fromJson(line).object();
            object.insert(QStringLiteral("userId"), m_unattributed);
            event = ResponseImport::eventFromResponseLine(m_format, QJsonDocument(object).toJson(QJsonDocument::Compact), &error);
        }
        if (!event) {
            reject(lineNo, error);
            return true;
        }
        if (event->eventId.isEmpty())
            event->eventId = QStringLiteral("import:%1:%2").arg(m_fileKey).arg(lineNo);
        m_batch.append(*event);
        m_batchLines.append(lineNo);
        return m_batch.size() < m_batchSize || flush();
    }

    void reject(qint64 lineNo, const QString &why)
    {
        if (progress)
            progress->clearLine();
        m_cli.err() << "line " << lineNo << ": " << printable(why) << '\n';
        ++rejected;
    }

    bool flush()
    {
        if (m_batch.isEmpty())
            return true;
        const BatchOutcome outcome = m_tracker.trackBatch(m_batch);
        if (!outcome.ok) {
            m_cli.fail(QStringLiteral("lines %1..%2 not recorded: %3")
                           .arg(m_batchLines.first()).arg(m_batchLines.last()).arg(outcome.error));
            return false;
        }
        for (qsizetype i = 0; i < outcome.events.size(); ++i) {
            const EventOutcome &event = outcome.events[i];
            if (event.status == EventStatus::Rejected)
                m_cli.err() << "line " << m_batchLines[i] << ": " << printable(event.error) << '\n';
            // LiteLLM's own figure for the call, beside Meterdesk's.
            const QJsonValue spend = m_batch[i].metadata.value(u"litellmSpend");
            if (event.status == EventStatus::Recorded && !spend.isUndefined()) {
                theirSpend += Money::fromDecimal(spend.toString()).value_or(Money());
                ourCost += event.cost;
            }
        }
        recorded += outcome.recorded;
        duplicates += outcome.duplicates;
        rejected += outcome.rejected;
        m_batch.clear();
        m_batchLines.clear();
        return true;
    }

    qint64 recorded = 0, duplicates = 0, rejected = 0;
    Money theirSpend, ourCost; // LiteLLM's spend and Meterdesk's cost of the calls recorded
    TerminalProgress *progress = nullptr; // cleared before a rejected line is reported

private:
    Cli &m_cli;
    Tracker &m_tracker;
    ResponseImport::LineReader m_reader;
    const ResponseImport::Format m_format;
    const QString m_unattributed;
    const qint64 m_batchSize;
    QString m_fileKey;
    QList<UsageEvent> m_batch;
    QList<qint64> m_batchLines;
};

} // namespace

int commands::import(Cli &cli)
{
    const QStringList positional = cli.options().positionalArguments();
    if (positional.size() != 2)
        return cli.fail(QStringLiteral("usage: meterctl import FILE.jsonl (or - for standard input)"), ExitUsage);
    QFile file;
    const QString path = positional[1];
    if (path == u"-" ? !file.open(stdin, QIODevice::ReadOnly) : (file.setFileName(path), !file.open(QIODevice::ReadOnly)))
        return cli.fail(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    Database *db = cli.database();
    const PriceBook *prices = cli.prices();
    if (!db || !prices)
        return cli.failureCode();
    qint64 batchSize = 2000;
    if (!cli.number("batch", &batchSize, 1, 100000, false))
        return ExitUsage;
    const auto format = ResponseImport::formatNamed(cli.value("format"));
    if (!format)
        return cli.fail(QStringLiteral("--format is events (the default), openai, anthropic, gemini or litellm"), ExitUsage);
    TrackerOptions options;
    options.unattributedUserId = cli.value("unattributed");
    Tracker tracker(*db, *prices, options);
    LineImporter importer(cli, tracker, *format, options.unattributedUserId, batchSize);
    // A file's bytes are the measure (standard input has no size: no bar).
    TerminalProgress bar(cli.err(), QStringLiteral("import"), QString(), file.isSequential() ? 0 : file.size(),
                         TerminalProgress::Unit::Bytes);
    importer.progress = file.isSequential() ? nullptr : &bar;

    QElapsedTimer timer;
    timer.start();
    // Lines are read with a cap, so a 1 GB line cannot exhaust memory.
    constexpr qint64 MaxLine = 4 * 1024 * 1024;
    for (qint64 lineNo = 1; !file.atEnd(); ++lineNo) {
        QByteArray line = file.readLine(MaxLine);
        if (!line.endsWith('\n') && !file.atEnd()) {
            while (!file.atEnd() && !file.readLine(MaxLine).endsWith('\n')) {
            }
            importer.reject(lineNo, QStringLiteral("longer than %1 bytes").arg(MaxLine));
            continue;
        }
        line = line.trimmed();
        if (!line.isEmpty() && !importer.add(lineNo, line))
            return ExitError;
        if (importer.progress)
            importer.progress->update(file.pos());
    }
    if (!importer.flush())
        return ExitError;
    bar.finish();
    const double seconds = timer.elapsed() / 1000.0;
    cli.err() << "imported " << importer.recorded << " events, " << importer.duplicates << " duplicates skipped, "
              << importer.rejected << " lines rejected, in " << QString::number(seconds, 'f', 2) << " s ("
              << QString::number(seconds > 0 ? importer.recorded / seconds : 0, 'f', 0) << " events/s)" << Qt::endl;
    if (*format == ResponseImport::Format::LiteLlm && importer.recorded > 0)
    {
        const qint64 difference = (importer.ourCost - importer.theirSpend).nanos();
        cli.err() << "LiteLLM's spend for these calls: $" << importer.theirSpend.toString(6) << "; Meterdesk's cost: $"
                  << importer.ourCost.toString(6) << " (" << (difference < 0 ? "-$" : "+$")
                  << Money::fromNanos(difference < 0 ? -difference : difference).toString(6)
                  << "; each call keeps LiteLLM's figure as litellmSpend)" << Qt::endl;
    }
    return importer.rejected ? ExitError : ExitOk;
}
