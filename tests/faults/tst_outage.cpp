// PostgreSQL goes away and comes back: the async tracker loses nothing and
// never holds its caller up; the dashboard says so, refuses changes, and
// reconnects by itself. These tests stop the shared test server: RUN_SERIAL.
#include "TestSupport.h"

#include <admin/AdminActions.h>
#include <tracking/AsyncTracker.h>
#include <MainWindow.h>
#include <UsersModel.h>
#include <money/PriceBook.h>
#include <queries/Queries.h>
#include <RangeBar.h>
#include <tracking/Tracker.h>
#include <UsersPanel.h>

#include <QAction>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

#include <thread>

using namespace meterdesk;
using namespace meterdesk::test;

class TestOutage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static bool recordOne(Database &db, const QString &user)
    {
        UsageEvent event;
        event.userId = user;
        event.service = QStringLiteral("anthropic");
        event.model = QStringLiteral("claude-3-haiku");
        event.tokens = {1000, 100, 0, 0};
        return Tracker(db, PriceBook::builtIn()).track(event).status == EventStatus::Recorded;
    }

    // Shows the window on `url` and waits for its first load.
    static bool open(MainWindow &window, const QString &url)
    {
        window.show();
        QSignalSpy updated(&window, &MainWindow::dashboardUpdated);
        QString error;
        window.openDatabase(*ConnectionSpec::parse(url, &error), false);
        return updated.wait(20'000) && updated.last().at(0).toBool();
    }

private Q_SLOTS:
    void initTestCase()
    {
        METERDESK_REQUIRE_PG();
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    }

    void cleanup()
    {
        // Whatever happened, leave the server running for the next tests.
        QString error;
        if (!Database::open(*ConnectionSpec::parse(qEnvironmentVariable("METERDESK_TEST_PG"), &error), &error))
            startPostgres();
    }

    void asyncTrackerLosesNothing()
    {
        QString url;
        auto db = newUsageDatabase(m_dir, QStringLiteral("outage"), &url);
        QVERIFY(db);
        db.reset();
        AsyncTrackerOptions options;
        QString error;
        options.database = *ConnectionSpec::parse(url, &error);
        options.journalPath = m_dir.filePath(QStringLiteral("journal.jsonl"));
        options.maxBackoffMs = 500;
        options.batchSize = 50;
        AsyncTracker tracker(options);

        bool stopped = false, started = false;
        std::thread outage([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(1500));
            stopped = stopPostgres();
            std::this_thread::sleep_for(std::chrono::seconds(3));
            started = startPostgres();
        });
        QElapsedTimer clock, call;
        clock.start();
        qint64 slowestUs = 0;
        int sent = 0;
        while (clock.elapsed() < 8000) {
            for (int i = 0; i < 10; ++i) {
                UsageEvent event;
                event.userId = QStringLiteral("u%1").arg(sent % 17);
                event.service = QStringLiteral("openai");
                event.model = QStringLiteral("gpt-4o-mini");
                event.tokens = {100 + sent, 20, 0, 0};
                call.start();
                QVERIFY(tracker.record(event));
                slowestUs = qMax(slowestUs, call.nsecsElapsed() / 1000);
                ++sent;
            }
            QTest::qWait(20);
        }
        outage.join();
        QVERIFY(stopped && started);
        QVERIFY2(tracker.flush(60'000), qPrintable(tracker.stats().lastError));
        const AsyncTrackerStats stats = tracker.stats();
        qInfo("sent %d events; %lld went through the journal; slowest record() %lld us", sent, stats.journaled, slowestUs);
        QVERIFY(stats.journaled > 0); // the outage did happen
        QVERIFY2(slowestUs < 50'000, qPrintable(QString::number(slowestUs)));
        db = Database::open(options.database, &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM api_usage_tracking")), qint64(sent));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(DISTINCT event_id) FROM api_usage_tracking")), qint64(sent));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(total_requests) FROM api_usage_stats")), qint64(sent));
        QVERIFY(Queries(*db).verify(&error)->isEmpty());
    }

    void theDashboardSaysSoAndComesBack()
    {
        QString url;
        auto db = newUsageDatabase(m_dir, QStringLiteral("dashboard"), &url);
        QVERIFY(db);
        QVERIFY(recordOne(*db, QStringLiteral("ann")));
        MainWindow window;
        QSignalSpy updated(&window, &MainWindow::dashboardUpdated);
        QVERIFY(open(window, url));
        QString error;
        window.usersPanel()->selectUser(QStringLiteral("ann"));
        QVERIFY(window.usersPanel()->blockAction()->isEnabled());

        QVERIFY(stopPostgres());
        updated.clear();
        window.reload();
        QVERIFY(updated.wait(20'000));
        QCOMPARE(updated.last().at(0).toBool(), false);
        QVERIFY2(window.bannerText().contains(QStringLiteral("cannot be reached")), qPrintable(window.bannerText()));
        QVERIFY(!window.usersPanel()->blockAction()->isEnabled());
        QVERIFY2(window.usersPanel()->blockAction()->toolTip().contains(QStringLiteral("cannot be reached")),
                 qPrintable(window.usersPanel()->blockAction()->toolTip()));
        // An admin action during the outage fails clearly and changes nothing.
        const ActionResult blocked = AdminActions(*db).block(QStringLiteral("ann"), QStringLiteral("during outage"));
        QVERIFY(!blocked.ok);
        QVERIFY(!blocked.error.isEmpty());

        QVERIFY(startPostgres());
        QTRY_VERIFY_WITH_TIMEOUT(updated.last().at(0).toBool(), 30'000);
        QCOMPARE(window.bannerText(), QString());
        window.usersPanel()->selectUser(QStringLiteral("ann"));
        QVERIFY(window.usersPanel()->blockAction()->isEnabled());
        db = Database::open(*ConnectionSpec::parse(url, &error), &error);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM admin_audit_log")), 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT CASE WHEN is_blocked THEN 1 ELSE 0 END FROM api_usage_stats")), 0);
    }

    // Live updates through a server restart: the window notices by itself,
    // says so, loads everything when the server is back, and follows new
    // calls again (a new connection, subscribed anew).
    void liveFollowsAgainAfterARestart()
    {
        QString url;
        auto db = newUsageDatabase(m_dir, QStringLiteral("restart"), &url);
        QVERIFY(db);
        QVERIFY(recordOne(*db, QStringLiteral("bea")));
        MainWindow window;
        QSignalSpy updated(&window, &MainWindow::dashboardUpdated);
        QVERIFY(open(window, url));
        QVERIFY(window.isLive());
        QString error;

        QVERIFY(stopPostgres());
        updated.clear();
        // No reload asked for: the live poll finds the lost connection.
        QTRY_VERIFY_WITH_TIMEOUT(window.bannerText().contains(QStringLiteral("cannot be reached")), 10'000);
        QVERIFY(startPostgres());
        QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty() && updated.last().at(0).toBool(), 30'000);
        QCOMPARE(window.bannerText(), QString());
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("loaded everything again")),
                 qPrintable(window.statusBar()->currentMessage()));

        db = Database::open(*ConnectionSpec::parse(url, &error), &error);
        QVERIFY2(db, qPrintable(error));
        QSignalSpy applied(&window, &MainWindow::liveApplied);
        QVERIFY(recordOne(*db, QStringLiteral("bea")));
        QVERIFY(applied.wait(2'000));
        QCOMPARE(window.usersPanel()->model()->rowFor(QStringLiteral("bea"))->requests, 2);
    }
};

QTEST_MAIN(TestOutage)
#include "tst_outage.moc"
