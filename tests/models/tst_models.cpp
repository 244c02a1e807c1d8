#include <CostSeriesModel.h>
#include <EventsModel.h>
#include <UsersFilterProxy.h>
#include <UsersModel.h>
#include <queries/UserColumns.h>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace meterdesk;

namespace {

UserRow user(const QString &id, const QString &name, const QString &email, qint64 requests, qint64 tokens, qint64 costNanos,
             QDateTime last, bool blocked = false, int risk = 0)
{
    UserRow row;
    row.userId = id;
    row.name = name;
    row.email = email;
    row.requests = requests;
    row.tokens = tokens;
    row.cost = Money::fromNanos(costNanos);
    row.perService.insert(QStringLiteral("openai"), {requests, tokens, Money::fromNanos(costNanos)});
    row.lastActivity = last;
    row.blocked = blocked;
    row.blockReason = blocked ? QStringLiteral("abuse") : QString();
    row.riskScore = risk;
    return row;
}

// The fixture's hostile user id: quotes and SQL.
QString hostileId()
{
    return QStringLiteral("o'brien \"; DROP TABLE users; --");
}

// "9" sorts after "10" as text; these rows catch sorting on display strings.
QList<UserRow> fixture()
{
    const QDateTime base(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    return {user(QStringLiteral("u-1"), QStringLiteral("Zed Zimmer"), QStringLiteral("zed@example.com"), 9, 900, 9'000'000'000,
                 base.addDays(30)),
            user(QStringLiteral("u-2"), QStringLiteral("Amy Adams"), QStringLiteral("amy@corp.example"), 10, 10'000, 10'000'000'000,
                 base.addDays(2), true, 80),
            user(QStringLiteral("u-3"), QString(), QStringLiteral("=cmd@evil.example"), 100, 80, 1'500'000'000, base.addDays(365)),
            user(hostileId(), QStringLiteral("\u202eRTL \U0001F600"), QString(), 1, 1, 500,
                 QDateTime())};
}

QStringList idsInViewOrder(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(UsersModel::UserIdRole).toString();
    return ids;
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void usersModelUnderTheTester()
    {
        UsersModel model;
        UsersFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(fixture());
        proxy.sort(UsersModel::CostColumn);
        proxy.setSearchText(QStringLiteral("amy"));
        model.updateUser(QStringLiteral("u-2"), false, {}, 10);
        model.setRows({});
        model.setRows(fixture());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(userColumns(InDashboard).size()));
    }

    void sortsOnRawValues_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QStringList>("ascending");
        const QString hostile = hostileId();
        QTest::newRow("cost as a number") << int(UsersModel::CostColumn)
                                          << QStringList{hostile, QStringLiteral("u-3"), QStringLiteral("u-1"), QStringLiteral("u-2")};
        QTest::newRow("requests as a number") << int(UsersModel::RequestsColumn)
                                              << QStringList{hostile, QStringLiteral("u-1"), QStringLiteral("u-2"), QStringLiteral("u-3")};
        QTest::newRow("tokens as a number") << int(UsersModel::TokensColumn)
                                            << QStringList{hostile, QStringLiteral("u-3"), QStringLiteral("u-1"), QStringLiteral("u-2")};
        QTest::newRow("last activity as a date") << int(UsersModel::LastActivityColumn)
                                                 << QStringList{hostile, QStringLiteral("u-2"), QStringLiteral("u-1"), QStringLiteral("u-3")};
        QTest::newRow("risk") << int(UsersModel::RiskColumn)
                              << QStringList{QStringLiteral("u-1"), QStringLiteral("u-3"), hostile, QStringLiteral("u-2")};
    }
    void sortsOnRawValues()
    {
        QFETCH(int, column);
        QFETCH(QStringList, ascending);
        UsersModel model;
        UsersFilterProxy proxy;
        proxy.setSourceModel(&model);
        model.setRows(fixture());
        proxy.sort(column, Qt::AscendingOrder);
        QStringList ids = idsInViewOrder(proxy);
        if (column == UsersModel::RiskColumn) // ties keep no particular order: compare the ordering only
            QCOMPARE(ids.last(), ascending.last());
        else
            QCOMPARE(ids, ascending);
        proxy.sort(column, Qt::DescendingOrder);
        std::reverse(ascending.begin(), ascending.end());
        if (column != UsersModel::RiskColumn)
            QCOMPARE(idsInViewOrder(proxy), ascending);
    }

    // The sorted table follows each kind of change to a row: the numbers it
    // sorts on (kept beside the rows) must change with the rows.
    void sortFollowsChangedRows()
    {
        UsersModel model;
        UsersFilterProxy proxy;
        proxy.setSourceModel(&model);
        model.setRows(fixture());
        const QString obrien = hostileId();
        const auto top = [&] { return idsInViewOrder(proxy).first(); };

        proxy.sort(UsersModel::CostColumn, Qt::DescendingOrder);
        QCOMPARE(top(), QStringLiteral("u-2")); // $10, the most
        UserRow raised = fixture().at(3);       // o'brien, $0.0000005
        raised.cost = Money::fromNanos(20'000'000'000);
        QVERIFY(model.replaceRows({raised}, {3}, {}));
        QCOMPARE(top(), obrien);
        UserRow added = user(QStringLiteral("u-5"), QStringLiteral("New Comer"), QString(), 1, 1, 30'000'000'000, QDateTime());
        QVERIFY(model.replaceRows({added}, {4}, {}));
        QCOMPARE(top(), QStringLiteral("u-5"));

        proxy.sort(UsersModel::RiskColumn, Qt::DescendingOrder);
        QCOMPARE(top(), QStringLiteral("u-2")); // risk 80, the others 0
        model.updateUser(QStringLiteral("u-3"), false, QString(), 95);
        QCOMPARE(top(), QStringLiteral("u-3"));

        proxy.sort(UsersModel::SuggestedColumn, Qt::DescendingOrder);
        model.setGuardrails({{{QStringLiteral("u-1"), 60}}, {}});
        QCOMPARE(top(), QStringLiteral("u-1"));
        model.setGuardrails({{{QStringLiteral("u-1"), 60}, {QStringLiteral("u-4"), 70}}, {}});
        QCOMPARE(top(), QStringLiteral("u-1")); // u-4 is not a row: u-1 keeps the top
        model.setGuardrails({{{QStringLiteral("u-3"), 90}}, {}});
        QCOMPARE(top(), QStringLiteral("u-3"));

        // By name: u-3 shows "=cmd@evil.example". A name the sort has not
        // seen yet must still find its place.
        proxy.sort(UsersModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(top(), QStringLiteral("u-3"));
        UserRow renamed = fixture().at(1);
        renamed.name = QStringLiteral("!Aaron");
        QVERIFY(model.replaceRows({renamed}, {1}, {}));
        QCOMPARE(top(), QStringLiteral("u-2"));
    }

    void filterMatchesNameEmailAndId_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("name, any case") << QStringLiteral("zIMM") << QStringList{QStringLiteral("u-1")};
        QTest::newRow("email") << QStringLiteral("corp.example") << QStringList{QStringLiteral("u-2")};
        QTest::newRow("id") << QStringLiteral("u-3") << QStringList{QStringLiteral("u-3")};
        QTest::newRow("formula-looking text") << QStringLiteral("=cmd") << QStringList{QStringLiteral("u-3")};
        QTest::newRow("quotes and SQL") << QStringLiteral("\"; DROP") << QStringList{hostileId()};
        QTest::newRow("regex characters are plain") << QStringLiteral(".*") << QStringList{};
        QTest::newRow("emoji") << QStringLiteral("\U0001F600") << QStringList{hostileId()};
        QTest::newRow("10,000 characters") << QString(10000, u'a') << QStringList{};
        QTest::newRow("blank shows all") << QStringLiteral("   ")
                                         << QStringList{QStringLiteral("u-1"), QStringLiteral("u-2"), QStringLiteral("u-3"),
                                                        hostileId()};
    }
    void filterMatchesNameEmailAndId()
    {
        QFETCH(QString, search);
        QFETCH(QStringList, ids);
        UsersModel model;
        UsersFilterProxy proxy;
        proxy.setSourceModel(&model);
        model.setRows(fixture());
        proxy.setSearchText(search);
        QStringList shown = idsInViewOrder(proxy);
        shown.sort();
        ids.sort();
        QCOMPARE(shown, ids);
    }

    void showBlockedOrRisky()
    {
        UsersModel model;
        UsersFilterProxy proxy;
        proxy.setSourceModel(&model);
        model.setRows(fixture());
        proxy.setShow(UsersFilterProxy::Show::Blocked);
        QCOMPARE(idsInViewOrder(proxy), QStringList{QStringLiteral("u-2")});
        proxy.setShow(UsersFilterProxy::Show::Risky);
        QCOMPARE(idsInViewOrder(proxy), QStringList{QStringLiteral("u-2")});
        model.updateUser(QStringLiteral("u-2"), false, {}, 20);
        QCOMPARE(proxy.rowCount(), 0);
    }

    void displayAndTooltips()
    {
        UsersModel model;
        model.setRows(fixture());
        QCOMPARE(model.index(0, UsersModel::CostColumn).data().toString(), QStringLiteral("$9.00"));
        QCOMPARE(model.index(2, UsersModel::NameColumn).data().toString(), QStringLiteral("=cmd@evil.example"));
        QCOMPARE(model.index(3, UsersModel::CostColumn).data().toString(), QStringLiteral("$0.000001"));
        QCOMPARE(model.index(1, UsersModel::StatusColumn).data().toString(), QStringLiteral("Blocked"));
        QCOMPARE(model.index(1, UsersModel::StatusColumn).data(Qt::ToolTipRole).toString(), QStringLiteral("Blocked: abuse"));
        QCOMPARE(model.headerData(UsersModel::CostColumn, Qt::Horizontal).toString(), QStringLiteral("Cost"));
    }

    // The model takes its columns from the one descriptor table: titles and
    // alignment as an admin sees them, and the table's report and terminal
    // columns are the ones the other readers print.
    void columnsComeFromTheDescriptorTable()
    {
        UsersModel model;
        model.setRows(fixture());
        const QStringList titles = QStringLiteral("User|Email|Requests|Tokens|Cost|OpenAI|Anthropic|Google|Other|"
                                                  "Last activity|Risk|Suggested|Status|Budget").split(u'|');
        QCOMPARE(model.columnCount(), titles.size());
        for (int column = 0; column < titles.size(); ++column) {
            QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), titles.at(column));
            const bool number = (column >= UsersModel::RequestsColumn && column <= UsersModel::OtherCostColumn)
                || column == UsersModel::RiskColumn || column == UsersModel::SuggestedColumn
                || column == UsersModel::BudgetColumn;
            QCOMPARE(model.index(0, column).data(Qt::TextAlignmentRole).isValid(), number);
        }
        QStringList terminal;
        for (const UserColumn &column : userColumns(InTerminal))
            terminal << QString::fromLatin1(column.title);
        QCOMPARE(terminal.join(u'|'), QStringLiteral("User id|User|Requests|Tokens|Cost|Last activity|Risk|Status|Budget"));
        QStringList report;
        for (const UserColumn &column : userReportColumns({QStringLiteral("openai"), QStringLiteral("mistral")}))
            report << column.csvName;
        QCOMPARE(report.join(u','), QStringLiteral("user_id,name,email,requests,tokens,cost_usd,openai_cost_usd,"
                                                   "mistral_cost_usd,last_activity_utc,risk_score,budget_used_percent,"
                                                   "blocked,block_reason,blocked_by,unpriced_events"));
    }

    // A reload's rows come stamped with the guardrails the table has, and
    // still shared with the data thread: the table takes them as they are,
    // without a copy. Rows not stamped are written, in the table's copy.
    void stampedRowsAreTakenWithoutACopy()
    {
        UsersModel model;
        QHash<QString, UserBudget> use;
        UserBudget half;
        half.permille = 500;
        use.insert(QStringLiteral("u-2"), half);
        model.setGuardrails({{{QStringLiteral("u-1"), 40}}, use});
        model.setRows(fixture());
        const auto shown = [&](int column) {
            QList<qint64> values;
            for (const UserRow &row : model.rows())
                values << (column == UsersModel::SuggestedColumn ? row.suggestedRisk : row.budgetPermille);
            return values;
        };
        // u-1 has a suggestion of 40, u-2 half its budget; no one else has either.
        const QList<qint64> suggested{40, 0, 0, 0}, budget{-1, 500, -1, -1};
        QCOMPARE(shown(UsersModel::SuggestedColumn), suggested);
        QCOMPARE(shown(UsersModel::BudgetColumn), budget);

        QList<UserRow> stamped = fixture();
        for (qsizetype i = 0; i < stamped.size(); ++i) {
            stamped[i].suggestedRisk = int(suggested[i]);
            stamped[i].budgetPermille = budget[i];
        }
        model.setRows(stamped);
        QVERIFY(model.rows().constData() == stamped.constData());

        QList<UserRow> unstamped = fixture();
        model.setRows(unstamped);
        QVERIFY(model.rows().constData() != unstamped.constData());
        QCOMPARE(unstamped.first().suggestedRisk, -1);
        QCOMPARE(shown(UsersModel::SuggestedColumn), suggested);
        QCOMPARE(shown(UsersModel::BudgetColumn), budget);
    }

    // Rows the data thread stamped with the guardrails the table has (their
    // version) are taken on its word, not looked up user by user; rows of
    // another version, or after the table changed a value of its own, are.
    void rowsStampedWithTheTablesGuardrailsAreNotCheckedAgain()
    {
        UsersModel model;
        RowGuardrails guardrails{{{QStringLiteral("u-1"), 40}}, {}};
        guardrails.version = RowGuardrails::newVersion();
        model.setGuardrails(guardrails);
        // u-1's 40 left out on purpose: a check would write it back.
        QList<UserRow> rows = fixture();
        for (UserRow &row : rows)
            row.suggestedRisk = 0;
        model.setRows(rows, {}, guardrails.version);
        QCOMPARE(model.rows().first().suggestedRisk, 0);
        QVERIFY(model.rows().constData() == rows.constData());
        model.setRows(rows, {}, RowGuardrails::newVersion());
        QCOMPARE(model.rows().first().suggestedRisk, 40);
        model.setRows(rows, {}, 0);
        QCOMPARE(model.rows().first().suggestedRisk, 40);

        // A live update moves u-2's budget use: the table's copy is its own now.
        UserBudget half;
        half.permille = 500;
        QVERIFY(model.replaceRows({fixture().at(1)}, {1}, {{QStringLiteral("u-2"), half}}));
        model.setRows(rows, {}, guardrails.version);
        QCOMPARE(model.rows().first().suggestedRisk, 40);
        QCOMPARE(model.rows().at(1).budgetPermille, 500);
    }

    // The data thread puts a load's rows in the table's order (sortUsers):
    // the proxy, sorting them itself, must show them in the order given.
    void sortUsersGivesTheTablesOrder_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        QTest::addColumn<QStringList>("expected");
        const QString obrien = hostileId();
        // u-4 costs what u-1 does: ties keep the order the rows came in.
        QTest::newRow("cost, descending") << int(UsersModel::CostColumn) << Qt::DescendingOrder
                                          << QStringList{QStringLiteral("u-2"), QStringLiteral("u-1"), QStringLiteral("u-4"),
                                                         QStringLiteral("u-5"), QStringLiteral("u-3"), obrien};
        QTest::newRow("requests, ascending") << int(UsersModel::RequestsColumn) << Qt::AscendingOrder
                                             << QStringList{obrien, QStringLiteral("u-1"), QStringLiteral("u-4"),
                                                            QStringLiteral("u-2"), QStringLiteral("u-5"), QStringLiteral("u-3")};
        // Without case: "amy" before "Ann"; u-3 has no name and shows its
        // email. "zed Abbot" starts as "Zed Zimmer" does, yet comes first.
        QTest::newRow("user, ascending") << int(UsersModel::NameColumn) << Qt::AscendingOrder
                                         << QStringList{QStringLiteral("u-3"), QStringLiteral("u-2"), QStringLiteral("u-4"),
                                                        QStringLiteral("u-5"), QStringLiteral("u-1"), obrien};
    }

    void sortUsersGivesTheTablesOrder()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        QFETCH(QStringList, expected);
        QList<UserRow> rows = fixture();
        rows << user(QStringLiteral("u-4"), QStringLiteral("Ann Baker"), QString(), 9, 900, 9'000'000'000, QDateTime())
             << user(QStringLiteral("u-5"), QStringLiteral("zed Abbot"), QString(), 50, 500, 5'000'000'000, QDateTime());
        QList<UserRow> sorted = rows;
        sortUsers(sorted, {column, order == Qt::DescendingOrder});
        QStringList ids;
        for (const UserRow &row : std::as_const(sorted))
            ids << row.userId;
        QCOMPARE(ids, expected);

        UsersModel model;
        UsersFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(column, order);
        for (const QList<UserRow> &given : {rows, sorted}) {
            model.setRows(given);
            QCOMPARE(idsInViewOrder(proxy), expected);
        }
    }

    // The keys that come with the rows (made by sortUsers on the data
    // thread) are the proxy's, when they are of its column; never made again.
    void keysThatComeWithTheRowsAreTaken()
    {
        UsersModel model;
        UsersFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(UsersModel::NameColumn, Qt::AscendingOrder);
        QList<UserRow> byName = fixture();
        const ColumnSortKeys nameKeys = sortUsers(byName, {UsersModel::NameColumn, false});
        QList<UserRow> byCost = fixture();
        const ColumnSortKeys costKeys = sortUsers(byCost, {UsersModel::CostColumn, true});
        const QStringList nameOrder = [&] {
            model.setRows(fixture());
            return idsInViewOrder(proxy);
        }();
        // Name keys rising from row to row, given with rows in cost order:
        // were they made again, the rows would show by name.
        model.setRows(byCost, nameKeys);
        QStringList costOrder;
        for (const UserRow &row : std::as_const(byCost))
            costOrder << row.userId;
        QVERIFY(costOrder != nameOrder);
        QCOMPARE(idsInViewOrder(proxy), costOrder);
        // Keys of another column, or of other rows, are not the proxy's.
        model.setRows(byCost, costKeys);
        QCOMPARE(idsInViewOrder(proxy), nameOrder);
        model.setRows(byCost.mid(1), nameKeys);
        QCOMPARE(idsInViewOrder(proxy).size(), byCost.size() - 1);
        QVERIFY(idsInViewOrder(proxy) != costOrder.mid(1));
    }

    void riskEditsOutsideTheRangeAreRefused()
    {
        UsersModel model;
        model.setRows(fixture());
        QSignalSpy edited(&model, &UsersModel::riskEdited);
        const QModelIndex risk = model.index(0, UsersModel::RiskColumn);
        QVERIFY(model.flags(risk) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(0, UsersModel::CostColumn)) & Qt::ItemIsEditable));
        model.setData(risk, 101);
        model.setData(risk, -1);
        model.setData(risk, QStringLiteral("high"));
        QCOMPARE(edited.count(), 0);
        model.setData(risk, 42);
        QCOMPARE(edited.count(), 1);
        QCOMPARE(edited.at(0).at(1).toInt(), 42);
    }

    void costSeriesModel()
    {
        CostSeriesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSeries({{QDate(2026, 1, 5), QStringLiteral("anthropic"), 2, Money::fromNanos(2'000'000'000)},
                         {QDate(2026, 1, 5), QStringLiteral("openai"), 1, Money::fromNanos(500'000'000)},
                         {QDate(2026, 1, 12), QStringLiteral("mistral"), 1, Money::fromNanos(7)}},
                        Bucket::Week);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.services(), (QStringList{QStringLiteral("openai"), QStringLiteral("anthropic"), QStringLiteral("mistral")}));
        QCOMPARE(model.index(0, 2).data(CostSeriesModel::NanosRole).toLongLong(), 2'000'000'000);
        QCOMPARE(model.index(1, 1).data(CostSeriesModel::NanosRole).toLongLong(), 0);
        QCOMPARE(model.cost(1, QStringLiteral("mistral")).nanos(), 7);
        model.setSeries({}, Bucket::Day);
        QCOMPARE(model.rowCount(), 0);
    }

    void eventsModel()
    {
        EventsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        EventRow event;
        event.timestamp = QDateTime(QDate(2026, 1, 1), QTime(1, 2, 3), Qt::UTC);
        event.model = QStringLiteral("mystery");
        event.priced = false;
        event.cost = Money::fromNanos(1234);
        model.setEvents({event, event});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, EventsModel::ModelColumn).data().toString(), QStringLiteral("mystery (unpriced)"));
        QCOMPARE(model.index(0, EventsModel::CostColumn).data().toString(), QStringLiteral("$0.000001"));
        QCOMPARE(model.index(0, EventsModel::CostColumn).data(EventsModel::SortRole).toLongLong(), 1234);
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
