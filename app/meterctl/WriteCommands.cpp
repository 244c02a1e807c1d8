// Commands that change the database: init, demo, track, block,
// unblock and risk (the seed's trackApiUsage and its POST routes).
#include "Cli.h"
#include "Commands.h"
#include "TerminalProgress.h"

#include <admin/AdminActions.h>
#include <admin/PriceTable.h>
#include <admin/Repricer.h>
#include <tracking/DemoData.h>
#include <tracking/Tracker.h>

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>


using namespace meterdesk;

namespace {

int init(Cli &cli)
{
    Database *db = cli.database(false);
    const PriceBook *prices = cli.prices();
    if (!db || !prices)
        return cli.failureCode();
    int version = 0;
    QString error;
    const SchemaState before = db->inspect(&version, &error);
    std::optional<TerminalProgress> bar;
    const bool migrated = db->migrate(*prices, &error, [&](int done, int total) {
        if (!bar)
            bar.emplace(cli.err(), QStringLiteral("init"), QStringLiteral("steps"), total, TerminalProgress::Unit::Steps);
        bar->update(done);
    });
    bar.reset();
    if (!migrated)
        return cli.fail(error);
    if (cli.isSet("roles")) {
        const QString writer = cli.value("writer-role").isEmpty() ? QStringLiteral("meterdesk_writer") : cli.value("writer-role");
        const QString admin = cli.value("admin-role").isEmpty() ? QStringLiteral("meterdesk_admin") : cli.value("admin-role");
        if (!db->createRoles(writer, admin, &error))
            return cli.fail(error);
        cli.out() << "roles " << writer << " (record usage) and " << admin
                  << " (also block, unblock, risk) are ready; grant them to login roles, e.g. GRANT " << writer
                  << " TO my_service;\n";
    }
    switch (before) {
    case SchemaState::Empty:
        cli.out() << "created the usage schema (version " << Database::SchemaVersion << ") in "
                  << db->spec().displayString() << '\n';
        break;
    case SchemaState::Seed:
    case SchemaState::Outdated:
        // Database::migrate rebuilds the aggregates from the log for a seed
        // database and for PostgreSQL before schema 3 (its writer's rows repriced).
        cli.out() << "upgraded " << db->spec().displayString() << " from "
                  << (before == SchemaState::Seed ? QStringLiteral("the original app's schema")
                                                  : QStringLiteral("schema version %1").arg(version))
                  << " to schema version " << Database::SchemaVersion
                  << (before == SchemaState::Seed || (db->isPostgres() && version < 3) ? "; aggregates rebuilt from the log"
                                                                                          : "")
                  << '\n';
        break;
    default:
        cli.out() << db->spec().displayString() << " is up to date (schema version " << Database::SchemaVersion << ")\n";
    }
    return ExitOk;
}

int demo(Cli &cli)
{
    DemoOptions options;
    qint64 users = options.users, events = options.events, days = options.days, seed = qint64(options.seed);
    if (!cli.number("users", &users, 1, 10'000'000, false) || !cli.number("events", &events, 0, 1'000'000'000, false)
        || !cli.number("days", &days, 1, 3650, false) || !cli.number("seed", &seed, 0, std::numeric_limits<qint64>::max(), false))
        return ExitUsage;
    if (cli.isSet("end")) {
        options.lastDay = QDate::fromString(cli.value("end"), Qt::ISODate);
        if (!options.lastDay.isValid())
            return cli.fail(QStringLiteral("--end wants a date as YYYY-MM-DD"), ExitUsage);
    }
    options.users = int(users);
    options.events = events;
    options.days = int(days);
    options.seed = quint64(seed);
    Database *db = cli.database(false);
    const PriceBook *prices = cli.prices();
    if (!db || !prices)
        return cli.failureCode();
    QString error;
    if (!db->migrate(*prices, &error))
        return cli.fail(error);
    TerminalProgress bar(cli.err(), QStringLiteral("demo"), QStringLiteral("events"), options.events);
    const DemoResult result = generateDemoData(*db, *prices, options, [&bar](qint64 done) {
        bar.update(done);
        return true;
    });
    bar.finish();
    if (!result.ok)
        return cli.fail(QStringLiteral("demo data failed: %1").arg(result.error));
    cli.out() << "demo: " << result.users << " users, " << result.events << " events over " << options.days
              << " days, " << result.blocked << " blocks, in " << QString::number(result.seconds, 'f', 2) << " s ("
              << QString::number(result.seconds > 0 ? result.events / result.seconds : 0, 'f', 0) << " events/s)\n";
    return ExitOk;
}

int track(Cli &cli)
{
    UsageEvent event;
    event.userId = cli.value("user");
    event.service = cli.value("service");
    event.model = cli.value("model");
    event.endpoint = cli.value("endpoint");
    event.serviceTier = normalServiceTier(cli.value("tier"));
    event.eventId = cli.value("event-id");
    if (event.model.isEmpty() || event.service.isEmpty())
        return cli.fail(QStringLiteral("--service and --model are required"), ExitUsage);
    const qint64 max = MaxTokensPerEvent;
    if (!cli.number("input", &event.tokens.input, 0, max) || !cli.number("output", &event.tokens.output, 0, max)
        || !cli.number("cached", &event.tokens.cachedInput, 0, max, false)
        || !cli.number("cache-write", &event.tokens.cacheWrite, 0, max, false))
        return ExitUsage;
    if (cli.isSet("meta")) {
        QJsonParseError parseError;
        const QJsonDocument meta = QJsonDocument::fromJson(cli.value("meta").toUtf8(), &parseError);
        if (!meta.isObject())
            return cli.fail(QStringLiteral("--meta must be a JSON object"), ExitUsage);
        event.metadata = meta.object();
    }
    if (cli.isSet("timestamp")) {
        event.timestamp = parseUtcTimestamp(cli.value("timestamp"));
        if (!event.timestamp.isValid())
            return cli.fail(QStringLiteral("--timestamp wants ISO 8601 (UTC)"), ExitUsage);
    }
    TrackerOptions options;
    options.unattributedUserId = cli.value("unattributed");
    if (event.userId.isEmpty() && options.unattributedUserId.isEmpty())
        return cli.fail(QStringLiteral("--user is required: a call without a user cannot be attributed "
                                       "(or pass --unattributed ID to record it under that id)"),
                        ExitUsage);
    Database *db = cli.database();
    const PriceBook *prices = cli.prices();
    if (!db || !prices)
        return cli.failureCode();
    Tracker tracker(*db, *prices, options);
    const EventOutcome outcome = tracker.track(event);
    if (outcome.status == EventStatus::Rejected)
        return cli.fail(outcome.error);
    if (cli.json()) {
        cli.printJson(QJsonObject{{QStringLiteral("cost"), outcome.cost.toDouble()},
                                  {QStringLiteral("costNanos"), QString::number(outcome.cost.nanos())},
                                  {QStringLiteral("priced"), outcome.priced},
                                  {QStringLiteral("duplicate"), outcome.status == EventStatus::Duplicate}});
        return ExitOk;
    }
    cli.out() << "$" << outcome.cost.toString(6);
    if (!outcome.priced)
        cli.out() << "  (unpriced model: fallback rate)";
    if (outcome.status == EventStatus::Duplicate)
        cli.out() << "  (event id already recorded: not counted again)";
    cli.out() << '\n';
    return ExitOk;
}

enum class Action { Block, Unblock, Risk };

int adminAction(Action action, Cli &cli)
{
    const QString user = cli.value("user");
    if (user.isEmpty())
        return cli.fail(QStringLiteral("--user is required"), ExitUsage);
    qint64 score = 0;
    if (action == Action::Block && cli.value("reason").trimmed().isEmpty())
        return cli.fail(QStringLiteral("--reason is required: say why the user is blocked"), ExitUsage);
    if (action == Action::Risk && !cli.number("score", &score, 0, 100))
        return ExitUsage;
    Database *db = cli.database();
    if (!db)
        return cli.failureCode();
    AdminActions actions(*db);
    ActionResult result;
    switch (action) {
    case Action::Block:
        result = actions.block(user, cli.value("reason"));
        if (result.ok)
            cli.out() << "blocked " << printable(user) << '\n';
        break;
    case Action::Unblock:
        result = actions.unblock(user, cli.value("reason"));
        if (result.ok)
            cli.out() << "unblocked " << printable(user) << '\n';
        break;
    case Action::Risk:
        result = actions.setRiskScore(user, int(score), cli.value("reason"));
        if (result.ok)
            cli.out() << "risk score of " << printable(user) << " set to " << score << '\n';
        break;
    }
    return result.ok ? ExitOk : cli.fail(result.error);
}

} // namespace

int commands::init(Cli &cli) { return ::init(cli); }
int commands::demo(Cli &cli) { return ::demo(cli); }
int commands::track(Cli &cli) { return ::track(cli); }
int commands::block(Cli &cli) { return adminAction(Action::Block, cli); }
int commands::unblock(Cli &cli) { return adminAction(Action::Unblock, cli); }
int commands::risk(Cli &cli)
{
    if (cli.isSet("alert-level"))
        return riskAlertLevel(cli);
    return cli.isSet("suggest") ? suggestRisk(cli) : adminAction(Action::Risk, cli);
}

namespace {

// A price option: dollars per 1M tokens as a decimal ("2.50").
bool priceOption(Cli &cli, const char *name, std::optional<qint64> *out, bool required)
{
    const QString text = cli.value(name);
    if (text.isEmpty()) {
        if (required)
            cli.fail(QStringLiteral("--%1 is required (USD per 1M tokens)").arg(QLatin1String(name)), ExitUsage);
        return !required;
    }
    const auto money = Money::fromDecimal(text);
    if (!money || money->nanos() < 0) {
        cli.fail(QStringLiteral("--%1 wants USD per 1M tokens, such as 2.50, not \"%2\"")
                     .arg(QLatin1String(name), text.left(40)), ExitUsage);
        return false;
    }
    *out = money->nanos();
    return true;
}

int listPrices(Cli &cli, PriceTable &table)
{
    QString error;
    const auto prices = table.prices(&error);
    if (!prices)
        return cli.fail(error);
    if (cli.json()) {
        QJsonArray array;
        for (const ModelPrice &price : *prices)
            array.append(QJsonObject{{QStringLiteral("model"), price.model},
                                     {QStringLiteral("effectiveFrom"), price.effectiveFrom.toString(Qt::ISODate)},
                                     {QStringLiteral("input"), Money::fromNanos(price.rates.input).toString(6)},
                                     {QStringLiteral("output"), Money::fromNanos(price.rates.output).toString(6)},
                                     {QStringLiteral("source"), price.sourceName}});
        cli.printJson(array);
        return ExitOk;
    }
    if (prices->isEmpty())
        cli.out() << "no prices of your own: calls are priced by the curated table and the LiteLLM map\n";
    for (const ModelPrice &price : *prices)
        cli.out() << price.model << "  from " << price.effectiveFrom.toString(Qt::ISODate) << "  in $"
                  << Money::fromNanos(price.rates.input).toString(6) << "  out $"
                  << Money::fromNanos(price.rates.output).toString(6) << " per 1M  (" << price.sourceName << ")\n";
    return ExitOk;
}

int setPrice(Cli &cli, PriceTable &table, const QString &model)
{
    ModelPrice price;
    price.model = model;
    price.service = cli.value("service");
    std::optional<qint64> input, output;
    if (!priceOption(cli, "input", &input, true) || !priceOption(cli, "output", &output, true)
        || !priceOption(cli, "cached", &price.rates.cachedInput, false)
        || !priceOption(cli, "cache-write", &price.rates.cacheWrite, false))
        return ExitUsage;
    price.rates.input = *input;
    price.rates.output = *output;
    if (!cli.value("from").isEmpty()) {
        price.effectiveFrom = QDate::fromString(cli.value("from"), Qt::ISODate);
        if (!price.effectiveFrom.isValid())
            return cli.fail(QStringLiteral("--from wants a date as YYYY-MM-DD"), ExitUsage);
    }
    price.sourceName = QStringLiteral("set with meterctl");
    QString error;
    if (!table.set(price, &error))
        return cli.fail(error);
    cli.out() << "price of " << model.trimmed().toLower() << " set\n";
    return ExitOk;
}

int importPrices(Cli &cli, PriceTable &table, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return cli.fail(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    PriceBook read;
    QString error;
    if (!read.merge(file.readAll(), &error, PriceSource::Admin, QStringLiteral("imported")))
        return cli.fail(QStringLiteral("%1: %2").arg(path, error));
    QList<ModelPrice> prices = read.models();
    const QDate from = QDate::fromString(cli.value("from"), Qt::ISODate);
    if (!cli.value("from").isEmpty() && !from.isValid())
        return cli.fail(QStringLiteral("--from wants a date as YYYY-MM-DD"), ExitUsage);
    for (ModelPrice &price : prices)
        if (from.isValid())
            price.effectiveFrom = from;
    const auto count = table.setAll(prices, QStringLiteral("imported from %1").arg(QFileInfo(path).fileName()), &error);
    if (!count)
        return cli.fail(error);
    cli.out() << "imported " << *count << " prices from " << path << '\n';
    return ExitOk;
}

int reprice(Cli &cli, Database &db)
{
    QString error;
    const auto range = DateRange::parse(cli.value("from"), cli.value("to"), &error);
    if (!range)
        return cli.fail(error, ExitUsage);
    const PriceBook *book = cli.prices();
    if (!book)
        return cli.failureCode();
    const bool dryRun = cli.options().isSet(QStringLiteral("dry-run"));
    const RepriceScope scope{cli.value("model").trimmed(), *range};
    Repricer repricer(db, *book);
    std::optional<TerminalProgress> bar;
    const RepriceResult result = repricer.run(scope, dryRun, [&](qint64 done, qint64 total) {
        if (!bar)
            bar.emplace(cli.err(), QStringLiteral("reprice"), QStringLiteral("calls"), total);
        bar->update(done);
        return true;
    });
    bar.reset();
    if (!result.ok)
        return cli.fail(result.error);
    if (cli.json()) {
        cli.printJson(QJsonObject{{QStringLiteral("dryRun"), dryRun},
                                  {QStringLiteral("calls"), result.examined},
                                  {QStringLiteral("changed"), result.changed},
                                  {QStringLiteral("oldCost"), result.oldTotal.toString(9)},
                                  {QStringLiteral("newCost"), result.newTotal.toString(9)},
                                  {QStringLiteral("nowPriced"), result.nowPriced},
                                  {QStringLiteral("nowUnpriced"), result.nowUnpriced}});
        return ExitOk;
    }
    if (result.examined == 0) {
        cli.out() << "nothing to do: no calls in that scope\n";
        return ExitOk;
    }
    cli.out() << (dryRun ? "would change " : "changed ") << result.changed << " of " << result.examined
              << " calls: $" << result.oldTotal.toString(6) << " -> $" << result.newTotal.toString(6) << " ("
              << result.nowPriced << " now priced, " << result.nowUnpriced << " now unpriced)\n";
    return ExitOk;
}

} // namespace

int commands::prices(Cli &cli)
{
    const QStringList positional = cli.options().positionalArguments().mid(1);
    Database *db = cli.database();
    if (!db)
        return cli.failureCode();
    PriceTable table(*db);
    const QString action = positional.value(0, QStringLiteral("list"));
    if (action == u"list" && positional.size() <= 1)
        return listPrices(cli, table);
    if (action == u"set" && positional.size() == 2)
        return setPrice(cli, table, positional[1]);
    if (action == u"import" && positional.size() == 2)
        return importPrices(cli, table, positional[1]);
    if (action == u"reprice" && positional.size() == 1)
        return reprice(cli, *db);
    return cli.fail(QStringLiteral("usage: meterctl prices [list] | prices set MODEL --input USD --output USD "
                                   "[--cached USD --cache-write USD --from DATE] | prices import FILE [--from DATE] | "
                                   "prices reprice [--model M --from DATE --to DATE --dry-run]"),
                    ExitUsage);
}
