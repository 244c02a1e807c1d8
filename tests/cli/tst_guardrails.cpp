// Guardrails from the command line: budgets set, listed, replaced and
// removed; the block a budget makes, as `check` and `users --json` show it;
// alerts listed and followed into a command that fails and is retried;
// suggested risk scores accepted with their reasons.
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace meterdesk;
using namespace meterdesk::test;

class TestGuardrails : public QObject
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
    RunResult budget(const QString &args) { return run(QStringList{QStringLiteral("budget")} + args.split(u' ')); }
    RunResult track(const QString &user)
    {
        return run({QStringLiteral("track"), QStringLiteral("--user"), user, QStringLiteral("--service"), QStringLiteral("openai"),
                    QStringLiteral("--model"), QStringLiteral("gpt-4o-mini"), QStringLiteral("--input"), QStringLiteral("100000"),
                    QStringLiteral("--output"), QStringLiteral("0")});
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (usePostgres())
            METERDESK_REQUIRE_PG();
        m_url = newDatabaseUrl(m_dir, QStringLiteral("guardrails"));
        QVERIFY(!m_url.isEmpty());
        QCOMPARE(run({QStringLiteral("init")}).exitCode, 0);
    }

    void badBudgetsChangeNothing()
    {
        const struct {
            const char *args;
            int code;
            const char *message;
        } cases[] = {
            {"set --all --usd 0 --period day", 1, "more than zero"},
            {"set --all --usd -3 --period day", 1, "more than zero"},
            {"set --all --usd ten --period day", 2, "--usd wants an amount"},
            {"set --all --usd 5 --period year", 2, "--period wants day, week or month"},
            {"set --all --service nosuch --usd 5 --period day", 1, "unknown service \"nosuch\""},
            {"set --user a --all --usd 5 --period day", 2, "--user ID or --all"},
            {"set --usd 5 --period day", 2, "--user ID or --all"},
            {"set --all --usd 5 --requests 3 --period day", 2, "--usd AMOUNT or --requests N"},
            {"set --all --usd 5 --period day --soft 100", 2, "--soft wants a whole number from 1 to 99"},
            {"remove 999", 1, "no budget has the id 999"},
        };
        for (const auto &c : cases) {
            const RunResult result = budget(QString::fromLatin1(c.args));
            QVERIFY2(result.exitCode == c.code, c.args);
            QVERIFY2(result.err.contains(c.message), result.err.constData());
        }
        QCOMPARE(budget(QStringLiteral("list --json")).json().array().size(), 0);
        QCOMPARE(run({QStringLiteral("audit"), QStringLiteral("--json")}).json().array().size(), 0);
    }

    void aBudgetBlocksAndSaysSo()
    {
        // $0.015 a call; $0.04 a day for every user, an alert at half.
        RunResult result = budget(QStringLiteral("set --all --usd 0.04 --period day --soft 50"));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(result.out, QByteArray("budget set for every user: $0.04 per day, alert at 50%\n"));
        result = budget(QStringLiteral("set --all --usd 0.045 --period day --soft 50"));
        QCOMPARE(result.out, QByteArray("replaced the budget of every user: $0.045 per day, alert at 50%\n"));
        const QJsonArray list = budget(QStringLiteral("list --json")).json().array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0)[u"limit"].toString(), QStringLiteral("0.045000"));
        QCOMPARE(list.at(0)[u"softPercent"].toInt(), 50);
        QVERIFY(list.at(0)[u"user"].isNull());
        for (int i = 0; i < 2; ++i)
            QCOMPARE(track(QStringLiteral("kim")).exitCode, 0);
        QCOMPARE(run({QStringLiteral("check"), QStringLiteral("--user"), QStringLiteral("kim")}).exitCode, 0);
        QCOMPARE(track(QStringLiteral("kim")).exitCode, 0); // $0.045: the limit
        result = run({QStringLiteral("check"), QStringLiteral("--user"), QStringLiteral("kim")});
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(result.out, QByteArray("API access blocked for this user: Budget exceeded: $0.045 of $0.045 today\n"));
        const QJsonArray users = run({QStringLiteral("users"), QStringLiteral("--json")}).json().array();
        QCOMPARE(users.size(), 1);
        QCOMPARE(users.at(0)[u"blockedBy"].toString(), QStringLiteral("budget"));
        QCOMPARE(users.at(0)[u"budgetUsedPercent"].toDouble(), 100.0);
        QVERIFY(!users.at(0)[u"blockedUntil"].toString().isEmpty());
        // An admin's block is the admin's.
        QCOMPARE(run({QStringLiteral("block"), QStringLiteral("--user"), QStringLiteral("lee"), QStringLiteral("--reason"),
                      QStringLiteral("fraud")}).exitCode, 0);
        const QJsonArray after = run({QStringLiteral("users"), QStringLiteral("--json")}).json().array();
        for (const QJsonValue &user : after)
            if (user[u"userId"].toString() == u"lee")
                QCOMPARE(user[u"blockedBy"].toString(), QStringLiteral("admin"));
    }

    void alertsAreListedAndFollowed()
    {
        RunResult result = run({QStringLiteral("alerts"), QStringLiteral("--json")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonArray alerts = result.json().array();
        QCOMPARE(alerts.size(), 2);
        QCOMPARE(alerts.at(0)[u"kind"].toString(), QStringLiteral("budget-soft"));
        QCOMPARE(alerts.at(1)[u"kind"].toString(), QStringLiteral("budget-block"));
        QCOMPARE(alerts.at(1)[u"user"].toString(), QStringLiteral("kim"));

        // A command that does not exist: refused, nothing delivered.
        result = run({QStringLiteral("alerts"), QStringLiteral("--follow"), QStringLiteral("--exec"), QStringLiteral("no-such-cmd-x"),
                      QStringLiteral("--once")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("no such command \"no-such-cmd-x\""));
        // A command that fails once, then takes each alert: both delivered,
        // in order, the first after a retry.
        const QString sink = m_dir.filePath(QStringLiteral("sink.jsonl"));
        const QString flag = m_dir.filePath(QStringLiteral("failed-once"));
        const QString script = m_dir.filePath(QStringLiteral("deliver.sh"));
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("#!/bin/sh\nif [ ! -e '%1' ]; then touch '%1'; exit 7; fi\ncat >> '%2'\n").arg(flag, sink).toUtf8());
        file.close();
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        result = run({QStringLiteral("alerts"), QStringLiteral("--follow"), QStringLiteral("--exec"), script, QStringLiteral("--once"),
                      QStringLiteral("--since"), QStringLiteral("2000-01-01")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(result.err.contains("exited with 7; retrying in 1 s"), result.err.constData());
        QFile delivered(sink);
        QVERIFY(delivered.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = delivered.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(QJsonDocument::fromJson(lines.at(1)).object()[u"kind"].toString(), QStringLiteral("budget-block"));
        delivered.close();
        // Run again: nothing new, nothing delivered twice.
        result = run({QStringLiteral("alerts"), QStringLiteral("--follow"), QStringLiteral("--exec"), script, QStringLiteral("--once")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(delivered.open(QIODevice::ReadOnly));
        QCOMPARE(delivered.readAll().trimmed().split('\n').size(), 2);
    }

    void aSuggestionIsAcceptedWithItsReasons()
    {
        // Seventy calls in one minute make a burst (20 points); the level
        // at 20 makes that an alert.
        QByteArray lines;
        // All in one minute of the clock: an hour ago, from the minute's start.
        QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-3600);
        start.setTime(QTime(start.time().hour(), start.time().minute()));
        for (int i = 0; i < 70; ++i)
            lines += QStringLiteral("{\"userId\":\"zed\",\"service\":\"openai\",\"model\":\"gpt-4o-mini\",\"inputTokens\":10,"
                                    "\"outputTokens\":1,\"timestamp\":\"%1\"}\n")
                         .arg(start.addMSecs(i * 100).toString(Qt::ISODateWithMs))
                         .toUtf8();
        QCOMPARE(run({QStringLiteral("import"), QStringLiteral("-")}, lines).exitCode, 0);
        QCOMPARE(run({QStringLiteral("risk"), QStringLiteral("--alert-level"), QStringLiteral("20")}).exitCode, 0);
        RunResult result = run({QStringLiteral("risk"), QStringLiteral("--suggest"), QStringLiteral("--user"), QStringLiteral("zed"),
                                QStringLiteral("--json")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonObject zed = result.json().array().at(0).toObject();
        QCOMPARE(zed[u"suggested"].toInt(), 20);
        QCOMPARE(zed[u"reasons"].toArray().at(0)[u"reason"].toString(), QStringLiteral("70 calls in one minute"));
        const QJsonArray alerts = run({QStringLiteral("alerts"), QStringLiteral("--json")}).json().array();
        QCOMPARE(alerts.last()[u"kind"].toString(), QStringLiteral("risk"));
        QCOMPARE(alerts.last()[u"user"].toString(), QStringLiteral("zed"));
        result = run({QStringLiteral("risk"), QStringLiteral("--suggest"), QStringLiteral("--user"), QStringLiteral("zed"),
                      QStringLiteral("--accept")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonArray audit = run({QStringLiteral("audit"), QStringLiteral("--user"), QStringLiteral("zed"),
                                      QStringLiteral("--json")}).json().array();
        QCOMPARE(audit.at(0)[u"newValue"].toString(), QStringLiteral("20"));
        QCOMPARE(audit.at(0)[u"reason"].toString(), QStringLiteral("suggested: +20 70 calls in one minute"));
        // A second run of the suggestions the same day: no second alert.
        QCOMPARE(run({QStringLiteral("risk"), QStringLiteral("--suggest")}).exitCode, 0);
        QCOMPARE(run({QStringLiteral("alerts"), QStringLiteral("--json")}).json().array().size(), alerts.size());
    }
};

QTEST_GUILESS_MAIN(TestGuardrails)
#include "tst_guardrails.moc"
