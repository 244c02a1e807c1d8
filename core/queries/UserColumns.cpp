#include "queries/UserColumns.h"

#include "queries/ColumnSortKeys.h"
#include "queries/Services.h"

#include <QCoreApplication>

#include <algorithm>

namespace meterdesk {

namespace {

qint64 requests(const UserRow &row, const UserColumn &) { return row.requests; }
qint64 tokens(const UserRow &row, const UserColumn &) { return row.tokens; }
qint64 cost(const UserRow &row, const UserColumn &) { return row.cost.nanos(); }
qint64 dashboardServiceCost(const UserRow &row, const UserColumn &column)
{
    return serviceCost(row, column.service).nanos();
}
qint64 exactServiceCost(const UserRow &row, const UserColumn &column)
{
    return row.perService.value(column.service).cost.nanos();
}
qint64 lastActivity(const UserRow &row, const UserColumn &)
{
    return row.lastActivity.isValid() ? row.lastActivity.toMSecsSinceEpoch() : 0;
}
qint64 risk(const UserRow &row, const UserColumn &) { return row.riskScore; }
qint64 suggested(const UserRow &row, const UserColumn &) { return row.suggestedRisk; }
qint64 blocked(const UserRow &row, const UserColumn &) { return row.blocked ? 1 : 0; }
qint64 budgetUse(const UserRow &row, const UserColumn &) { return row.budgetPermille; }
qint64 unpriced(const UserRow &row, const UserColumn &) { return row.unpricedEvents; }

UserColumn textColumn(const char *title, const QString &csvName, int places, QString (*text)(const UserRow &))
{
    return {title, csvName, UserColumnKind::Text, places, text, nullptr, QString()};
}

UserColumn numberColumn(const char *title, const QString &csvName, UserColumnKind kind, int places,
                        qint64 (*number)(const UserRow &, const UserColumn &))
{
    return {title, csvName, kind, places, nullptr, number, QString()};
}

UserColumn serviceColumn(const char *title, const QString &service)
{
    return {title, service + QStringLiteral("_cost_usd"), UserColumnKind::Money, InDashboard, nullptr,
            dashboardServiceCost, service};
}

} // namespace

Money serviceCost(const UserRow &row, const QString &service)
{
    if (service != u"other")
        return row.perService.value(service).cost;
    Money other;
    for (auto it = row.perService.cbegin(); it != row.perService.cend(); ++it)
        if (it.key() == u"other" || !knownServices().contains(it.key()))
            other += it.value().cost;
    return other;
}

const QList<UserColumn> &userColumns()
{
    using K = UserColumnKind;
    static const QList<UserColumn> columns{
        textColumn(QT_TRANSLATE_NOOP("UsersModel", "User id"), QStringLiteral("user_id"), InReport | InTerminal,
                   [](const UserRow &row) { return row.userId; }),
        textColumn(QT_TRANSLATE_NOOP("UsersModel", "User"), QStringLiteral("user"), InDashboard | InTerminal,
                   [](const UserRow &row) { return row.displayName(); }),
        // The name as the users table holds it, empty when it has none.
        textColumn(QT_TRANSLATE_NOOP("UsersModel", "Name"), QStringLiteral("name"), InReport,
                   [](const UserRow &row) { return row.name; }),
        textColumn(QT_TRANSLATE_NOOP("UsersModel", "Email"), QStringLiteral("email"), InDashboard | InReport,
                   [](const UserRow &row) { return row.email; }),
        numberColumn(QT_TRANSLATE_NOOP("UsersModel", "Requests"), QStringLiteral("requests"),
                     K::Count, InDashboard | InReport | InTerminal, requests),
        numberColumn(QT_TRANSLATE_NOOP("UsersModel", "Tokens"), QStringLiteral("tokens"),
                     K::Count, InDashboard | InReport | InTerminal, tokens),
        numberColumn(QT_TRANSLATE_NOOP("UsersModel", "Cost"), QStringLiteral("cost_usd"),
                     K::Money, InDashboard | InReport | InTerminal, cost),
        serviceColumn(QT_TRANSLATE_NOOP("UsersModel", "OpenAI"), QStringLiteral("openai")),
        serviceColumn(QT_TRANSLATE_NOOP("UsersModel", "Anthropic"), QStringLiteral("anthropic")),
        serviceColumn(QT_TRANSLATE_NOOP("UsersModel", "Google"), QStringLiteral("google")),
        serviceColumn(QT_TRANSLATE_NOOP("UsersModel", "Other"), QStringLiteral("other")),
        numberColumn(QT_TRANSLATE_NOOP("UsersModel", "Last activity"), QStringLiteral("last_activity_utc"),
                     K::Time, InDashboard | InReport | InTerminal, lastActivity),
        numberColumn(QT_TRANSLATE_NOOP("UsersModel", "Risk"), QStringLiteral("risk_score"),
                     K::Score, InDashboard | InReport | InTerminal, risk),
        // Suggestions are computed beside a load (queries/RiskSuggestions.h),
        // not by the users query that reports read: the dashboard only.
        numberColumn(QT_TRANSLATE_NOOP("UsersModel", "Suggested"), QStringLiteral("suggested_risk"),
                     K::Score, InDashboard, suggested),
        numberColumn(QT_TRANSLATE_NOOP("UsersModel", "Status"), QStringLiteral("status"),
                     K::Status, InDashboard | InTerminal, blocked),
        numberColumn(QT_TRANSLATE_NOOP("UsersModel", "Budget"), QStringLiteral("budget_used_percent"),
                     K::Percent, InDashboard | InReport | InTerminal, budgetUse),
        textColumn(QT_TRANSLATE_NOOP("UsersModel", "Blocked"), QStringLiteral("blocked"), InReport,
                   [](const UserRow &row) { return row.blocked ? QStringLiteral("yes") : QStringLiteral("no"); }),
        textColumn(QT_TRANSLATE_NOOP("UsersModel", "Block reason"), QStringLiteral("block_reason"), InReport,
                   [](const UserRow &row) { return row.blockReason; }),
        textColumn(QT_TRANSLATE_NOOP("UsersModel", "Blocked by"), QStringLiteral("blocked_by"), InReport,
                   [](const UserRow &row) {
                       return !row.blocked ? QString() : row.blockedByBudget ? QStringLiteral("budget") : QStringLiteral("admin");
                   }),
        numberColumn(QT_TRANSLATE_NOOP("UsersModel", "Unpriced requests"), QStringLiteral("unpriced_events"),
                     K::Count, InReport, unpriced),
    };
    return columns;
}

QList<UserColumn> userColumns(UserColumnPlace place)
{
    QList<UserColumn> chosen;
    for (const UserColumn &column : userColumns())
        if (column.isIn(place))
            chosen << column;
    return chosen;
}

QList<UserColumn> userReportColumns(const QStringList &services)
{
    QList<UserColumn> chosen;
    bool servicesPlaced = false;
    for (const UserColumn &column : userColumns()) {
        if (!column.service.isEmpty()) {
            if (servicesPlaced)
                continue;
            servicesPlaced = true;
            for (const QString &service : services)
                chosen.append({column.title, service + QStringLiteral("_cost_usd"), UserColumnKind::Money, InReport,
                               nullptr, exactServiceCost, service});
        } else if (column.isIn(InReport)) {
            chosen << column;
        }
    }
    return chosen;
}

bool UserColumn::lessThan(const UserRow &a, const UserRow &b) const
{
    if (kind == UserColumnKind::Text)
        return text(a).compare(text(b), Qt::CaseInsensitive) < 0;
    return number(a, *this) < number(b, *this);
}

const QList<UserColumn> &dashboardColumns()
{
    static const QList<UserColumn> columns = userColumns(InDashboard);
    return columns;
}

ColumnSortKeys sortUsers(QList<UserRow> &rows, const UserOrder &order)
{
    const QList<UserColumn> &columns = dashboardColumns();
    if (order.column < 0 || order.column >= columns.size())
        return {};
    // The rows' places, sorted on their keys; then each row moves once.
    ColumnSortKeys keys(columns.at(order.column), rows);
    std::vector<qsizetype> places(size_t(rows.size()));
    for (size_t i = 0; i < places.size(); ++i)
        places[i] = qsizetype(i);
    if (order.descending)
        std::stable_sort(places.begin(), places.end(), [&](qsizetype a, qsizetype b) { return keys[b] < keys[a]; });
    else
        std::stable_sort(places.begin(), places.end(), [&](qsizetype a, qsizetype b) { return keys[a] < keys[b]; });
    QList<UserRow> sorted;
    sorted.reserve(rows.size());
    for (const qsizetype place : places)
        sorted.append(std::move(rows[place]));
    rows = std::move(sorted);
    keys.reorder(places);
    return keys;
}

QString UserColumn::plainText(const UserRow &row) const
{
    switch (kind) {
    case UserColumnKind::Text:
        return text(row);
    case UserColumnKind::Count:
        return QString::number(numberOf(row));
    case UserColumnKind::Score:
        return numberOf(row) < 0 ? QString() : QString::number(numberOf(row));
    case UserColumnKind::Percent:
        return numberOf(row) < 0 ? QString() : QString::number(double(numberOf(row)) / 10.0, 'f', 1);
    case UserColumnKind::Money:
        return Money::fromNanos(numberOf(row)).toString(6);
    case UserColumnKind::Time: {
        const qint64 ms = numberOf(row);
        return ms ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : QString();
    }
    case UserColumnKind::Status:
        if (!row.blocked)
            return QStringLiteral("allowed");
        return (row.blockedByBudget ? QStringLiteral("blocked by budget: ") : QStringLiteral("blocked: ")) + row.blockReason;
    }
    return {};
}

} // namespace meterdesk
