#include "UserDetailsPanel.h"

#include <CostOverTimeChart.h>
#include <CostSeriesModel.h>
#include <EventsModel.h>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace meterdesk {

namespace {

QTableView *compactTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    return view;
}

} // namespace

UserDetailsPanel::UserDetailsPanel(QWidget *parent)
    : QWidget(parent), m_header(new QLabel(this)), m_series(new CostSeriesModel(this)), m_chart(new CostOverTimeChart(this)),
      m_models(new QStandardItemModel(this)), m_events(new EventsModel(this)), m_newer(new QPushButton(tr("Newer"), this)),
      m_older(new QPushButton(tr("Older"), this)), m_page(new QLabel(this)), m_guard(new QLabel(this)),
      m_accept(new QPushButton(tr("Accept suggestion"), this)), m_budget(new QPushButton(tr("Budget…"), this))
{
    m_guard->setTextFormat(Qt::RichText);
    m_guard->setWordWrap(true);
    m_guard->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_guard->setAccessibleName(tr("Budget and suggested risk"));
    m_accept->setToolTip(tr("Set the risk score to the suggestion; the audit log keeps its reasons"));
    m_budget->setToolTip(tr("Set or change this user's budget"));
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chart->setModel(m_series);
    m_chart->setCompact(true);
    m_chart->setMinimumHeight(120);
    // Its own size hint would make the pane scroll at 1440x900: it takes the room left.
    m_chart->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    m_modelsView = compactTable(m_models, this);
    m_eventsView = compactTable(m_events, this);
    // The model names the service, and the pane is narrow: the token columns
    // get the room instead.
    m_eventsView->setColumnHidden(EventsModel::ServiceColumn, true);
    m_eventsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_eventsView->horizontalHeader()->setSectionResizeMode(EventsModel::ModelColumn, QHeaderView::Stretch);
    m_eventsView->horizontalHeader()->setStretchLastSection(false);
    m_chart->setAccessibleName(tr("This user's cost over time"));
    m_modelsView->setAccessibleName(tr("This user's cost by model"));
    m_eventsView->setAccessibleName(tr("This user's latest requests"));
    m_models->setHorizontalHeaderLabels({tr("Model"), tr("Service"), tr("Requests"), tr("Cost")});
    // The per-model costs are what an admin reads first: room for three
    // models at the least, and every column in view (the model name takes
    // what is left).
    QHeaderView *modelColumns = m_modelsView->horizontalHeader();
    modelColumns->setStretchLastSection(false);
    modelColumns->setSectionResizeMode(QHeaderView::ResizeToContents);
    modelColumns->setSectionResizeMode(0, QHeaderView::Stretch);
    m_modelsView->setMinimumHeight(modelColumns->sizeHint().height() + 3 * m_modelsView->verticalHeader()->defaultSectionSize()
                                   + 2 * m_modelsView->frameWidth());

    auto *paging = new QHBoxLayout;
    paging->addWidget(new QLabel(tr("Latest requests"), this), 1);
    paging->addWidget(m_page);
    paging->addWidget(m_newer);
    paging->addWidget(m_older);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // Who, with the buttons for the budget and the suggestion beside it;
    // the budget and the suggestion's reasons below, in full width.
    auto *top = new QHBoxLayout;
    top->addWidget(m_header, 1);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_budget);
    buttons->addWidget(m_accept);
    buttons->addStretch(1);
    top->addLayout(buttons);
    layout->addLayout(top);
    layout->addWidget(m_guard);
    layout->addWidget(m_chart, 3);
    layout->addWidget(m_modelsView, 2);
    layout->addLayout(paging);
    layout->addWidget(m_eventsView, 4);
    connect(m_newer, &QPushButton::clicked, this, [this] { Q_EMIT pageRequested(m_userId, qMax(0, m_offset - 50)); });
    connect(m_older, &QPushButton::clicked, this, [this] { Q_EMIT pageRequested(m_userId, m_offset + 50); });
    connect(m_budget, &QPushButton::clicked, this, [this] { Q_EMIT budgetRequested(m_userId); });
    connect(m_accept, &QPushButton::clicked, this, [this] {
        QStringList reasons;
        for (const RiskReason &reason : std::as_const(m_suggestion.reasons))
            reasons << QStringLiteral("+%1 %2").arg(reason.points).arg(reason.sentence);
        Q_EMIT suggestionAccepted(m_userId, m_suggestion.score,
                                  QStringLiteral("suggested: ")
                                      + (reasons.isEmpty() ? QStringLiteral("no signal") : reasons.join(QStringLiteral("; "))));
    });
    showUser(nullptr);
}

void UserDetailsPanel::showUser(const UserRow *user)
{
    const QString userId = user ? user->userId : QString();
    if (userId != m_userId) {
        // Another user: their budgets and suggestion are still to come.
        m_budgets.clear();
        m_suggestionKnown = false;
    }
    m_userId = userId;
    m_loading = user != nullptr;
    m_offset = 0;
    m_newer->setEnabled(false);
    m_older->setEnabled(false);
    m_riskScore = user ? user->riskScore : 0;
    showGuardrails();
    if (!user) {
        m_header->setText(tr("<i>Select a user to see their usage.</i>"));
        m_series->setSeries({}, Bucket::Day);
        m_models->setRowCount(0);
        m_events->setEvents({});
        m_page->clear();
        return;
    }
    updateHeader(*user);
}

void UserDetailsPanel::updateHeader(const UserRow &user)
{
    if (user.userId != m_userId)
        return;
    QString status = !user.blocked ? tr("Active")
        : user.blockedByBudget
        ? tr("<b>Blocked by a budget</b> until %1: %2")
              .arg(QLocale().toString(user.blockedUntil.toLocalTime(), QLocale::ShortFormat), user.blockReason.toHtmlEscaped())
        : tr("<b>Blocked</b>: %1").arg(user.blockReason.toHtmlEscaped());
    m_riskScore = user.riskScore;
    showGuardrails();
    m_header->setText(tr("<b>%1</b> &nbsp; %2<br>id %3 · risk %4 · %5")
                          .arg(user.displayName().toHtmlEscaped(), user.email.toHtmlEscaped(), user.userId.toHtmlEscaped())
                          .arg(user.riskScore)
                          .arg(status));
}

void UserDetailsPanel::setDetails(const UserDetails &details)
{
    if (details.userId != m_userId)
        return;
    m_loading = false;
    m_offset = details.offset;
    m_budgets = details.budgets;
    showGuardrails();
    QList<SeriesPoint> points;
    QMap<std::pair<QString, QString>, std::pair<qint64, Money>> perModel;
    QDate first, last;
    for (const UserDayRow &row : details.daily) {
        points.append({row.day, row.service, row.requests, row.cost});
        auto &entry = perModel[{row.model, row.service}];
        entry.first += row.requests;
        entry.second += row.cost;
        first = first.isValid() ? qMin(first, row.day) : row.day;
        last = last.isValid() ? qMax(last, row.day) : row.day;
    }
    const Bucket bucket = suggestedBucket({}, first, last);
    QMap<std::pair<QDate, QString>, SeriesPoint> bucketed;
    for (const SeriesPoint &point : points) {
        SeriesPoint &target = bucketed[{bucketStart(point.bucketStart, bucket), point.service}];
        target.bucketStart = bucketStart(point.bucketStart, bucket);
        target.service = point.service;
        target.requests += point.requests;
        target.cost += point.cost;
    }
    m_series->setSeries(bucketed.values(), bucket);

    m_models->setRowCount(0);
    for (auto it = perModel.cbegin(); it != perModel.cend(); ++it) {
        auto *cost = new QStandardItem(it.value().second.toDisplayString());
        cost->setData(it.value().second.nanos(), Qt::UserRole);
        cost->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *requests = new QStandardItem(QLocale().toString(it.value().first));
        requests->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_models->appendRow({new QStandardItem(it.key().first), new QStandardItem(it.key().second), requests, cost});
    }
    m_models->setSortRole(Qt::UserRole);
    m_models->sort(3, Qt::DescendingOrder);
    m_modelsView->resizeColumnToContents(0);

    m_events->setEvents(details.events);
    m_eventsView->resizeColumnsToContents();
    m_newer->setEnabled(details.offset > 0);
    m_older->setEnabled(details.hasMore);
    m_page->setText(details.events.isEmpty() ? tr("none in this range")
                                             : tr("%1–%2").arg(details.offset + 1).arg(details.offset + details.events.size()));
}

const QAbstractItemModel *UserDetailsPanel::requestsModel() const
{
    return m_events;
}

void UserDetailsPanel::setSuggestion(const RiskSuggestion &suggestion)
{
    m_suggestion = suggestion;
    m_suggestionKnown = true;
    showGuardrails();
}

void UserDetailsPanel::setWritable(bool canSetRisk, bool canSetBudgets)
{
    m_canSetRisk = canSetRisk;
    m_budget->setEnabled(canSetBudgets);
    showGuardrails();
}

// Each budget with its period, spend, limit and reset; the suggested score
// with one line per reason.
void UserDetailsPanel::showGuardrails()
{
    const bool shown = !m_userId.isEmpty();
    m_guard->setVisible(shown);
    m_budget->setVisible(shown);
    m_accept->setVisible(shown && m_suggestionKnown);
    m_accept->setEnabled(m_canSetRisk && m_suggestionKnown && m_suggestion.score != m_riskScore);
    if (!shown)
        return;
    const QLocale locale;
    QStringList lines;
    for (const BudgetUse &use : std::as_const(m_budgets)) {
        const QString period = use.budget.period == BudgetPeriod::Day    ? tr("today")
                             : use.budget.period == BudgetPeriod::Week ? tr("this week")
                                                                       : tr("this month");
        QString line = tr("Budget: %1 of %2 %3").arg(use.budget.spentText(use.spent), use.budget.amount(use.budget.limit), period);
        if (!use.budget.service.isEmpty())
            line += QStringLiteral(" (%1)").arg(use.budget.service.toHtmlEscaped());
        const QDateTime reset = use.window.end.toLocalTime();
        line += tr(" · resets %1 %2")
                    .arg(locale.toString(reset.date(), QLocale::ShortFormat), locale.toString(reset.time(), QLocale::ShortFormat));
        lines << (use.reached() ? QStringLiteral("<b>%1</b>").arg(line) : line);
    }
    if (m_suggestionKnown) {
        lines << tr("Suggested risk <b>%1</b> (set: %2)").arg(m_suggestion.score).arg(m_riskScore);
        for (const RiskReason &reason : std::as_const(m_suggestion.reasons))
            lines << QStringLiteral("&nbsp;&nbsp;+%1 &nbsp;%2").arg(reason.points).arg(reason.sentence.toHtmlEscaped());
    }
    m_guard->setText(lines.join(QStringLiteral("<br>")));
    m_guard->setVisible(!lines.isEmpty());
}

} // namespace meterdesk
