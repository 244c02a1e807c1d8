#pragma once

#include "DashboardData.h"

#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace meterdesk {

class CostOverTimeChart;
class CostSeriesModel;
class EventsModel;

// The selected user: who they are, their cost over time per service, their
// cost per model, and their latest requests a page at a time.
class UserDetailsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit UserDetailsPanel(QWidget *parent = nullptr);
    void showUser(const UserRow *user);
    // The name, block state and risk of the shown user, after an admin action;
    // the charts and the page of requests stay as they are.
    void updateHeader(const UserRow &user);
    void setDetails(const UserDetails &details);
    // The user's suggested risk score and its reasons (none: score 0).
    void setSuggestion(const RiskSuggestion &suggestion);
    // Whether the role may set risk scores and budgets.
    void setWritable(bool canSetRisk, bool canSetBudgets);
    QString userId() const { return m_userId; }
    // Whether the shown user's chart, models and requests are still to come.
    bool isLoading() const { return m_loading; }
    QLabel *guardrailsLabel() const { return m_guard; }
    QPushButton *acceptButton() const { return m_accept; }
    QPushButton *budgetButton() const { return m_budget; }
    int offset() const { return m_offset; }
    const QAbstractItemModel *requestsModel() const;

Q_SIGNALS:
    void pageRequested(const QString &userId, int offset);
    void budgetRequested(const QString &userId);
    // Set the risk score to the suggestion, audited with its reasons.
    void suggestionAccepted(const QString &userId, int score, const QString &reasons);

private:
    void showGuardrails();

    QString m_userId;
    int m_riskScore = 0;
    QList<BudgetUse> m_budgets;
    RiskSuggestion m_suggestion;
    bool m_suggestionKnown = false;
    bool m_canSetRisk = true;
    bool m_loading = false; // from showUser() to the user's setDetails()
    int m_offset = 0;
    QLabel *m_header;
    CostSeriesModel *m_series;
    CostOverTimeChart *m_chart;
    QStandardItemModel *m_models;
    QTableView *m_modelsView;
    EventsModel *m_events;
    QTableView *m_eventsView;
    QPushButton *m_newer;
    QPushButton *m_older;
    QLabel *m_page;
    QLabel *m_guard;
    QPushButton *m_accept;
    QPushButton *m_budget;
};

} // namespace meterdesk
