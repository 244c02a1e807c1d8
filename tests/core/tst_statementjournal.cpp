// SQLite journals the pages a multi-row statement changes, so that the
// statement alone can be undone. On the Tracker's connection a batch's
// statements keep that journal in memory; other connections keep SQLite's
// default, a file past 64 KiB, which bounds the memory of an update of
// millions of rows. Files are seen by a VFS in front of SQLite's own, which
// counts what it is asked to open.

#include "TestSupport.h"

#include <money/PriceBook.h>
#include <tracking/Tracker.h>

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <sqlite3.h>

#include <atomic>

using namespace meterdesk;
using namespace meterdesk::test;

namespace {

sqlite3_vfs *realVfs = nullptr;
sqlite3_vfs countingVfs;
std::atomic<int> statementJournalFiles{0};
std::atomic<int> databaseFiles{0};

int countingOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    if (flags & SQLITE_OPEN_SUBJOURNAL)
        ++statementJournalFiles;
    if (flags & SQLITE_OPEN_MAIN_DB)
        ++databaseFiles;
    return realVfs->xOpen(realVfs, name, file, flags, outFlags);
}

QList<UsageEvent> calls(int count, int users)
{
    QList<UsageEvent> events;
    for (int i = 0; i < count; ++i) {
        UsageEvent e;
        e.eventId = QStringLiteral("journal-%1").arg(i);
        e.userId = QStringLiteral("user-%1").arg(i % users);
        e.service = QStringLiteral("openai");
        e.model = QStringLiteral("gpt-4o-mini");
        e.tokens = {1000 + i, 200, 0, 0};
        e.timestamp = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC).addSecs(i);
        events.append(e);
    }
    return events;
}

} // namespace

class TestStatementJournal : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        if (usePostgres())
            QSKIP("SQLite's statement journal");
        realVfs = sqlite3_vfs_find(nullptr);
        QVERIFY(realVfs);
        countingVfs = *realVfs;
        countingVfs.zName = "meterdesk-counting";
        countingVfs.xOpen = countingOpen;
        QCOMPARE(sqlite3_vfs_register(&countingVfs, 1), SQLITE_OK);
    }

    void cleanupTestCase()
    {
        if (realVfs)
            sqlite3_vfs_unregister(&countingVfs);
    }

    void aBatchWritesNoJournalFile()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("batch"));
        QVERIFY(db);
        QVERIFY(databaseFiles > 0); // the connection went through the counting VFS
        Tracker tracker(*db, PriceBook::builtIn());
        const QList<UsageEvent> events = calls(1000, 300);
        // Two batches: the second's upserts change rows the first wrote.
        statementJournalFiles = 0;
        for (const QList<UsageEvent> &batch : {events.mid(0, 500), events.mid(500)}) {
            const BatchOutcome outcome = tracker.trackBatch(batch);
            QVERIFY2(outcome.ok, qPrintable(outcome.error));
            QCOMPARE(outcome.recorded, 500);
        }
        QCOMPARE(statementJournalFiles.load(), 0);
        QSqlQuery count(db->sql());
        QVERIFY(count.exec(QStringLiteral("SELECT count(*) FROM api_usage_tracking")) &&
                count.next());
        QCOMPARE(count.value(0).toInt(), 1000);
    }

    void aConnectionWithoutATrackerJournalsToAFile()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("large"));
        QVERIFY(db);
        QSqlQuery query(db->sql());
        QVERIFY(query.exec(
            QStringLiteral("CREATE TABLE wide (id INTEGER PRIMARY KEY, body BLOB NOT NULL)")));
        QString error;
        QVERIFY2(db->begin(&error), qPrintable(error));
        // 24 MiB of rows, a page or so each, all changed by one statement.
        QVERIFY(query.exec(QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000) "
            "INSERT INTO wide (id, body) SELECT i, zeroblob(4000) FROM n")));
        QVERIFY2(db->commit(&error), qPrintable(error));
        QVERIFY2(db->begin(&error), qPrintable(error));
        statementJournalFiles = 0;
        QSqlQuery update(db->sql());
        QVERIFY2(update.exec(QStringLiteral("UPDATE wide SET body = randomblob(4000)")),
                 qPrintable(update.lastError().text()));
        QVERIFY2(db->commit(&error), qPrintable(error));
        QCOMPARE(statementJournalFiles.load(), 1);
    }
};

QTEST_GUILESS_MAIN(TestStatementJournal)
#include "tst_statementjournal.moc"
