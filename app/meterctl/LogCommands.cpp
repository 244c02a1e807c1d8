// The commands that read logs: a user's latest requests (`events`) and the
// admin audit log (`audit`, `audit --verify`), as text, JSON or CSV.
#include "Cli.h"
#include "Commands.h"

#include <admin/AuditChain.h>
#include <queries/Csv.h>
#include <queries/Queries.h>

#include <QJsonArray>
#include <QJsonObject>

using namespace meterdesk;

namespace {

int events(Cli &cli, Database &db)
{
    const auto range = rangeOf(cli);
    if (!range)
        return ExitUsage;
    qint64 limit = 50;
    qint64 offset = 0;
    if (cli.value("user").isEmpty())
        return cli.fail(QStringLiteral("--user is required"), ExitUsage);
    if (!cli.number("limit", &limit, 1, 10000, false) || !cli.number("offset", &offset, 0, 1LL << 40, false))
        return ExitUsage;
    QString error;
    const auto rows = Queries(db).userEvents(cli.value("user"), *range, int(limit), int(offset), &error);
    if (!rows)
        return cli.fail(error);
    if (cli.json()) {
        QJsonArray array;
        for (const EventRow &row : *rows)
            array.append(QJsonObject{{QStringLiteral("id"), row.id},
                                     {QStringLiteral("timestamp"), isoOrEmpty(row.timestamp)},
                                     {QStringLiteral("service"), row.service},
                                     {QStringLiteral("model"), row.model},
                                     {QStringLiteral("endpoint"), row.endpoint},
                                     {QStringLiteral("inputTokens"), row.tokens.input},
                                     {QStringLiteral("outputTokens"), row.tokens.output},
                                     {QStringLiteral("cachedInputTokens"), row.tokens.cachedInput},
                                     {QStringLiteral("cacheWriteTokens"), row.tokens.cacheWrite},
                                     {QStringLiteral("cost"), usd(row.cost)},
                                     {QStringLiteral("priced"), row.priced},
                                     {QStringLiteral("eventId"), row.eventId}});
        cli.printJson(array);
        return ExitOk;
    }
    if (cli.csv()) {
        QByteArray bytes = Csv::record({QStringLiteral("timestamp"), QStringLiteral("service"), QStringLiteral("model"),
                                        QStringLiteral("endpoint"), QStringLiteral("input_tokens"), QStringLiteral("output_tokens"),
                                        QStringLiteral("cached_input_tokens"), QStringLiteral("cache_write_tokens"),
                                        QStringLiteral("cost_usd"), QStringLiteral("priced"), QStringLiteral("event_id")});
        for (const EventRow &row : *rows)
            bytes += Csv::record({Csv::field(isoOrEmpty(row.timestamp)), Csv::field(row.service), Csv::field(row.model),
                                  Csv::field(row.endpoint), QString::number(row.tokens.input), QString::number(row.tokens.output),
                                  QString::number(row.tokens.cachedInput), QString::number(row.tokens.cacheWrite),
                                  row.cost.toString(6), row.priced ? QStringLiteral("true") : QStringLiteral("false"),
                                  Csv::field(row.eventId)});
        printCsv(cli, bytes);
        return ExitOk;
    }
    TextTable table({QStringLiteral("Time (UTC)"), QStringLiteral("Service"), QStringLiteral("Model"),
                     QStringLiteral("Input"), QStringLiteral("Output"), QStringLiteral("Cached"), QStringLiteral("Cost")});
    for (const EventRow &row : *rows)
        table.add({isoOrEmpty(row.timestamp), row.service, row.model + (row.priced ? QString() : QStringLiteral(" (unpriced)")),
                   QString::number(row.tokens.input), QString::number(row.tokens.output),
                   QString::number(row.tokens.cachedInput), usdText(row.cost)});
    table.print(cli.out());
    return ExitOk;
}

// `audit --verify`: walks the hash chain of the audit log.
int verifyAudit(Cli &cli, Database &db)
{
    QString error;
    const auto result = verifyAuditChain(db, &error);
    if (!result)
        return cli.fail(error);
    if (cli.json()) {
        cli.printJson(QJsonObject{{QStringLiteral("intact"), result->intact()},
                                  {QStringLiteral("rows"), result->rows},
                                  {QStringLiteral("unchained"), result->unchained},
                                  {QStringLiteral("brokenAt"), result->brokenAt},
                                  {QStringLiteral("problem"), result->problem},
                                  {QStringLiteral("head"), result->head}});
    } else {
        if (result->unchained)
            cli.out() << result->unchained << " rows were written before the log was chained and are not checked\n";
        if (result->intact())
            cli.out() << "intact: " << result->rows << " rows, head " << (result->head.isEmpty() ? QStringLiteral("(none)") : result->head)
                      << "\nKeep the row count and head elsewhere: removing the newest rows is found only against them.\n";
    }
    if (!result->intact())
        return cli.fail(QStringLiteral("the audit log was altered: %1").arg(result->problem));
    return ExitOk;
}

int audit(Cli &cli, Database &db)
{
    if (cli.isSet("verify"))
        return verifyAudit(cli, db);
    qint64 limit = 200;
    if (!cli.number("limit", &limit, 1, 1000000, false))
        return ExitUsage;
    QString error;
    const auto rows = Queries(db).audit(cli.value("user"), cli.value("action"), int(limit), &error);
    if (!rows)
        return cli.fail(error);
    if (cli.json()) {
        QJsonArray array;
        for (const AuditRow &row : *rows)
            array.append(QJsonObject{{QStringLiteral("id"), row.id}, {QStringLiteral("at"), isoOrEmpty(row.at)},
                                     {QStringLiteral("actorRole"), row.actorRole}, {QStringLiteral("osUser"), row.osUser},
                                     {QStringLiteral("action"), row.action}, {QStringLiteral("userId"), row.userId},
                                     {QStringLiteral("oldValue"), row.oldValue}, {QStringLiteral("newValue"), row.newValue},
                                     {QStringLiteral("reason"), row.reason}});
        cli.printJson(array);
        return ExitOk;
    }
    if (cli.csv()) {
        QByteArray bytes = Csv::record({QStringLiteral("at"), QStringLiteral("actor_role"), QStringLiteral("os_user"),
                                        QStringLiteral("action"), QStringLiteral("user_id"), QStringLiteral("old_value"),
                                        QStringLiteral("new_value"), QStringLiteral("reason")});
        for (const AuditRow &row : *rows)
            bytes += Csv::record({Csv::field(isoOrEmpty(row.at)), Csv::field(row.actorRole), Csv::field(row.osUser),
                                  Csv::field(row.action), Csv::field(row.userId), Csv::field(row.oldValue),
                                  Csv::field(row.newValue), Csv::field(row.reason)});
        printCsv(cli, bytes);
        return ExitOk;
    }
    TextTable table({QStringLiteral("When (UTC)"), QStringLiteral("Role"), QStringLiteral("OS account (client-reported)"), QStringLiteral("Action"),
                     QStringLiteral("User"), QStringLiteral("Old"), QStringLiteral("New"), QStringLiteral("Reason")});
    for (const AuditRow &row : *rows)
        table.add({isoOrEmpty(row.at), row.actorRole, row.osUser, row.action, row.userId, row.oldValue, row.newValue, row.reason});
    table.print(cli.out());
    return ExitOk;
}

} // namespace

int commands::events(Cli &cli) { return withDatabase<&::events>(cli); }
int commands::audit(Cli &cli) { return withDatabase<&::audit>(cli); }
