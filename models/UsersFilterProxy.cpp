#include "UsersFilterProxy.h"

#include "UsersModel.h"

#include <algorithm>

namespace meterdesk {

namespace {

// Past this many rows changed or added at once, the order is made again
// whole (one layout change) rather than row by row (a signal and a shift
// of the order for each).
constexpr int RowsPlacedOneByOne = 256;

} // namespace

UsersFilterProxy::UsersFilterProxy(QObject *parent) : QAbstractProxyModel(parent) {}

void UsersFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    beginResetModel();
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    QAbstractProxyModel::setSourceModel(model);
    m_users = qobject_cast<const UsersModel *>(model);
    if (model) {
        // Any change of shape but an addition of rows is taken as a reset:
        // the users model makes none of them.
        const auto begin = [this] { beginResetModel(); };
        const auto end = [this] {
            rebuild();
            endResetModel();
        };
        m_connections = {
            connect(model, &QAbstractItemModel::modelAboutToBeReset, this, begin),
            connect(model, &QAbstractItemModel::modelReset, this, end),
            connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, begin),
            connect(model, &QAbstractItemModel::layoutChanged, this, end),
            connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, begin),
            connect(model, &QAbstractItemModel::rowsRemoved, this, end),
            connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this, begin),
            connect(model, &QAbstractItemModel::rowsMoved, this, end),
            connect(model, &QAbstractItemModel::columnsAboutToBeInserted, this, begin),
            connect(model, &QAbstractItemModel::columnsInserted, this, end),
            connect(model, &QAbstractItemModel::columnsAboutToBeRemoved, this, begin),
            connect(model, &QAbstractItemModel::columnsRemoved, this, end),
            connect(model, &QAbstractItemModel::columnsAboutToBeMoved, this, begin),
            connect(model, &QAbstractItemModel::columnsMoved, this, end),
            connect(
                model, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); }),
            connect(model, &QAbstractItemModel::dataChanged, this,
                    &UsersFilterProxy::onDataChanged),
            connect(model, &QAbstractItemModel::headerDataChanged, this,
                    &QAbstractItemModel::headerDataChanged),
        };
    }
    rebuild();
    endResetModel();
}

void UsersFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    m_matcher = QStringMatcher(SearchText::fold(m_search), Qt::CaseSensitive);
    relayout(QAbstractItemModel::NoLayoutChangeHint);
}

void UsersFilterProxy::setShow(Show show)
{
    if (show == m_show)
        return;
    m_show = show;
    relayout(QAbstractItemModel::NoLayoutChangeHint);
}

void UsersFilterProxy::setOnlyUsers(std::optional<QSet<QString>> userIds)
{
    m_only = std::move(userIds);
    relayout(QAbstractItemModel::NoLayoutChangeHint);
}

void UsersFilterProxy::sort(int column, Qt::SortOrder order)
{
    if (column == m_sortColumn && order == m_order)
        return;
    m_sortColumn = column;
    m_order = order;
    relayout(QAbstractItemModel::VerticalSortHint);
}

bool UsersFilterProxy::accepts(int sourceRow) const
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

bool UsersFilterProxy::sortsByKeys() const
{
    return m_users && m_sortColumn >= 0 && m_sortColumn < m_users->columnCount();
}

bool UsersFilterProxy::before(int a, int b) const
{
    if (sortsByKeys()) {
        const ColumnSortKeys &keys = m_users->sortKeys(m_sortColumn);
        if (keys[a] != keys[b])
            return m_order == Qt::AscendingOrder ? keys[a] < keys[b] : keys[b] < keys[a];
    }
    return a < b;
}

void UsersFilterProxy::rebuild()
{
    const int rows = sourceModel() ? sourceModel()->rowCount() : 0;
    m_shown.clear();
    m_shown.reserve(size_t(rows));
    for (int row = 0; row < rows; ++row)
        if (accepts(row))
            m_shown.push_back(row);
    if (sortsByKeys()) {
        const ColumnSortKeys &keys = m_users->sortKeys(m_sortColumn);
        const bool ascending = m_order == Qt::AscendingOrder;
        const auto inOrder = [&keys, ascending](int a, int b) {
            if (keys[a] != keys[b])
                return ascending ? keys[a] < keys[b] : keys[b] < keys[a];
            return a < b;
        };
        // The rows of a reload come in the table's order: checked, not sorted.
        if (!std::is_sorted(m_shown.begin(), m_shown.end(), inOrder))
            std::sort(m_shown.begin(), m_shown.end(), inOrder);
    }
    placeAll();
}

void UsersFilterProxy::placeAll()
{
    m_place.assign(size_t(sourceModel() ? sourceModel()->rowCount() : 0), -1);
    for (size_t i = 0; i < m_shown.size(); ++i)
        m_place[size_t(m_shown[i])] = int(i);
}

void UsersFilterProxy::relayout(QAbstractItemModel::LayoutChangeHint hint)
{
    Q_EMIT layoutAboutToBeChanged({}, hint);
    const QModelIndexList before = persistentIndexList();
    QList<std::pair<int, int>> sources; // each one's source row and column
    sources.reserve(before.size());
    for (const QModelIndex &index : before)
        sources.append({m_shown[size_t(index.row())], index.column()});
    rebuild();
    QModelIndexList after;
    after.reserve(before.size());
    for (const auto &[row, column] : std::as_const(sources)) {
        const int at = m_place[size_t(row)];
        after.append(at >= 0 ? createIndex(at, column) : QModelIndex());
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, hint);
}

void UsersFilterProxy::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (!topLeft.isValid() || !bottomRight.isValid())
        return;
    const int first = topLeft.row(), last = bottomRight.row();
    // Rows changed together are placed together: placed one by one, each
    // would be searched for among others changed but not yet moved.
    if (last > first) {
        relayout(QAbstractItemModel::NoLayoutChangeHint);
        if (!m_shown.empty())
            Q_EMIT dataChanged(index(0, topLeft.column()),
                               index(rowCount() - 1, bottomRight.column()));
        return;
    }
    for (int row = first; row <= last; ++row) {
        settle(row);
        const int at = m_place[size_t(row)];
        if (at >= 0)
            Q_EMIT dataChanged(index(at, topLeft.column()), index(at, bottomRight.column()));
    }
}

void UsersFilterProxy::onRowsInserted(int first, int last)
{
    const int added = last - first + 1;
    for (int &row : m_shown)
        if (row >= first)
            row += added;
    placeAll(); // the new rows not shown yet
    if (added > RowsPlacedOneByOne) {
        relayout(QAbstractItemModel::NoLayoutChangeHint);
        return;
    }
    for (int row = first; row <= last; ++row)
        settle(row);
}

void UsersFilterProxy::settle(int sourceRow)
{
    const int at = m_place[size_t(sourceRow)];
    const bool shown = accepts(sourceRow);
    const auto placeFrom = [this](int from, int to) {
        for (int i = from; i <= to; ++i)
            m_place[size_t(m_shown[size_t(i)])] = i;
    };
    const auto lowerBound = [this, sourceRow](int from, int to) {
        return int(std::lower_bound(m_shown.begin() + from, m_shown.begin() + to, sourceRow,
                                    [this](int a, int b) { return before(a, b); }) -
                   m_shown.begin());
    };
    const int count = int(m_shown.size());
    if (at < 0) {
        if (!shown)
            return;
        const int to = lowerBound(0, count);
        beginInsertRows({}, to, to);
        m_shown.insert(m_shown.begin() + to, sourceRow);
        placeFrom(to, count);
        endInsertRows();
        return;
    }
    if (!shown) {
        beginRemoveRows({}, at, at);
        m_shown.erase(m_shown.begin() + at);
        m_place[size_t(sourceRow)] = -1;
        placeFrom(at, count - 2);
        endRemoveRows();
        return;
    }
    if (at > 0 && before(sourceRow, m_shown[size_t(at - 1)])) {
        // Up: before the first of those above that it precedes.
        const int to = lowerBound(0, at);
        beginMoveRows({}, at, at, {}, to);
        std::rotate(m_shown.begin() + to, m_shown.begin() + at, m_shown.begin() + at + 1);
        placeFrom(to, at);
        endMoveRows();
    } else if (at + 1 < count && before(m_shown[size_t(at + 1)], sourceRow)) {
        // Down: before the first of those below that does not precede it.
        const int to = lowerBound(at + 1, count);
        beginMoveRows({}, at, at, {}, to);
        std::rotate(m_shown.begin() + at, m_shown.begin() + at + 1, m_shown.begin() + to);
        placeFrom(at, to - 1);
        endMoveRows();
    }
}

QModelIndex UsersFilterProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex UsersFilterProxy::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex UsersFilterProxy::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int UsersFilterProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

int UsersFilterProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount();
}

bool UsersFilterProxy::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_shown.empty();
}

QModelIndex UsersFilterProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !sourceModel() || proxyIndex.row() >= rowCount())
        return {};
    return sourceModel()->index(m_shown[size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex UsersFilterProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.row() >= int(m_place.size()))
        return {};
    const int at = m_place[size_t(sourceIndex.row())];
    return at >= 0 ? createIndex(at, sourceIndex.column()) : QModelIndex();
}

} // namespace meterdesk
