// Load and faults: concurrent writer processes with an admin changing users
// all the while, and a writer killed in the middle of its batches.
#include "TestSupport.h"

#include <queries/Queries.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>

#include <csignal>

using namespace meterdesk;
using namespace meterdesk::test;

namespace {

constexpr int Users = 120;

// A JSON Lines file of `count` calls with ids `prefix-N`.
QString writeEvents(const QString &path, const QString &prefix, int count)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    const char *models[] = {"gpt-4o-mini", "claude-3-5-haiku", "gemini-2.0-flash", "mystery-llm"};
    const char *services[] = {"openai", "anthropic", "google", "other"};
    QByteArray chunk;
    for (int i = 0; i < count; ++i) {
        const QJsonObject line{{QStringLiteral("eventId"), QStringLiteral("%1-%2").arg(prefix).arg(i)},
                               {QStringLiteral("userId"), QStringLiteral("u%1").arg(i % Users)},
                               {QStringLiteral("service"), QLatin1String(services[i % 4])},
                               {QStringLiteral("model"), QLatin1String(models[i % 4])},
                               {QStringLiteral("inputTokens"), 100 + i % 977},
                               {QStringLiteral("outputTokens"), i % 313},
                               {QStringLiteral("timestamp"), QDateTime(QDate(2026, 6, 1), QTime(0, 0), Qt::UTC).addSecs(i * 7).toString(Qt::ISODate)}};
        chunk += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
        if (chunk.size() > (1 << 20)) {
            file.write(chunk);
            chunk.clear();
        }
    }
    file.write(chunk);
    return path;
}

QProcess *startMeterctl(const QStringList &args, QObject *parent)
{
    auto *process = new QProcess(parent);
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->start(binary("meterctl"), args);
    return process;
}

} // namespace

class TestFaults : public QObject
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

    // Four importers at once, 25,000 events each, while a fifth process
    // blocks, unblocks and re-scores users in a loop.
    void concurrentWritersAndAnAdmin()
    {
        QString url;
        auto db = newUsageDatabase(m_dir, QStringLiteral("concurrent"), &url);
        QVERIFY(db);
        QList<QProcess *> importers;
        for (int p = 0; p < 4; ++p) {
            const QString file = writeEvents(m_dir.filePath(QStringLiteral("p%1.jsonl").arg(p)), QStringLiteral("p%1").arg(p), 25'000);
            QVERIFY(!file.isEmpty());
            importers << startMeterctl({QStringLiteral("--db"), url, QStringLiteral("import"), file, QStringLiteral("--batch"),
                                        QStringLiteral("500")},
                                       this);
        }
        // The admin: one action after another until the importers are done.
        QHash<QString, QString> lastAction; // user -> block / unblock
        QHash<QString, int> lastRisk;
        int actions = 0;
        QRandomGenerator random(7);
        // waitForFinished(0) polls: without an event loop, state() would
        // never learn that an importer has ended.
        const auto running = [&] {
            bool any = false;
            for (QProcess *p : std::as_const(importers))
                any |= !p->waitForFinished(0) && p->state() != QProcess::NotRunning;
            return any;
        };
        while (running() || actions < 30) {
            const QString user = QStringLiteral("u%1").arg(random.bounded(Users));
            const int kind = random.bounded(3);
            RunResult result;
            if (kind == 0) {
                result = meterctl({QStringLiteral("--db"), url, QStringLiteral("block"), QStringLiteral("--user"), user,
                                   QStringLiteral("--reason"), QStringLiteral("load test %1").arg(actions)});
                if (result.exitCode == 0)
                    lastAction[user] = QStringLiteral("block");
            } else if (kind == 1) {
                result = meterctl({QStringLiteral("--db"), url, QStringLiteral("unblock"), QStringLiteral("--user"), user});
                if (result.exitCode == 0)
                    lastAction[user] = QStringLiteral("unblock");
            } else {
                const int score = random.bounded(101);
                result = meterctl({QStringLiteral("--db"), url, QStringLiteral("risk"), QStringLiteral("--user"), user,
                                   QStringLiteral("--score"), QString::number(score)});
                if (result.exitCode == 0)
                    lastRisk[user] = score;
            }
            QVERIFY2(result.exitCode == 0, result.err.constData());
            ++actions;
        }
        for (QProcess *p : std::as_const(importers)) {
            if (p->state() != QProcess::NotRunning)
                QVERIFY(p->waitForFinished(600'000));
            QCOMPARE(p->exitStatus(), QProcess::NormalExit);
            QCOMPARE(p->exitCode(), 0);
        }
        qInfo("%d admin actions ran alongside the importers", actions);

        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM api_usage_tracking")), 100'000);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(DISTINCT event_id) FROM api_usage_tracking")), 100'000);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(total_requests) FROM api_usage_stats")), 100'000);
        QString error;
        const auto problems = Queries(*db).verify(&error);
        QVERIFY2(problems, qPrintable(error));
        QVERIFY2(problems->isEmpty(), qPrintable(problems->mid(0, 5).join(u'\n')));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM admin_audit_log")), actions);
        for (auto it = lastAction.cbegin(); it != lastAction.cend(); ++it) {
            const qint64 blocked = scalar(*db, QStringLiteral("SELECT CASE WHEN is_blocked THEN 1 ELSE 0 END FROM api_usage_stats "
                                                              "WHERE user_id = '%1'").arg(it.key()));
            QCOMPARE(blocked, it.value() == u"block" ? 1 : 0);
            QSqlQuery audit(db->sql());
            QVERIFY(audit.exec(QStringLiteral("SELECT action FROM admin_audit_log WHERE user_id = '%1' AND action <> 'risk' "
                                              "ORDER BY id DESC LIMIT 1").arg(it.key())));
            QVERIFY(audit.next());
            QCOMPARE(audit.value(0).toString(), it.value());
        }
        for (auto it = lastRisk.cbegin(); it != lastRisk.cend(); ++it)
            QCOMPARE(scalar(*db, QStringLiteral("SELECT risk_score FROM api_usage_stats WHERE user_id = '%1'").arg(it.key())),
                     qint64(it.value()));
    }

    // SIGKILL in the middle of the batches: no partial batch is visible, and
    // importing the file again lands exactly on the file's counts.
    void aKilledWriterLeavesNoHalfBatch()
    {
        QString url;
        auto db = newUsageDatabase(m_dir, QStringLiteral("killed"), &url);
        QVERIFY(db);
        const QString file = writeEvents(m_dir.filePath(QStringLiteral("kill.jsonl")), QStringLiteral("k"), 60'000);
        constexpr int Batch = 5000;
        QProcess *importer = startMeterctl({QStringLiteral("--db"), url, QStringLiteral("import"), file, QStringLiteral("--batch"),
                                            QString::number(Batch)},
                                           this);
        QVERIFY(importer->waitForStarted());
        // Wait until some batches are in, then kill it while it writes more.
        QTRY_VERIFY_WITH_TIMEOUT(scalar(*db, QStringLiteral("SELECT count(*) FROM api_usage_tracking")) >= 2 * Batch, 120'000);
        ::kill(pid_t(importer->processId()), SIGKILL);
        QVERIFY(importer->waitForFinished(30'000));
        QCOMPARE(importer->exitStatus(), QProcess::CrashExit);
        const qint64 after = scalar(*db, QStringLiteral("SELECT count(*) FROM api_usage_tracking"));
        qInfo("killed with %lld of 60000 events recorded", after);
        QVERIFY(after < 60'000);
        QCOMPARE(after % Batch, 0);
        QString error;
        QVERIFY(Queries(*db).verify(&error)->isEmpty());

        const RunResult again = meterctl({QStringLiteral("--db"), url, QStringLiteral("import"), file});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QVERIFY2(again.err.contains(QStringLiteral("%1 duplicates").arg(after).toUtf8()), again.err.constData());
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM api_usage_tracking")), 60'000);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(total_requests) FROM api_usage_stats")), 60'000);
        const auto problems = Queries(*db).verify(&error);
        QVERIFY2(problems && problems->isEmpty(), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
