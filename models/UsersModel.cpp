#include "UsersModel.h"

#include <queries/FreeAside.h>
#include <queries/UserColumns.h>

#include <QCoreApplication>

#include <QLocale>

namespace meterdesk {

UsersModel::UsersModel(QObject *parent) : QAbstractTableModel(parent)
{
    // The names other code uses for columns must be where the table has them.
    Q_ASSERT(dashboardColumns().size() >= NamedColumns);
    Q_ASSERT(dashboardColumns().at(CostColumn).csvName == u"cost_usd");
    Q_ASSERT(dashboardColumns().at(RiskColumn).kind == UserColumnKind::Score);
    Q_ASSERT(dashboardColumns().at(SuggestedColumn).kind == UserColumnKind::Score);
    Q_ASSERT(dashboardColumns().at(StatusColumn).kind == UserColumnKind::Status);
    Q_ASSERT(dashboardColumns().at(BudgetColumn).kind == UserColumnKind::Percent);
}

void UsersModel::setRows(QList<UserRow> rows, ColumnSortKeys keys, quint64 guardrailsStamped,
                         SearchText search)
{
    beginResetModel();
    freeAside(std::exchange(m_rows, std::move(rows)));
    m_searchText = search.size() == m_rows.size() ? std::move(search) : SearchText();
    // The proxy places the rows again in endResetModel(), on the keys that
    // came with them when they are of its column: made on the data thread,
    // they are not made again here (10 to 25 ms of 83,000 names).
    m_keyColumn = -1;
    const QList<UserColumn> &columns = dashboardColumns();
    for (int column = 0; column < columns.size() && keys.size() == m_rows.size(); ++column)
        if (keys.column() == &columns.at(column)) {
            m_keys = std::move(keys);
            m_keyColumn = column;
            break;
        }
    // The last suggestions and budget use go into the new rows, until the
    // load's own arrive: no second pass, no signal for each row. The data
    // thread stamped them already (RowGuardrails), so a row is written only
    // where they differ: the first write copies every row it still shares.
    const bool stampedWithOurs =
        guardrailsStamped != 0 && guardrailsStamped == m_guardrails.version;
    if (m_haveGuardrails && !stampedWithOurs)
        for (qsizetype i = 0; i < m_rows.size(); ++i)
            if (!m_guardrails.isStampedOn(std::as_const(m_rows)[i])) {
                m_guardrails.stamp(m_rows[i]);
                keepSortKey(i);
            }
    endResetModel();
}

QModelIndex UsersModel::indexOf(const QString &userId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].userId == userId)
            return index(int(i), 0);
    return {};
}

void UsersModel::setGuardrails(RowGuardrails guardrails)
{
    m_guardrails = std::move(guardrails);
    m_haveGuardrails = true;
    // Only the rows that changed are written and announced: after a reload
    // almost none, and the proxy looks again at each announced row.
    qsizetype first = -1, last = -1;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_guardrails.isStampedOn(std::as_const(m_rows)[i]))
            continue;
        m_guardrails.stamp(m_rows[i]);
        keepSortKey(i);
        first = first < 0 ? i : first;
        last = i;
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(int(first), SuggestedColumn), index(int(last), BudgetColumn));
}

const UserRow *UsersModel::rowFor(const QString &userId) const
{
    for (const UserRow &row : m_rows)
        if (row.userId == userId)
            return &row;
    return nullptr;
}

void UsersModel::updateUser(const QString &userId, bool blocked, const QString &reason, int riskScore)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].userId != userId)
            continue;
        m_rows[i].blocked = blocked;
        m_rows[i].blockedByBudget = false; // an admin's block or unblock replaces a budget's
        m_rows[i].blockReason = blocked ? reason : QString();
        m_rows[i].riskScore = riskScore;
        keepSortKey(i);
        Q_EMIT dataChanged(index(int(i), 0), index(int(i), columnCount() - 1));
        return;
    }
}

std::optional<qint64> UsersModel::replaceRows(const QList<UserRow> &rows, const QList<qsizetype> &indexes,
                                              const QHash<QString, UserBudget> &budgetUse)
{
    Q_ASSERT(rows.size() == indexes.size());
    // All checked before anything changes: a mismatch means the rows are
    // not the ones the data thread counted on.
    qsizetype appended = 0;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const qsizetype at = indexes.at(i);
        if (at == m_rows.size() + appended)
            ++appended;
        else if (at < 0 || at >= m_rows.size() || m_rows.at(at).userId != rows.at(i).userId)
            return std::nullopt;
    }
    qint64 activeDelta = 0;
    const auto withGuardrails = [&](UserRow row) {
        m_guardrails.takeBudgetUse(row.userId, budgetUse);
        if (m_haveGuardrails)
            m_guardrails.stamp(row);
        else
            row.budgetPermille = m_guardrails.permilleOf(row.userId);
        return row;
    };
    // A changed row is announced as soon as it changes, so that the proxy
    // places each among rows that are all in their places: announced
    // together, each was placed by a search among rows changed but not yet
    // moved, and could land out of order.
    const auto keepText = [this](qsizetype at) {
        // The search's text too, when it was current before this row.
        if (m_searchText.size() == m_rows.size() ||
            (m_searchText.size() == at && at == m_rows.size() - 1))
            m_searchText.update(at, m_rows.at(at));
    };
    const qsizetype known = m_rows.size();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const qsizetype at = indexes.at(i);
        if (at >= known)
            continue;
        UserRow row = withGuardrails(rows.at(i));
        activeDelta += (row.requests > 0 ? 1 : 0) - (m_rows.at(at).requests > 0 ? 1 : 0);
        m_rows[at] = std::move(row);
        keepSortKey(at); // before the proxy places the row
        keepText(at);
        Q_EMIT dataChanged(index(int(at), 0), index(int(at), columnCount() - 1));
    }
    if (appended == 0)
        return activeDelta;
    beginInsertRows({}, int(known), int(known + appended - 1));
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const qsizetype at = indexes.at(i);
        if (at < known)
            continue;
        UserRow row = withGuardrails(rows.at(i));
        activeDelta += row.requests > 0 ? 1 : 0;
        m_rows.append(std::move(row));
        keepSortKey(at);
        keepText(at);
    }
    endInsertRows();
    return activeDelta;
}

bool UsersModel::rowContains(int row, const QStringMatcher &folded) const
{
    if (m_searchText.size() != m_rows.size())
        m_searchText = SearchText(m_rows);
    return m_searchText.contains(row, folded);
}

const ColumnSortKeys &UsersModel::sortKeys(int column) const
{
    // The column's keys side by side, made once for a sort: comparing the
    // rows themselves reads 17 MB of them at each level of the sort.
    if (m_keyColumn != column) {
        m_keys = ColumnSortKeys(dashboardColumns().at(column), m_rows);
        m_keyColumn = column;
    }
    return m_keys;
}

void UsersModel::keepSortKey(qsizetype row) const
{
    // A text the keys have not seen has no place among them yet: the next
    // sort makes them again.
    if (m_keyColumn >= 0 && !m_keys.update(row, m_rows[row]))
        m_keyColumn = -1;
}

QModelIndex UsersModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= m_rows.size() || column >= dashboardColumns().size())
        return {};
    return createIndex(row, column);
}

int UsersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int UsersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(dashboardColumns().size());
}

QVariant UsersModel::display(const UserRow &row, int column) const
{
    const UserColumn &described = dashboardColumns().at(column);
    const QLocale locale;
    switch (described.kind) {
    case UserColumnKind::Text:
        return described.text(row);
    case UserColumnKind::Count:
        return locale.toString(described.numberOf(row));
    case UserColumnKind::Money:
        return Money::fromNanos(described.numberOf(row)).toDisplayString();
    case UserColumnKind::Time: {
        const qint64 ms = described.numberOf(row);
        return ms ? locale.toString(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toLocalTime(), QLocale::ShortFormat)
                  : tr("never");
    }
    case UserColumnKind::Score:
        return described.numberOf(row) < 0 ? QVariant() : QVariant(int(described.numberOf(row)));
    case UserColumnKind::Status:
        if (!row.blocked)
            return tr("Active");
        return row.blockedByBudget ? tr("Blocked (budget)") : tr("Blocked");
    case UserColumnKind::Percent:
        return described.numberOf(row) < 0 ? QVariant() : QVariant(locale.toString(double(described.numberOf(row)) / 10.0, 'f', 0) + u'%');
    }
    return {};
}

QVariant UsersModel::sortValue(const UserRow &row, int column) const
{
    const UserColumn &described = dashboardColumns().at(column);
    if (described.kind == UserColumnKind::Text)
        return described.text(row).toLower();
    return described.numberOf(row);
}

QVariant UsersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UserRow &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::EditRole:
        return index.column() == RiskColumn ? QVariant(row.riskScore) : display(row, index.column());
    case SortRole:
        return sortValue(row, index.column());
    case UserIdRole:
        return row.userId;
    case BlockedRole:
        return row.blocked;
    case BlockReasonRole:
        return row.blockReason;
    case RiskRole:
        return row.riskScore;
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && row.blocked && row.blockedByBudget)
            return tr("Blocked by a budget until %1: %2")
                .arg(QLocale().toString(row.blockedUntil.toLocalTime(), QLocale::ShortFormat), row.blockReason);
        if (index.column() == StatusColumn && row.blocked)
            return tr("Blocked: %1").arg(row.blockReason);
        if (index.column() == BudgetColumn && row.budgetPermille >= 0)
            return m_guardrails.budgetUse.value(row.userId).text();
        if (index.column() == NameColumn)
            return tr("User id: %1").arg(row.userId);
        if (index.column() == CostColumn && row.unpricedEvents > 0)
            return tr("%n request(s) of an unpriced model, billed at the fallback rate", nullptr, int(row.unpricedEvents));
        return {};
    case Qt::TextAlignmentRole:
        switch (dashboardColumns().at(index.column()).kind) {
        case UserColumnKind::Count:
        case UserColumnKind::Money:
        case UserColumnKind::Score:
        case UserColumnKind::Percent:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter); // numbers line up by their last digit
        default:
            return {};
        }
    }
    return {};
}

QVariant UsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section < 0 || section >= dashboardColumns().size())
        return {};
    return QCoreApplication::translate("UsersModel", dashboardColumns().at(section).title);
}

Qt::ItemFlags UsersModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == RiskColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool UsersModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.column() != RiskColumn)
        return false;
    bool ok = false;
    const int score = value.toInt(&ok);
    if (!ok || score < 0 || score > 100)
        return false;
    Q_EMIT riskEdited(m_rows[index.row()].userId, score);
    return false; // the change shows once the database has taken it
}

} // namespace meterdesk
