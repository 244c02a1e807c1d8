// `meterctl reconcile --provider openai|anthropic FILE…`: the provider's
// cost and usage reports against what was tracked, day by day, with the
// likely cause of each day that differs.
#include "Cli.h"
#include "Commands.h"

#include <queries/Reconcile.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

using namespace meterdesk;

namespace {

QString tokensText(qint64 tokens)
{
    return tokens < 0 ? QStringLiteral("-") : QString::number(tokens);
}

int reconcile(Cli &cli, Database &db)
{
    const QStringList files = cli.options().positionalArguments().mid(1);
    if (files.isEmpty())
        return cli.fail(QStringLiteral("usage: meterctl reconcile --provider openai|anthropic REPORT.json [REPORT.json…]"),
                        ExitUsage);
    QList<QByteArray> contents;
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return cli.fail(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        contents << file.readAll();
    }
    QString error;
    const auto bill = Reconcile::readReports(cli.value("provider").trimmed().toLower(), contents, &error);
    if (!bill)
        return cli.fail(error, ExitUsage);
    for (const QString &problem : bill->problems)
        cli.err() << "meterctl: " << printable(problem) << '\n';
    const auto rows = Reconcile::compare(db, *bill, {}, &error);
    if (!rows)
        return cli.fail(error);
    qsizetype gaps = 0;
    for (const Reconcile::DayRow &row : *rows)
        gaps += row.gap;
    if (cli.json()) {
        QJsonArray days;
        for (const Reconcile::DayRow &row : *rows) {
            QJsonArray models;
            for (const Reconcile::ModelRow &model : row.models)
                models.append(QJsonObject{{QStringLiteral("model"), model.model},
                                          {QStringLiteral("tracked"), usd(model.tracked)},
                                          {QStringLiteral("billed"), model.billedKnown ? usd(model.billed) : QJsonValue()},
                                          {QStringLiteral("trackedTokens"), model.trackedTokens},
                                          {QStringLiteral("billedTokens"),
                                           model.billedTokens < 0 ? QJsonValue() : QJsonValue(model.billedTokens)},
                                          {QStringLiteral("differs"), model.gap}});
            days.append(QJsonObject{{QStringLiteral("day"), row.day.toString(Qt::ISODate)},
                                    {QStringLiteral("tracked"), usd(row.tracked)},
                                    {QStringLiteral("billed"), row.billedKnown ? usd(row.billed) : QJsonValue()},
                                    {QStringLiteral("trackedTokens"), row.trackedTokens},
                                    {QStringLiteral("billedTokens"), row.billedTokens < 0 ? QJsonValue() : QJsonValue(row.billedTokens)},
                                    {QStringLiteral("trackedCalls"), row.trackedCalls},
                                    {QStringLiteral("differs"), row.gap},
                                    {QStringLiteral("causes"), QJsonArray::fromStringList(row.causes)},
                                    {QStringLiteral("models"), models}});
        }
        cli.printJson(QJsonObject{{QStringLiteral("provider"), bill->provider},
                                  {QStringLiteral("days"), days},
                                  {QStringLiteral("daysThatDiffer"), gaps},
                                  {QStringLiteral("problems"), QJsonArray::fromStringList(bill->problems)}});
        return ExitOk;
    }
    if (cli.csv()) {
        printCsv(cli, Reconcile::csv(*rows));
        return ExitOk;
    }
    TextTable table({QStringLiteral("Day"), QStringLiteral("Tracked"), QStringLiteral("Billed"), QStringLiteral("Gap"),
                     QStringLiteral("Tracked tokens"), QStringLiteral("Billed tokens"), QStringLiteral("Why it differs")});
    for (const Reconcile::DayRow &row : *rows)
        table.add({row.day.toString(Qt::ISODate), usdText(row.tracked), row.billedKnown ? usdText(row.billed) : QStringLiteral("-"),
                   row.billedKnown ? usdText(row.billed - row.tracked) : QStringLiteral("-"), QString::number(row.trackedTokens),
                   tokensText(row.billedTokens), row.gap ? printable(row.causes.join(QStringLiteral("; "))) : QString()});
    table.print(cli.out());
    cli.out() << '\n'
              << (gaps == 0 ? QStringLiteral("Every day agrees within 1% or $0.01.")
                            : QStringLiteral("%1 of %2 days differ by more than 1% and $0.01.").arg(gaps).arg(rows->size()))
              << '\n';
    return ExitOk;
}

} // namespace

int commands::reconcile(Cli &cli)
{
    return withDatabase<&::reconcile>(cli);
}
