// meterctl: the seed's admin routes and tracking utility on the command line.
#include "Cli.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

struct Command
{
    const char *name;
    const char *summary;
};

const Command Commands[] = {
    {"init", "create or upgrade the usage schema [--roles: PostgreSQL writer and admin roles]"},
    {"demo", "fill a database with realistic demo usage [--users N --events N --days N --seed N --end DATE]"},
    {"track", "record one call and print its cost (--user --service --model --input --output ...)"},
    {"import", "record many calls from FILE.jsonl (- for standard input), one JSON object a line"},
    {"cost", "price a call without a database (--model --input --output [--cached --cache-write])"},
    {"stats", "totals and per-service breakdown [--from --to]"},
    {"users", "per-user rows [--from --to]"},
    {"costs", "total cost per service and model [--from --to]"},
    {"series", "cost per service per day, week or month [--bucket --from --to]"},
    {"events", "the latest requests of one user (--user [--limit --offset --from --to])"},
    {"block", "block a user (--user --reason)"},
    {"unblock", "unblock a user (--user)"},
    {"risk", "set a user's risk score, 0..100 (--user --score)"},
    {"check", "exit 0 when the user may call, 3 with the blocked message when not (--user)"},
    {"export", "write a CSV report (--kind users|events|daily --out FILE.csv [--from --to])"},
    {"audit", "the admin audit log [--user --action --limit]; --verify checks its hash chain"},
    {"verify", "check that stats (service_breakdown, total_cost, unpriced counts) and rollups equal the log"},
};

QString commandHelp()
{
    QString text = QStringLiteral("Commands:\n");
    for (const Command &command : Commands)
        text += QStringLiteral("  %1 %2\n").arg(QString::fromLatin1(command.name).leftJustified(8), QLatin1String(command.summary));
    return text;
}

void addOptions(QCommandLineParser &parser)
{
    const auto option = [&](const char *name, const char *description, const char *valueName = nullptr) {
        parser.addOption(valueName ? QCommandLineOption(QLatin1String(name), QLatin1String(description), QLatin1String(valueName))
                                   : QCommandLineOption(QLatin1String(name), QLatin1String(description)));
    };
    option("db", "Usage database: a file path (SQLite) or postgresql://user@host:port/db?sslmode=... "
                 "(default: $METERDESK_DB). Passwords come from PGPASSWORD or ~/.pgpass.", "url");
    option("prices", "A JSON price file that overrides or extends the built-in price book.", "file");
    option("json", "Print JSON.");
    option("csv", "Print CSV.");
    option("from", "First day of the range (YYYY-MM-DD, UTC).", "date");
    option("to", "Last day of the range (YYYY-MM-DD, UTC).", "date");
    option("user", "User id.", "id");
    option("service", "openai, anthropic, google or other.", "name");
    option("model", "Model name as the provider reports it.", "name");
    option("input", "Input tokens billed at the full input price.", "n");
    option("output", "Output tokens.", "n");
    option("cached", "Cached input tokens (cache reads).", "n");
    option("cache-write", "Cache write tokens.", "n");
    option("endpoint", "Endpoint or feature name.", "name");
    option("meta", "Extra metadata as a JSON object.", "json");
    option("event-id", "Client event id: a replay with the same id counts once.", "id");
    option("timestamp", "When the call happened (ISO 8601, UTC; default now).", "time");
    option("unattributed", "Record calls without a user id under this id instead of refusing them.", "id");
    option("reason", "Why (required for block).", "text");
    option("score", "Risk score, 0..100.", "n");
    option("kind", "Report kind: users, events or daily.", "kind");
    option("out", "Output file.", "file");
    option("bucket", "day, week or month.", "bucket");
    option("limit", "How many rows at most.", "n");
    option("offset", "How many rows to skip.", "n");
    option("action", "Audit action: block, unblock or risk.", "action");
    option("verify", "audit: check that no row of the audit log was changed, removed or slipped in.");
    option("batch", "Events per transaction for import (default 2000).", "n");
    option("roles", "init: create the PostgreSQL roles for least privilege.");
    option("writer-role", "init --roles: the writer role's name (default meterdesk_writer).", "name");
    option("admin-role", "init --roles: the admin role's name (default meterdesk_admin).", "name");
    option("users", "Demo: number of users.", "n");
    option("events", "Demo: number of events.", "n");
    option("days", "Demo: number of days.", "n");
    option("seed", "Demo: random seed.", "n");
    option("end", "Demo: last day (YYYY-MM-DD; default today).", "date");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("meterctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(METERDESK_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Meterdesk command-line tool: usage, costs and admin actions.\n\n")
                                     + commandHelp());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do (see Commands)."));
    addOptions(parser);
    if (!parser.parse(QCoreApplication::arguments())) {
        err << "meterctl: " << parser.errorText() << "\n" << commandHelp();
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return ExitOk;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out << "meterctl " << METERDESK_VERSION << '\n';
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        err << "meterctl: no command given\n" << commandHelp();
        return ExitUsage;
    }
    const QString command = positional.first();
    if (positional.size() > 1 && command != u"import") {
        err << "meterctl: unexpected argument " << positional[1] << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("json")) && parser.isSet(QStringLiteral("csv"))) {
        err << "meterctl: --json and --csv exclude each other\n";
        return ExitUsage;
    }
    Cli cli(parser, out, err);
    static const QStringList writers{QStringLiteral("init"),  QStringLiteral("demo"),    QStringLiteral("track"),
                                     QStringLiteral("import"), QStringLiteral("block"),  QStringLiteral("unblock"),
                                     QStringLiteral("risk")};
    static const QStringList readers{QStringLiteral("cost"),   QStringLiteral("stats"),  QStringLiteral("users"),
                                     QStringLiteral("costs"),  QStringLiteral("series"), QStringLiteral("events"),
                                     QStringLiteral("check"),  QStringLiteral("export"), QStringLiteral("audit"),
                                     QStringLiteral("verify")};
    if (writers.contains(command))
        return runWriteCommand(command, cli);
    if (readers.contains(command))
        return runReadCommand(command, cli);
    err << "meterctl: unknown command \"" << printable(command.left(40)) << "\"\n" << commandHelp();
    return ExitUsage;
}
