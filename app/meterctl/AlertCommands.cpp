// `meterctl alerts`: the alerts budgets and risk suggestions raised, and a
// follower that hands each new one to a command of the admin's choice.
#include "Cli.h"
#include "Commands.h"

#include <budgets/Alerts.h>
#include <budgets/GuardSettings.h>
#include <queries/RiskSuggestions.h>

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>

using namespace meterdesk;

namespace {

// --since: a day (its start, UTC) or a time.
std::optional<QDateTime> sinceOption(Cli &cli)
{
    const QString text = cli.value("since");
    if (text.isEmpty())
        return QDateTime();
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (day.isValid())
        return QDateTime(day, QTime(0, 0), Qt::UTC);
    QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid()) {
        cli.fail(QStringLiteral("--since wants a day (YYYY-MM-DD) or a time (ISO 8601), not \"%1\"").arg(text.left(40)),
                 ExitUsage);
        return std::nullopt;
    }
    return at.timeSpec() == Qt::LocalTime ? QDateTime(at.date(), at.time(), Qt::UTC) : at.toUTC();
}

int listAlerts(Cli &cli, Alerts &alerts, const QDateTime &since)
{
    qint64 limit = 1000;
    if (!cli.number("limit", &limit, 1, 1'000'000, false))
        return ExitUsage;
    QString error;
    const auto list = alerts.list(0, since, int(limit), &error);
    if (!list)
        return cli.fail(error);
    if (cli.json()) {
        QJsonArray array;
        for (const Alert &alert : *list)
            array.append(alert.toJson());
        cli.printJson(array);
        return ExitOk;
    }
    if (list->isEmpty())
        cli.out() << "no alerts\n";
    for (const Alert &alert : *list)
        cli.out() << alert.at.toString(QStringLiteral("yyyy-MM-dd HH:mm")) << "  " << alert.kind.leftJustified(12) << "  "
                  << printable(alert.userId) << "  " << printable(alert.message) << '\n';
    return ExitOk;
}

// Runs the command once with the alert on standard input; empty when it
// exited with 0, else what went wrong.
QString deliver(const QString &program, const QStringList &arguments, const Alert &alert)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.start(program, arguments);
    if (!process.waitForStarted(10'000))
        return QStringLiteral("could not start: %1").arg(process.errorString());
    process.write(QJsonDocument(alert.toJson()).toJson(QJsonDocument::Compact) + '\n');
    process.closeWriteChannel();
    if (!process.waitForFinished(120'000)) {
        process.kill();
        process.waitForFinished();
        return QStringLiteral("did not finish within two minutes");
    }
    if (process.exitStatus() != QProcess::NormalExit)
        return QStringLiteral("crashed");
    return process.exitCode() == 0 ? QString() : QStringLiteral("exited with %1").arg(process.exitCode());
}

void raiseRiskAlerts(Cli &cli, Database &db)
{
    QString error;
    RiskSuggestions suggestions(db);
    const auto level = GuardSettings(db).riskAlertLevel(&error);
    const auto scored = level && *level > 0 ? suggestions.compute(&error) : std::nullopt;
    if (level && *level > 0 && (!scored || !suggestions.raiseAlerts(*scored, *level, &error)))
        cli.err() << "meterctl: risk alerts not raised this time: " << printable(error) << '\n' << Qt::flush;
}

int follow(Cli &cli, Alerts &alerts, const QDateTime &since)
{
    const QStringList words = QProcess::splitCommand(cli.value("exec"));
    if (words.isEmpty())
        return cli.fail(QStringLiteral("--follow needs --exec CMD: the command each alert is given to"), ExitUsage);
    const QString program = words.first().contains(u'/') ? QFileInfo(words.first()).absoluteFilePath()
                                                         : QStandardPaths::findExecutable(words.first());
    if (program.isEmpty() || !QFileInfo(program).isExecutable())
        return cli.fail(QStringLiteral("--exec: no such command \"%1\"").arg(words.first().left(200)), ExitUsage);
    qint64 interval = 2;
    if (!cli.number("interval", &interval, 1, 3600, false))
        return ExitUsage;
    const QString name = cli.value("name").isEmpty() ? QStringLiteral("default") : cli.value("name");
    QString error;
    auto delivered = alerts.cursor(name, &error);
    if (!delivered)
        return cli.fail(error);
    // A new follower starts with the alerts from now on, or from --since.
    if (*delivered == 0 && !since.isValid()) {
        const auto all = alerts.list(0, QDateTime(), 1'000'000, &error);
        if (!all)
            return cli.fail(error);
        *delivered = all->isEmpty() ? 0 : all->last().id;
        if (!alerts.setCursor(name, *delivered, &error))
            return cli.fail(error);
    }
    const bool once = cli.isSet("once");
    QElapsedTimer sinceRisk;
    for (;;) {
        // Risk alerts come from suggestions, which nobody computes unless
        // asked: the follower asks once a minute.
        if (!sinceRisk.isValid() || sinceRisk.elapsed() >= 60'000) {
            sinceRisk.start();
            raiseRiskAlerts(cli, alerts.database());
        }
        const auto pending = alerts.list(*delivered, since, 100, &error);
        if (!pending)
            return cli.fail(error);
        for (const Alert &alert : *pending) {
            // A failing command is retried, with a growing pause, until it
            // takes the alert: the cursor moves only past what was delivered.
            int pause = 1;
            for (QString problem = deliver(program, words.mid(1), alert); !problem.isEmpty();
                 problem = deliver(program, words.mid(1), alert)) {
                cli.err() << "meterctl: alert " << alert.id << ": " << printable(words.first()) << ' ' << problem
                          << "; retrying in " << pause << " s\n" << Qt::flush;
                QThread::sleep(pause);
                pause = qMin(pause * 2, 60);
            }
            *delivered = alert.id;
            if (!alerts.setCursor(name, *delivered, &error))
                return cli.fail(error);
        }
        if (once && pending->size() < 100)
            return ExitOk;
        if (pending->isEmpty())
            QThread::sleep(interval);
    }
}

} // namespace

int commands::alerts(Cli &cli)
{
    const auto since = sinceOption(cli);
    if (!since)
        return ExitUsage;
    if (!cli.isSet("follow") && (cli.isSet("exec") || cli.isSet("once")))
        return cli.fail(QStringLiteral("--exec and --once go with --follow"), ExitUsage);
    Database *db = cli.database();
    if (!db)
        return cli.failureCode();
    Alerts alerts(*db);
    return cli.isSet("follow") ? follow(cli, alerts, *since) : listAlerts(cli, alerts, *since);
}
