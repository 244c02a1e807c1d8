// A commit's WAL frames go out in few writes (WalBufferVfs), and nothing
// another connection reads changes: each commit is there, whole, for a
// connection of SQLite's own VFS the moment it returns; pages spilled in a
// large transaction and their checksums rewritten at its commit come out
// right; a write that fails fails its batch with an error and loses no
// other. Underneath sits a VFS of the test's own, in front of SQLite's,
// which counts the writes that reach the WAL and can make them fail.

#include "TestSupport.h"

#include <money/PriceBook.h>
#include <queries/Queries.h>
#include <storage/Dialect.h>
#include <storage/WalBufferVfs.h>
#include <tracking/Tracker.h>

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cstring>

using namespace meterdesk;
using namespace meterdesk::test;

namespace {

sqlite3_vfs *g_real = nullptr;
sqlite3_vfs g_counting;
std::atomic<int> g_walWrites{0};
std::atomic<int> g_failWalWritesAfter{-1}; // from then on, WAL writes fail with SQLITE_FULL
// WAL writes of frames (not all zeros) past the file's end: bytes held back
// must only ever overwrite, so that writing them cannot fail for space.
std::atomic<int> g_framesPastTheEnd{0};

struct CountedFile
{
    sqlite3_file base;
    sqlite3_file *real;
    bool wal;
};

sqlite3_file *real(sqlite3_file *f)
{
    return reinterpret_cast<CountedFile *>(f)->real;
}

int countedWrite(sqlite3_file *f, const void *data, int bytes, sqlite3_int64 offset)
{
    if (reinterpret_cast<CountedFile *>(f)->wal) {
        ++g_walWrites;
        sqlite3_int64 size = 0;
        const auto *bytesIn = static_cast<const char *>(data);
        if (real(f)->pMethods->xFileSize(real(f), &size) == SQLITE_OK && offset + bytes > size &&
            std::any_of(bytesIn, bytesIn + bytes, [](char c) { return c != 0; }))
            ++g_framesPastTheEnd;
        if (g_failWalWritesAfter.load() == 0)
            return SQLITE_FULL;
        if (g_failWalWritesAfter.load() > 0)
            --g_failWalWritesAfter;
    }
    return real(f)->pMethods->xWrite(real(f), data, bytes, offset);
}

sqlite3_io_methods g_methods;

int countedOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    auto *f = reinterpret_cast<CountedFile *>(file);
    f->real = reinterpret_cast<sqlite3_file *>(f + 1);
    f->wal = flags & SQLITE_OPEN_WAL;
    const int rc = g_real->xOpen(g_real, name, f->real, flags, outFlags);
    if (rc != SQLITE_OK) {
        f->base.pMethods = nullptr;
        return rc;
    }
    // Every method SQLite's file has, passed through; writes counted.
    static std::once_flag once;
    std::call_once(once, [&] {
        g_methods = *f->real->pMethods;
        g_methods.xClose = [](sqlite3_file *x) { return real(x)->pMethods->xClose(real(x)); };
        g_methods.xRead = [](sqlite3_file *x, void *d, int n, sqlite3_int64 o) {
            return real(x)->pMethods->xRead(real(x), d, n, o);
        };
        g_methods.xWrite = countedWrite;
        g_methods.xTruncate = [](sqlite3_file *x, sqlite3_int64 s) {
            return real(x)->pMethods->xTruncate(real(x), s);
        };
        g_methods.xSync = [](sqlite3_file *x, int fl) {
            return real(x)->pMethods->xSync(real(x), fl);
        };
        g_methods.xFileSize = [](sqlite3_file *x, sqlite3_int64 *s) {
            return real(x)->pMethods->xFileSize(real(x), s);
        };
        g_methods.xLock = [](sqlite3_file *x, int l) {
            return real(x)->pMethods->xLock(real(x), l);
        };
        g_methods.xUnlock = [](sqlite3_file *x, int l) {
            return real(x)->pMethods->xUnlock(real(x), l);
        };
        g_methods.xCheckReservedLock = [](sqlite3_file *x, int *o) {
            return real(x)->pMethods->xCheckReservedLock(real(x), o);
        };
        g_methods.xFileControl = [](sqlite3_file *x, int op, void *a) {
            return real(x)->pMethods->xFileControl(real(x), op, a);
        };
        g_methods.xSectorSize = [](sqlite3_file *x) {
            return real(x)->pMethods->xSectorSize(real(x));
        };
        g_methods.xDeviceCharacteristics = [](sqlite3_file *x) {
            return real(x)->pMethods->xDeviceCharacteristics(real(x));
        };
        g_methods.xShmMap = [](sqlite3_file *x, int r, int s, int e, void volatile **m) {
            return real(x)->pMethods->xShmMap(real(x), r, s, e, m);
        };
        g_methods.xShmLock = [](sqlite3_file *x, int o, int n, int fl) {
            return real(x)->pMethods->xShmLock(real(x), o, n, fl);
        };
        g_methods.xShmBarrier = [](sqlite3_file *x) { real(x)->pMethods->xShmBarrier(real(x)); };
        g_methods.xShmUnmap = [](sqlite3_file *x, int d) {
            return real(x)->pMethods->xShmUnmap(real(x), d);
        };
        g_methods.xFetch = [](sqlite3_file *x, sqlite3_int64 o, int n, void **p) {
            return real(x)->pMethods->xFetch(real(x), o, n, p);
        };
        g_methods.xUnfetch = [](sqlite3_file *x, sqlite3_int64 o, void *p) {
            return real(x)->pMethods->xUnfetch(real(x), o, p);
        };
    });
    f->base.pMethods = &g_methods;
    return rc;
}

QList<UsageEvent> calls(int first, int count, int users = 1000)
{
    QList<UsageEvent> events;
    for (int i = first; i < first + count; ++i) {
        UsageEvent e;
        e.eventId = QStringLiteral("wal-%1").arg(i);
        e.userId = QStringLiteral("user-%1").arg(i % users, 5, 10, QLatin1Char('0'));
        e.service = QStringLiteral("openai");
        e.model = QStringLiteral("gpt-4o-mini");
        e.tokens = {1000 + i % 700, 200, 0, 0};
        e.timestamp = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC).addSecs(i);
        events.append(e);
    }
    return events;
}

// Frames in the WAL after the last commit (this replaces the connection's
// automatic checkpoints: the WAL only grows here).
int walFrames = 0;
int walHook(void *, sqlite3 *, const char *, int frames)
{
    walFrames = frames;
    return SQLITE_OK;
}

// A connection of its own, through SQLite's default VFS (the counting one).
struct Reader
{
    sqlite3 *db = nullptr;
    explicit Reader(const QString &path)
    {
        sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    }
    ~Reader() { sqlite3_close(db); }
    // count(*), sum(cost_nanos) of the log; {-1, -1} when the read fails.
    std::pair<qint64, qint64> log() const
    {
        sqlite3_stmt *statement = nullptr;
        std::pair<qint64, qint64> result{-1, -1};
        if (sqlite3_prepare_v2(db, "SELECT count(*), sum(cost_nanos) FROM api_usage_tracking", -1,
                               &statement, nullptr) == SQLITE_OK &&
            sqlite3_step(statement) == SQLITE_ROW)
            result = {sqlite3_column_int64(statement, 0), sqlite3_column_int64(statement, 1)};
        sqlite3_finalize(statement);
        return result;
    }
    QString integrity() const
    {
        sqlite3_stmt *statement = nullptr;
        QString text;
        if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &statement, nullptr) == SQLITE_OK)
            while (sqlite3_step(statement) == SQLITE_ROW)
                text += QString::fromUtf8(
                    reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
        sqlite3_finalize(statement);
        return text;
    }
};

qint64 costOf(const QList<UsageEvent> &events)
{
    qint64 nanos = 0;
    for (const UsageEvent &e : events)
        nanos += PriceBook::builtIn().quote(e.model, e.tokens, e.timestamp)->cost.nanos();
    return nanos;
}

} // namespace

class TestWalBuffer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        if (usePostgres())
            QSKIP("SQLite's WAL");
        // Before any connection: the WAL buffer sits on the default VFS it finds.
        g_real = sqlite3_vfs_find(nullptr);
        QVERIFY(g_real);
        g_counting = *g_real;
        g_counting.zName = "meterdesk-counting-wal";
        g_counting.szOsFile = int(sizeof(CountedFile)) + g_real->szOsFile;
        g_counting.xOpen = countedOpen;
        QCOMPARE(sqlite3_vfs_register(&g_counting, 1), SQLITE_OK);
        QVERIFY(WalBufferVfs::name());
    }

    void aCommitIsAFewWritesAndEachIsSeenAtOnce()
    {
        QString url;
        auto db = newUsageDatabase(m_dir, QStringLiteral("few"), &url);
        QVERIFY(db);
        sqlite3_wal_hook(Dialect::sqliteHandle(db->sql()), walHook, nullptr);
        Tracker tracker(*db, PriceBook::builtIn());
        Reader reader(url);
        qint64 rows = 0, nanos = 0;
        int writes = 0, frames = 0;
        g_framesPastTheEnd = 0;
        for (int batch = 0; batch < 20; ++batch) {
            const QList<UsageEvent> events = calls(batch * 1000, 1000);
            g_walWrites = 0;
            const BatchOutcome outcome = tracker.trackBatch(events);
            QVERIFY2(outcome.ok, qPrintable(outcome.error));
            writes += g_walWrites;
            frames = walFrames;
            rows += 1000;
            nanos += costOf(events);
            // Another connection, not through the buffer, sees it all.
            QCOMPARE(reader.log(), std::make_pair(rows, nanos));
        }
        // SQLite alone writes a frame as two writes, its header and its
        // page; the zeros the WAL grows in ahead count here too.
        QVERIFY2(frames > 5000, qPrintable(QString::number(frames)));
        QVERIFY2(writes * 4 < frames,
                 qPrintable(QStringLiteral("%1 writes for %2 frames").arg(writes).arg(frames)));
        QCOMPARE(g_framesPastTheEnd.load(), 0);
        QCOMPARE(reader.integrity(), QStringLiteral("ok"));
    }

    // Another writer (SQLite's own VFS) appends frames past where this
    // connection last saw the WAL end: they must not be written over.
    void anotherWritersFramesAreLeftAlone()
    {
        QString url;
        auto db = newUsageDatabase(m_dir, QStringLiteral("beside"), &url);
        QVERIFY(db);
        Tracker tracker(*db, PriceBook::builtIn());
        sqlite3 *other = nullptr;
        QCOMPARE(sqlite3_open_v2(url.toUtf8().constData(), &other, SQLITE_OPEN_READWRITE, nullptr),
                 SQLITE_OK);
        QCOMPARE(sqlite3_exec(other,
                              "PRAGMA wal_autocheckpoint = 0; PRAGMA busy_timeout = 10000; "
                              "CREATE TABLE beside (id INTEGER PRIMARY KEY, body TEXT)",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        Reader reader(url);
        qint64 rows = 0, nanos = 0;
        for (int round = 0; round < 6; ++round) {
            const QList<UsageEvent> events = calls(round * 1000, 1000);
            const BatchOutcome outcome = tracker.trackBatch(events);
            QVERIFY2(outcome.ok, qPrintable(outcome.error));
            rows += 1000;
            nanos += costOf(events);
            // About 5 MiB of frames from the other writer.
            QCOMPARE(sqlite3_exec(other,
                                  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                  "WHERE i < 1200) "
                                  "INSERT INTO beside (body) SELECT hex(randomblob(2000)) FROM n",
                                  nullptr, nullptr, nullptr),
                     SQLITE_OK);
            QCOMPARE(reader.log(), std::make_pair(rows, nanos));
            QCOMPARE(reader.integrity(), QStringLiteral("ok"));
        }
        sqlite3_close(other);
    }

    // The WAL grows ahead by about its own size: a small database's stays
    // small, a large one's grows in few steps.
    void theWalGrowsByAboutItsOwnSize()
    {
        QString url;
        auto db = newUsageDatabase(m_dir, QStringLiteral("small"), &url);
        QVERIFY(db);
        QVERIFY(Tracker(*db, PriceBook::builtIn()).trackBatch(calls(0, 10)).ok);
        const qint64 small = QFileInfo(url + QStringLiteral("-wal")).size();
        QVERIFY2(small > 0 && small < 1024 * 1024, qPrintable(QString::number(small)));
        QVERIFY(Tracker(*db, PriceBook::builtIn()).trackBatch(calls(10, 3000)).ok);
        const qint64 large = QFileInfo(url + QStringLiteral("-wal")).size();
        QVERIFY2(large > small, qPrintable(QString::number(large)));
    }

    void spilledPagesAndRewrittenChecksumsComeOutRight()
    {
        QString url;
        auto db = newUsageDatabase(m_dir, QStringLiteral("spill"), &url);
        QVERIFY(db);
        QSqlQuery query(db->sql());
        // A page cache of 20 pages: a large transaction writes pages to the
        // WAL before its commit, some twice, and rewrites their checksums.
        QVERIFY(query.exec(QStringLiteral("PRAGMA cache_size = 20")));
        QVERIFY(
            query.exec(QStringLiteral("CREATE TABLE spill (id INTEGER PRIMARY KEY, body TEXT)")));
        QVERIFY(query.exec(QStringLiteral("CREATE INDEX spill_body ON spill(body)")));
        Reader reader(url);
        QString error;
        for (int round = 0; round < 3; ++round) {
            QVERIFY2(db->begin(&error), qPrintable(error));
            QVERIFY2(query.exec(QStringLiteral(
                         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
                         "3000) "
                         "INSERT INTO spill (body) SELECT hex(randomblob(60)) FROM n")),
                     qPrintable(query.lastError().text()));
            QVERIFY(query.exec(
                QStringLiteral("UPDATE spill SET body = hex(randomblob(50)) WHERE id % 3 = 0")));
            QVERIFY2(db->commit(&error), qPrintable(error));
            sqlite3_stmt *statement = nullptr;
            QCOMPARE(sqlite3_prepare_v2(reader.db, "SELECT count(*) FROM spill", -1, &statement,
                                        nullptr),
                     SQLITE_OK);
            QCOMPARE(sqlite3_step(statement), SQLITE_ROW);
            QCOMPARE(sqlite3_column_int(statement, 0), (round + 1) * 3000);
            sqlite3_finalize(statement);
            QCOMPARE(reader.integrity(), QStringLiteral("ok"));
        }
    }

    void aFailedWriteFailsItsBatchAlone_data()
    {
        // Which of the batch's writes to the WAL fails: counted from its
        // first, or back from its last (the commit's own, that sends out
        // what is held), as a dry run on a twin database counted them.
        QTest::addColumn<int>("fromStart");
        QTest::addColumn<int>("fromEnd");
        QTest::newRow("the first write") << 0 << -1;
        QTest::newRow("the third") << 2 << -1;
        QTest::newRow("the middle one") << -1 << -2;
        QTest::newRow("the one before the last") << -1 << 1;
        QTest::newRow("the last, the commit's") << -1 << 0;
    }

    void aFailedWriteFailsItsBatchAlone()
    {
        QFETCH(int, fromStart);
        QFETCH(int, fromEnd);
        const QList<UsageEvent> first = calls(0, 1000), failing = calls(1000, 1000),
                                last = calls(2000, 1000);
        TrackerOptions options;
        options.maxRetries = 0;
        int writes = 0; // the failing batch's writes, when nothing fails
        {
            auto twin =
                newUsageDatabase(m_dir, QStringLiteral("twin%1%2").arg(fromStart).arg(fromEnd));
            QVERIFY(twin);
            Tracker tracker(*twin, PriceBook::builtIn(), options);
            QVERIFY(tracker.trackBatch(first).ok);
            g_walWrites = 0;
            QVERIFY(tracker.trackBatch(failing).ok);
            writes = g_walWrites;
        }
        QVERIFY2(writes > 3, qPrintable(QString::number(writes)));
        const int failAfter = fromStart >= 0  ? fromStart
                              : fromEnd == -2 ? writes / 2
                                              : writes - 1 - fromEnd;
        QString url;
        auto db =
            newUsageDatabase(m_dir, QStringLiteral("fail%1%2").arg(fromStart).arg(fromEnd), &url);
        QVERIFY(db);
        Tracker tracker(*db, PriceBook::builtIn(), options);
        QVERIFY(tracker.trackBatch(first).ok);
        g_walWrites = 0;
        g_failWalWritesAfter = failAfter;
        const BatchOutcome failed = tracker.trackBatch(failing);
        g_failWalWritesAfter = -1;
        QVERIFY2(g_walWrites > failAfter, "the failure was never reached");
        QVERIFY(!failed.ok);
        QVERIFY2(!failed.error.isEmpty(), "a failed batch says why");
        const BatchOutcome after = tracker.trackBatch(last);
        QVERIFY2(after.ok, qPrintable(after.error));
        Reader reader(url);
        QCOMPARE(reader.log(), std::make_pair(qint64(2000), costOf(first) + costOf(last)));
        QCOMPARE(reader.integrity(), QStringLiteral("ok"));
        QString error;
        const auto problems = Queries(*db).verify(&error);
        QVERIFY2(problems, qPrintable(error));
        QVERIFY2(problems->isEmpty(), qPrintable(problems->join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestWalBuffer)
#include "tst_walbuffer.moc"
