#pragma once

#include <QAbstractProxyModel>
#include <QSet>
#include <QStringMatcher>

#include <optional>
#include <vector>

namespace meterdesk {

// Sorts the users table on raw values and filters it by a search text that
// matches name, email or id (plain text, case-insensitive: no pattern
// syntax, so quotes or brackets in a search are just characters). Its
// source is a UsersModel: it reads the rows and their sort keys themselves,
// not their data().
//
// A proxy of its own rather than a QSortFilterProxyModel, which sorts
// through two index() calls and a virtual lessThan() for each of the
// 800,000 comparisons of 100,000 users, even when they come in order
// already (every reload: the data thread sorts them): 12 ms on the UI
// thread at each reload, and again at each change of the search. Here rows
// that come in order stay so after a check, a search keeps the order it
// filters, and a sort compares the column's keys side by side.
//
// The order is the sort column's keys, then the model's row order among
// equal keys, in both directions. A changed row moves to its place, a
// new row is inserted at its place, so selection and scroll stay.
class UsersFilterProxy : public QAbstractProxyModel
{
    Q_OBJECT

public:
    enum class Show { All, Blocked, Risky };

    explicit UsersFilterProxy(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }
    void setShow(Show show);
    Show show() const { return m_show; }
    // Only these users (a drill-down from a chart); nullopt shows everyone.
    void setOnlyUsers(std::optional<QSet<QString>> userIds);
    bool hasOnlyUsers() const { return m_only.has_value(); }

    void setSourceModel(QAbstractItemModel *model) override;
    // -1: the model's own order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_order; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

private:
    bool accepts(int sourceRow) const;
    // Whether the order is a column's keys (a column of the users model).
    bool sortsByKeys() const;
    // Whether source row a is shown before b: by key, then by row.
    bool before(int a, int b) const;
    // The shown rows in order, made again; the places follow.
    void rebuild();
    void placeAll();
    // A new order or filter, with the selection and current row kept where
    // their rows are still shown.
    void relayout(QAbstractItemModel::LayoutChangeHint hint);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void onRowsInserted(int first, int last);
    // Places one source row whose values changed: shown, hidden or moved.
    void settle(int sourceRow);

    // The source as a UsersModel (null for another model): asked once.
    const class UsersModel *m_users = nullptr;
    QList<QMetaObject::Connection> m_connections;
    int m_sortColumn = -1;
    Qt::SortOrder m_order = Qt::AscendingOrder;
    std::vector<int> m_shown; // proxy row -> source row
    std::vector<int> m_place; // source row -> proxy row; -1 when filtered out
    QString m_search;
    QStringMatcher m_matcher; // m_search case-folded (SearchText::fold), prepared once per search
    Show m_show = Show::All;
    std::optional<QSet<QString>> m_only;
};

} // namespace meterdesk
