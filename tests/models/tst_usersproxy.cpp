// The users table's proxy against Qt's own: after any change a live update,
// a reload, a sort or a search makes, it shows the rows a
// QSortFilterProxyModel sorting the same values (a full stable sort, made
// again each time) would show, in the same order; and the selection stays
// with its user.

#include <UsersFilterProxy.h>
#include <UsersModel.h>
#include <queries/UserColumns.h>

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace meterdesk;

namespace {

// Qt's proxy with the search the table has, read from the rows' display
// text: name, email or id contains the text, without case.
class QtProxy : public QSortFilterProxyModel
{
public:
    QString search;

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (search.isEmpty())
            return true;
        const QAbstractItemModel *model = sourceModel();
        return model->index(row, UsersModel::NameColumn, parent)
                   .data()
                   .toString()
                   .contains(search, Qt::CaseInsensitive) ||
               model->index(row, UsersModel::EmailColumn, parent)
                   .data()
                   .toString()
                   .contains(search, Qt::CaseInsensitive) ||
               model->index(row, 0, parent)
                   .data(UsersModel::UserIdRole)
                   .toString()
                   .contains(search, Qt::CaseInsensitive);
    }
};

QStringList idsInViewOrder(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(UsersModel::UserIdRole).toString();
    return ids;
}

// Few distinct values, so that equal keys are common and their order counts.
UserRow randomUser(QRandomGenerator &random, int number)
{
    static const QStringList names{QStringLiteral("Amy Adams"),
                                   QStringLiteral("amy adams"),
                                   QStringLiteral("Zed"),
                                   QStringLiteral("Élodie"),
                                   QString(),
                                   QStringLiteral("Bob Brown")};
    UserRow row;
    row.userId = QStringLiteral("user-%1").arg(number, 4, 10, QLatin1Char('0'));
    row.name = names.at(random.bounded(names.size()));
    row.email = QStringLiteral("%1@example.com").arg(number % 7);
    row.requests = random.bounded(5);
    row.cost = Money::fromNanos(qint64(random.bounded(4)) * 1'000'000);
    row.riskScore = int(random.bounded(3)) * 40;
    return row;
}

} // namespace

class TestUsersProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsWhatQtsProxyShowsAfterEveryChange()
    {
        QRandomGenerator random(20261207);
        UsersModel model;
        UsersFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QtProxy qt;
        qt.setSourceModel(&model);
        qt.setSortCaseSensitivity(Qt::CaseInsensitive);
        qt.setDynamicSortFilter(false); // sorted afresh below, never row by row

        QList<UserRow> rows;
        for (int i = 0; i < 300; ++i)
            rows << randomUser(random, i);
        model.setRows(rows);
        int users = int(rows.size());
        const QList<int> columns{UsersModel::CostColumn, UsersModel::RequestsColumn,
                                 UsersModel::RiskColumn, UsersModel::NameColumn};
        // With the separator of SearchText's fields too, alone and at the
        // end of a name: a match there is no match of any one field.
        const QStringList searches{QString(),
                                   QStringLiteral("amy"),
                                   QStringLiteral("user-01"),
                                   QStringLiteral("@example"),
                                   QStringLiteral("nobody"),
                                   QStringLiteral("ÉLODIE"),
                                   QString(QChar(0x1F)),
                                   QStringLiteral("zed") + QChar(0x1F)};
        for (int step = 0; step < 400; ++step) {
            const int what = int(random.bounded(8));
            QString done;
            if (what <= 2) { // a live update of a few users
                QList<UserRow> changed;
                QList<qsizetype> at;
                for (int n = int(random.bounded(1, 4)); n > 0; --n) {
                    const int row = int(random.bounded(users));
                    if (at.contains(row))
                        continue;
                    UserRow user = randomUser(random, row);
                    user.userId = model.rows().at(row).userId;
                    changed << user;
                    at << row;
                }
                QVERIFY(model.replaceRows(changed, at, {}));
                done = QStringLiteral("changed %1 users").arg(changed.size());
            } else if (what == 3) { // new users, a few or many at once
                const int count = random.bounded(4) == 0 ? 300 : int(random.bounded(1, 4));
                QList<UserRow> added;
                QList<qsizetype> at;
                for (int n = 0; n < count; ++n) {
                    added << randomUser(random, users + n);
                    at << users + n;
                }
                QVERIFY(model.replaceRows(added, at, {}));
                users += count;
                done = QStringLiteral("added %1 users").arg(count);
            } else if (what == 4) { // an admin's action
                const UserRow &user = model.rows().at(random.bounded(users));
                model.updateUser(user.userId, !user.blocked, QStringLiteral("why"),
                                 int(random.bounded(3)) * 40);
                done = QStringLiteral("updated a user");
            } else if (what == 5) { // a click on a header
                const int column = columns.at(random.bounded(columns.size()));
                const Qt::SortOrder order =
                    random.bounded(2) ? Qt::AscendingOrder : Qt::DescendingOrder;
                proxy.sort(column, order);
                qt.setSortRole(column == UsersModel::NameColumn ? int(Qt::DisplayRole)
                                                                : int(UsersModel::SortRole));
                qt.sort(column, order);
                done = QStringLiteral("sorted by column %1, order %2").arg(column).arg(order);
            } else if (what == 6) { // typing in the search box
                const QString search = searches.at(random.bounded(searches.size()));
                proxy.setSearchText(search);
                qt.search = search;
                done = QStringLiteral("searched for \"%1\"").arg(search);
            } else { // a reload: the rows anew, sometimes sorted by the data thread
                QList<UserRow> reloaded = model.rows();
                for (UserRow &row : reloaded) {
                    row.requests += random.bounded(2);
                    if (random.bounded(8) == 0) // a user renamed meanwhile
                        row.name = randomUser(random, 0).name;
                }
                // Sometimes with the text for the search, as the data
                // thread sends it while a search is typed.
                const bool withText = random.bounded(2);
                ColumnSortKeys keys;
                if (proxy.sortColumn() >= 0 && random.bounded(2))
                    keys = sortUsers(
                        reloaded, {proxy.sortColumn(), proxy.sortOrder() == Qt::DescendingOrder});
                model.setRows(reloaded, keys, 0, withText ? SearchText(reloaded) : SearchText());
                done = QStringLiteral("reloaded");
            }
            qt.invalidate();
            QVERIFY2(idsInViewOrder(proxy) == idsInViewOrder(qt),
                     qPrintable(QStringLiteral("step %1, %2, searching for \"%3\"")
                                    .arg(step)
                                    .arg(done, qt.search)));
        }
    }

    // A column the model does not have (a header of another model, say)
    // leaves the rows in the model's order, through changes too.
    void aColumnTheModelLacksKeepsTheModelsOrder()
    {
        UsersModel model;
        UsersFilterProxy proxy;
        proxy.setSourceModel(&model);
        QRandomGenerator random(11);
        QList<UserRow> rows;
        QStringList ids;
        for (int i = 0; i < 20; ++i) {
            rows << randomUser(random, i);
            ids << rows.last().userId;
        }
        model.setRows(rows);
        proxy.sort(model.columnCount() + 3, Qt::DescendingOrder);
        QCOMPARE(idsInViewOrder(proxy), ids);
        UserRow changed = rows.at(5);
        changed.cost = Money::fromNanos(1);
        QVERIFY(model.replaceRows({changed, randomUser(random, 20)}, {5, 20}, {}));
        QCOMPARE(idsInViewOrder(proxy), ids + QStringList{QStringLiteral("user-0020")});
    }

    // An admin's selection stays on its user through a move, a sort and a
    // search that keeps it; a search that hides the user drops it.
    void theSelectionStaysWithItsUser()
    {
        UsersModel model;
        UsersFilterProxy proxy;
        proxy.setSourceModel(&model);
        QRandomGenerator random(7);
        QList<UserRow> rows;
        for (int i = 0; i < 50; ++i)
            rows << randomUser(random, i);
        model.setRows(rows);
        proxy.sort(UsersModel::CostColumn, Qt::DescendingOrder);
        QItemSelectionModel selection(&proxy);
        const QString chosen = rows.at(17).userId;
        const auto selected = [&] {
            QStringList ids;
            for (const QModelIndex &index : selection.selectedRows())
                ids << index.data(UsersModel::UserIdRole).toString();
            return ids;
        };
        selection.setCurrentIndex(proxy.mapFromSource(model.indexOf(chosen)),
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(selected(), QStringList{chosen});

        UserRow dearest = rows.at(17);
        dearest.cost = Money::fromNanos(99'000'000'000);
        QVERIFY(model.replaceRows({dearest}, {17}, {}));
        QCOMPARE(idsInViewOrder(proxy).first(), chosen); // moved to the top
        QCOMPARE(selected(), QStringList{chosen});
        QCOMPARE(selection.currentIndex().data(UsersModel::UserIdRole).toString(), chosen);

        proxy.sort(UsersModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(selected(), QStringList{chosen});
        proxy.setSearchText(chosen);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(selected(), QStringList{chosen});
        proxy.setSearchText(QStringLiteral("nobody"));
        QCOMPARE(proxy.rowCount(), 0);
        QVERIFY(selected().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestUsersProxy)
#include "tst_usersproxy.moc"
