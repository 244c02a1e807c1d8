#include "TestSupport.h"

#include <admin/AdminActions.h>
#include <admin/AuditChain.h>
#include <money/PriceBook.h>
#include <queries/Queries.h>
#include <storage/SqlReader.h>
#include <tracking/Tracker.h>

#include <QFile>
#include <QTimeZone>
#include <QTest>

#include <limits>

using namespace meterdesk;
using namespace meterdesk::test;

class TestDatabase : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<Database> openNew(const QString &name)
    {
        const QString url = newDatabaseUrl(m_dir, name);
        QString error;
        auto db = Database::open(*ConnectionSpec::parse(url, &error), &error);
        if (!db)
            qWarning("%s", qPrintable(error));
        return db;
    }

private Q_SLOTS:
    void init()
    {
        if (usePostgres())
            METERDESK_REQUIRE_PG();
    }

    void createsSchemaOnceAndIsIdempotent()
    {
        auto db = openNew(QStringLiteral("create"));
        QVERIFY(db);
        int version = -1;
        QString error;
        QCOMPARE(int(db->inspect(&version, &error)), int(SchemaState::Empty));
        QVERIFY(!db->checkReady(&error));
        QVERIFY2(error.contains(QStringLiteral("meterctl init")), qPrintable(error));
        QVERIFY2(db->migrate(PriceBook::builtIn(), &error), qPrintable(error));
        QCOMPARE(int(db->inspect(&version, &error)), int(SchemaState::Current));
        QCOMPARE(version, Database::SchemaVersion);
        QVERIFY(db->ownsUsers());
        QVERIFY2(db->migrate(PriceBook::builtIn(), &error), qPrintable(error));
        for (const char *table : {"users", "api_usage_tracking", "api_usage_stats", "api_usage_daily",
                                  "api_usage_daily_service", "api_usage_user_service", "admin_audit_log"})
            QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))), 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM meterdesk_schema")), 1);
    }

    // A database an earlier Meterdesk made (schema 1): no audit hash
    // columns, and on PostgreSQL no stats-row trigger and the original
    // writer's rows left with priced NULL and uncounted as unpriced. `init`
    // brings it to schema 2 and every aggregate agrees with the log.
    void upgradesASchemaOneDatabase()
    {
        auto db = openNew(QStringLiteral("schema1"));
        QVERIFY(db);
        QString error;
        QVERIFY2(db->migrate(PriceBook::builtIn(), &error), qPrintable(error));
        UsageEvent event;
        event.userId = QStringLiteral("u1");
        event.service = QStringLiteral("openai");
        event.model = QStringLiteral("gpt-4o");
        event.tokens = {1000, 10, 0, 0};
        QVERIFY(Tracker(*db, PriceBook::builtIn()).track(event).status == EventStatus::Recorded);
        QVERIFY(AdminActions(*db).setRiskScore(QStringLiteral("u1"), 10).ok);
        const bool pg = usePostgres();
        QStringList downgrade{QStringLiteral("UPDATE meterdesk_schema SET version = 1"),
                              QStringLiteral("ALTER TABLE api_usage_tracking DROP COLUMN service_tier"), // schema 7
                              QStringLiteral("ALTER TABLE admin_audit_log DROP COLUMN prev_hash"),
                              QStringLiteral("ALTER TABLE admin_audit_log DROP COLUMN row_hash"),
                              // Schema 4's guardrails.
                              QStringLiteral("ALTER TABLE api_usage_stats DROP COLUMN block_source"),
                              QStringLiteral("ALTER TABLE api_usage_stats DROP COLUMN block_until"),
                              QStringLiteral("DROP TABLE meterdesk_budgets"),
                              QStringLiteral("DROP TABLE meterdesk_reservations"),
                              QStringLiteral("DROP TABLE meterdesk_alerts"),
                              QStringLiteral("DROP TABLE meterdesk_alert_cursors"),
                              QStringLiteral("DROP TABLE meterdesk_settings")};
        if (pg)
            downgrade << QStringLiteral("DROP TRIGGER meterdesk_stats_truth ON api_usage_stats")
                      << QStringLiteral("DROP TRIGGER admin_audit_log_no_truncate ON admin_audit_log")
                      // The original writer's row as schema 1 left it.
                      << QStringLiteral("INSERT INTO api_usage_tracking (user_id, service, endpoint, tokens_used, "
                                        "estimated_cost, metadata) VALUES ('u1', 'anthropic', 'claude-x', 30, 0.5, "
                                        "'{\"model\": \"claude-x\", \"inputTokens\": 20, \"outputTokens\": 10}')")
                      << QStringLiteral("UPDATE api_usage_tracking SET priced = NULL WHERE writer = 0")
                      << QStringLiteral("UPDATE api_usage_daily SET unpriced_requests = 0")
                      << QStringLiteral("UPDATE api_usage_daily_service SET unpriced_requests = 0")
                      << QStringLiteral("UPDATE api_usage_stats SET unpriced_requests = 0, "
                                        "service_breakdown = '{}', total_requests = 1");
        downgrade << QStringLiteral("DROP TABLE api_usage_weekly"); // schema 8
        for (const QString &statement : std::as_const(downgrade))
            QVERIFY(execOn(*db, statement));
        int version = 0;
        QCOMPARE(int(db->inspect(&version, &error)), int(SchemaState::Outdated));
        QCOMPARE(version, 1);

        QVERIFY2(db->migrate(PriceBook::builtIn(), &error), qPrintable(error));
        QCOMPARE(int(db->inspect(&version, &error)), int(SchemaState::Current));
        QCOMPARE(version, Database::SchemaVersion);
        QVERIFY(db->ownsUsers()); // kept from when it was made
        const auto chain = verifyAuditChain(*db, &error);
        QVERIFY2(chain, qPrintable(error));
        QCOMPARE(chain->unchained, 1); // the risk change from schema 1, left as it was
        QVERIFY(chain->intact());
        QVERIFY(AdminActions(*db).setRiskScore(QStringLiteral("u1"), 20).ok);
        QCOMPARE(verifyAuditChain(*db, &error)->rows, 2);
        QVERIFY(verifyAuditChain(*db, &error)->intact());
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM api_usage_tracking WHERE priced IS NULL")), 0);
        const auto problems = Queries(*db).verify(&error);
        QVERIFY2(problems && problems->isEmpty(), qPrintable(problems ? problems->join(u'\n') : error));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT unpriced_requests FROM api_usage_stats")), pg ? 1 : 0);
        QVERIFY2(db->migrate(PriceBook::builtIn(), &error), qPrintable(error)); // idempotent
    }

    // Schema 6 counts the per-day totals by endpoint too. A schema 5 database
    // (its totals keyed by day, service and model) is upgraded in place and
    // refilled from the log; an endpoint that is the call's model is none.
    void upgradesASchemaFiveDatabaseWithEndpoints()
    {
        auto db = openNew(QStringLiteral("schema5"));
        QVERIFY(db);
        QString error;
        QVERIFY2(db->migrate(PriceBook::builtIn(), &error), qPrintable(error));
        QList<UsageEvent> events;
        for (const QString &endpoint : {QStringLiteral("support-chat"), QString(), QStringLiteral("gpt-4o"),
                                        QStringLiteral("support-chat")}) {
            UsageEvent event;
            event.userId = QStringLiteral("u1");
            event.service = QStringLiteral("openai");
            event.model = QStringLiteral("gpt-4o");
            event.endpoint = endpoint;
            event.tokens = {1000, 10, 0, 0};
            event.timestamp = QDateTime(QDate(2026, 11, 2), QTime(9, 0), QTimeZone::utc());
            events << event;
        }
        QVERIFY(Tracker(*db, PriceBook::builtIn()).trackBatch(events).ok);
        const bool pg = usePostgres();
        const QString counters = QStringLiteral("requests, input_tokens, output_tokens, cached_input_tokens, "
                                                "cache_write_tokens, tokens, cost_nanos, unpriced_requests");
        const QString refill = QStringLiteral("INSERT INTO api_usage_daily_service (day, service, model, %1) "
                                              "SELECT day, service, model, sum(requests), sum(input_tokens), "
                                              "sum(output_tokens), sum(cached_input_tokens), sum(cache_write_tokens), "
                                              "sum(tokens), sum(cost_nanos), sum(unpriced_requests) FROM api_usage_daily "
                                              "GROUP BY day, service, model").arg(counters);
        QStringList downgrade{QStringLiteral("UPDATE meterdesk_schema SET version = 5"),
                              QStringLiteral("ALTER TABLE api_usage_tracking DROP COLUMN service_tier"), // schema 7
                              QStringLiteral("DROP TABLE api_usage_weekly")};                            // schema 8
        if (pg)
            downgrade << QStringLiteral("ALTER TABLE api_usage_daily_service DROP CONSTRAINT api_usage_daily_service_pkey")
                      << QStringLiteral("DELETE FROM api_usage_daily_service")
                      << QStringLiteral("ALTER TABLE api_usage_daily_service DROP COLUMN endpoint")
                      << QStringLiteral("ALTER TABLE api_usage_daily_service ADD PRIMARY KEY (day, service, model)") << refill;
        else
            downgrade << QStringLiteral("DROP TABLE api_usage_daily_service")
                      << QStringLiteral("CREATE TABLE api_usage_daily_service (day date NOT NULL, service text NOT NULL, "
                                        "model text NOT NULL, requests bigint NOT NULL DEFAULT 0, input_tokens bigint NOT NULL "
                                        "DEFAULT 0, output_tokens bigint NOT NULL DEFAULT 0, cached_input_tokens bigint NOT "
                                        "NULL DEFAULT 0, cache_write_tokens bigint NOT NULL DEFAULT 0, tokens bigint NOT NULL "
                                        "DEFAULT 0, cost_nanos bigint NOT NULL DEFAULT 0, unpriced_requests bigint NOT NULL "
                                        "DEFAULT 0, PRIMARY KEY (day, service, model)) WITHOUT ROWID")
                      << refill;
        for (const QString &statement : std::as_const(downgrade))
            QVERIFY2(execOn(*db, statement), qPrintable(statement));
        int version = 0;
        QCOMPARE(int(db->inspect(&version, &error)), int(SchemaState::Outdated));
        QCOMPARE(version, 5);
        QVERIFY2(db->migrate(PriceBook::builtIn(), &error), qPrintable(error));
        QCOMPARE(int(db->inspect(&version, &error)), int(SchemaState::Current));
        // Two calls of support-chat; two of no endpoint (none given, and the model given as one).
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(requests) FROM api_usage_daily_service WHERE endpoint = 'support-chat'")), 2);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(requests) FROM api_usage_daily_service WHERE endpoint = ''")), 2);
        if (pg) // The original writer, as it writes: its endpoint is its task name.
            QVERIFY(execOn(*db, QStringLiteral("INSERT INTO api_usage_tracking (user_id, service, endpoint, tokens_used, "
                                               "estimated_cost, metadata, timestamp) VALUES ('u1', 'openai', 'event-matching', "
                                               "30, 0.5, '{\"model\": \"gpt-4o\", \"inputTokens\": 20, "
                                               "\"outputTokens\": 10}', '2026-11-02 10:00:00')")));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM api_usage_daily_service WHERE endpoint = 'event-matching'")),
                 pg ? 1 : 0);
        const auto problems = Queries(*db).verify(&error);
        QVERIFY2(problems && problems->isEmpty(), qPrintable(problems ? problems->join(u'\n') : error));
    }

    // Schema 9 on PostgreSQL: the rows every call updates leave room in
    // their pages, in a new database and in one that schema 8 made.
    void postgresRollupsLeaveRoomForUpdates()
    {
        if (!usePostgres())
            QSKIP("fillfactor is PostgreSQL's");
        auto db = openNew(QStringLiteral("fillfactor"));
        QVERIFY(db);
        QString error;
        QVERIFY2(db->migrate(PriceBook::builtIn(), &error), qPrintable(error));
        const QString roomy = QStringLiteral(
            "SELECT count(*) FROM pg_class WHERE relname IN ('api_usage_stats', 'api_usage_user_service', "
            "'api_usage_daily', 'api_usage_weekly', 'api_usage_daily_service') AND 'fillfactor=90' = ANY(reloptions)");
        QCOMPARE(scalar(*db, roomy), 5);
        for (const char *table : {"api_usage_stats", "api_usage_user_service", "api_usage_daily", "api_usage_weekly",
                                  "api_usage_daily_service"})
            QVERIFY(execOn(*db, QStringLiteral("ALTER TABLE %1 RESET (fillfactor)").arg(QLatin1String(table))));
        QVERIFY(execOn(*db, QStringLiteral("UPDATE meterdesk_schema SET version = 8")));
        QCOMPARE(scalar(*db, roomy), 0);
        QVERIFY2(db->migrate(PriceBook::builtIn(), &error), qPrintable(error));
        QCOMPARE(scalar(*db, roomy), 5);
    }

    // Several statements read in turn (on PostgreSQL in one pipeline): each
    // row goes to its own statement's reader, in order; a failing statement
    // stops the reading with the server's words, and the connection reads
    // on as before.
    void readsSeveralStatementsInTurn()
    {
        auto db = openNew(QStringLiteral("pipeline"));
        QVERIFY(db);
        QString error;
        QVERIFY2(db->migrate(PriceBook::builtIn(), &error), qPrintable(error));
        QVERIFY(execOn(*db, QStringLiteral("INSERT INTO users (id, email) VALUES ('a', 'a@x'), ('b', 'b@x'), ('c', 'c@x')")));
        QStringList ids, emails, counts;
        const auto text = [](QStringList &into) { return [&into](const SqlRow &row) { into << row.text(0); }; };
        const QList<SqlRead> reads{
            {QStringLiteral("SELECT id FROM users WHERE id >= ? ORDER BY id"), {QStringLiteral("b")}, text(ids)},
            {QStringLiteral("SELECT email FROM users WHERE id <> ? ORDER BY id"), {QStringLiteral("b")}, text(emails)},
            {QStringLiteral("SELECT count(*) FROM users"), {}, text(counts)},
        };
        QVERIFY2(readRows(*db, reads, &error), qPrintable(error));
        QCOMPARE(ids, (QStringList{QStringLiteral("b"), QStringLiteral("c")}));
        QCOMPARE(emails, (QStringList{QStringLiteral("a@x"), QStringLiteral("c@x")}));
        QCOMPARE(counts, QStringList{QStringLiteral("3")});

        ids.clear();
        emails.clear();
        counts.clear();
        const QList<SqlRead> failing{
            {QStringLiteral("SELECT id FROM users ORDER BY id"), {}, text(ids)},
            {QStringLiteral("SELECT id FROM no_such_table"), {}, text(emails)},
            {QStringLiteral("SELECT count(*) FROM users"), {}, text(counts)},
        };
        QVERIFY(!readRows(*db, failing, &error));
        QVERIFY2(error.contains(QStringLiteral("no_such_table")), qPrintable(error));
        QCOMPARE(ids.size(), 3);
        QVERIFY(emails.isEmpty());
        QVERIFY(counts.isEmpty());
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM users")), 3);
        QVERIFY2(readRows(*db, reads, &error), qPrintable(error));
        QCOMPARE(counts, QStringList{QStringLiteral("3")});
    }

    // PostgreSQL's whole results say how many rows follow each, read alone
    // or in a pipeline; SQLite's steps cannot, and say -1.
    void saysHowManyRowsFollow()
    {
        auto db = openNew(QStringLiteral("rowsafter"));
        QVERIFY(db);
        QString error;
        QVERIFY2(db->migrate(PriceBook::builtIn(), &error), qPrintable(error));
        QVERIFY(execOn(*db, QStringLiteral("INSERT INTO users (id) VALUES ('a'), ('b'), ('c'), ('d')")));
        QList<qsizetype> alone, first, second;
        const auto after = [](QList<qsizetype> &into) { return [&into](const SqlRow &row) { into << row.rowsAfter(); }; };
        const QList<SqlRead> one{{QStringLiteral("SELECT id FROM users"), {}, after(alone)}};
        QVERIFY2(readRows(*db, one, &error), qPrintable(error));
        const QList<SqlRead> two{{QStringLiteral("SELECT id FROM users WHERE id < ?"), {QStringLiteral("c")}, after(first)},
                                 {QStringLiteral("SELECT id FROM users WHERE id = ?"), {QStringLiteral("d")}, after(second)}};
        QVERIFY2(readRows(*db, two, &error), qPrintable(error));
        if (db->isPostgres()) {
            QCOMPARE(alone, (QList<qsizetype>{3, 2, 1, 0}));
            QCOMPARE(first, (QList<qsizetype>{1, 0}));
            QCOMPARE(second, QList<qsizetype>{0});
        } else {
            QCOMPARE(alone, (QList<qsizetype>{-1, -1, -1, -1}));
            QCOMPARE(first, (QList<qsizetype>{-1, -1}));
            QCOMPARE(second, QList<qsizetype>{-1});
        }
    }

    // Whole numbers as both backends give them: integers, numeric sums
    // (text on PostgreSQL), negative ones, the largest, and NULL as 0.
    void readsWholeNumbers()
    {
        auto db = openNew(QStringLiteral("numbers"));
        QVERIFY(db);
        QList<qint64> numbers;
        QString error;
        const QString sql = db->isPostgres()
            ? QStringLiteral("SELECT v::bigint, sum(v::bigint) FROM (VALUES (?), (?), (?), (?), (?), (NULL)) AS t(v) GROUP BY v ORDER BY v")
            : QStringLiteral("SELECT v, v FROM (SELECT ? AS v UNION ALL SELECT ? UNION ALL SELECT ? UNION ALL SELECT ? "
                             "UNION ALL SELECT ? UNION ALL SELECT NULL) ORDER BY v NULLS LAST");
        const QVariantList values{QStringLiteral("0"), QStringLiteral("-42"), QStringLiteral("123456789012345678"),
                                  QStringLiteral("9223372036854775807"), QStringLiteral("-9223372036854775808")};
        const QVariantList bound = db->isPostgres()
            ? values
            : QVariantList{qint64(0), qint64(-42), qint64(123456789012345678), std::numeric_limits<qint64>::max(),
                           std::numeric_limits<qint64>::min()};
        const QList<SqlRead> read{
            {sql, bound, [&numbers](const SqlRow &row) { numbers << row.integer(0) << row.integer(1); }}};
        QVERIFY2(readRows(*db, read, &error), qPrintable(error));
        const QList<qint64> want{std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::min(), -42, -42, 0, 0,
                                 123456789012345678, 123456789012345678, std::numeric_limits<qint64>::max(),
                                 std::numeric_limits<qint64>::max(), 0, 0};
        QCOMPARE(numbers, want);
    }

    void refusesAForeignDatabaseAndLeavesItAlone()
    {
        auto db = openNew(QStringLiteral("foreign"));
        QVERIFY(db);
        QVERIFY(execOn(*db, QStringLiteral("CREATE TABLE invoices (id integer PRIMARY KEY, total integer)")));
        QVERIFY(execOn(*db, QStringLiteral("INSERT INTO invoices VALUES (1, 100)")));
        QString error;
        QVERIFY(!db->migrate(PriceBook::builtIn(), &error));
        QVERIFY2(error.contains(QStringLiteral("not a usage database")), qPrintable(error));
        QCOMPARE(db->sql().tables().size(), 1);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT total FROM invoices")), 100);
    }

    void refusesANewerSchema()
    {
        auto db = openNew(QStringLiteral("newer"));
        QVERIFY(db);
        QString error;
        QVERIFY(db->migrate(PriceBook::builtIn(), &error));
        QVERIFY(execOn(*db, QStringLiteral("UPDATE meterdesk_schema SET version = 99")));
        QVERIFY(!db->checkReady(&error));
        QVERIFY2(error.contains(QStringLiteral("newer Meterdesk")), qPrintable(error));
        QVERIFY(!db->migrate(PriceBook::builtIn(), &error));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT version FROM meterdesk_schema")), 99);
    }

    void refusesAFileThatIsNotSqlite()
    {
        if (usePostgres())
            QSKIP("SQLite only");
        const QString path = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray text(4096, 'x');
        file.write(text);
        file.close();
        QString error;
        auto db = Database::open(ConnectionSpec::sqlite(path), &error);
        QVERIFY(!db);
        QVERIFY2(error.contains(QStringLiteral("not an SQLite database")) || error.contains(QStringLiteral("not a database")),
                 qPrintable(error));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), text);
    }

    void missingFolderIsAClearError()
    {
        if (usePostgres())
            QSKIP("SQLite only");
        QString error;
        QVERIFY(!Database::open(ConnectionSpec::sqlite(m_dir.filePath(QStringLiteral("no/such/dir/x.sqlite"))), &error));
        QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));
    }

    void unreachableServerIsAClearError()
    {
        if (!usePostgres())
            QSKIP("PostgreSQL only");
        QString error;
        const auto spec = ConnectionSpec::parse(QStringLiteral("postgresql://nobody:secret@127.0.0.1:1/usage?connect_timeout=2"), &error);
        QVERIFY(spec);
        QVERIFY(!Database::open(*spec, &error));
        QVERIFY2(error.startsWith(QStringLiteral("cannot open postgresql://nobody@127.0.0.1:1/usage")), qPrintable(error));
        QVERIFY(!error.contains(QStringLiteral("secret")));
    }

    void wrongDatabaseNameIsAClearError()
    {
        if (!usePostgres())
            QSKIP("PostgreSQL only");
        QString url = qEnvironmentVariable("METERDESK_TEST_PG");
        url.replace(url.lastIndexOf(u'/'), url.size(), QStringLiteral("/no_such_database"));
        QString error;
        QVERIFY(!Database::open(*ConnectionSpec::parse(url, &error), &error));
        QVERIFY2(error.contains(QStringLiteral("no_such_database")), qPrintable(error));
    }

    void verifyFullTlsWorks()
    {
        if (!usePostgres())
            QSKIP("PostgreSQL only");
        const QString ca = qEnvironmentVariable("METERDESK_TEST_PG_CA");
        if (ca.isEmpty()) {
            if (qEnvironmentVariable("CI") == QLatin1String("true"))
                QFAIL("METERDESK_TEST_PG_CA is not set under CI: the TLS test must run");
            QSKIP("no test CA: run through `make test`");
        }
        QString url = qEnvironmentVariable("METERDESK_TEST_PG");
        url.replace(QStringLiteral("127.0.0.1"), QStringLiteral("localhost"));
        QString error;
        auto spec = ConnectionSpec::parse(url + QStringLiteral("?sslmode=verify-full&sslrootcert=") + ca, &error);
        QVERIFY2(spec, qPrintable(error));
        auto db = Database::open(*spec, &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT CASE WHEN ssl THEN 1 ELSE 0 END FROM pg_stat_ssl WHERE pid = pg_backend_pid()")), 1);
        // The server's certificate is checked: a missing CA file is refused clearly.
        spec = ConnectionSpec::parse(url + QStringLiteral("?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem"), &error);
        QVERIFY(!Database::open(*spec, &error));
        QVERIFY2(error.contains(QStringLiteral("root certificate")), qPrintable(error));
    }

    void connectionUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("display");
        QTest::addColumn<QString>("options");
        QTest::newRow("file") << QStringLiteral("/tmp/usage.sqlite") << true << QStringLiteral("/tmp/usage.sqlite") << QString();
        QTest::newRow("sqlite scheme") << QStringLiteral("sqlite:///tmp/u.db") << true << QStringLiteral("/tmp/u.db") << QString();
        QTest::newRow("postgres verify-full")
            << QStringLiteral("postgresql://admin:pw@db.example.com:6432/usage?sslmode=verify-full&sslrootcert=/etc/ca.pem")
            << true << QStringLiteral("postgresql://admin@db.example.com:6432/usage?sslmode=verify-full&sslrootcert=/etc/ca.pem")
            << QStringLiteral("sslmode='verify-full';sslrootcert='/etc/ca.pem';connect_timeout='5';application_name='meterdesk'");
        QTest::newRow("no database") << QStringLiteral("postgresql://host") << false << QString() << QString();
        QTest::newRow("bad sslmode") << QStringLiteral("postgresql://h/db?sslmode=sometimes") << false << QString() << QString();
        QTest::newRow("unknown option") << QStringLiteral("postgresql://h/db?password=x") << false << QString() << QString();
        QTest::newRow("empty") << QString() << false << QString() << QString();
    }
    void connectionUrls()
    {
        QFETCH(QString, url);
        QFETCH(bool, valid);
        QFETCH(QString, display);
        QFETCH(QString, options);
        QString error;
        const auto spec = ConnectionSpec::parse(url, &error);
        QCOMPARE(spec.has_value(), valid);
        if (!valid) {
            QVERIFY(!error.isEmpty());
            return;
        }
        QCOMPARE(spec->displayString(), display);
        if (!options.isEmpty())
            QCOMPARE(spec->postgresOptions(), options);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
