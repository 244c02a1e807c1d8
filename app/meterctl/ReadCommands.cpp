// The reading side of the seed's admin routes: stats, users, costs, plus
// series, events, audit, verify, check, export and cost.
#include "Cli.h"
#include "Commands.h"

#include <tracking/AccessGuard.h>
#include <admin/AuditChain.h>
#include <queries/Csv.h>
#include <queries/Queries.h>
#include <queries/UserColumns.h>
#include <queries/Reports.h>
#include <tracking/UsageEvent.h>

#include <QBuffer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

using namespace meterdesk;

namespace {

QString rangeText(const DateRange &range)
{
    if (range.isAllTime())
        return QStringLiteral("all time");
    return QStringLiteral("%1 .. %2").arg(range.from.isNull() ? QStringLiteral("start") : range.from.toString(Qt::ISODate),
                                          range.to.isNull() ? QStringLiteral("now") : range.to.toString(Qt::ISODate));
}

template <typename PerService> // QMap for the overview, ServiceMap for a user
QJsonObject breakdownJson(const PerService &perService)
{
    QJsonObject breakdown;
    for (auto it = perService.cbegin(); it != perService.cend(); ++it)
        breakdown.insert(it.key(), QJsonObject{{QStringLiteral("requests"), it.value().requests},
                                               {QStringLiteral("cost"), usd(it.value().cost)},
                                               {QStringLiteral("tokens"), it.value().tokens}});
    return breakdown;
}

int stats(Cli &cli, Database &db)
{
    const auto range = rangeOf(cli);
    if (!range)
        return ExitUsage;
    QString error;
    Queries queries(db);
    const auto overview = queries.overview(*range, &error);
    if (!overview)
        return cli.fail(error);
    if (cli.json()) {
        cli.printJson(QJsonObject{{QStringLiteral("totalRequests"), overview->totalRequests},
                                  {QStringLiteral("totalTokens"), overview->totalTokens},
                                  {QStringLiteral("totalCost"), usd(overview->totalCost)},
                                  {QStringLiteral("serviceBreakdown"), breakdownJson(overview->perService)},
                                  {QStringLiteral("activeUsers"), overview->activeUsers},
                                  {QStringLiteral("blockedUsers"), overview->blockedUsers},
                                  {QStringLiteral("unpricedEvents"), overview->unpricedEvents},
                                  {QStringLiteral("from"), range->from.toString(Qt::ISODate)},
                                  {QStringLiteral("to"), range->to.toString(Qt::ISODate)}});
        return ExitOk;
    }
    if (cli.csv()) {
        QByteArray bytes = "service,requests,tokens,cost_usd\r\n";
        for (auto it = overview->perService.cbegin(); it != overview->perService.cend(); ++it)
            bytes += QStringLiteral("%1,%2,%3,%4\r\n").arg(it.key()).arg(it.value().requests).arg(it.value().tokens)
                         .arg(it.value().cost.toString(6)).toUtf8();
        printCsv(cli, bytes);
        return ExitOk;
    }
    QTextStream &out = cli.out();
    out << "Range:            " << rangeText(*range) << '\n'
        << "Requests:         " << overview->totalRequests << '\n'
        << "Tokens:           " << overview->totalTokens << '\n'
        << "Cost:             " << usdText(overview->totalCost) << '\n'
        << "Active users:     " << overview->activeUsers << '\n'
        << "Blocked users:    " << overview->blockedUsers << '\n'
        << "Unpriced events:  " << overview->unpricedEvents << "\n\n";
    TextTable table({QStringLiteral("Service"), QStringLiteral("Requests"), QStringLiteral("Tokens"), QStringLiteral("Cost")});
    for (const QString &service : Reports::orderedServices(overview->perService.keys())) {
        const ServiceTotals &t = overview->perService[service];
        table.add({service, QString::number(t.requests), QString::number(t.tokens), usdText(t.cost)});
    }
    table.print(out);
    return ExitOk;
}

int users(Cli &cli, Database &db)
{
    const auto range = rangeOf(cli);
    if (!range)
        return ExitUsage;
    QString error;
    auto rows = Queries(db).users(*range, &error);
    QHash<QString, UserBudget> budgetWords;
    if (!rows || !Queries(db).addBudgetUse(*rows, &error, &budgetWords))
        return cli.fail(error);
    std::sort(rows->begin(), rows->end(), [](const UserRow &a, const UserRow &b) {
        return a.cost != b.cost ? a.cost > b.cost : a.userId < b.userId;
    });
    if (cli.json()) {
        QJsonArray array;
        for (const UserRow &row : std::as_const(*rows))
            array.append(QJsonObject{{QStringLiteral("userId"), row.userId},
                                     {QStringLiteral("userName"), row.displayName()},
                                     {QStringLiteral("email"), row.email},
                                     {QStringLiteral("totalRequests"), row.requests},
                                     {QStringLiteral("totalTokens"), row.tokens},
                                     {QStringLiteral("totalCost"), usd(row.cost)},
                                     {QStringLiteral("lastActivity"), isoOrEmpty(row.lastActivity)},
                                     {QStringLiteral("isBlocked"), row.blocked},
                                     {QStringLiteral("blockReason"), row.blocked ? QJsonValue(row.blockReason) : QJsonValue()},
                                     {QStringLiteral("blockedBy"), !row.blocked ? QJsonValue() : row.blockedByBudget ? QStringLiteral("budget") : QStringLiteral("admin")},
                                     {QStringLiteral("blockedUntil"), row.blocked && row.blockedByBudget ? QJsonValue(isoOrEmpty(row.blockedUntil)) : QJsonValue()},
                                     {QStringLiteral("budgetUsedPercent"), row.budgetPermille < 0 ? QJsonValue() : QJsonValue(double(row.budgetPermille) / 10.0)},
                                     {QStringLiteral("budget"), row.budgetPermille < 0 ? QJsonValue() : QJsonValue(budgetWords.value(row.userId).text())},
                                     {QStringLiteral("riskScore"), row.riskScore},
                                     {QStringLiteral("unpricedEvents"), row.unpricedEvents},
                                     {QStringLiteral("serviceBreakdown"), breakdownJson(row.perService)}});
        cli.printJson(array);
        return ExitOk;
    }
    if (cli.csv()) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        if (!Reports::writeUsersCsv(buffer, *rows, &error))
            return cli.fail(error);
        printCsv(cli, buffer.data());
        return ExitOk;
    }
    const QList<UserColumn> columns = userColumns(InTerminal);
    QStringList titles;
    for (const UserColumn &column : columns)
        titles << QString::fromLatin1(column.title);
    TextTable table(titles);
    for (const UserRow &row : std::as_const(*rows)) {
        QStringList cells;
        for (const UserColumn &column : columns)
            cells << (column.kind == UserColumnKind::Money ? QStringLiteral("$") : QString()) + column.plainText(row);
        table.add(cells);
    }
    table.print(cli.out());
    return ExitOk;
}

// --by: service, model or endpoint; nullopt (and a usage error) when bad.
std::optional<Breakdown> breakdownOf(Cli &cli)
{
    const QString by = cli.value("by");
    if (by.isEmpty() || by == u"service")
        return Breakdown::Service;
    if (by == u"model")
        return Breakdown::Model;
    if (by == u"endpoint")
        return Breakdown::Endpoint;
    cli.fail(QStringLiteral("--by is service, model or endpoint"), ExitUsage);
    return std::nullopt;
}

// The name of what cost is broken down by, as JSON keys and CSV headers say it.
QString breakdownName(Breakdown by)
{
    return by == Breakdown::Endpoint ? QStringLiteral("endpoint")
        : by == Breakdown::Model     ? QStringLiteral("model")
                                     : QStringLiteral("service");
}

// `costs --by`: one row per service, model or endpoint, costliest first.
int costsBy(Cli &cli, Database &db, const DateRange &range, Breakdown by)
{
    QString error;
    const auto rows = Queries(db).costsBy(range, by, &error);
    if (!rows)
        return cli.fail(error);
    const QString keyName = breakdownName(by);
    const auto label = [](const QString &key) { return key.isEmpty() ? QStringLiteral("(no endpoint)") : key; };
    Money total;
    for (const BreakdownRow &row : *rows)
        total += row.cost;
    if (cli.json()) {
        QJsonArray array;
        for (const BreakdownRow &row : *rows)
            array.append(QJsonObject{{keyName, row.key}, {QStringLiteral("requests"), row.requests},
                                     {QStringLiteral("tokens"), row.tokens}, {QStringLiteral("cost"), usd(row.cost)}});
        cli.printJson(QJsonObject{{QStringLiteral("totalCost"), usd(total)}, {QStringLiteral("rows"), array}});
        return ExitOk;
    }
    if (cli.csv()) {
        QByteArray bytes = Csv::record({keyName, QStringLiteral("requests"), QStringLiteral("tokens"), QStringLiteral("cost_usd")});
        for (const BreakdownRow &row : *rows)
            bytes += Csv::record({Csv::field(label(row.key)), QString::number(row.requests), QString::number(row.tokens),
                                  row.cost.toString(6)});
        printCsv(cli, bytes);
        return ExitOk;
    }
    cli.out() << "Range: " << rangeText(range) << "    Total cost: " << usdText(total) << "\n\n";
    TextTable table({keyName.at(0).toUpper() + keyName.mid(1), QStringLiteral("Requests"), QStringLiteral("Tokens"),
                     QStringLiteral("Cost"), QStringLiteral("Share")});
    for (const BreakdownRow &row : *rows)
        table.add({label(row.key), QString::number(row.requests), QString::number(row.tokens), usdText(row.cost),
                   total.nanos() > 0 ? QString::number(100.0 * double(row.cost.nanos()) / double(total.nanos()), 'f', 1) + u'%'
                                     : QStringLiteral("-")});
    table.print(cli.out());
    return ExitOk;
}

int costs(Cli &cli, Database &db)
{
    const auto range = rangeOf(cli);
    if (!range)
        return ExitUsage;
    if (cli.isSet("by")) {
        const auto by = breakdownOf(cli);
        return by ? costsBy(cli, db, *range, *by) : ExitUsage;
    }
    QString error;
    const auto rows = Queries(db).costs(*range, &error);
    if (!rows)
        return cli.fail(error);
    const PriceBook *prices = cli.prices();
    if (!prices)
        return cli.failureCode();
    Money total;
    QMap<QString, Money> perService;
    for (const CostRow &row : *rows) {
        total += row.cost;
        perService[row.service] += row.cost;
    }
    if (cli.json()) {
        QJsonArray models;
        for (const CostRow &row : *rows)
            models.append(QJsonObject{{QStringLiteral("service"), row.service},
                                      {QStringLiteral("model"), row.model},
                                      {QStringLiteral("requests"), row.requests},
                                      {QStringLiteral("inputTokens"), row.tokens.input},
                                      {QStringLiteral("outputTokens"), row.tokens.output},
                                      {QStringLiteral("cachedInputTokens"), row.tokens.cachedInput},
                                      {QStringLiteral("cacheWriteTokens"), row.tokens.cacheWrite},
                                      {QStringLiteral("cost"), usd(row.cost)},
                                      {QStringLiteral("unpricedEvents"), row.unpricedEvents}});
        QJsonObject services;
        for (auto it = perService.cbegin(); it != perService.cend(); ++it)
            services.insert(it.key(), usd(it.value()));
        cli.printJson(QJsonObject{{QStringLiteral("totalCost"), usd(total)},
                                  {QStringLiteral("costByService"), services},
                                  {QStringLiteral("models"), models}});
        return ExitOk;
    }
    if (cli.csv()) {
        QByteArray bytes = "service,model,requests,input_tokens,output_tokens,cached_input_tokens,cache_write_tokens,cost_usd,unpriced_events\r\n";
        for (const CostRow &row : *rows)
            bytes += Csv::record({Csv::field(row.service), Csv::field(row.model), QString::number(row.requests),
                                  QString::number(row.tokens.input), QString::number(row.tokens.output),
                                  QString::number(row.tokens.cachedInput), QString::number(row.tokens.cacheWrite),
                                  row.cost.toString(6), QString::number(row.unpricedEvents)});
        printCsv(cli, bytes);
        return ExitOk;
    }
    cli.out() << "Range: " << rangeText(*range) << "    Total cost: " << usdText(total) << "\n\n";
    TextTable table({QStringLiteral("Service"), QStringLiteral("Model"), QStringLiteral("Requests"), QStringLiteral("Input"),
                     QStringLiteral("Output"), QStringLiteral("Cached"), QStringLiteral("Cost"), QStringLiteral("Priced")});
    for (const CostRow &row : *rows)
        table.add({row.service, row.model, QString::number(row.requests), QString::number(row.tokens.input),
                   QString::number(row.tokens.output), QString::number(row.tokens.cachedInput), usdText(row.cost),
                   row.unpricedEvents ? QStringLiteral("no (fallback $5/1M)") : QStringLiteral("yes")});
    table.print(cli.out());
    return ExitOk;
}

int series(Cli &cli, Database &db)
{
    const auto range = rangeOf(cli);
    if (!range)
        return ExitUsage;
    const QString name = cli.value("bucket");
    const Bucket bucket = name == u"week" ? Bucket::Week : name == u"month" ? Bucket::Month : Bucket::Day;
    if (!name.isEmpty() && name != u"day" && name != u"week" && name != u"month")
        return cli.fail(QStringLiteral("--bucket is day, week or month"), ExitUsage);
    const auto by = breakdownOf(cli);
    if (!by)
        return ExitUsage;
    QString error;
    const auto points = Queries(db).costSeries(*range, bucket, *by, &error);
    if (!points)
        return cli.fail(error);
    if (cli.json()) {
        QJsonArray array;
        for (const SeriesPoint &point : *points)
            array.append(QJsonObject{{QStringLiteral("bucketStart"), point.bucketStart.toString(Qt::ISODate)},
                                     {breakdownName(*by), point.service},
                                     {QStringLiteral("requests"), point.requests},
                                     {QStringLiteral("cost"), usd(point.cost)}});
        cli.printJson(array);
        return ExitOk;
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!Reports::writeSeriesCsv(buffer, *points, &error))
        return cli.fail(error);
    printCsv(cli, buffer.data());
    return ExitOk;
}

int verify(Cli &cli, Database &db)
{
    QString error;
    const auto problems = Queries(db).verify(&error);
    if (!problems)
        return cli.fail(error);
    for (const QString &problem : *problems)
        cli.out() << printable(problem) << '\n';
    if (!problems->isEmpty())
        return cli.fail(QStringLiteral("%1 aggregate rows differ from the log").arg(problems->size()));
    cli.out() << "ok: stats (with total_cost, service_breakdown and unpriced counts), per-service totals and rollups "
                 "equal the sums of the log\n";
    return ExitOk;
}

int check(Cli &cli, Database &db)
{
    if (cli.value("user").isEmpty())
        return cli.fail(QStringLiteral("--user is required"), ExitUsage);
    const AccessDecision decision = AccessGuard(db).check(cli.value("user"));
    if (decision.unknown)
        return cli.fail(QStringLiteral("cannot check access: %1").arg(decision.error));
    if (cli.json()) {
        cli.printJson(QJsonObject{{QStringLiteral("userId"), cli.value("user")},
                                  {QStringLiteral("allowed"), decision.allowed},
                                  {QStringLiteral("message"), decision.message},
                                  {QStringLiteral("reason"), decision.reason}});
    } else if (decision.allowed) {
        cli.out() << "allowed\n";
    } else {
        cli.out() << decision.message << (decision.reason.isEmpty() ? QString() : QStringLiteral(": ") + printable(decision.reason)) << '\n';
    }
    return decision.allowed ? ExitOk : ExitBlocked;
}

int exportReport(Cli &cli, Database &db)
{
    const auto range = rangeOf(cli);
    if (!range)
        return ExitUsage;
    const QString kind = cli.value("kind");
    const QString path = cli.value("out");
    if (kind != u"users" && kind != u"events" && kind != u"daily" && kind != u"endpoints")
        return cli.fail(QStringLiteral("--kind is users, events, daily or endpoints"), ExitUsage);
    if (path.isEmpty())
        return cli.fail(QStringLiteral("--out FILE.csv is required"), ExitUsage);
    QSaveFile file(path); // all or nothing: a failed export leaves no half file
    if (!file.open(QIODevice::WriteOnly))
        return cli.fail(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    QString error;
    bool ok = false;
    if (kind == u"users") {
        auto rows = Queries(db).users(*range, &error);
        if (rows && !Queries(db).addBudgetUse(*rows, &error))
            rows.reset();
        if (rows) {
            std::sort(rows->begin(), rows->end(), [](const UserRow &a, const UserRow &b) {
                return a.cost != b.cost ? a.cost > b.cost : a.userId < b.userId;
            });
            ok = Reports::writeUsersCsv(file, *rows, &error);
        }
    } else if (kind == u"events") {
        ok = Reports::writeEventsCsv(db, *range, file, &error);
    } else if (kind == u"endpoints") {
        ok = Reports::writeEndpointsCsv(db, *range, file, &error);
    } else {
        ok = Reports::writeDailyCsv(db, *range, file, &error);
    }
    if (!ok) {
        file.cancelWriting();
        return cli.fail(error);
    }
    if (!file.commit())
        return cli.fail(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    cli.out() << "wrote " << path << '\n';
    return ExitOk;
}

int cost(Cli &cli)
{
    // With --db, the database's own prices come first.
    if (!cli.value("db").isEmpty() && !cli.database())
        return cli.failureCode();
    const PriceBook *prices = cli.prices();
    if (!prices)
        return cli.failureCode();
    if (cli.value("model").trimmed().isEmpty())
        return cli.fail(QStringLiteral("--model is required (a blank name is never priced)"), ExitUsage);
    TokenCounts tokens;
    const qint64 max = MaxTokensPerEvent;
    if (!cli.number("input", &tokens.input, 0, max) || !cli.number("output", &tokens.output, 0, max)
        || !cli.number("cached", &tokens.cachedInput, 0, max, false)
        || !cli.number("cache-write", &tokens.cacheWrite, 0, max, false))
        return ExitUsage;
    const auto quote = prices->quote(cli.value("model"), tokens);
    if (!quote)
        return cli.fail(QStringLiteral("the cost does not fit in 64 bits of nano-dollars"));
    if (cli.json()) {
        cli.printJson(QJsonObject{{QStringLiteral("model"), cli.value("model")},
                                  {QStringLiteral("matchedModel"), quote->matchedModel},
                                  {QStringLiteral("matchedBy"), matchKindName(quote->matchedBy)},
                                  {QStringLiteral("source"), quote->source},
                                  {QStringLiteral("effectiveFrom"), quote->effectiveFrom.isNull()
                                       ? QJsonValue() : QJsonValue(quote->effectiveFrom.toString(Qt::ISODate))},
                                  {QStringLiteral("priced"), quote->priced},
                                  {QStringLiteral("longContext"), quote->longContext},
                                  {QStringLiteral("cost"), usd(quote->cost)},
                                  {QStringLiteral("costNanos"), QString::number(quote->cost.nanos())}});
        return ExitOk;
    }
    cli.out() << usdText(quote->cost);
    if (!quote->priced)
        cli.out() << "  (unpriced model: fallback rate of $5.00 per 1M tokens)";
    else
        cli.out() << "  (" << quote->matchedModel << (quote->longContext ? ", long-context rates" : "") << "; matched by "
                  << matchKindName(quote->matchedBy) << "; " << quote->source << ")";
    cli.out() << '\n';
    return ExitOk;
}

} // namespace

int commands::cost(Cli &cli) { return ::cost(cli); }
int commands::stats(Cli &cli) { return withDatabase<&::stats>(cli); }
int commands::users(Cli &cli) { return withDatabase<&::users>(cli); }
int commands::costs(Cli &cli) { return withDatabase<&::costs>(cli); }
int commands::series(Cli &cli) { return withDatabase<&::series>(cli); }
int commands::verify(Cli &cli) { return withDatabase<&::verify>(cli); }
int commands::check(Cli &cli) { return withDatabase<&::check>(cli); }
int commands::exportReport(Cli &cli) { return withDatabase<&::exportReport>(cli); }
