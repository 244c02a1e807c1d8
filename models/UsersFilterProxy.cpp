#include "UsersFilterProxy.h"

#include "UsersModel.h"

namespace meterdesk {

UsersFilterProxy::UsersFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(UsersModel::SortRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void UsersFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_users = qobject_cast<const UsersModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void UsersFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    m_matcher = QStringMatcher(m_search, Qt::CaseInsensitive);
    refilter();
}

void UsersFilterProxy::setShow(Show show)
{
    if (show == m_show)
        return;
    m_show = show;
    refilter();
}

void UsersFilterProxy::setOnlyUsers(std::optional<QSet<QString>> userIds)
{
    m_only = std::move(userIds);
    refilter();
}

void UsersFilterProxy::refilter()
{
    // A new search or show filter changes most rows: filtering and sorting
    // afresh is three times faster than invalidateRowsFilter()'s row-by-row
    // insertion (clearing a search over 70,000 users: 46 ms against 140).
    invalidate();
}

bool UsersFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    // Read straight from the rows: no QVariant or string per row and keystroke.
    const UsersModel *users = m_users;
    if (!users)
        return true;
    const UserRow &row = users->rows()[sourceRow];
    if ((m_show == Show::Blocked && !row.blocked) || (m_show == Show::Risky && row.riskScore < 50))
        return false;
    if (m_only && !m_only->contains(row.userId))
        return false;
    return m_search.isEmpty() || users->rowContains(sourceRow, m_matcher);
}

} // namespace meterdesk

namespace meterdesk {

bool UsersFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_users)
        return m_users->lessThan(left.row(), right.row(), left.column());
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace meterdesk
