#include "TableFigures.h"

#include <queries/Queries.h>
#include <UsersFilterProxy.h>
#include <UsersModel.h>

#include <QSet>
#include <QSortFilterProxyModel>

using namespace meterdesk;

namespace {

// The plain way to search: a QSortFilterProxyModel whose filter reads the
// name, email and id through data(), as the search box matches them.
class PlainSearchProxy : public QSortFilterProxyModel
{
public:
    QString text;

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (text.isEmpty())
            return true;
        const QAbstractItemModel *model = sourceModel();
        return model->index(row, UsersModel::NameColumn, parent).data().toString().contains(text, Qt::CaseInsensitive)
            || model->index(row, UsersModel::EmailColumn, parent).data().toString().contains(text, Qt::CaseInsensitive)
            || model->index(row, 0, parent).data(UsersModel::UserIdRole).toString().contains(text, Qt::CaseInsensitive);
    }
};

QList<qint64> costOrder(const QAbstractItemModel &proxy)
{
    QList<qint64> costs;
    costs.reserve(proxy.rowCount());
    for (int row = 0; row < proxy.rowCount(); ++row)
        costs << proxy.index(row, UsersModel::CostColumn).data(UsersModel::SortRole).toLongLong();
    return costs;
}

QSet<QString> shownIds(const QAbstractItemModel &proxy)
{
    QSet<QString> ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids.insert(proxy.index(row, 0).data(UsersModel::UserIdRole).toString());
    return ids;
}

} // namespace

void measureUsersTable(Database &db, Fault fault, BenchReport &report)
{
    QString error;
    const auto all = Queries(db).users(DateRange::allTime(), &error);
    UsersModel model;
    model.setRows(all.value_or(QList<UserRow>()));
    UsersFilterProxy proxy;
    proxy.setSourceModel(&model);
    QSortFilterProxyModel plainSort; // the raw values through data(): Qt's own sort
    plainSort.setSourceModel(&model);
    plainSort.setSortRole(UsersModel::SortRole);
    // --fault sort: the baseline sorts the other way, so the orders differ.
    const Qt::SortOrder baselineOrder = fault == Fault::Sort ? Qt::AscendingOrder : Qt::DescendingOrder;

    BenchRow sort{QStringLiteral("sort %1 users by cost").arg(model.rowCount()), QStringLiteral("ms")};
    const auto sortOurs = [&] {
        proxy.sort(-1);
        proxy.sort(UsersModel::CostColumn, Qt::DescendingOrder);
    };
    const auto sortPlain = [&] {
        plainSort.sort(-1);
        plainSort.sort(UsersModel::CostColumn, baselineOrder);
    };
    sortOurs();
    sortPlain();
    sort.value = medianMs(3, sortOurs);
    sort.baseline = medianMs(3, sortPlain);
    sort.goal = QStringLiteral("< 150 ms");
    QString failure;
    if (!all)
        failure = error;
    else if (model.rowCount() == 0)
        failure = QStringLiteral("no users to sort");
    else if (costOrder(proxy) != costOrder(plainSort))
        failure = QStringLiteral("the two sides sorted the users into different orders");
    report.add(sort, false, 0, 150, failure);

    // Typing in the search box: each proxy filters every row again.
    const QString term = QStringLiteral("liam");
    PlainSearchProxy plainSearch; // kept sorted by cost, as the table is
    plainSearch.setSourceModel(&model);
    plainSearch.setSortRole(UsersModel::SortRole);
    plainSearch.sort(UsersModel::CostColumn, Qt::DescendingOrder);
    int shown = 0;
    // rowCount() makes each proxy build its rows, whenever it would.
    const auto searchOurs = [&] {
        proxy.setSearchText(QString());
        proxy.rowCount();
        proxy.setSearchText(term);
        shown = proxy.rowCount();
    };
    const auto searchPlain = [&] {
        plainSearch.text.clear();
        plainSearch.invalidate();
        plainSearch.rowCount();
        plainSearch.text = term;
        plainSearch.invalidate();
        plainSearch.rowCount();
    };
    searchOurs();
    searchPlain();
    BenchRow search{QStringLiteral("clear, then search %1 users for \"%2\"").arg(model.rowCount()).arg(term), QStringLiteral("ms")};
    search.value = medianMs(3, searchOurs);
    search.baseline = medianMs(3, searchPlain);
    search.name += QStringLiteral(" (%1 shown)").arg(shown);
    search.goal = QStringLiteral("< 150 ms");
    failure.clear();
    if (shownIds(proxy) != shownIds(plainSearch))
        failure = QStringLiteral("the two sides found different users (%1 and %2)").arg(shown).arg(plainSearch.rowCount());
    report.add(search, false, 0, 150, failure);
}
