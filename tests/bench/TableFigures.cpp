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

// The users' ids in the order shown: equal values keep the order they came
// in on both sides (each sort is stable), so the whole order must agree.
QStringList shownOrder(const QAbstractItemModel &proxy)
{
    QStringList ids;
    ids.reserve(proxy.rowCount());
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids << proxy.index(row, 0).data(UsersModel::UserIdRole).toString();
    return ids;
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
    // The values through data(): Qt's own sort, numbers by their sort role
    // and text as shown, without case as the table sorts it. --fault sort:
    // the baseline sorts the other way, so the orders differ.
    QSortFilterProxyModel plainSort;
    plainSort.setSourceModel(&model);
    plainSort.setSortCaseSensitivity(Qt::CaseInsensitive);

    // A click on a column's header: by cost (numbers), and by name (text
    // without case, the dearer compare).
    const auto measureSort = [&](int column, const QString &what, Qt::SortOrder order, int plainRole) {
        plainSort.setSortRole(plainRole);
        BenchRow sort{QStringLiteral("sort %1 users by %2").arg(model.rowCount()).arg(what), QStringLiteral("ms")};
        const auto sortOurs = [&] { proxy.sort(column, order); };
        const auto sortPlain = [&] { plainSort.sort(column, fault == Fault::Sort ? Qt::SortOrder(1 - order) : order); };
        // Untimed before each: sorted by another column (so the table's keys
        // for this one are made again, as at a click on its header), then
        // back to the order the rows came in.
        const int other = column == UsersModel::RequestsColumn ? UsersModel::TokensColumn : UsersModel::RequestsColumn;
        const auto unsort = [&](auto &sorted) {
            sorted.sort(other, order);
            sorted.sort(-1);
        };
        sort.value = medianMs(3, sortOurs, [&] { unsort(proxy); });
        sort.baseline = medianMs(3, sortPlain, [&] { unsort(plainSort); });
        sort.goal = QStringLiteral("< 150 ms");
        QString failure;
        if (!all)
            failure = error;
        else if (model.rowCount() == 0)
            failure = QStringLiteral("no users to sort");
        else if (shownOrder(proxy) != shownOrder(plainSort))
            failure = QStringLiteral("the two sides sorted the users into different orders");
        report.add(sort, false, 0, 150, failure);
    };
    measureSort(UsersModel::CostColumn, QStringLiteral("cost"), Qt::DescendingOrder, UsersModel::SortRole);
    measureSort(UsersModel::NameColumn, QStringLiteral("name"), Qt::AscendingOrder, Qt::DisplayRole);

    // Typing in the search box: each proxy filters every row again, and
    // sorts what it shows by cost, as the table comes up.
    proxy.sort(UsersModel::CostColumn, Qt::DescendingOrder);
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
    QString failure;
    if (shownIds(proxy) != shownIds(plainSearch))
        failure = QStringLiteral("the two sides found different users (%1 and %2)").arg(shown).arg(plainSearch.rowCount());
    report.add(search, false, 0, 150, failure);
}
