#include "UsersModel.h"

#include <queries/Services.h>

#include <QLocale>

namespace meterdesk {

QString serviceOfColumn(int column)
{
    switch (column) {
    case UsersModel::OpenAiCostColumn:
        return QStringLiteral("openai");
    case UsersModel::AnthropicCostColumn:
        return QStringLiteral("anthropic");
    case UsersModel::GoogleCostColumn:
        return QStringLiteral("google");
    default:
        return QStringLiteral("other");
    }
}

Money costInColumn(const UserRow &row, int column)
{
    if (column != UsersModel::OtherCostColumn)
        return row.perService.value(serviceOfColumn(column)).cost;
    Money other;
    for (auto it = row.perService.cbegin(); it != row.perService.cend(); ++it)
        if (it.key() == u"other" || !knownServices().contains(it.key())) // the services without a column
            other += it.value().cost;
    return other;
}

UsersModel::UsersModel(QObject *parent) : QAbstractTableModel(parent) {}

void UsersModel::setRows(QList<UserRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
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
        m_rows[i].blockReason = blocked ? reason : QString();
        m_rows[i].riskScore = riskScore;
        Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
        return;
    }
}

bool UsersModel::rowContains(int row, const QStringMatcher &text) const
{
    const UserRow &user = m_rows[row];
    return text.indexIn(user.name) >= 0 || text.indexIn(user.email) >= 0 || text.indexIn(user.userId) >= 0;
}

bool UsersModel::lessThan(int leftRow, int rightRow, int column) const
{
    const UserRow &a = m_rows[leftRow];
    const UserRow &b = m_rows[rightRow];
    switch (column) {
    case NameColumn:
        return a.displayName().compare(b.displayName(), Qt::CaseInsensitive) < 0;
    case EmailColumn:
        return a.email.compare(b.email, Qt::CaseInsensitive) < 0;
    case RequestsColumn:
        return a.requests < b.requests;
    case TokensColumn:
        return a.tokens < b.tokens;
    case CostColumn:
        return a.cost < b.cost;
    case OpenAiCostColumn:
    case AnthropicCostColumn:
    case GoogleCostColumn:
    case OtherCostColumn:
        return costInColumn(a, column) < costInColumn(b, column);
    case LastActivityColumn:
        return a.lastActivity < b.lastActivity;
    case RiskColumn:
        return a.riskScore < b.riskScore;
    case StatusColumn:
        return a.blocked < b.blocked;
    }
    return false;
}

int UsersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int UsersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UsersModel::display(const UserRow &row, int column) const
{
    const QLocale locale;
    switch (column) {
    case NameColumn:
        return row.displayName();
    case EmailColumn:
        return row.email;
    case RequestsColumn:
        return locale.toString(row.requests);
    case TokensColumn:
        return locale.toString(row.tokens);
    case CostColumn:
        return row.cost.toDisplayString();
    case OpenAiCostColumn:
    case AnthropicCostColumn:
    case GoogleCostColumn:
    case OtherCostColumn:
        return costInColumn(row, column).toDisplayString();
    case LastActivityColumn:
        return row.lastActivity.isValid() ? locale.toString(row.lastActivity.toLocalTime(), QLocale::ShortFormat)
                                          : tr("never");
    case RiskColumn:
        return row.riskScore;
    case StatusColumn:
        return row.blocked ? tr("Blocked") : tr("Active");
    }
    return {};
}

QVariant UsersModel::sortValue(const UserRow &row, int column) const
{
    switch (column) {
    case NameColumn:
        return row.displayName().toLower();
    case EmailColumn:
        return row.email.toLower();
    case RequestsColumn:
        return row.requests;
    case TokensColumn:
        return row.tokens;
    case CostColumn:
        return row.cost.nanos();
    case OpenAiCostColumn:
    case AnthropicCostColumn:
    case GoogleCostColumn:
    case OtherCostColumn:
        return costInColumn(row, column).nanos();
    case LastActivityColumn:
        return row.lastActivity.isValid() ? row.lastActivity.toMSecsSinceEpoch() : qint64(0);
    case RiskColumn:
        return row.riskScore;
    case StatusColumn:
        return row.blocked ? 1 : 0;
    }
    return {};
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
        if (index.column() == StatusColumn && row.blocked)
            return tr("Blocked: %1").arg(row.blockReason);
        if (index.column() == NameColumn)
            return tr("User id: %1").arg(row.userId);
        if (index.column() == CostColumn && row.unpricedEvents > 0)
            return tr("%n request(s) of an unpriced model, billed at the fallback rate", nullptr, int(row.unpricedEvents));
        return {};
    case Qt::TextAlignmentRole:
        if ((index.column() >= RequestsColumn && index.column() <= OtherCostColumn) || index.column() == RiskColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    return {};
}

QVariant UsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("User");
    case EmailColumn:
        return tr("Email");
    case RequestsColumn:
        return tr("Requests");
    case TokensColumn:
        return tr("Tokens");
    case CostColumn:
        return tr("Cost");
    case OpenAiCostColumn:
        return tr("OpenAI");
    case AnthropicCostColumn:
        return tr("Anthropic");
    case GoogleCostColumn:
        return tr("Google");
    case OtherCostColumn:
        return tr("Other");
    case LastActivityColumn:
        return tr("Last activity");
    case RiskColumn:
        return tr("Risk");
    case StatusColumn:
        return tr("Status");
    }
    return {};
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
