// Rows the seed's writer or a hand-edited database may hold: NULL costs and
// tokens, metadata of the wrong types, unknown services, timestamps far in
// the past or future, usage of users missing from `users`, breakdowns that
// are not objects. The upgrade takes them, and meterctl shows them sensibly.
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace meterdesk;
using namespace meterdesk::test;

class TestHostileRows : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void init() { METERDESK_REQUIRE_PG(); }

    void oddRowsAreShownSensibly()
    {
        const QString url = newDatabaseUrl(m_dir, QStringLiteral("hostile"));
        QString error;
        auto db = Database::open(*ConnectionSpec::parse(url, &error), &error);
        QVERIFY2(db, qPrintable(error));
        QFile schema(QStringLiteral(METERDESK_SOURCE_DIR "/resources/sql/seed-schema.postgres.sql"));
        QVERIFY(schema.open(QIODevice::ReadOnly));
        QVERIFY(execOn(*db, QString::fromUtf8(schema.readAll())));
        // A hand-edited database: someone dropped the foreign keys.
        QVERIFY(execOn(*db, QStringLiteral("ALTER TABLE api_usage_tracking DROP CONSTRAINT api_usage_tracking_user_id_fkey")));
        QVERIFY(execOn(*db, QStringLiteral("ALTER TABLE api_usage_stats DROP CONSTRAINT api_usage_stats_user_id_fkey")));
        QVERIFY(execOn(*db, QStringLiteral("INSERT INTO users (id, email, first_name) VALUES ('u1', 'u1@example.com', 'Una')")));
        QVERIFY(execOn(*db, QStringLiteral(
            "INSERT INTO api_usage_tracking (user_id, service, endpoint, request_count, tokens_used, estimated_cost, timestamp, metadata) VALUES "
            "('u1', 'openai', NULL, 1, NULL, NULL, '2026-03-01 10:00', NULL), "
            "('u1', 'openai', 'chat', NULL, 10, 0.5, '2026-03-01 11:00', '{\"model\": 5, \"inputTokens\": \"lots\", \"outputTokens\": -3}'), "
            "('u1', 'mistral', 'mistral-large', 1, 100, 0.001, '1901-01-01 00:00', '{\"model\": \"mistral-large\"}'), "
            "('u1', 'anthropic', NULL, 1, 100, 0.25, '2999-12-31 23:59', '[1, 2, 3]'), "
            "('ghost', 'google', NULL, 1, 1000, 1.0, '2026-03-02 00:00', '{\"model\": \"gemini-2.0-flash\", \"inputTokens\": 1000, \"outputTokens\": 0}')")));
        QVERIFY(execOn(*db, QStringLiteral(
            "INSERT INTO api_usage_stats (user_id, total_requests, total_cost, service_breakdown) VALUES "
            "('u1', 99, 99, '\"not an object\"'), ('ghost', NULL, NULL, '{\"openai\": \"lots\"}')")));

        RunResult run = meterctl({QStringLiteral("--db"), url, QStringLiteral("init")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = meterctl({QStringLiteral("--db"), url, QStringLiteral("stats"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject stats = run.json().object();
        QCOMPARE(stats.value(u"totalRequests").toInteger(), 5); // a NULL request_count counts as one call
        // Priced by the book, not the writers' estimates: 10, 100 and 100
        // tokens of unknown or blank models at the $5 fallback, and 1,000
        // gemini-2.0-flash input tokens at $0.10 (per 1M).
        QCOMPARE(stats.value(u"totalCost").toDouble(), 0.00115);
        QCOMPARE(stats.value(u"activeUsers").toInteger(), 2);
        QVERIFY(stats.value(u"serviceBreakdown").toObject().contains(u"mistral"));

        run = meterctl({QStringLiteral("--db"), url, QStringLiteral("users"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray users = run.json().array();
        QCOMPARE(users.size(), 2);
        QCOMPARE(users.at(1).toObject().value(u"userId").toString(), QStringLiteral("ghost")); // $0.0001, after u1's $0.00105
        QCOMPARE(users.at(1).toObject().value(u"userName").toString(), QStringLiteral("ghost")); // no name: its id
        QCOMPARE(users.at(1).toObject().value(u"totalRequests").toInteger(), 1);
        const QJsonObject u1 = users.at(0).toObject();
        QCOMPARE(u1.value(u"userName").toString(), QStringLiteral("Una"));
        QCOMPARE(u1.value(u"totalRequests").toInteger(), 4); // repaired from the log, not the 99 stored
        QCOMPARE(u1.value(u"serviceBreakdown").toObject().size(), 3);
        QCOMPARE(u1.value(u"lastActivity").toString(), QStringLiteral("2999-12-31T23:59:00Z"));

        run = meterctl({QStringLiteral("--db"), url, QStringLiteral("series"), QStringLiteral("--bucket"), QStringLiteral("month"),
                        QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().array().first().toObject().value(u"bucketStart").toString(), QStringLiteral("1901-01-01"));
        QCOMPARE(run.json().array().last().toObject().value(u"bucketStart").toString(), QStringLiteral("2999-12-01"));
        run = meterctl({QStringLiteral("--db"), url, QStringLiteral("costs"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        bool oddModel = false;
        for (const QJsonValue &row : run.json().object().value(u"models").toArray())
            oddModel |= row.toObject().value(u"model").toString() == u"5";
        QVERIFY(oddModel); // the metadata's number became the model name, shown as it is
        QCOMPARE(meterctl({QStringLiteral("--db"), url, QStringLiteral("verify")}).exitCode, 0);
        QCOMPARE(meterctl({QStringLiteral("--db"), url, QStringLiteral("users"), QStringLiteral("--csv")}).exitCode, 0);
        // Deleting a user forgets its per-user rollups too.
        QVERIFY(execOn(*db, QStringLiteral("DELETE FROM users WHERE id = 'u1'")));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM api_usage_daily WHERE user_id = 'u1'")), 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM api_usage_weekly WHERE user_id = 'u1'")), 0);
    }
};

QTEST_GUILESS_MAIN(TestHostileRows)
#include "tst_hostilerows.moc"
