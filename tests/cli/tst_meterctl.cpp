// meterctl end to end: every command, its exit codes, and --json read back.
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace meterdesk;
using namespace meterdesk::test;

class TestMeterctl : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_url;

    RunResult run(QStringList args, const QByteArray &input = {})
    {
        args.prepend(m_url);
        args.prepend(QStringLiteral("--db"));
        return meterctl(args, input);
    }
    QString file(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        if (usePostgres())
            METERDESK_REQUIRE_PG();
        m_url = newDatabaseUrl(m_dir, QStringLiteral("cli"));
        QVERIFY(!m_url.isEmpty());
    }

    void usageErrors()
    {
        QCOMPARE(meterctl({}).exitCode, 2);
        QCOMPARE(meterctl({QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(meterctl({QStringLiteral("stats"), QStringLiteral("--no-such-option")}).exitCode, 2);
        const RunResult noDb = meterctl({QStringLiteral("stats")});
        QCOMPARE(noDb.exitCode, 2);
        QVERIFY(noDb.err.contains("METERDESK_DB"));
        QCOMPARE(meterctl({QStringLiteral("--help")}).exitCode, 0);
        QVERIFY(meterctl({QStringLiteral("--help")}).out.contains("export"));
    }

    // Each command's own help: its options (and no other command's) and an example.
    void eachCommandHasItsOwnHelp()
    {
        const QByteArray general = meterctl({QStringLiteral("--help")}).out;
        for (const char *name : {"init", "demo", "track", "import", "cost", "stats", "users", "costs", "series", "events",
                                 "block", "unblock", "risk", "check", "export", "audit", "prices", "budget", "alerts",
                                 "verify"}) {
            const RunResult help = meterctl({QString::fromLatin1(name), QStringLiteral("--help")});
            QCOMPARE(help.exitCode, 0);
            QVERIFY2(help.out.startsWith(QByteArray("Usage: meterctl ").append(name)), help.out.constData());
            QVERIFY2(help.out.contains(QByteArray("\nExample:\n  meterctl ").append(name)), name);
            QVERIFY2(help.out != general, name);
            QVERIFY2(help.out.size() < general.size() / 2, name);
        }
        const RunResult cost = meterctl({QStringLiteral("cost"), QStringLiteral("--help")});
        QVERIFY(cost.out.contains("--model <name>") && cost.out.contains("--cached <n>"));
        QVERIFY(!cost.out.contains("--reason") && !cost.out.contains("--follow"));
        // `help COMMAND` says the same.
        QCOMPARE(meterctl({QStringLiteral("help"), QStringLiteral("cost")}).out, cost.out);
        QCOMPARE(meterctl({QStringLiteral("help"), QStringLiteral("nonsense")}).exitCode, 2);
        // Only the reading commands take --csv, and those that do print it.
        const RunResult csvBlock = meterctl({QStringLiteral("block"), QStringLiteral("--csv")});
        QCOMPARE(csvBlock.exitCode, 2);
        QVERIFY(csvBlock.err.contains("block does not take --csv"));
    }

    void initCreatesTheSchema()
    {
        RunResult result = run({QStringLiteral("stats")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains("meterctl init"));
        result = run({QStringLiteral("init")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY(result.out.contains("created"));
        result = run({QStringLiteral("stats"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.json().object().value(u"totalRequests").toInteger(), 0);
    }

    void costNeedsNoDatabase()
    {
        RunResult result = meterctl({QStringLiteral("cost"), QStringLiteral("--model"), QStringLiteral("gpt-4o"),
                                     QStringLiteral("--input"), QStringLiteral("1000000"), QStringLiteral("--output"),
                                     QStringLiteral("1000000"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.json().object().value(u"cost").toDouble(), 12.5);
        result = meterctl({QStringLiteral("cost"), QStringLiteral("--model"), QStringLiteral("nope"), QStringLiteral("--input"),
                           QStringLiteral("1000000"), QStringLiteral("--output"), QStringLiteral("0")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.startsWith("$5.000000"));
        QVERIFY(result.out.contains("unpriced"));
        result = meterctl({QStringLiteral("cost"), QStringLiteral("--model"), QStringLiteral("gpt-4o"), QStringLiteral("--input"),
                           QStringLiteral("-5"), QStringLiteral("--output"), QStringLiteral("0")});
        QCOMPARE(result.exitCode, 2);
    }

    void trackRecordsOneCall()
    {
        RunResult result = run({QStringLiteral("track"), QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--service"),
                                QStringLiteral("openai"), QStringLiteral("--model"), QStringLiteral("gpt-4o-mini"), QStringLiteral("--input"),
                                QStringLiteral("1000"), QStringLiteral("--output"), QStringLiteral("500"), QStringLiteral("--cached"),
                                QStringLiteral("2000"), QStringLiteral("--meta"), QStringLiteral("{\"durationMs\":900}"),
                                QStringLiteral("--event-id"), QStringLiteral("call-1")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(result.out.trimmed(), QByteArray("$0.000600"));
        result = run({QStringLiteral("track"), QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--service"),
                      QStringLiteral("openai"), QStringLiteral("--model"), QStringLiteral("gpt-4o-mini"), QStringLiteral("--input"),
                      QStringLiteral("1000"), QStringLiteral("--output"), QStringLiteral("500"), QStringLiteral("--event-id"),
                      QStringLiteral("call-1"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.json().object().value(u"duplicate").toBool());
        result = run({QStringLiteral("track"), QStringLiteral("--service"), QStringLiteral("openai"), QStringLiteral("--model"),
                      QStringLiteral("gpt-4o"), QStringLiteral("--input"), QStringLiteral("1"), QStringLiteral("--output"), QStringLiteral("1")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("--user is required"));
        result = run({QStringLiteral("track"), QStringLiteral("--unattributed"), QStringLiteral("(no user)"), QStringLiteral("--service"),
                      QStringLiteral("openai"), QStringLiteral("--model"), QStringLiteral("gpt-4o"), QStringLiteral("--input"),
                      QStringLiteral("1"), QStringLiteral("--output"), QStringLiteral("1")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
    }

    void importReportsBadLinesAndRecordsGoodOnes()
    {
        const QByteArray lines =
            "{\"eventId\":\"i-1\",\"userId\":\"bob\",\"service\":\"anthropic\",\"model\":\"claude-3-haiku\",\"inputTokens\":1000000,\"outputTokens\":0}\n"
            "this is not json\n"
            "\n"
            "{\"userId\":\"bob\",\"service\":\"google\",\"model\":\"gemini-2.0-flash\",\"inputTokens\":1000000,\"outputTokens\":0,\"timestamp\":\"2026-02-03T04:05:06Z\"}\n"
            "{\"userId\":\"bob\",\"service\":\"openai\",\"model\":\"gpt-4o\",\"inputTokens\":-1,\"outputTokens\":0}\n"
            "{\"userId\":\"=HYPERLINK(\\\"x\\\")\",\"service\":\"openai\",\"model\":\"gpt-4o\",\"inputTokens\":1000,\"outputTokens\":0}\n";
        QFile input(file(QStringLiteral("calls.jsonl")));
        QVERIFY(input.open(QIODevice::WriteOnly));
        input.write(lines);
        input.close();
        RunResult result = run({QStringLiteral("import"), input.fileName()});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("line 2: not JSON"), result.err.constData());
        QVERIFY2(result.err.contains("line 5: \"inputTokens\" must be a whole number"), result.err.constData());
        QVERIFY(result.err.contains("imported 3 events"));
        // The same file again from standard input: ids make the first line a duplicate.
        result = run({QStringLiteral("import"), QStringLiteral("-")}, lines.left(lines.indexOf('\n') + 1));
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.contains("imported 0 events, 1 duplicates"), result.err.constData());
        QCOMPARE(run({QStringLiteral("import"), file(QStringLiteral("missing.jsonl"))}).exitCode, 1);
    }

    // Lines without event ids: the same file imported again, piped in, or
    // appended to, records each line once; equal lines are calls of their own.
    void importingTheSameFileAgainRecordsEachLineOnce()
    {
        const QString url = newDatabaseUrl(m_dir, QStringLiteral("reimport"));
        QVERIFY(!url.isEmpty());
        QCOMPARE(meterctl({QStringLiteral("--db"), url, QStringLiteral("init")}).exitCode, 0);
        const auto lines = [](int from, int to) {
            QByteArray text;
            for (int i = from; i < to; ++i)
                text += QStringLiteral("{\"userId\":\"r%1\",\"service\":\"openai\",\"model\":\"gpt-4o\","
                                       "\"inputTokens\":1000,\"outputTokens\":0}\n").arg(i % 3).toUtf8();
            return text;
        };
        QFile input(file(QStringLiteral("no-ids.jsonl")));
        QVERIFY(input.open(QIODevice::WriteOnly));
        input.write(lines(0, 30));
        input.close();
        const auto import = [&](const QString &path, const QByteArray &stdinText = {}) {
            const RunResult result = meterctl({QStringLiteral("--db"), url, QStringLiteral("import"), path}, stdinText);
            return result.exitCode == 0 ? result.err : QByteArray("failed: " + result.err);
        };
        const QByteArray first = import(input.fileName());
        QVERIFY2(first.contains("imported 30 events, 0 duplicates"), first.constData());
        QVERIFY(import(input.fileName()).contains("imported 0 events, 30 duplicates"));
        QVERIFY(import(QStringLiteral("-"), lines(0, 30)).contains("imported 0 events, 30 duplicates"));
        QVERIFY(input.open(QIODevice::Append));
        input.write(lines(30, 35));
        input.close();
        QVERIFY(import(input.fileName()).contains("imported 5 events, 30 duplicates"));
        const QJsonObject stats =
            meterctl({QStringLiteral("--db"), url, QStringLiteral("stats"), QStringLiteral("--json")}).json().object();
        QCOMPARE(stats.value(u"totalRequests").toInteger(), 35);
        QCOMPARE(stats.value(u"totalCost").toDouble(), 35 * 0.0025); // gpt-4o: $2.50 per 1M input tokens
    }

    // The command table: an unknown command, an option the command does
    // not read and a stray argument are usage errors that say so.
    void commandsRefuseWhatTheyDoNotTake()
    {
        RunResult result = run({QStringLiteral("stats"), QStringLiteral("--score"), QStringLiteral("5")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("stats does not take --score"), result.err.constData());
        result = run({QStringLiteral("statz")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("unknown command \"statz\""));
        result = run({QStringLiteral("users"), QStringLiteral("extra")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("unexpected argument extra"));
        QCOMPARE(run({QStringLiteral("stats"), QStringLiteral("--json")}).exitCode, 0);
    }

    void readingCommands()
    {
        RunResult result = run({QStringLiteral("stats"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject stats = result.json().object();
        QCOMPARE(stats.value(u"totalRequests").toInteger(), 5);
        // 0.0006 + 0.25 + 0.10 + 0.0025 + (no user) 0.0000125
        QCOMPARE(stats.value(u"totalCost").toDouble(), 0.3531125);
        QCOMPARE(stats.value(u"serviceBreakdown").toObject().keys(),
                 QStringList({QStringLiteral("anthropic"), QStringLiteral("google"), QStringLiteral("openai")}));
        QCOMPARE(stats.value(u"activeUsers").toInteger(), 4);
        QCOMPARE(stats.value(u"unpricedEvents").toInteger(), 0);

        result = run({QStringLiteral("stats"), QStringLiteral("--from"), QStringLiteral("2026-02-03"), QStringLiteral("--to"),
                      QStringLiteral("2026-02-03"), QStringLiteral("--json")});
        QCOMPARE(result.json().object().value(u"totalRequests").toInteger(), 1);
        QCOMPARE(run({QStringLiteral("stats"), QStringLiteral("--from"), QStringLiteral("yesterday")}).exitCode, 2);
        QVERIFY(run({QStringLiteral("stats")}).out.contains("Unpriced events:"));
        QVERIFY(run({QStringLiteral("stats"), QStringLiteral("--csv")}).out.startsWith("service,requests,tokens,cost_usd\r\n"));

        result = run({QStringLiteral("users"), QStringLiteral("--json")});
        const QJsonArray users = result.json().array();
        QCOMPARE(users.size(), 4);
        const QJsonObject bob = users.at(0).toObject();
        QCOMPARE(bob.value(u"userId").toString(), QStringLiteral("bob"));
        for (const char *key : {"userName", "email", "totalRequests", "totalTokens", "totalCost", "lastActivity",
                                "isBlocked", "blockReason", "riskScore", "serviceBreakdown"})
            QVERIFY2(bob.contains(QLatin1String(key)), key);
        QCOMPARE(bob.value(u"totalCost").toDouble(), 0.35);
        // The hostile id is one cell, neutralised, and no cell is a formula.
        const QList<QStringList> csv = parseCsv(run({QStringLiteral("users"), QStringLiteral("--csv")}).out);
        QVERIFY(csv.size() == 5);
        bool hostileSeen = false;
        for (const QStringList &record : csv)
            hostileSeen |= record.value(0) == QStringLiteral("'=HYPERLINK(\"x\")");
        QVERIFY(hostileSeen);
        QCOMPARE(formulaCells(csv), QStringList());

        result = run({QStringLiteral("costs"), QStringLiteral("--json")});
        QCOMPARE(result.json().object().value(u"costByService").toObject().value(u"anthropic").toDouble(), 0.25);
        QCOMPARE(result.json().object().value(u"models").toArray().size(), 4);
        result = run({QStringLiteral("series"), QStringLiteral("--bucket"), QStringLiteral("month"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.json().array().size() >= 2);
        result = run({QStringLiteral("events"), QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--json")});
        QCOMPARE(result.json().array().size(), 1);
        QCOMPARE(result.json().array().at(0).toObject().value(u"cachedInputTokens").toInteger(), 2000);
        // The same request as CSV: a header and one record, read by a parser of its own.
        result = run({QStringLiteral("events"), QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--csv")});
        QCOMPARE(result.exitCode, 0);
        const QList<QStringList> events = parseCsv(result.out);
        QCOMPARE(events.size(), 2);
        const QStringList header = events.at(0);
        QCOMPARE(header.value(0), QStringLiteral("timestamp"));
        QCOMPARE(events.at(1).value(header.indexOf(QStringLiteral("cached_input_tokens"))), QStringLiteral("2000"));
        // 1,000 input at $0.15/M, 500 output at $0.60/M, 2,000 cached at $0.075/M.
        QCOMPARE(events.at(1).value(header.indexOf(QStringLiteral("cost_usd"))), QStringLiteral("0.000600"));
        QCOMPARE(run({QStringLiteral("verify")}).exitCode, 0);
    }

    void adminCommands()
    {
        RunResult result = run({QStringLiteral("block"), QStringLiteral("--user"), QStringLiteral("bob")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("--reason is required"));
        result = run({QStringLiteral("block"), QStringLiteral("--user"), QStringLiteral("bob"), QStringLiteral("--reason"),
                      QStringLiteral("Excessive usage")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        result = run({QStringLiteral("check"), QStringLiteral("--user"), QStringLiteral("bob")});
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(result.out.trimmed(), QByteArray("API access blocked for this user: Excessive usage"));
        result = run({QStringLiteral("check"), QStringLiteral("--user"), QStringLiteral("bob"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(result.json().object().value(u"allowed").toBool(true), false);
        QCOMPARE(run({QStringLiteral("unblock"), QStringLiteral("--user"), QStringLiteral("bob")}).exitCode, 0);
        QCOMPARE(run({QStringLiteral("check"), QStringLiteral("--user"), QStringLiteral("bob")}).exitCode, 0);
        QCOMPARE(run({QStringLiteral("risk"), QStringLiteral("--user"), QStringLiteral("bob"), QStringLiteral("--score"), QStringLiteral("101")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("risk"), QStringLiteral("--user"), QStringLiteral("bob"), QStringLiteral("--score"), QStringLiteral("x")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("risk"), QStringLiteral("--user"), QStringLiteral("bob"), QStringLiteral("--score"), QStringLiteral("50")}).exitCode, 0);
        result = run({QStringLiteral("users"), QStringLiteral("--json")});
        QCOMPARE(result.json().array().at(0).toObject().value(u"riskScore").toInt(), 50);
        result = run({QStringLiteral("audit"), QStringLiteral("--json")});
        QCOMPARE(result.json().array().size(), 3);
        QCOMPARE(result.json().array().at(0).toObject().value(u"action").toString(), QStringLiteral("risk"));
        result = run({QStringLiteral("audit"), QStringLiteral("--action"), QStringLiteral("block"), QStringLiteral("--json")});
        QCOMPARE(result.json().array().size(), 1);
        result = run({QStringLiteral("audit"), QStringLiteral("--csv")});
        QCOMPARE(result.exitCode, 0);
        const QList<QStringList> audit = parseCsv(result.out);
        QCOMPARE(audit.size(), 4); // the header, risk, unblock, block
        const int action = audit.at(0).indexOf(QStringLiteral("action"));
        const int reason = audit.at(0).indexOf(QStringLiteral("reason"));
        QVERIFY(action >= 0 && reason >= 0);
        QCOMPARE(audit.at(3).value(action), QStringLiteral("block"));
        QCOMPARE(audit.at(3).value(reason), QStringLiteral("Excessive usage"));
        QCOMPARE(formulaCells(audit), QStringList());
    }

    void exports()
    {
        for (const char *kind : {"users", "events", "daily"}) {
            const QString path = file(QStringLiteral("%1.csv").arg(QLatin1String(kind)));
            const RunResult result = run({QStringLiteral("export"), QStringLiteral("--kind"), QLatin1String(kind),
                                          QStringLiteral("--out"), path});
            QVERIFY2(result.exitCode == 0, result.err.constData());
            QFile csv(path);
            QVERIFY(csv.open(QIODevice::ReadOnly));
            const QByteArray text = csv.readAll();
            QVERIFY(text.endsWith("\r\n"));
            QVERIFY2(text.count("\r\n") >= 4, text.constData());
            const QList<QStringList> records = parseCsv(text);
            QVERIFY2(records.size() >= 4, text.constData());
            for (const QStringList &record : records)
                QCOMPARE(record.size(), records.first().size());
            QVERIFY2(formulaCells(records).isEmpty(), qPrintable(formulaCells(records).join(u'|')));
            QVERIFY2(text.contains("'=HYPERLINK"), text.constData());
        }
        QCOMPARE(run({QStringLiteral("export"), QStringLiteral("--kind"), QStringLiteral("pie"), QStringLiteral("--out"),
                      file(QStringLiteral("x.csv"))}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("export"), QStringLiteral("--kind"), QStringLiteral("users"), QStringLiteral("--out"),
                      file(QStringLiteral("no/such/dir/x.csv"))}).exitCode, 1);
    }

    void demoFillsADatabase()
    {
        const QString url = newDatabaseUrl(m_dir, QStringLiteral("demo"));
        RunResult result = meterctl({QStringLiteral("--db"), url, QStringLiteral("demo"), QStringLiteral("--users"), QStringLiteral("40"),
                                     QStringLiteral("--events"), QStringLiteral("3000"), QStringLiteral("--days"), QStringLiteral("30"),
                                     QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--end"), QStringLiteral("2026-06-30")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        result = meterctl({QStringLiteral("--db"), url, QStringLiteral("stats"), QStringLiteral("--json")});
        const QJsonObject stats = result.json().object();
        QCOMPARE(stats.value(u"totalRequests").toInteger(), 3000);
        QCOMPARE(stats.value(u"serviceBreakdown").toObject().size(), 4);
        QVERIFY(stats.value(u"unpricedEvents").toInteger() > 0);
        QVERIFY(stats.value(u"blockedUsers").toInteger() > 0);
        // The same seed again: same ids, nothing counted twice.
        result = meterctl({QStringLiteral("--db"), url, QStringLiteral("demo"), QStringLiteral("--users"), QStringLiteral("40"),
                           QStringLiteral("--events"), QStringLiteral("3000"), QStringLiteral("--days"), QStringLiteral("30"),
                           QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--end"), QStringLiteral("2026-06-30")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonObject again = meterctl({QStringLiteral("--db"), url, QStringLiteral("stats"), QStringLiteral("--json")}).json().object();
        QCOMPARE(again.value(u"totalRequests").toInteger(), 3000);
        QCOMPARE(again.value(u"totalCost").toDouble(), stats.value(u"totalCost").toDouble());
    }

    // Cost by endpoint: the feature that made each call. An endpoint that is
    // the call's model (the original writer's `endpoint || model`) is none.
    void costsByEndpointAndModel()
    {
        const QString url = newDatabaseUrl(m_dir, QStringLiteral("endpoints"));
        QVERIFY(meterctl({QStringLiteral("--db"), url, QStringLiteral("init")}).exitCode == 0);
        const auto track = [&](const QStringList &extra) {
            return meterctl(QStringList{QStringLiteral("--db"), url, QStringLiteral("track"), QStringLiteral("--user"),
                                        QStringLiteral("ann"), QStringLiteral("--service"), QStringLiteral("openai"),
                                        QStringLiteral("--model"), QStringLiteral("gpt-4o-mini"), QStringLiteral("--input"),
                                        QStringLiteral("1000"), QStringLiteral("--output"), QStringLiteral("500")}
                            + extra).exitCode;
        };
        QCOMPARE(track({QStringLiteral("--endpoint"), QStringLiteral("support-chat")}), 0);
        QCOMPARE(track({}), 0);
        QCOMPARE(track({QStringLiteral("--endpoint"), QStringLiteral("gpt-4o-mini")}), 0);
        RunResult result = meterctl({QStringLiteral("--db"), url, QStringLiteral("costs"), QStringLiteral("--by"),
                                     QStringLiteral("endpoint"), QStringLiteral("--json")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonArray rows = result.json().object().value(u"rows").toArray();
        QCOMPARE(rows.size(), 2);
        // 1,000 input at $0.15/M and 500 output at $0.60/M: $0.00045 a call.
        QCOMPARE(rows.at(0).toObject().value(u"endpoint").toString(), QString());
        QCOMPARE(rows.at(0).toObject().value(u"requests").toInteger(), 2);
        QCOMPARE(rows.at(0).toObject().value(u"cost").toDouble(), 0.0009);
        QCOMPARE(rows.at(1).toObject().value(u"endpoint").toString(), QStringLiteral("support-chat"));
        QCOMPARE(rows.at(1).toObject().value(u"cost").toDouble(), 0.00045);
        const QList<QStringList> csv = parseCsv(meterctl({QStringLiteral("--db"), url, QStringLiteral("costs"),
                                                          QStringLiteral("--by"), QStringLiteral("endpoint"),
                                                          QStringLiteral("--csv")}).out);
        QCOMPARE(csv.value(1).value(0), QStringLiteral("(no endpoint)"));
        result = meterctl({QStringLiteral("--db"), url, QStringLiteral("costs"), QStringLiteral("--by"), QStringLiteral("model"),
                           QStringLiteral("--json")});
        QCOMPARE(result.json().object().value(u"rows").toArray().size(), 1);
        QCOMPARE(meterctl({QStringLiteral("--db"), url, QStringLiteral("costs"), QStringLiteral("--by"),
                           QStringLiteral("colour")}).exitCode, 2);
        const QString report = file(QStringLiteral("endpoints-%1.csv").arg(usePostgres() ? u"pg" : u"sqlite"));
        QCOMPARE(meterctl({QStringLiteral("--db"), url, QStringLiteral("export"), QStringLiteral("--kind"),
                           QStringLiteral("endpoints"), QStringLiteral("--out"), report}).exitCode, 0);
        QFile written(report);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QList<QStringList> exported = parseCsv(written.readAll());
        QCOMPARE(exported.size(), 3); // the header, (no endpoint) and support-chat: one day, one model
        QCOMPARE(exported.at(0).value(3), QStringLiteral("endpoint"));
        QCOMPARE(exported.at(1).value(3), QStringLiteral("(no endpoint)"));
        QCOMPARE(exported.at(1).value(4), QStringLiteral("2"));
        QCOMPARE(exported.at(2).value(3), QStringLiteral("support-chat"));
        QCOMPARE(meterctl({QStringLiteral("--db"), url, QStringLiteral("verify")}).exitCode, 0);
    }

    // Providers' responses as returned (shapes from the OpenAI API reference:
    // the chat completion object, an error object): the good lines are
    // recorded, each bad one reported with its line, and the same file again
    // records nothing twice (the responses' own ids).
    void importsProviderResponses()
    {
        const QString url = newDatabaseUrl(m_dir, QStringLiteral("responses"));
        QVERIFY(meterctl({QStringLiteral("--db"), url, QStringLiteral("init")}).exitCode == 0);
        const QString path = file(QStringLiteral("responses-%1.jsonl").arg(usePostgres() ? u"pg" : u"sqlite"));
        QFile lines(path);
        QVERIFY(lines.open(QIODevice::WriteOnly));
        lines.write(R"({"userId": "ann", "endpoint": "support-chat", "response": {"id": "chatcmpl-1", "object": "chat.completion", "model": "gpt-4o-mini", "choices": [], "usage": {"prompt_tokens": 3000, "completion_tokens": 500, "total_tokens": 3500, "prompt_tokens_details": {"cached_tokens": 2000}}}})" "\n");
        lines.write(R"({"userId": "ann", "response": {"error": {"message": "Rate limit reached", "type": "requests", "param": null, "code": "rate_limit_exceeded"}}})" "\n");
        lines.write(R"({"userId": "bob", "response": {"id": "chatcmpl-2", "object": "chat.completion", "model": "gpt-4o-mini", "choices": [], "usage": {"prompt_tokens": 1000, "completion_tokens": 0, "total_tokens": 1000}}})" "\n");
        // Cut off mid-line, as a log that was being written when it was copied.
        lines.write(QByteArray("{\"userId\": \"bob\", \"response\": ") + QByteArray("{\"id\": \"chatcmpl-3\", \"usa\n"));
        lines.close();
        const QStringList args{QStringLiteral("--db"), url, QStringLiteral("import"), path, QStringLiteral("--format"),
                               QStringLiteral("openai")};
        RunResult result = meterctl(args);
        QCOMPARE(result.exitCode, 1); // two lines refused
        QVERIFY2(result.err.contains("line 2: the response is an error") && result.err.contains("line 4: not JSON"),
                 result.err.constData());
        QVERIFY(result.err.contains("imported 2 events"));
        result = meterctl(args);
        QVERIFY2(result.err.contains("imported 0 events, 2 duplicates skipped"), result.err.constData());
        result = meterctl({QStringLiteral("--db"), url, QStringLiteral("stats"), QStringLiteral("--json")});
        QCOMPARE(result.json().object().value(u"totalRequests").toInteger(), 2);
        // gpt-4o-mini: 1,000 input at $0.15/M, 2,000 cached at $0.075/M, 500
        // output at $0.60/M = $0.00060; 1,000 input = $0.00015.
        QCOMPARE(result.json().object().value(u"totalCost").toDouble(), 0.00075);
        result = meterctl({QStringLiteral("--db"), url, QStringLiteral("costs"), QStringLiteral("--by"),
                           QStringLiteral("endpoint"), QStringLiteral("--json")});
        QCOMPARE(result.json().object().value(u"rows").toArray().at(0).toObject().value(u"endpoint").toString(),
                 QStringLiteral("support-chat"));
        QCOMPARE(meterctl({QStringLiteral("--db"), url, QStringLiteral("import"), path, QStringLiteral("--format"),
                           QStringLiteral("xml")}).exitCode, 2);
    }

    // A call made through a batch API is billed, recorded and repriced at the
    // batch price: half of gpt-4o-mini's $0.15 + $0.60 per 1M.
    void batchCallsCostHalf()
    {
        const QString url = newDatabaseUrl(m_dir, QStringLiteral("tiers"));
        QVERIFY(meterctl({QStringLiteral("--db"), url, QStringLiteral("init")}).exitCode == 0);
        const QString path = file(QStringLiteral("batch-%1.jsonl").arg(usePostgres() ? u"pg" : u"sqlite"));
        QFile lines(path);
        QVERIFY(lines.open(QIODevice::WriteOnly));
        // An OpenAI Batch API output line's response body, and a flex call.
        lines.write(R"({"userId": "ann", "batch": true, "response": {"id": "chatcmpl-b1", "object": "chat.completion", "model": "gpt-4o-mini", "choices": [], "usage": {"prompt_tokens": 1000000, "completion_tokens": 1000000}}})" "\n");
        lines.write(R"({"userId": "ann", "response": {"id": "resp_f1", "object": "response", "model": "gpt-4o-mini", "service_tier": "flex", "output": [], "usage": {"input_tokens": 1000000, "output_tokens": 0}}})" "\n");
        lines.close();
        RunResult result = meterctl({QStringLiteral("--db"), url, QStringLiteral("import"), path, QStringLiteral("--format"),
                                     QStringLiteral("openai")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        result = meterctl({QStringLiteral("--db"), url, QStringLiteral("stats"), QStringLiteral("--json")});
        QCOMPARE(result.json().object().value(u"totalCost").toDouble(), 0.45); // $0.375 + $0.075
        result = meterctl({QStringLiteral("--db"), url, QStringLiteral("events"), QStringLiteral("--user"), QStringLiteral("ann"),
                           QStringLiteral("--json")});
        QCOMPARE(result.json().array().size(), 2);
        // The tier stays with each call: repricing changes nothing.
        result = meterctl({QStringLiteral("--db"), url, QStringLiteral("prices"), QStringLiteral("reprice"), QStringLiteral("--dry-run")});
        QVERIFY2(result.out.contains("would change 0 of 2 calls"), result.out.constData());
        QCOMPARE(meterctl({QStringLiteral("--db"), url, QStringLiteral("verify")}).exitCode, 0);
    }

    // An admin moving from LiteLLM: its CSV export of the spend log, each
    // call's spend kept beside Meterdesk's cost and the two totals shown.
    void importsLiteLlmSpendLogs()
    {
        const QString url = newDatabaseUrl(m_dir, QStringLiteral("litellm"));
        QVERIFY(meterctl({QStringLiteral("--db"), url, QStringLiteral("init")}).exitCode == 0);
        const QString path = file(QStringLiteral("spend-%1.csv").arg(usePostgres() ? u"pg" : u"sqlite"));
        QFile csv(path);
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("request_id,call_type,startTime,endTime,model,custom_llm_provider,spend,total_tokens,prompt_tokens,"
                  "completion_tokens,user,end_user\r\n"
                  "req-1,acompletion,2026-11-02 09:00:00,2026-11-02 09:00:02,gpt-4o-mini,openai,0.00051,1500,1000,500,key-owner,ann\r\n"
                  "req-2,acompletion,2026-11-02 10:00:00,2026-11-02 10:00:01,gpt-4o-mini,openai,0.00015,1000,1000,0,key-owner,bob\r\n");
        csv.close();
        const QStringList args{QStringLiteral("--db"), url, QStringLiteral("import"), path, QStringLiteral("--format"),
                               QStringLiteral("litellm")};
        RunResult result = meterctl(args);
        QVERIFY2(result.exitCode == 0, result.err.constData());
        // Meterdesk: $0.00045 + $0.00015 (gpt-4o-mini at $0.15 and $0.60 per 1M); LiteLLM said $0.00066.
        QVERIFY2(result.err.contains("LiteLLM's spend for these calls: $0.000660; Meterdesk's cost: $0.000600 "
                                     "(-$0.000060"),
                 result.err.constData());
        QVERIFY(meterctl(args).err.contains("imported 0 events, 2 duplicates skipped"));
        result = meterctl({QStringLiteral("--db"), url, QStringLiteral("events"), QStringLiteral("--user"), QStringLiteral("ann"),
                           QStringLiteral("--json")});
        QCOMPARE(result.json().array().size(), 1);
        QCOMPARE(result.json().array().at(0).toObject().value(u"eventId").toString(), QStringLiteral("litellm:req-1"));
    }

    // The bill against what was tracked: a planted gap (a model without a
    // price, billed at its real price) and an untracked day are found, and
    // nothing else. The pages are in the shape of OpenAI's organization
    // costs and usage (completions) APIs, written by hand: buckets with
    // start_time/end_time in Unix seconds, results[].amount {value,
    // currency}, and input_tokens, input_cached_tokens, output_tokens,
    // num_model_requests, model. A repeated page counts once; a page in
    // euros is reported and skipped.
    void reconcileFindsThePlantedGaps()
    {
        const QString url = newDatabaseUrl(m_dir, QStringLiteral("reconcile"));
        QVERIFY(meterctl({QStringLiteral("--db"), url, QStringLiteral("init")}).exitCode == 0);
        const auto track = [&](const char *model, const char *day) {
            return meterctl({QStringLiteral("--db"), url, QStringLiteral("track"), QStringLiteral("--user"), QStringLiteral("ann"),
                             QStringLiteral("--service"), QStringLiteral("openai"), QStringLiteral("--model"),
                             QLatin1String(model), QStringLiteral("--input"), QStringLiteral("1000000"), QStringLiteral("--output"),
                             QStringLiteral("0"), QStringLiteral("--timestamp"), QLatin1String(day)}).exitCode;
        };
        // $0.15 a day of gpt-4o-mini; on the 3rd also a model the book does
        // not know, tracked at the fallback $5.00 where OpenAI billed $2.00.
        QCOMPARE(track("gpt-4o-mini", "2026-11-02T10:00:00Z"), 0);
        QCOMPARE(track("gpt-4o-mini", "2026-11-03T10:00:00Z"), 0);
        QCOMPARE(track("gpt-unlisted-x", "2026-11-03T11:00:00Z"), 0);
        const QByteArray costs = R"({"object": "page", "data": [
            {"object": "bucket", "start_time": 1793577600, "end_time": 1793664000, "results": [
                {"object": "organization.costs.result", "amount": {"value": 0.15, "currency": "usd"}, "line_item": null, "project_id": null}]},
            {"object": "bucket", "start_time": 1793664000, "end_time": 1793750400, "results": [
                {"object": "organization.costs.result", "amount": {"value": 2.15, "currency": "usd"}, "line_item": null, "project_id": null}]},
            {"object": "bucket", "start_time": 1793750400, "end_time": 1793836800, "results": [
                {"object": "organization.costs.result", "amount": {"value": 1.0, "currency": "usd"}, "line_item": null, "project_id": null}]}],
            "has_more": false, "next_page": null})";
        const QByteArray usage = R"({"object": "page", "data": [
            {"object": "bucket", "start_time": 1793577600, "end_time": 1793664000, "results": [
                {"object": "organization.usage.completions.result", "input_tokens": 1000000, "output_tokens": 0,
                 "input_cached_tokens": 0, "input_audio_tokens": 0, "output_audio_tokens": 0, "num_model_requests": 1,
                 "project_id": null, "user_id": null, "api_key_id": null, "model": "gpt-4o-mini", "batch": false}]}],
            "has_more": false, "next_page": null})";
        const QByteArray euros = R"({"object": "page", "data": [{"object": "bucket", "start_time": 1793836800,
            "end_time": 1793923200, "results": [{"object": "organization.costs.result", "amount": {"value": 9.0, "currency": "eur"}}]}]})";
        const QString costsPath = file(QStringLiteral("costs-%1.json").arg(usePostgres() ? u"pg" : u"sqlite"));
        const QString usagePath = file(QStringLiteral("usage-%1.json").arg(usePostgres() ? u"pg" : u"sqlite"));
        QFile costsFile(costsPath), usageFile(usagePath);
        QVERIFY(costsFile.open(QIODevice::WriteOnly) && usageFile.open(QIODevice::WriteOnly));
        costsFile.write(costs + "\n" + costs + "\n" + euros); // the same page twice, then one in euros
        usageFile.write(usage);
        costsFile.close();
        usageFile.close();
        const RunResult result = meterctl({QStringLiteral("--db"), url, QStringLiteral("reconcile"), QStringLiteral("--provider"),
                                           QStringLiteral("openai"), costsPath, usagePath, QStringLiteral("--json")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(result.err.contains("read before") && result.err.contains("not US dollars"), result.err.constData());
        const QJsonArray days = result.json().object().value(u"days").toArray();
        QCOMPARE(days.size(), 3);
        QCOMPARE(result.json().object().value(u"daysThatDiffer").toInt(), 2);
        const QJsonObject first = days.at(0).toObject(), second = days.at(1).toObject(), third = days.at(2).toObject();
        QCOMPARE(first.value(u"day").toString(), QStringLiteral("2026-11-02"));
        QCOMPARE(first.value(u"differs").toBool(), false);
        QCOMPARE(first.value(u"billed").toDouble(), 0.15); // counted once though given twice
        QCOMPARE(second.value(u"differs").toBool(), true);
        QCOMPARE(second.value(u"tracked").toDouble(), 5.15);
        QVERIFY2(second.value(u"causes").toArray().at(0).toString().contains(QStringLiteral("gpt-unlisted-x")),
                 qPrintable(second.value(u"causes").toArray().at(0).toString()));
        QCOMPARE(second.value(u"causes").toArray().size(), 1);
        QCOMPARE(third.value(u"differs").toBool(), true);
        QCOMPARE(third.value(u"causes").toArray(), QJsonArray{QStringLiteral("no tracked calls this day")});
        // As text: a line a day and the count.
        const RunResult text = meterctl({QStringLiteral("--db"), url, QStringLiteral("reconcile"), QStringLiteral("--provider"),
                                         QStringLiteral("openai"), costsPath});
        QVERIFY2(text.out.contains("2 of 3 days differ"), text.out.constData());
        QCOMPARE(meterctl({QStringLiteral("--db"), url, QStringLiteral("reconcile"), QStringLiteral("--provider"),
                           QStringLiteral("azure"), costsPath}).exitCode, 2);
    }

    // Where the bill has models (Anthropic's cost report: cents per model, as
    // decimal strings), each model is compared too, a dated name matching an
    // undated one: Sonnet agrees, Opus was billed and never tracked.
    void reconcileComparesModelByModel()
    {
        const QString url = newDatabaseUrl(m_dir, QStringLiteral("reconcilemodels"));
        QVERIFY(meterctl({QStringLiteral("--db"), url, QStringLiteral("init")}).exitCode == 0);
        // claude-sonnet-4: $3 per 1M input tokens (below 200k, the short-context price): $0.30.
        QCOMPARE(meterctl({QStringLiteral("--db"), url, QStringLiteral("track"), QStringLiteral("--user"), QStringLiteral("ann"),
                           QStringLiteral("--service"), QStringLiteral("anthropic"), QStringLiteral("--model"),
                           QStringLiteral("claude-sonnet-4-20250514"), QStringLiteral("--input"), QStringLiteral("100000"),
                           QStringLiteral("--output"), QStringLiteral("0"), QStringLiteral("--timestamp"),
                           QStringLiteral("2026-11-02T10:00:00Z")}).exitCode, 0);
        const QString path = file(QStringLiteral("anthropic-cost-%1.json").arg(usePostgres() ? u"pg" : u"sqlite"));
        QFile report(path);
        QVERIFY(report.open(QIODevice::WriteOnly));
        report.write(R"({"data": [{"starting_at": "2026-11-02T00:00:00Z", "ending_at": "2026-11-03T00:00:00Z", "results": [
            {"currency": "USD", "amount": "30", "workspace_id": null, "description": null, "cost_type": "tokens",
             "context_window": "0-200k", "model": "claude-sonnet-4", "service_tier": "standard", "token_type": "uncached_input_tokens"},
            {"currency": "USD", "amount": "500.00", "workspace_id": null, "description": null, "cost_type": "tokens",
             "context_window": "0-200k", "model": "claude-opus-4-1-20250805", "service_tier": "standard",
             "token_type": "output_tokens"}]}], "has_more": false, "next_page": null})");
        report.close();
        const RunResult result = meterctl({QStringLiteral("--db"), url, QStringLiteral("reconcile"), QStringLiteral("--provider"),
                                           QStringLiteral("anthropic"), path, QStringLiteral("--json")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonObject day = result.json().object().value(u"days").toArray().at(0).toObject();
        QCOMPARE(day.value(u"tracked").toDouble(), 0.3);
        QCOMPARE(day.value(u"billed").toDouble(), 5.3); // 30 + 500 cents
        const QJsonArray models = day.value(u"models").toArray();
        QCOMPARE(models.size(), 2);
        QCOMPARE(models.at(0).toObject().value(u"model").toString(), QStringLiteral("claude-opus-4-1"));
        QCOMPARE(models.at(0).toObject().value(u"differs").toBool(), true);
        QCOMPARE(models.at(1).toObject().value(u"model").toString(), QStringLiteral("claude-sonnet-4"));
        QCOMPARE(models.at(1).toObject().value(u"differs").toBool(), false);
        const QString causes = day.value(u"causes").toVariant().toStringList().join(u'|');
        QVERIFY2(causes.contains(QStringLiteral("claude-opus-4-1: billed $5.00, tracked $0.00")), qPrintable(causes));
        QVERIFY2(!causes.contains(QStringLiteral("claude-sonnet-4:")), qPrintable(causes));
    }

    // A bar with the rate and the time left on a terminal (a pseudo-terminal
    // made by script(1)), and none where standard error is a pipe.
    void progressOnATerminalOnly()
    {
        if (usePostgres())
            QSKIP("the bar does not depend on the backend; the SQLite run covers it");
        const QString db = file(QStringLiteral("progress.sqlite"));
        const QString jsonl = file(QStringLiteral("progress.jsonl"));
        {
            QFile lines(jsonl);
            QVERIFY(lines.open(QIODevice::WriteOnly));
            for (int i = 0; i < 3000; ++i)
                lines.write(QStringLiteral(R"({"userId":"p%1","service":"openai","model":"gpt-4o-mini","inputTokens":10,"outputTokens":5})"
                                           "\n").arg(i % 7).toUtf8());
            lines.write("{not json\n");
        }
        const auto onTerminal = [](const QString &command) {
            QProcess script;
            script.start(QStringLiteral("script"), {QStringLiteral("-qfec"), command, QStringLiteral("/dev/null")});
            script.waitForFinished(120'000);
            return script.readAllStandardOutput();
        };
        const QString meterctlPath = binary("meterctl");
        const QByteArray demo = onTerminal(QStringLiteral("%1 --db %2 demo --users 20 --events 20000 --days 5").arg(meterctlPath, db));
        QVERIFY2(demo.contains("demo [####################] 100%  20,000 of 20,000 events"), demo.constData());
        QVERIFY2(demo.contains("\r\033[K"), demo.constData());
        const QByteArray import = onTerminal(QStringLiteral("%1 --db %2 import %3").arg(meterctlPath, db, jsonl));
        QVERIFY2(import.contains("import [####################] 100%"), import.constData());
        // The rejected line starts on a line of its own, not after the bar.
        QVERIFY2(import.contains("\r\033[Kline 3001: "), import.constData());
        // Piped: the results alone.
        const RunResult piped = meterctl({QStringLiteral("--db"), db, QStringLiteral("demo"), QStringLiteral("--users"),
                                          QStringLiteral("20"), QStringLiteral("--events"), QStringLiteral("20000"),
                                          QStringLiteral("--days"), QStringLiteral("5")});
        QCOMPARE(piped.exitCode, 0);
        QVERIFY2(!piped.err.contains('[') && !piped.err.contains('\r'), piped.err.constData());
        QVERIFY(piped.out.startsWith("demo: 20 users"));
    }
};

QTEST_GUILESS_MAIN(TestMeterctl)
#include "tst_meterctl.moc"
