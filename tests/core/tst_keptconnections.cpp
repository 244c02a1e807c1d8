// KeptConnections: the connections for reads beside a database's own are
// kept between reads, one per read running at once, made again when lost,
// and closed with the database.

#include "TestSupport.h"

#include <storage/KeptConnections.h>

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>
#include <vector>

using namespace meterdesk;
using namespace meterdesk::test;

namespace {

// A read that runs `sql` and keeps its one value.
KeptConnections::Read valueOf(const QString &sql, QVariant *value)
{
    return [sql, value](Database &db, QString *error) {
        QSqlQuery query(db.sql());
        if (!query.exec(sql) || !query.next()) {
            *error = query.lastError().text();
            return false;
        }
        *value = query.value(0);
        return true;
    };
}

KeptConnections::Read statement(const QString &sql)
{
    return [sql](Database &db, QString *error) { return db.exec(sql, error); };
}

} // namespace

class TestKeptConnections : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void init()
    {
        if (usePostgres())
            METERDESK_REQUIRE_PG();
    }

    void theNextReadFindsTheSameConnection()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("same"));
        QVERIFY(db);
        KeptConnections &kept = db->keptConnections();
        QString error;
        // A temporary table is seen by its own connection only.
        QVERIFY2(kept.start(statement(QStringLiteral("CREATE TEMP TABLE kept_mark (n integer)"))).finish(&error),
                 qPrintable(error));
        QCOMPARE(kept.idle(), 1);
        for (int i = 0; i < 3; ++i) {
            QVERIFY2(kept.start(statement(QStringLiteral("INSERT INTO kept_mark VALUES (1)"))).finish(&error),
                     qPrintable(error));
        }
        QVariant marks;
        QVERIFY2(kept.start(valueOf(QStringLiteral("SELECT count(*) FROM kept_mark"), &marks)).finish(&error),
                 qPrintable(error));
        QCOMPARE(marks.toInt(), 3);
        QCOMPARE(kept.opened(), 1);
    }

    void readsAtOnceHaveAConnectionEach()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("atonce"));
        QVERIFY(db);
        KeptConnections &kept = db->keptConnections();
        // Each read waits until all have started: on fewer connections they
        // could not.
        constexpr int Reads = 4;
        std::atomic<int> started = 0;
        const auto waitForAll = [&started](Database &, QString *error) {
            ++started;
            QDeadlineTimer deadline(10'000);
            while (started < Reads && !deadline.hasExpired())
                QThread::msleep(1);
            if (started < Reads)
                *error = QStringLiteral("the other reads never started");
            return started >= Reads;
        };
        std::vector<KeptConnections::Running> running;
        for (int i = 0; i < Reads; ++i)
            running.push_back(kept.start(waitForAll));
        QString error;
        for (KeptConnections::Running &read : running)
            QVERIFY2(read.finish(&error), qPrintable(error));
        QCOMPARE(kept.opened(), Reads);
        QCOMPARE(kept.idle(), 3); // the fourth is closed: three are kept
        QVERIFY2(kept.start(statement(QStringLiteral("SELECT 1"))).finish(&error), qPrintable(error));
        QCOMPARE(kept.opened(), Reads);
    }

    void aLostConnectionIsMadeAgain()
    {
        if (!usePostgres())
            QSKIP("a file's connection is not lost");
        auto db = newUsageDatabase(m_dir, QStringLiteral("lost"));
        QVERIFY(db);
        KeptConnections &kept = db->keptConnections();
        QVariant before, after, ended;
        QString error;
        QVERIFY2(kept.start(valueOf(QStringLiteral("SELECT pg_backend_pid()"), &before)).finish(&error), qPrintable(error));
        QSqlQuery end(db->sql());
        QVERIFY(end.exec(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(before.toInt())) && end.next());
        QVERIFY(end.value(0).toBool());
        QVERIFY2(kept.start(valueOf(QStringLiteral("SELECT pg_backend_pid()"), &after)).finish(&error), qPrintable(error));
        QVERIFY(after.toInt() != before.toInt());
        QCOMPARE(kept.opened(), 2);
    }

    void aConnectionThatCannotBeOpenedSaysWhy()
    {
        QString error;
        const QString url = usePostgres()
            ? qEnvironmentVariable("METERDESK_TEST_PG").replace(QRegularExpression(QStringLiteral("/[^/]*$")),
                                                                 QStringLiteral("/no_such_database_here"))
            : m_dir.filePath(QStringLiteral("no/such/folder/usage.sqlite"));
        KeptConnections kept(*ConnectionSpec::parse(url, &error));
        bool ran = false;
        QVERIFY(!kept.start([&ran](Database &, QString *) { return ran = true; }).finish(&error));
        QVERIFY(!ran);
        QVERIFY2(!error.isEmpty(), "no reason given");
        QCOMPARE(kept.opened(), 0);
    }

    void aReadMayOutliveItsKeeper()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("outlive"));
        QVERIFY(db);
        auto kept = std::make_unique<KeptConnections>(db->spec());
        std::atomic<bool> release = false;
        auto running = kept->start([&release](Database &, QString *) {
            while (!release)
                QThread::msleep(1);
            return true;
        });
        kept.reset(); // with the read still running
        release = true;
        QString error;
        QVERIFY2(running.finish(&error), qPrintable(error));
    }

    void closedWithTheirDatabase()
    {
        if (!usePostgres())
            QSKIP("PostgreSQL counts its connections");
        QString url;
        auto db = newUsageDatabase(m_dir, QStringLiteral("closed"), &url);
        QVERIFY(db);
        QString error;
        auto observer = Database::open(*ConnectionSpec::parse(url, &error), &error);
        QVERIFY2(observer, qPrintable(error));
        const QString others = QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                              "AND pid <> pg_backend_pid()");
        QCOMPARE(scalar(*observer, others), 1);
        auto first = db->keptConnections().start(statement(QStringLiteral("SELECT 1")));
        auto second = db->keptConnections().start(statement(QStringLiteral("SELECT 1")));
        QVERIFY(first.finish(&error) && second.finish(&error));
        QCOMPARE(scalar(*observer, others), 3);
        db.reset();
        QTRY_COMPARE(scalar(*observer, others), 0);
    }
};

QTEST_GUILESS_MAIN(TestKeptConnections)
#include "tst_keptconnections.moc"
