// The dashboard, offscreen, on a database it does not know is a test.
#include "TestSupport.h"

#include <AdminDialogs.h>
#include <AuditDialog.h>
#include <AuditModel.h>
#include <KpiCard.h>
#include <MainWindow.h>
#include <RangeBar.h>
#include <UserDetailsPanel.h>
#include <UsersFilterProxy.h>
#include <UsersModel.h>
#include <UsersPanel.h>

#include <money/PriceBook.h>
#include <tracking/Tracker.h>

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QImage>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace meterdesk;
using namespace meterdesk::test;

namespace {

// Runs `handle` on the next modal dialog, from inside its exec().
template<typename Dialog, typename Handler>
void onNextDialog(Handler handle)
{
    QTimer::singleShot(50, qApp, [handle] {
        auto *dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            QTimer::singleShot(50, qApp, [handle] { onNextDialog<Dialog>(handle); });
            return;
        }
        handle(dialog);
    });
}

QPushButton *acceptButton(QDialog *dialog)
{
    const auto boxes = dialog->findChildren<QDialogButtonBox *>();
    for (QAbstractButton *button : boxes.first()->buttons())
        if (boxes.first()->buttonRole(button) == QDialogButtonBox::AcceptRole)
            return qobject_cast<QPushButton *>(button);
    return nullptr;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;

    bool selectUser(const QString &id)
    {
        m_window->usersPanel()->selectUser(id);
        return m_window->usersPanel()->selectedUsers().value(0).userId == id;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Settings of earlier runs (a remembered range, column widths) must not leak in.
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("MeterdeskTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        m_path = m_dir.filePath(QStringLiteral("usage.sqlite"));
        QString error;
        auto db = Database::open(ConnectionSpec::sqlite(m_path), &error);
        QVERIFY(db && db->migrate(PriceBook::builtIn(), &error));
        QVERIFY(execOn(*db, QStringLiteral("INSERT INTO users (id, email, first_name, last_name) VALUES "
                                           "('ann', 'ann@example.com', 'Ann', 'Lee'), "
                                           "('evil', 'x@example.com', '=HYPERLINK(\"x\")', '')")));
        Tracker tracker(*db, PriceBook::builtIn());
        const QDateTime when(QDate(2026, 5, 4), QTime(10, 0), Qt::UTC);
        UsageEvent a;
        a.userId = QStringLiteral("ann");
        a.service = QStringLiteral("openai");
        a.model = QStringLiteral("gpt-4o");
        a.tokens = {1'000'000, 0, 0, 0};
        a.timestamp = when;
        UsageEvent b = a;
        b.userId = QStringLiteral("evil");
        b.service = QStringLiteral("anthropic");
        b.model = QStringLiteral("claude-3-haiku");
        UsageEvent c = a;
        c.model = QStringLiteral("unknown-model-x");
        c.tokens = {1000, 0, 0, 0};
        QVERIFY(tracker.trackBatch({a, b, c}).ok);

        m_window = std::make_unique<MainWindow>();
        m_window->resize(1440, 900);
        m_window->show();
        QSignalSpy updated(m_window.get(), &MainWindow::dashboardUpdated);
        m_window->openDatabase(ConnectionSpec::sqlite(m_path), false);
        QVERIFY(updated.wait(20'000));
        // All time, so the fixed dates above are in range.
        m_window->rangeBar()->setPreset(RangeBar::AllTime);
        QVERIFY(updated.wait(20'000));
        QCOMPARE(updated.last().at(0).toBool(), true);
    }

    void cardsShowTheTotals()
    {
        QCOMPARE(m_window->card(0)->value(), QStringLiteral("3"));
        QCOMPARE(m_window->card(1)->value(), QStringLiteral("$2.76")); // 2.50 + 0.25 + 0.005
        QCOMPARE(m_window->card(2)->value(), QStringLiteral("2"));
        QCOMPARE(m_window->card(4)->value(), QStringLiteral("1"));
        QCOMPARE(m_window->usersPanel()->proxy()->rowCount(), 2);
    }

    void blockThroughTheDialog()
    {
        QVERIFY(selectUser(QStringLiteral("ann")));
        QVERIFY(m_window->usersPanel()->blockAction()->isEnabled());
        bool emptyRefused = false;
        onNextDialog<BlockDialog>([&emptyRefused](BlockDialog *dialog) {
            QPushButton *block = acceptButton(dialog);
            emptyRefused = !block->isEnabled(); // no reason yet
            dialog->findChild<QPlainTextEdit *>()->setPlainText(QStringLiteral("   "));
            emptyRefused = emptyRefused && !block->isEnabled();
            dialog->findChild<QPlainTextEdit *>()->setPlainText(QStringLiteral("Scraping through support chat"));
            block->click();
        });
        QSignalSpy done(m_window.get(), &MainWindow::actionDone);
        m_window->usersPanel()->blockAction()->trigger();
        QVERIFY(done.count() || done.wait(10'000));
        QVERIFY(emptyRefused);
        QCOMPARE(done.first().at(0).toBool(), true);
        QString error;
        auto db = Database::open(ConnectionSpec::sqlite(m_path), &error);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT is_blocked FROM api_usage_stats WHERE user_id = 'ann'")), 1);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM admin_audit_log WHERE action = 'block'")), 1);
        const UserRow *row = m_window->usersPanel()->model()->rowFor(QStringLiteral("ann"));
        QVERIFY(row && row->blocked);
        QCOMPARE(row->blockReason, QStringLiteral("Scraping through support chat"));
        QTRY_COMPARE(m_window->card(3)->value(), QStringLiteral("1"));
    }

    void unblockAsksFirst()
    {
        QVERIFY(selectUser(QStringLiteral("ann")));
        QStringList asked;
        m_window->confirm = [&asked](const QString &question) {
            asked << question;
            return asked.size() > 1; // no the first time, yes the second
        };
        QSignalSpy done(m_window.get(), &MainWindow::actionDone);
        m_window->usersPanel()->unblockAction()->trigger();
        QVERIFY(!done.wait(300));
        QVERIFY(m_window->usersPanel()->model()->rowFor(QStringLiteral("ann"))->blocked);
        m_window->usersPanel()->unblockAction()->trigger();
        QVERIFY(done.count() || done.wait(10'000));
        QVERIFY(asked.first().contains(QStringLiteral("Ann Lee")));
        QVERIFY(!m_window->usersPanel()->model()->rowFor(QStringLiteral("ann"))->blocked);
        QString error;
        auto db = Database::open(ConnectionSpec::sqlite(m_path), &error);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT is_blocked FROM api_usage_stats WHERE user_id = 'ann'")), 0);
    }

    void riskOutsideTheRangeIsRefused()
    {
        QVERIFY(selectUser(QStringLiteral("evil")));
        int shownMaximum = -1;
        onNextDialog<RiskDialog>([&shownMaximum](RiskDialog *dialog) {
            auto *spin = dialog->findChild<QSpinBox *>();
            spin->setValue(250); // clamps
            shownMaximum = spin->value();
            spin->setValue(73);
            acceptButton(dialog)->click();
        });
        QSignalSpy done(m_window.get(), &MainWindow::actionDone);
        m_window->usersPanel()->riskAction()->trigger();
        QVERIFY(done.count() || done.wait(10'000));
        QCOMPARE(shownMaximum, 100);
        QCOMPARE(m_window->usersPanel()->model()->rowFor(QStringLiteral("evil"))->riskScore, 73);
        // Inline: 101 never reaches the database.
        UsersModel *model = m_window->usersPanel()->model();
        const int row = int(std::find_if(model->rows().cbegin(), model->rows().cend(),
                                         [](const UserRow &r) { return r.userId == u"evil"; }) - model->rows().cbegin());
        done.clear();
        model->setData(model->index(row, UsersModel::RiskColumn), 101);
        QVERIFY(!done.wait(300));
        model->setData(model->index(row, UsersModel::RiskColumn), 12);
        QVERIFY(done.count() || done.wait(10'000));
        QString error;
        auto db = Database::open(ConnectionSpec::sqlite(m_path), &error);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT risk_score FROM api_usage_stats WHERE user_id = 'evil'")), 12);
    }

    void auditViewListsFiltersAndExports()
    {
        m_window->usersPanel()->view()->clearSelection();
        m_window->showAuditLog();
        auto *dialog = m_window->findChild<AuditDialog *>();
        QVERIFY(dialog);
        // block + unblock of ann, then two risk changes of evil (dialog and inline)
        QTRY_COMPARE(dialog->model()->rowCount(), 4);
        QCOMPARE(dialog->model()->rows().first().action, QStringLiteral("risk"));
        dialog->setUserFilter(QStringLiteral("ann"));
        QTRY_COMPARE(dialog->model()->rowCount(), 2);
        QCOMPARE(dialog->model()->rows().last().reason, QStringLiteral("Scraping through support chat"));
        const QString path = m_dir.filePath(QStringLiteral("audit.csv"));
        QString error;
        QVERIFY2(dialog->exportTo(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY(csv.startsWith("at_utc,database_role,os_user,action,user_id,old_value,new_value,reason\r\n"));
        QCOMPARE(csv.count("\r\n"), 3);
        QVERIFY(csv.contains(",sqlite,"));
        QVERIFY(csv.contains(",block,ann,allowed,blocked: Scraping through support chat,Scraping through support chat\r\n"));
        dialog->close();
    }

    void exportWritesTheTableAsShown()
    {
        auto *view = m_window->usersPanel()->view();
        view->sortByColumn(UsersModel::CostColumn, Qt::DescendingOrder);
        view->setColumnHidden(UsersModel::EmailColumn, true);
        view->setColumnHidden(UsersModel::TokensColumn, true);
        view->setColumnHidden(UsersModel::LastActivityColumn, true);
        view->setColumnHidden(UsersModel::GoogleCostColumn, true);
        view->setColumnHidden(UsersModel::OtherCostColumn, true);
        view->setColumnHidden(UsersModel::SuggestedColumn, true);
        view->setColumnHidden(UsersModel::BudgetColumn, true);
        const QString path = m_dir.filePath(QStringLiteral("users.csv"));
        QString error;
        QVERIFY2(m_window->exportUsersTo(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray expected =
            "User id,User,Requests,Cost,OpenAI,Anthropic,Risk,Status\r\n"
            "ann,Ann Lee,2,2.505000,2.505000,0.000000,0,Active\r\n"
            "evil,\"'=HYPERLINK(\"\"x\"\")\",1,0.250000,0.000000,0.250000,12,Active\r\n";
        QCOMPARE(file.readAll(), expected);
        file.close();
        // Filtered: only what the search shows, the header and one user.
        m_window->usersPanel()->proxy()->setSearchText(QStringLiteral("hyperlink"));
        QVERIFY(m_window->exportUsersTo(path, &error));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = expected.split('\n');
        QCOMPARE(file.readAll(), lines.at(0) + '\n' + lines.at(2) + '\n');
        m_window->usersPanel()->proxy()->setSearchText({});
        for (int column = 0; column < m_window->usersPanel()->model()->columnCount(); ++column)
            view->setColumnHidden(column, false);
    }

    void seriesExport()
    {
        const QString path = m_dir.filePath(QStringLiteral("series.csv"));
        QString error;
        QVERIFY2(m_window->exportSeriesTo(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("bucket_start,openai_cost_usd,anthropic_cost_usd,total_cost_usd\r\n"
                                            "2026-05-04,2.505000,0.250000,2.755000\r\n"));
    }

    void aForeignDatabaseGetsAClearMessage()
    {
        const QString path = m_dir.filePath(QStringLiteral("crm.sqlite"));
        QString error;
        {
            auto db = Database::open(ConnectionSpec::sqlite(path), &error);
            QVERIFY(db && execOn(*db, QStringLiteral("CREATE TABLE contacts (id integer)")));
        }
        MainWindow window;
        QSignalSpy updated(&window, &MainWindow::dashboardUpdated);
        window.openDatabase(ConnectionSpec::sqlite(path), false);
        QVERIFY(updated.wait(10'000));
        QCOMPARE(updated.first().at(0).toBool(), false);
        QVERIFY2(window.bannerText().contains(QStringLiteral("not a usage database")), qPrintable(window.bannerText()));
        QVERIFY(!window.usersPanel()->blockAction()->isEnabled());
    }

    // What follows a load (the comparison, the guardrails, the selected
    // user's details) comes after it; --screenshot waits for isSettled().
    void settlesOnceTheDetailsAreIn()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isSettled(), 10'000);
        const QString other = m_window->detailsPanel()->userId() == u"ann" ? QStringLiteral("evil") : QStringLiteral("ann");
        QVERIFY(selectUser(other));
        QVERIFY(!m_window->isSettled()); // their details are asked for, not yet here
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isSettled(), 10'000);
        QCOMPARE(m_window->detailsPanel()->userId(), other);
        QVERIFY(m_window->detailsPanel()->requestsModel()->rowCount() > 0);
    }

    void screenshotIsWrittenAndNotBlank()
    {
        const QString demo = m_dir.filePath(QStringLiteral("demo.sqlite"));
        RunResult made = meterctl({QStringLiteral("--db"), demo, QStringLiteral("demo"), QStringLiteral("--users"),
                                   QStringLiteral("60"), QStringLiteral("--events"), QStringLiteral("5000"), QStringLiteral("--days"),
                                   QStringLiteral("40")});
        QVERIFY2(made.exitCode == 0, made.err.constData());
        const QString png = m_dir.filePath(QStringLiteral("shot.png"));
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        process.setProcessEnvironment(environment);
        // The file as the desktop entry passes it (Exec=meterdesk %f), not as --db.
        process.start(binary("meterdesk"), {demo, QStringLiteral("--screenshot"), png});
        QVERIFY(process.waitForFinished(120'000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QImage image(png);
        QCOMPARE(image.size(), QSize(1440, 900));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
    }
    // Last: it records a call, which the totals of the tests above leave out.
    // The table's order goes to the data thread, and a reload's rows come
    // in it: the proxy's sort then finds them sorted.
    void aReloadComesInTheTablesOrder()
    {
        QTableView *view = m_window->usersPanel()->view();
        const auto loadedIds = [&] {
            QStringList ids;
            for (const UserRow &row : m_window->usersPanel()->model()->rows())
                ids << row.userId;
            return ids;
        };
        QSignalSpy updated(m_window.get(), &MainWindow::dashboardUpdated);
        // By name: "=HYPERLINK(...)" sorts before "Ann Lee"; by cost Ann's
        // $2.505 comes before evil's $0.25.
        for (const auto &[column, order, ids] :
             {std::tuple{UsersModel::NameColumn, Qt::AscendingOrder, QStringList{QStringLiteral("evil"), QStringLiteral("ann")}},
              std::tuple{UsersModel::CostColumn, Qt::DescendingOrder, QStringList{QStringLiteral("ann"), QStringLiteral("evil")}}}) {
            view->sortByColumn(column, order);
            m_window->reload();
            QVERIFY(updated.wait(20'000));
            QCOMPARE(loadedIds(), ids);
        }
    }

    void detailsFollowTheRange()
    {
        // Ann's calls of 2026-05-04, and one now: three in all time, one in
        // the last week. Her details must follow the range she stays in.
        QString error;
        auto db = Database::open(ConnectionSpec::sqlite(m_path), &error);
        QVERIFY2(db, qPrintable(error));
        UsageEvent now;
        now.userId = QStringLiteral("ann");
        now.service = QStringLiteral("openai");
        now.model = QStringLiteral("gpt-4o");
        now.tokens = {1000, 0, 0, 0};
        now.timestamp = QDateTime::currentDateTimeUtc().addSecs(-60);
        QVERIFY(Tracker(*db, PriceBook::builtIn()).trackBatch({now}).ok);
        QSignalSpy updated(m_window.get(), &MainWindow::dashboardUpdated);
        m_window->reload();
        QVERIFY(updated.wait(20'000));
        QVERIFY(selectUser(QStringLiteral("evil")));
        QVERIFY(selectUser(QStringLiteral("ann")));
        const QAbstractItemModel *requests = m_window->detailsPanel()->requestsModel();
        QTRY_COMPARE_WITH_TIMEOUT(requests->rowCount(), 3, 10'000);
        m_window->rangeBar()->setPreset(RangeBar::Last7);
        QVERIFY(updated.wait(20'000));
        QCOMPARE(m_window->detailsPanel()->userId(), QStringLiteral("ann"));
        QTRY_COMPARE_WITH_TIMEOUT(requests->rowCount(), 1, 10'000);
        m_window->rangeBar()->setPreset(RangeBar::AllTime);
        QVERIFY(updated.wait(20'000));
        QTRY_COMPARE_WITH_TIMEOUT(requests->rowCount(), 3, 10'000);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
