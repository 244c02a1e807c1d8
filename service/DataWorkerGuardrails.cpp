// The data thread's side of the guardrails: suggested risk scores with
// their reasons (raising risk alerts past the set level), the budgets and
// the latest alerts; setting and removing budgets.

#include "DataWorker.h"

#include <budgets/BudgetStore.h>
#include <budgets/GuardSettings.h>
#include <queries/Queries.h>

namespace meterdesk {

void DataWorker::loadGuardrails()
{
    GuardrailData data;
    QString error;
    if (!ensureConnected(&error)) {
        data.error = error;
        Q_EMIT guardrailsLoaded(data);
        return;
    }
    RiskSuggestions suggestions(*m_db);
    // Those read aside after a load, else (or when they failed) here; why
    // the aside failed is not this answer's error when this read succeeds.
    QString asideError;
    auto scored = m_suggestionsAside ? m_suggestionsAside->take(&asideError) : std::nullopt;
    m_suggestionsAside.reset();
    if (!scored)
        scored = suggestions.compute(&error);
    auto budgets = scored ? BudgetStore(*m_db).budgets(&error) : std::nullopt;
    auto budgetUse = budgets ? Queries(*m_db).budgetUse(m_loadedUsers, &error) : std::nullopt;
    if (!budgetUse)
        budgets.reset();
    const auto level = budgets ? GuardSettings(*m_db).riskAlertLevel(&error) : std::nullopt;
    if (!level) {
        data.error = error;
        Q_EMIT guardrailsLoaded(data);
        return;
    }
    // A reader role may not raise alerts; the scores are shown all the same.
    QString alertError;
    suggestions.raiseAlerts(*scored, *level, &alertError);
    Alerts alerts(*m_db);
    // The newest 200, oldest first.
    const auto newest = alerts.list(0, QDateTime::currentDateTimeUtc().addDays(-30), 1'000'000, &error);
    if (newest)
        data.alerts = newest->mid(qMax<qsizetype>(0, newest->size() - 200));
    else
        data.error = error;
    data.suggestions = std::move(*scored);
    data.budgets = std::move(*budgets);
    for (auto it = data.suggestions.cbegin(); it != data.suggestions.cend(); ++it)
        data.forRows.scores.insert(it.key(), it.value().score);
    data.forRows.budgetUse = std::move(*budgetUse);
    data.forRows.version = RowGuardrails::newVersion();
    data.riskAlertLevel = *level;
    // The table takes only what came without an error (MainWindow).
    if (data.error.isEmpty())
        m_sentGuardrails = data.forRows;
    Q_EMIT guardrailsLoaded(data);
}

void DataWorker::setBudget(const Budget &budget)
{
    BudgetChange change;
    change.budget = budget;
    if (!ensureConnected(&change.error)) {
        Q_EMIT budgetChanged(change);
        return;
    }
    const ActionResult result = BudgetStore(*m_db).set(budget, &change.replaced);
    change.ok = result.ok;
    change.error = result.error;
    Q_EMIT budgetChanged(change);
}

void DataWorker::removeBudget(const Budget &budget)
{
    BudgetChange change;
    change.budget = budget;
    change.removed = true;
    if (!ensureConnected(&change.error)) {
        Q_EMIT budgetChanged(change);
        return;
    }
    const ActionResult result = BudgetStore(*m_db).remove(budget.id);
    change.ok = result.ok;
    change.error = result.error;
    Q_EMIT budgetChanged(change);
}

} // namespace meterdesk
