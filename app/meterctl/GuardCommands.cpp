// Guardrails on the command line: budgets (set, list, remove) and alerts
// (list, and follow them into a command of the admin's choice).
#include "Cli.h"
#include "Commands.h"

#include <admin/AdminActions.h>
#include <budgets/Alerts.h>
#include <budgets/BudgetStore.h>
#include <budgets/GuardSettings.h>
#include <money/Money.h>
#include <queries/RiskSuggestions.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace meterdesk;

namespace {

QJsonObject budgetJson(const Budget &budget)
{
    return {{QStringLiteral("id"), budget.id},
            {QStringLiteral("user"), budget.userId.isEmpty() ? QJsonValue() : QJsonValue(budget.userId)},
            {QStringLiteral("service"), budget.service.isEmpty() ? QJsonValue() : QJsonValue(budget.service)},
            {QStringLiteral("metric"), metricName(budget.metric)},
            {QStringLiteral("period"), periodName(budget.period)},
            {QStringLiteral("limit"), budget.metric == BudgetMetric::Usd ? QJsonValue(Money::fromNanos(budget.limit).toString(6))
                                                                         : QJsonValue(budget.limit)},
            {QStringLiteral("softPercent"), budget.softPercent > 0 ? QJsonValue(budget.softPercent) : QJsonValue()},
            {QStringLiteral("setBy"), budget.setBy},
            {QStringLiteral("setAt"), budget.setAt.toString(Qt::ISODateWithMs)}};
}

int setBudget(Cli &cli, BudgetStore &store)
{
    Budget budget;
    if (cli.isSet("all") == !cli.value("user").isEmpty())
        return cli.fail(QStringLiteral("say whose budget: --user ID or --all (every user)"), ExitUsage);
    budget.userId = cli.value("user");
    budget.service = cli.value("service").trimmed().toLower();
    if (cli.isSet("usd") == cli.isSet("requests"))
        return cli.fail(QStringLiteral("give the limit as --usd AMOUNT or --requests N"), ExitUsage);
    if (cli.isSet("usd")) {
        const auto amount = Money::fromDecimal(cli.value("usd"));
        if (!amount)
            return cli.fail(QStringLiteral("--usd wants an amount in dollars, such as 50 or 12.50, not \"%1\"")
                                .arg(cli.value("usd").left(40)), ExitUsage);
        budget.limit = amount->nanos();
    } else {
        bool ok = false;
        budget.limit = cli.value("requests").toLongLong(&ok);
        if (!ok)
            return cli.fail(QStringLiteral("--requests wants a whole number, not \"%1\"").arg(cli.value("requests").left(40)),
                            ExitUsage);
        budget.metric = BudgetMetric::Requests;
    }
    const auto period = periodFromName(cli.value("period"));
    if (!period)
        return cli.fail(QStringLiteral("--period wants day, week or month, not \"%1\"").arg(cli.value("period").left(40)),
                        ExitUsage);
    budget.period = *period;
    qint64 soft = 0;
    if (!cli.number("soft", &soft, 1, 99, false))
        return ExitUsage;
    budget.softPercent = int(soft);
    bool replaced = false;
    const ActionResult result = store.set(budget, &replaced);
    if (!result.ok)
        return cli.fail(result.error);
    cli.out() << (replaced ? "replaced the budget of " : "budget set for ") << printable(budget.scope()) << ": "
              << budget.describe() << (soft ? QStringLiteral(", alert at %1%").arg(soft) : QString()) << '\n';
    return ExitOk;
}

int listBudgets(Cli &cli, BudgetStore &store)
{
    QString error;
    const auto budgets = store.budgets(&error);
    if (!budgets)
        return cli.fail(error);
    if (cli.json()) {
        QJsonArray array;
        for (const Budget &budget : *budgets)
            array.append(budgetJson(budget));
        cli.printJson(array);
        return ExitOk;
    }
    if (budgets->isEmpty()) {
        cli.out() << "no budgets: `meterctl budget set --all --usd 50 --period month` sets one for every user\n";
        return ExitOk;
    }
    TextTable table({QStringLiteral("id"), QStringLiteral("for"), QStringLiteral("limit"), QStringLiteral("alert at")});
    for (const Budget &budget : *budgets)
        table.add({QString::number(budget.id), printable(budget.scope()), budget.describe(),
                   budget.softPercent ? QStringLiteral("%1%").arg(budget.softPercent) : QStringLiteral("-")});
    table.print(cli.out());
    return ExitOk;
}

} // namespace

int commands::budget(Cli &cli)
{
    const QStringList positional = cli.options().positionalArguments().mid(1);
    Database *db = cli.database();
    if (!db)
        return cli.failureCode();
    BudgetStore store(*db);
    const QString action = positional.value(0, QStringLiteral("list"));
    if (action == u"list" && positional.size() <= 1)
        return listBudgets(cli, store);
    if (action == u"set" && positional.size() == 1)
        return setBudget(cli, store);
    if (action == u"remove" && positional.size() == 2) {
        bool ok = false;
        const qint64 id = positional[1].toLongLong(&ok);
        if (!ok)
            return cli.fail(QStringLiteral("budget remove wants the budget's id (`meterctl budget list`)"), ExitUsage);
        const ActionResult result = store.remove(id);
        if (!result.ok)
            return cli.fail(result.error);
        cli.out() << "budget " << id << " removed\n";
        return ExitOk;
    }
    return cli.fail(QStringLiteral("usage: meterctl budget [list] | budget set (--user ID | --all) [--service S] "
                                   "(--usd N | --requests N) --period day|week|month [--soft PCT] | budget remove ID"),
                    ExitUsage);
}

namespace {

QString reasonsText(const RiskSuggestion &suggestion)
{
    QStringList parts;
    for (const RiskReason &reason : suggestion.reasons)
        parts << QStringLiteral("+%1 %2").arg(reason.points).arg(reason.sentence);
    return parts.join(QStringLiteral("; "));
}

} // namespace

int commands::riskAlertLevel(Cli &cli)
{
    qint64 level = 0;
    if (!cli.number("alert-level", &level, 0, 100))
        return ExitUsage;
    Database *db = cli.database();
    if (!db)
        return cli.failureCode();
    const ActionResult result = GuardSettings(*db).setRiskAlertLevel(int(level));
    if (!result.ok)
        return cli.fail(result.error);
    cli.out() << (level ? QStringLiteral("a suggested risk score of %1 or more raises an alert\n").arg(level)
                        : QStringLiteral("suggested risk scores raise no alerts\n"));
    return ExitOk;
}

int commands::suggestRisk(Cli &cli)
{
    const QString user = cli.value("user");
    if (cli.isSet("accept") && user.isEmpty())
        return cli.fail(QStringLiteral("--accept sets one user's score: give --user"), ExitUsage);
    Database *db = cli.database();
    if (!db)
        return cli.failureCode();
    QString error;
    const auto suggestions = RiskSuggestions(*db).compute(&error, user);
    if (!suggestions)
        return cli.fail(error);
    // A score past the set level is an alert too (once a day per user).
    RiskSuggestions raiser(*db);
    const auto level = GuardSettings(*db).riskAlertLevel(&error);
    if (!level || !raiser.raiseAlerts(*suggestions, *level, &error))
        cli.err() << "meterctl: no risk alerts raised: " << printable(error) << '\n';
    QList<RiskSuggestion> list = suggestions->values();
    if (!user.isEmpty() && list.isEmpty())
        list.append(RiskSuggestion{user, 0, {}});
    std::sort(list.begin(), list.end(), [](const RiskSuggestion &a, const RiskSuggestion &b) {
        return a.score != b.score ? a.score > b.score : a.userId < b.userId;
    });
    if (cli.isSet("accept")) {
        const RiskSuggestion &suggestion = list.first();
        const QString reason = QStringLiteral("suggested: ") + (suggestion.reasons.isEmpty() ? QStringLiteral("no signal") : reasonsText(suggestion));
        const ActionResult result = AdminActions(*db).setRiskScore(user, suggestion.score, reason);
        if (!result.ok)
            return cli.fail(result.error);
        cli.out() << "risk score of " << printable(user) << " set to " << suggestion.score << " (" << printable(reason) << ")\n";
        return ExitOk;
    }
    if (cli.json()) {
        QJsonArray array;
        for (const RiskSuggestion &suggestion : std::as_const(list)) {
            QJsonArray reasons;
            for (const RiskReason &reason : suggestion.reasons)
                reasons.append(QJsonObject{{QStringLiteral("signal"), reason.signal},
                                           {QStringLiteral("points"), reason.points},
                                           {QStringLiteral("reason"), reason.sentence}});
            array.append(QJsonObject{{QStringLiteral("userId"), suggestion.userId},
                                     {QStringLiteral("suggested"), suggestion.score},
                                     {QStringLiteral("reasons"), reasons}});
        }
        cli.printJson(array);
        return ExitOk;
    }
    if (list.isEmpty())
        cli.out() << "no user shows a risk signal\n";
    for (const RiskSuggestion &suggestion : std::as_const(list)) {
        cli.out() << printable(suggestion.userId) << "  " << suggestion.score << '\n';
        for (const RiskReason &reason : suggestion.reasons)
            cli.out() << "  +" << reason.points << "  " << reason.sentence << '\n';
    }
    return ExitOk;
}
