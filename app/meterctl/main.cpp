// meterctl: the seed's admin routes and tracking utility on the command line.
#include "Cli.h"
#include "Commands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

QString commandHelp()
{
    QString text = QStringLiteral("Commands:\n");
    for (const Command &command : commandTable())
        text += QStringLiteral("  %1 %2\n").arg(QString::fromLatin1(command.name).leftJustified(8), QLatin1String(command.summary));
    return text + QStringLiteral("\n`meterctl COMMAND --help` shows a command's options and an example.\n");
}

// Options every command takes (besides --help).
const QStringList Everywhere{QStringLiteral("db"), QStringLiteral("prices"), QStringLiteral("json")};

// `meterctl COMMAND --help`: what it does, the options it reads and an example.
QString commandUsage(const Command &command, const QList<QCommandLineOption> &options)
{
    const QStringList own = QString::fromLatin1(command.options).split(u' ', Qt::SkipEmptyParts);
    QString text = QStringLiteral("Usage: meterctl %1%2 [options]\n\n%3\n\nOptions:\n")
                       .arg(QLatin1String(command.name), command.arguments ? QStringLiteral(" ARGUMENTS") : QString(),
                            QLatin1String(command.summary));
    for (const QCommandLineOption &option : options) {
        const QString name = option.names().constFirst();
        if (!own.contains(name) && !Everywhere.contains(name))
            continue;
        const QString flag = QStringLiteral("--%1%2").arg(name, option.valueName().isEmpty() ? QString() : u" <" + option.valueName() + u'>');
        text += QStringLiteral("  %1 %2\n").arg(flag.leftJustified(24), option.description());
    }
    if (*command.example)
        text += QStringLiteral("\nExample:\n  ") + QString::fromUtf8(command.example).replace(u'\n', QStringLiteral("\n  ")) + u'\n';
    return text;
}

QList<QCommandLineOption> addOptions(QCommandLineParser &parser)
{
    QList<QCommandLineOption> all;
    const auto option = [&](const char *name, const char *description, const char *valueName = nullptr) {
        all.append(valueName ? QCommandLineOption(QLatin1String(name), QLatin1String(description), QLatin1String(valueName))
                             : QCommandLineOption(QLatin1String(name), QLatin1String(description)));
        parser.addOption(all.constLast());
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
    option("tier", "track: the provider's service tier, when not the standard one: batch, flex or priority.", "tier");
    option("meta", "Extra metadata as a JSON object.", "json");
    option("event-id", "Client event id: a replay with the same id counts once.", "id");
    option("timestamp", "When the call happened (ISO 8601, UTC; default now).", "time");
    option("unattributed", "Record calls without a user id under this id instead of refusing them.", "id");
    option("reason", "Why (required for block).", "text");
    option("score", "Risk score, 0..100.", "n");
    option("kind", "Report kind: users, events or daily.", "kind");
    option("out", "Output file.", "file");
    option("bucket", "day, week or month.", "bucket");
    option("by", "costs, series: break the cost down by service, model or endpoint (the feature that made the call).",
           "what");
    option("limit", "How many rows at most.", "n");
    option("offset", "How many rows to skip.", "n");
    option("action", "Audit action: block, unblock or risk.", "action");
    option("verify", "audit: check that no row of the audit log was changed, removed or slipped in.");
    option("batch", "Events per transaction for import (default 2000).", "n");
    option("provider", "reconcile: whose reports they are: openai or anthropic.", "name");
    option("format", "import: events (Meterdesk's lines, the default); litellm (its spend log, JSON lines or CSV); "
                     "or openai, anthropic or gemini: "
                     "{\"userId\", \"endpoint\"?, \"timestamp\"?, \"eventId\"?, \"response\": <the provider's response>} a line.",
           "format");
    option("dry-run", "prices reprice: say what would change, change nothing.");
    option("roles", "init: create the PostgreSQL roles for least privilege.");
    option("writer-role", "init --roles: the writer role's name (default meterdesk_writer).", "name");
    option("admin-role", "init --roles: the admin role's name (default meterdesk_admin).", "name");
    option("suggest", "risk: suggested risk scores, each with its reasons.");
    option("accept", "risk --suggest --user ID: set the user's risk score to the suggestion (audited with its reasons).");
    option("alert-level", "risk: a suggested score at or above this raises an alert (0: none).", "n");
    option("all", "budget set: for every user (the default budget).");
    option("usd", "budget set: the limit in US dollars.", "amount");
    option("requests", "budget set: the limit in requests.", "n");
    option("period", "budget set: day, week or month (UTC calendar periods; weeks start on Monday).", "period");
    option("soft", "budget set: raise an alert at this percentage of the limit (1-99).", "pct");
    option("since", "alerts: from this day or time on.", "when");
    option("follow", "alerts: wait for new alerts and give each to --exec.");
    option("exec", "alerts --follow: the command that gets each alert as JSON on standard input.", "cmd");
    option("name", "alerts --follow: the follower's name; each remembers what it delivered (default \"default\").", "name");
    option("interval", "alerts --follow: seconds between looks for new alerts (default 2).", "s");
    option("once", "alerts --follow: deliver what is pending, then stop.");
    option("users", "Demo: number of users.", "n");
    option("events", "Demo: number of events.", "n");
    option("days", "Demo: number of days.", "n");
    option("seed", "Demo: random seed.", "n");
    option("end", "Demo: last day (YYYY-MM-DD; default today).", "date");
    return all;
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
    const QList<QCommandLineOption> options = addOptions(parser);
    if (!parser.parse(QCoreApplication::arguments())) {
        err << "meterctl: " << parser.errorText() << "\n" << commandHelp();
        return ExitUsage;
    }
    // `meterctl help COMMAND` is `meterctl COMMAND --help`.
    QStringList positional = parser.positionalArguments();
    const bool help = parser.isSet(QStringLiteral("help")) || positional.value(0) == u"help";
    if (positional.value(0) == u"help")
        positional.removeFirst();
    if (help) {
        const Command *command = positional.isEmpty() ? nullptr : findCommand(positional.first());
        if (!positional.isEmpty() && !command) {
            err << "meterctl: unknown command \"" << printable(positional.first().left(40)) << "\"\n" << commandHelp();
            return ExitUsage;
        }
        out << (command ? commandUsage(*command, options) : parser.helpText());
        return ExitOk;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out << "meterctl " << METERDESK_VERSION << '\n';
        return ExitOk;
    }
    if (positional.isEmpty()) {
        err << "meterctl: no command given\n" << commandHelp();
        return ExitUsage;
    }
    const Command *command = findCommand(positional.first());
    if (!command) {
        err << "meterctl: unknown command \"" << printable(positional.first().left(40)) << "\"\n" << commandHelp();
        return ExitUsage;
    }
    if (positional.size() > 1 + command->arguments) {
        err << "meterctl: unexpected argument " << printable(positional.last().left(80)) << '\n';
        return ExitUsage;
    }
    // An option the command does not read is a mistake, not something to ignore.
    const QStringList own = QString::fromLatin1(command->options).split(u' ', Qt::SkipEmptyParts);
    for (const QString &option : parser.optionNames()) {
        if (!own.contains(option) && !Everywhere.contains(option)) {
            err << "meterctl: " << command->name << " does not take --" << option << '\n';
            return ExitUsage;
        }
    }
    if (parser.isSet(QStringLiteral("json")) && parser.isSet(QStringLiteral("csv"))) {
        err << "meterctl: --json and --csv exclude each other\n";
        return ExitUsage;
    }
    Cli cli(parser, out, err);
    return command->run(cli);
}
