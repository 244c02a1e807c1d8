#include "TestSupport.h"

#include <tracking/AsyncTracker.h>
#include <money/PriceBook.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTest>

using namespace meterdesk;
using namespace meterdesk::test;

namespace {

UsageEvent call(int i)
{
    UsageEvent e;
    e.userId = QStringLiteral("user-%1").arg(i % 5);
    e.service = QStringLiteral("openai");
    e.model = QStringLiteral("gpt-4o-mini");
    e.tokens = {100 + i, 50, 0, 0};
    return e;
}

bool initialise(const QString &path)
{
    QString error;
    auto db = Database::open(ConnectionSpec::sqlite(path), &error);
    return db && db->migrate(PriceBook::builtIn(), &error);
}

} // namespace

class TestAsyncTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsWithoutBlockingTheCaller()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("usage.sqlite"));
        QVERIFY(initialise(path));
        AsyncTrackerOptions options;
        options.database = ConnectionSpec::sqlite(path);
        options.journalPath = dir.filePath(QStringLiteral("journal.jsonl"));
        AsyncTracker tracker(options);
        qint64 slowestNs = 0;
        QElapsedTimer timer;
        for (int i = 0; i < 5000; ++i) {
            timer.start();
            QVERIFY(tracker.record(call(i)));
            slowestNs = qMax(slowestNs, timer.nsecsElapsed());
        }
        QVERIFY(tracker.flush(60'000));
        QCOMPARE(tracker.stats().recorded, 5000);
        QCOMPARE(tracker.stats().journaled, 0);
        QVERIFY2(slowestNs < 50'000'000, qPrintable(QString::number(slowestNs)));
        QString error;
        auto db = Database::open(ConnectionSpec::sqlite(path), &error);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(total_requests) FROM api_usage_stats")), 5000);
    }

    void refusesWhatCanNeverBeRecorded()
    {
        QTemporaryDir dir;
        AsyncTrackerOptions options;
        options.database = ConnectionSpec::sqlite(dir.filePath(QStringLiteral("usage.sqlite")));
        options.journalPath = dir.filePath(QStringLiteral("journal.jsonl"));
        AsyncTracker tracker(options);
        UsageEvent anonymous = call(1);
        anonymous.userId.clear();
        QString error;
        QVERIFY(!tracker.record(anonymous, &error));
        QVERIFY(error.contains(QStringLiteral("no user id")));
        QCOMPARE(tracker.stats().rejected, 1);
    }

    // The database is away: events go to the journal, the caller is never
    // held up, and when the database comes back every event arrives once.
    void journalsWhileTheDatabaseIsAwayAndReplaysExactly()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("later"));
        const QString path = folder + QStringLiteral("/usage.sqlite");
        AsyncTrackerOptions options;
        options.database = ConnectionSpec::sqlite(path);
        options.journalPath = dir.filePath(QStringLiteral("journal.jsonl"));
        options.maxBackoffMs = 200;
        options.queueCapacity = 100; // some events overflow straight to the journal
        {
            AsyncTracker tracker(options);
            QElapsedTimer timer;
            qint64 slowestMs = 0;
            for (int i = 0; i < 1000; ++i) {
                timer.start();
                QVERIFY(tracker.record(call(i)));
                slowestMs = qMax(slowestMs, timer.elapsed());
            }
            QVERIFY(slowestMs < 200);
            QVERIFY(!tracker.flush(500));
            QVERIFY(!tracker.stats().databaseReachable);
            QVERIFY(!tracker.stats().lastError.isEmpty());
            QTRY_VERIFY_WITH_TIMEOUT(tracker.stats().journaled == 1000, 10'000);
        }
        QVERIFY(QFileInfo::exists(options.journalPath));

        // Next start, database available: the journal is replayed.
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(initialise(path));
        {
            AsyncTracker tracker(options);
            for (int i = 1000; i < 1100; ++i)
                QVERIFY(tracker.record(call(i)));
            QVERIFY(tracker.flush(60'000));
            QCOMPARE(tracker.stats().replayed, 1000);
        }
        QVERIFY(!QFileInfo::exists(options.journalPath));
        QString error;
        auto db = Database::open(ConnectionSpec::sqlite(path), &error);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM api_usage_tracking")), 1100);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(DISTINCT event_id) FROM api_usage_tracking")), 1100);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(total_requests) FROM api_usage_stats")), 1100);
    }

    void aReplayThatWasInterruptedCountsOnce()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("usage.sqlite"));
        QVERIFY(initialise(path));
        AsyncTrackerOptions options;
        options.database = ConnectionSpec::sqlite(path);
        options.journalPath = dir.filePath(QStringLiteral("journal.jsonl"));
        // A journal whose events were already recorded once (the process died
        // after the commit, before removing the file).
        QFile journal(options.journalPath);
        QVERIFY(journal.open(QIODevice::WriteOnly));
        QList<UsageEvent> events;
        for (int i = 0; i < 50; ++i) {
            UsageEvent e = call(i);
            e.eventId = QStringLiteral("j-%1").arg(i);
            e.timestamp = QDateTime::currentDateTimeUtc();
            journal.write(QJsonDocument(eventToJson(e)).toJson(QJsonDocument::Compact) + '\n');
            events << e;
        }
        journal.close();
        {
            QString error;
            auto db = Database::open(ConnectionSpec::sqlite(path), &error);
            QVERIFY(Tracker(*db, PriceBook::builtIn()).trackBatch(events.mid(0, 30)).ok);
        }
        AsyncTracker tracker(options);
        QVERIFY(tracker.flush(30'000));
        const AsyncTrackerStats stats = tracker.stats();
        QCOMPARE(stats.recorded, 20);
        QCOMPARE(stats.duplicates, 30);
        QString error;
        auto db = Database::open(ConnectionSpec::sqlite(path), &error);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM api_usage_tracking")), 50);
    }

    // The database stalls in the middle of a replay (another writer holds
    // SQLite's write lock): record() still returns at once, even when the
    // queue is full and it must append to the journal. Lines of the journal
    // that cannot be read are kept aside and counted, not dropped.
    void recordNeverWaitsOnAStalledReplay()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("usage.sqlite"));
        QVERIFY(initialise(path));
        AsyncTrackerOptions options;
        options.database = ConnectionSpec::sqlite(path);
        options.journalPath = dir.filePath(QStringLiteral("journal.jsonl"));
        options.queueCapacity = 1;
        options.batchSize = 50;
        QFile journal(options.journalPath);
        QVERIFY(journal.open(QIODevice::WriteOnly));
        const QByteArray torn = "{\"eventId\":\"torn\",\"userId\":\"user-1\",\"serv";
        for (int i = 0; i < 200; ++i) {
            UsageEvent e = call(i);
            e.eventId = QStringLiteral("journal-%1").arg(i);
            e.timestamp = QDateTime::currentDateTimeUtc();
            journal.write(QJsonDocument(eventToJson(e)).toJson(QJsonDocument::Compact) + '\n');
            if (i == 100)
                journal.write(torn + "\n{\"userId\":\"\",\"service\":\"openai\"}\n");
        }
        journal.close();

        QString error;
        auto blocker = Database::open(ConnectionSpec::sqlite(path), &error);
        QVERIFY(blocker && blocker->begin(&error)); // holds the write lock
        AsyncTracker tracker(options);
        QTest::qWait(300);
        QCOMPARE(tracker.stats().replayed, 0); // the worker waits inside the replay
        QElapsedTimer timer, stalled;
        stalled.start();
        qint64 slowestMs = 0;
        for (int i = 0; i < 200; ++i) {
            timer.start();
            QVERIFY(tracker.record(call(1000 + i)));
            slowestMs = qMax(slowestMs, timer.elapsed());
        }
        QTest::qWait(qMax(0, 1500 - int(stalled.elapsed())));
        QCOMPARE(tracker.stats().replayed, 0); // still stalled all along
        blocker->rollback();
        QVERIFY2(slowestMs < 100, qPrintable(QStringLiteral("record() waited %1 ms").arg(slowestMs)));

        QVERIFY(tracker.flush(60'000));
        const AsyncTrackerStats stats = tracker.stats();
        QCOMPARE(stats.unreadable, 2);
        QCOMPARE(stats.recorded, 400);
        QCOMPARE(scalar(*blocker, QStringLiteral("SELECT count(DISTINCT event_id) FROM api_usage_tracking")), 400);
        QFile kept(unreadablePath(options.journalPath));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = kept.readAll().split('\n');
        QCOMPARE(lines.value(0), torn);
        QVERIFY(lines.value(1).contains("\"userId\":\"\""));
        QVERIFY(stats.lastError.contains(QStringLiteral("kept in")) || QFileInfo::exists(kept.fileName()));
        QVERIFY(!QFileInfo::exists(options.journalPath));
    }
};

QTEST_GUILESS_MAIN(TestAsyncTracker)
#include "tst_asynctracker.moc"
