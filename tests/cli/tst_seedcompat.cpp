// The original web app's database: its three tables exactly as its
// migration made them, rows written the way its writer wrote them, then
// `meterctl init`, the admin routes, and the seed's writer still working.
#include "SeedWriter.h"
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace meterdesk;
using namespace meterdesk::test;

class TestSeedCompat : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // The original app's database as its migration made it, with its
    // writer's rows and a lost update.
    void makeSeedDatabase(QString *url)
    {
        *url = newDatabaseUrl(m_dir, QStringLiteral("seed"));
        QVERIFY(!url->isEmpty());
        QString error;
        auto db = Database::open(*ConnectionSpec::parse(*url, &error), &error);
        QVERIFY2(db, qPrintable(error));
        QFile schema(QStringLiteral(METERDESK_SOURCE_DIR "/resources/sql/seed-schema.postgres.sql"));
        QVERIFY(schema.open(QIODevice::ReadOnly));
        QVERIFY(execOn(*db, QString::fromUtf8(schema.readAll())));
        QVERIFY(execOn(*db, QStringLiteral("INSERT INTO users (id, email, first_name, last_name) VALUES "
                                           "('u1', 'ann@example.com', 'Ann', 'Lee'), ('u2', 'raj@example.com', 'Raj', 'Patel')")));
        QVERIFY(seedWriterTrack(*db, QStringLiteral("u1"), QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"), 1000, 500, 0.00025));
        QVERIFY(seedWriterTrack(*db, QStringLiteral("u1"), QStringLiteral("anthropic"), QStringLiteral("claude-sonnet-4"), 2000, 100, 0.0075));
        QVERIFY(seedWriterTrack(*db, QStringLiteral("u2"), QStringLiteral("openai"), QStringLiteral("gpt-4o"), 100, 100, 0.00125));
        QVERIFY(seedWriterTrack(*db, QStringLiteral("u2"), QStringLiteral("other"), QStringLiteral("mystery-llm"), 10, 10, 0.0001));
        // The seed's decimal(10,2) total rounds each sub-cent increment: u2's
        // $0.00135 shows as $0.00.
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM api_usage_stats WHERE total_cost = 0 AND user_id = 'u2'")), 1);
        // A lost update, as concurrent seed writers made them.
        QVERIFY(execOn(*db, QStringLiteral("UPDATE api_usage_stats SET total_requests = 1 WHERE user_id = 'u1'")));
    }

private Q_SLOTS:
    void init() { METERDESK_REQUIRE_PG(); }

    void upgradeKeepsTheSeedWorking()
    {
        QString url;
        makeSeedDatabase(&url);
        if (QTest::currentTestFailed())
            return;
        QString error;
        std::unique_ptr<Database> db;

        // Readers refuse until the upgrade, with the way out in the message.
        RunResult run = meterctl({QStringLiteral("--db"), url, QStringLiteral("stats")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("meterctl init"), run.err.constData());

        run = meterctl({QStringLiteral("--db"), url, QStringLiteral("init")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("upgraded"), run.out.constData());
        run = meterctl({QStringLiteral("--db"), url, QStringLiteral("init")});
        QVERIFY2(run.exitCode == 0 && run.out.contains("up to date"), run.out.constData());

        run = meterctl({QStringLiteral("--db"), url, QStringLiteral("stats"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QJsonObject stats = run.json().object();
        QCOMPARE(stats.value(u"totalRequests").toInteger(), 4);
        // By the book, per 1M: gpt-4o-mini 1000 x $0.15 + 500 x $0.60, claude-sonnet-4 2000 x $3 + 100 x $15,
        // gpt-4o 100 x $2.50 + 100 x $10, mystery-llm 20 at the $5 fallback: $0.00045 + $0.0075 + $0.00125 + $0.0001.
        QCOMPARE(stats.value(u"totalCost").toDouble(), 0.0093);
        QCOMPARE(stats.value(u"unpricedEvents").toInteger(), 1);
        QCOMPARE(stats.value(u"activeUsers").toInteger(), 2);
        QCOMPARE(stats.value(u"serviceBreakdown").toObject().value(u"openai").toObject().value(u"requests").toInteger(), 2);

        run = meterctl({QStringLiteral("--db"), url, QStringLiteral("users"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray users = run.json().array();
        QCOMPARE(users.size(), 2);
        const QJsonObject u1 = users.at(0).toObject(); // sorted by cost
        QCOMPARE(u1.value(u"userId").toString(), QStringLiteral("u1"));
        QCOMPARE(u1.value(u"userName").toString(), QStringLiteral("Ann Lee"));
        QCOMPARE(u1.value(u"email").toString(), QStringLiteral("ann@example.com"));
        QCOMPARE(u1.value(u"totalRequests").toInteger(), 2); // repaired from the log
        QCOMPARE(u1.value(u"totalTokens").toInteger(), 3600);
        QCOMPARE(u1.value(u"totalCost").toDouble(), 0.00795);

        run = meterctl({QStringLiteral("--db"), url, QStringLiteral("block"), QStringLiteral("--user"), QStringLiteral("u2"),
                        QStringLiteral("--reason"), QStringLiteral("card declined")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = meterctl({QStringLiteral("--db"), url, QStringLiteral("check"), QStringLiteral("--user"), QStringLiteral("u2")});
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.out.startsWith("API access blocked for this user"));
        run = meterctl({QStringLiteral("--db"), url, QStringLiteral("check"), QStringLiteral("--user"), QStringLiteral("u1")});
        QCOMPARE(run.exitCode, 0);
        // A user that is not in the host's users table cannot be blocked by mistake.
        run = meterctl({QStringLiteral("--db"), url, QStringLiteral("block"), QStringLiteral("--user"), QStringLiteral("ghost"),
                        QStringLiteral("--reason"), QStringLiteral("x")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("unknown user"));

        // The seed's writer keeps working after the upgrade, and is counted.
        db = Database::open(*ConnectionSpec::parse(url, &error), &error);
        QVERIFY(db);
        QVERIFY(seedWriterTrack(*db, QStringLiteral("u1"), QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"), 4000, 1000, 0.0012));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT input_tokens FROM api_usage_tracking ORDER BY id DESC LIMIT 1")), 4000);
        run = meterctl({QStringLiteral("--db"), url, QStringLiteral("stats"), QStringLiteral("--json")});
        stats = run.json().object();
        QCOMPARE(stats.value(u"totalRequests").toInteger(), 5);
        QCOMPARE(stats.value(u"totalCost").toDouble(), 0.0105); // + 4000 x $0.15 + 1000 x $0.60
        run = meterctl({QStringLiteral("--db"), url, QStringLiteral("users"), QStringLiteral("--json")});
        QCOMPARE(run.json().array().at(0).toObject().value(u"totalRequests").toInteger(), 3);
        run = meterctl({QStringLiteral("--db"), url, QStringLiteral("verify")});
        QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
        // Meterdesk's own writer on the same database.
        run = meterctl({QStringLiteral("--db"), url, QStringLiteral("track"), QStringLiteral("--user"), QStringLiteral("u2"),
                        QStringLiteral("--service"), QStringLiteral("openai"), QStringLiteral("--model"), QStringLiteral("gpt-4o"),
                        QStringLiteral("--input"), QStringLiteral("1000"), QStringLiteral("--output"), QStringLiteral("0")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.out.trimmed(), QByteArray("$0.002500"));
        run = meterctl({QStringLiteral("--db"), url, QStringLiteral("verify")});
        QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
    }
};

QTEST_GUILESS_MAIN(TestSeedCompat)
#include "tst_seedcompat.moc"
