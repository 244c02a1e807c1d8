// The charts' views by model and endpoint, the drill-down from a chart to
// its users or its day, and the cards' change against the period before:
// offscreen, with clicks where an admin clicks.
#include "TestSupport.h"

#include <ChartsPanel.h>
#include <CostOverTimeChart.h>
#include <CostSeriesModel.h>
#include <KpiCard.h>
#include <KpiStrip.h>
#include <Languages.h>
#include <MainWindow.h>
#include <RangeBar.h>
#include <ReconcileDialog.h>
#include <UsersFilterProxy.h>
#include <UsersModel.h>
#include <UsersPanel.h>

#include <money/Money.h>
#include <money/PriceBook.h>
#include <tracking/Tracker.h>

#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>

using namespace meterdesk;
using namespace meterdesk::test;

namespace {

// The newest day of the fixture: "today" minus one, so a 7-day range ending
// today holds it and the week before holds the older calls.
const QDate Today = QDate::currentDate();

UsageEvent call(const char *user, const char *service, const char *model, const QString &endpoint, QDate day)
{
    UsageEvent event;
    event.userId = QString::fromLatin1(user);
    event.service = QString::fromLatin1(service);
    event.model = QString::fromLatin1(model);
    event.endpoint = endpoint;
    event.tokens = {1'000'000, 0, 0, 0}; // a million input tokens: the model's input price
    event.timestamp = QDateTime(day, QTime(12, 0), QTimeZone::utc());
    return event;
}

} // namespace

class TestViews : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    ChartsPanel *charts() const { return m_window->chartsPanel(); }
    UsersPanel *users() const { return m_window->usersPanel(); }
    QStringList shownUsers() const
    {
        QStringList ids;
        for (int row = 0; row < users()->proxy()->rowCount(); ++row)
            ids << users()->proxy()->index(row, 0).data(UsersModel::UserIdRole).toString();
        ids.sort();
        return ids;
    }
    // Clicks the totals table's row that names `label`.
    bool clickTotalsRow(const QString &label)
    {
        QTableView *table = charts()->totalsTable();
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QModelIndex index = table->model()->index(row, 0);
            if (index.data().toString() == label) {
                QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
                return true;
            }
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("MeterdeskTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_views"));
        QVERIFY(Languages::install(*qApp, QStringLiteral("en")));
        const QString path = m_dir.filePath(QStringLiteral("views.sqlite"));
        QString error;
        auto db = Database::open(ConnectionSpec::sqlite(path), &error);
        QVERIFY(db && db->migrate(PriceBook::builtIn(), &error));
        QVERIFY(execOn(*db, QStringLiteral("INSERT INTO users (id, email, first_name, last_name) VALUES "
                                           "('ann', 'ann@example.com', 'Ann', 'Lee'), ('bob', 'bob@example.com', 'Bob', 'Ray'), "
                                           "('cat', 'cat@example.com', 'Cat', 'Oz')")));
        // This week: four calls; the week before: two. gpt-4o input is $2.50
        // per 1M, claude-3-haiku $0.25.
        const QList<UsageEvent> events{
            call("ann", "openai", "gpt-4o", QStringLiteral("support-chat"), Today.addDays(-1)),
            call("bob", "openai", "gpt-4o", QStringLiteral("support-chat"), Today.addDays(-2)),
            call("cat", "anthropic", "claude-3-haiku", QString(), Today.addDays(-2)),
            call("cat", "anthropic", "claude-3-haiku", QStringLiteral("claude-3-haiku"), Today.addDays(-3)),
            call("ann", "openai", "gpt-4o", QStringLiteral("event-matching"), Today.addDays(-8)),
            call("bob", "openai", "gpt-4o", QStringLiteral("event-matching"), Today.addDays(-9)),
        };
        QVERIFY(Tracker(*db, PriceBook::builtIn()).trackBatch(events).ok);

        m_window = std::make_unique<MainWindow>();
        m_window->resize(1440, 900);
        m_window->show();
        QSignalSpy updated(m_window.get(), &MainWindow::dashboardUpdated);
        m_window->openDatabase(ConnectionSpec::sqlite(path), false);
        QVERIFY(updated.wait(20'000));
        m_window->rangeBar()->setCustomRange(Today.addDays(-6), Today);
        QVERIFY(updated.wait(20'000));
        QVERIFY(updated.last().at(0).toBool());
        QCOMPARE(users()->model()->rowCount(), 3);
    }

    // Now four calls for $5.50 by three users; the 7 days before, two calls
    // for $5.00 by two.
    void cardsCompareWithThePeriodBefore()
    {
        KpiCard *requests = m_window->card(KpiStrip::RequestsCard);
        QTRY_VERIFY(!requests->change().isEmpty());
        QCOMPARE(requests->change(), QStringLiteral("▲ 100% vs the 7 days before"));
        QCOMPARE(m_window->card(KpiStrip::CostCard)->change(), QStringLiteral("▲ 10% vs the 7 days before"));
        QCOMPARE(m_window->card(KpiStrip::ActiveCard)->change(), QStringLiteral("▲ 50% vs the 7 days before"));
        QCOMPARE(m_window->card(KpiStrip::UnpricedCard)->change(), QStringLiteral("= 0% vs the 7 days before"));
        QVERIFY(m_window->card(KpiStrip::BlockedCard)->change().isEmpty());
        QCOMPARE(KpiStrip::changeText(97, 100), QStringLiteral("▼ 3.0%"));
        QCOMPARE(KpiStrip::changeText(5, 0), QStringLiteral("new"));
    }

    void byEndpointShowsFeaturesAndNoEndpoint()
    {
        QComboBox *box = charts()->breakdownBox();
        box->setFocus();
        QTest::keyClick(box, Qt::Key_End); // the last entry: by endpoint
        QCOMPARE(charts()->breakdown(), Breakdown::Endpoint);
        QAbstractItemModel *totals = charts()->totalsTable()->model();
        QTRY_COMPARE(totals->index(0, 0).data().toString(), QStringLiteral("support-chat")); // read after the switch
        QCOMPARE(totals->rowCount(), 2);
        // support-chat: two gpt-4o calls, $5.00; none: two claude-3-haiku calls, $0.50.
        QCOMPARE(totals->index(0, 0).data().toString(), QStringLiteral("support-chat"));
        QCOMPARE(totals->index(0, 2).data().toString(), QStringLiteral("$5.00"));
        QCOMPARE(totals->index(1, 0).data().toString(), QStringLiteral("(no endpoint)"));
        QCOMPARE(totals->index(1, 1).data().toString(), QStringLiteral("2"));
        QStringList keys = charts()->series()->services();
        keys.sort();
        QCOMPARE(keys, QStringList({QString(), QStringLiteral("support-chat")}));
    }

    void clickingAnEndpointListsItsUsers()
    {
        QVERIFY(clickTotalsRow(QStringLiteral("support-chat")));
        QTRY_COMPARE(shownUsers(), QStringList({QStringLiteral("ann"), QStringLiteral("bob")}));
        QVERIFY(users()->isDrilledDown());
        QVERIFY(clickTotalsRow(QStringLiteral("(no endpoint)")));
        QTRY_COMPARE(shownUsers(), QStringList({QStringLiteral("cat")}));
        auto *everyone = users()->findChild<QToolButton *>(QStringLiteral("showEveryone"));
        QVERIFY(everyone && everyone->isVisible());
        QTest::mouseClick(everyone, Qt::LeftButton);
        QCOMPARE(users()->proxy()->rowCount(), 3);
        QVERIFY(!everyone->isVisible());
        // From the keyboard: Enter on a row.
        QTableView *table = charts()->totalsTable();
        table->setFocus();
        table->setCurrentIndex(table->model()->index(0, 0)); // support-chat, the costliest
        QTest::keyClick(table, Qt::Key_Return);
        QTRY_COMPARE(shownUsers(), QStringList({QStringLiteral("ann"), QStringLiteral("bob")}));
        users()->showEveryone();
    }

    void clickingAServiceOrAModelListsItsUsers()
    {
        charts()->setBreakdown(Breakdown::Service);
        QTRY_COMPARE(charts()->totalsTable()->model()->index(0, 0).data().toString(), QStringLiteral("openai"));
        QVERIFY(clickTotalsRow(QStringLiteral("anthropic")));
        QCOMPARE(shownUsers(), QStringList({QStringLiteral("cat")}));
        charts()->setBreakdown(Breakdown::Model);
        QVERIFY(!users()->isDrilledDown()); // another view: everyone again
        QTRY_COMPARE(charts()->totalsTable()->model()->index(0, 0).data().toString(), QStringLiteral("gpt-4o"));
        QVERIFY(clickTotalsRow(QStringLiteral("gpt-4o")));
        QTRY_COMPARE(shownUsers(), QStringList({QStringLiteral("ann"), QStringLiteral("bob")}));
        users()->showEveryone();
    }

    // A click on the plot over a day makes the range that day.
    void clickingADayNarrowsTheRange()
    {
        charts()->setBreakdown(Breakdown::Service);
        CostOverTimeChart *chart = charts()->costChart();
        QTRY_VERIFY(charts()->series()->rowCount() > 0);
        QTest::qWait(100); // the chart lays out its axes
        const QDate day = Today.addDays(-2);
        const qreal x = qreal(day.startOfDay().toMSecsSinceEpoch());
        const QPointF scene = chart->chart()->mapToScene(chart->chart()->mapToPosition(QPointF(x, 0.01)));
        const QPoint where = chart->mapFromScene(scene) + QPoint(0, -2);
        QCOMPARE(chart->bucketAt(where), std::optional<QDate>(day));
        QSignalSpy updated(m_window.get(), &MainWindow::dashboardUpdated);
        QTest::mouseClick(chart->viewport(), Qt::LeftButton, {}, where);
        QCOMPARE(m_window->rangeBar()->range().from, day);
        QCOMPARE(m_window->rangeBar()->range().to, day);
        QVERIFY(updated.wait(20'000));
        QCOMPARE(shownUsers(), QStringList({QStringLiteral("bob"), QStringLiteral("cat")}));
    }

    // The provider's bill against what was tracked: an OpenAI costs page
    // (the organization costs API's shape, written here) agreeing on one
    // day, $0.50 over on another, and billing a day with no tracked calls.
    // A click on a header re-sorts the table; the selected user must stay
    // in sight, wherever the new order puts her.
    void aSortKeepsTheSelectedUserInSight()
    {
        UsersPanel panel;
        panel.resize(900, 320);
        QList<UserRow> rows;
        for (int i = 0; i < 400; ++i) {
            UserRow row;
            row.userId = QStringLiteral("u-%1").arg(i, 3, 10, QLatin1Char('0'));
            row.name = QStringLiteral("User %1").arg(i, 3, 10, QLatin1Char('0'));
            row.requests = i;
            row.cost = Money::fromNanos(qint64(i) * 1'000'000);
            rows << row;
        }
        panel.setRows(rows);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTableView *view = panel.view();
        view->sortByColumn(UsersModel::CostColumn, Qt::DescendingOrder);
        panel.selectUser(QStringLiteral("u-399")); // the dearest: the top row
        const auto inSight = [&] {
            const QModelIndex shown = panel.proxy()->mapFromSource(panel.model()->indexOf(QStringLiteral("u-399")));
            return view->viewport()->rect().contains(view->visualRect(shown).center());
        };
        QVERIFY(inSight());
        // By name, with a click on the header: "User 399" is near the bottom.
        QHeaderView *header = view->horizontalHeader();
        const QPoint name(header->sectionViewportPosition(UsersModel::NameColumn) + 10, header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, name);
        QCOMPARE(panel.order().column, int(UsersModel::NameColumn));
        QTRY_VERIFY(inSight());
        QCOMPARE(panel.selectedUsers().size(), 1);
        QCOMPARE(panel.selectedUsers().first().userId, QStringLiteral("u-399"));
    }

    void reconciliationShowsTheDaysThatDiffer()
    {
        const auto bucket = [](QDate day, double dollars) {
            const qint64 start = day.startOfDay(QTimeZone::utc()).toSecsSinceEpoch();
            return QStringLiteral(R"({"object": "bucket", "start_time": %1, "end_time": %2, "results": [{"object": )"
                                  R"("organization.costs.result", "amount": {"value": %3, "currency": "usd"}}]})")
                .arg(start).arg(start + 86400).arg(dollars);
        };
        const QString report = m_dir.filePath(QStringLiteral("costs.json"));
        QFile file(report);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral(R"({"object": "page", "data": [%1, %2, %3], "has_more": false})")
                       .arg(bucket(Today.addDays(-1), 2.5), bucket(Today.addDays(-2), 3.0), bucket(Today.addDays(-5), 1.0))
                       .toUtf8());
        file.close();
        m_window->showReconciliation();
        auto *dialog = m_window->findChild<ReconcileDialog *>();
        QVERIFY(dialog);
        dialog->chooseReports = [report] { return QStringList{report}; };
        QSignalSpy done(dialog, &ReconcileDialog::reconciled);
        auto *load = dialog->findChildren<QPushButton *>().value(0);
        QVERIFY(load && load->text().contains(QStringLiteral("Load")));
        QTest::mouseClick(load, Qt::LeftButton);
        QVERIFY(done.wait(10'000));
        QAbstractItemModel *table = dialog->table()->model();
        QCOMPARE(table->rowCount(), 3);
        // Oldest first: the untracked day, then the one $0.50 over, then the one that agrees.
        QCOMPARE(table->index(0, 1).data().toString(), QStringLiteral("$0.00"));
        QCOMPARE(table->index(0, 6).data().toString(), QStringLiteral("no tracked calls this day"));
        QCOMPARE(table->index(1, 3).data().toString(), QStringLiteral("$0.50"));
        QVERIFY(table->index(1, 0).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(!table->index(2, 0).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(table->index(2, 6).data().toString().isEmpty());
        QCOMPARE(dialog->summary(), QStringLiteral("2 of 3 days differ by more than 1% and $0.01 (in bold, with why)."));
        const QString csv = m_dir.filePath(QStringLiteral("reconciliation.csv"));
        dialog->chooseExportPath = [csv] { return csv; };
        QPushButton *exportButton = dialog->findChildren<QPushButton *>().value(1);
        QVERIFY(exportButton && exportButton->isEnabled());
        QTest::mouseClick(exportButton, Qt::LeftButton);
        QFile written(csv);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QList<QStringList> records = parseCsv(written.readAll());
        QCOMPARE(records.size(), 4);
        QCOMPARE(records.at(2).value(3), QStringLiteral("0.500000")); // billed minus tracked
        dialog->close();
    }
};

QTEST_MAIN(TestViews)
#include "tst_views.moc"
