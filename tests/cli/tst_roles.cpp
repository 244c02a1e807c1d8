// Least privilege on PostgreSQL: `meterctl init --roles`, a writer that can
// record but not unblock or re-score anyone, an admin that can, and an audit
// log that nobody can rewrite.
#include "TestSupport.h"

#include <DataService.h>
#include <MainWindow.h>
#include <UsersFilterProxy.h>
#include <UsersPanel.h>

#include <QAction>
#include <QTableView>

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace meterdesk;
using namespace meterdesk::test;

class TestRoles : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_url;
    QString m_writerUrl;
    QString m_adminUrl;
    QString m_writer;
    QString m_admin;

    RunResult as(const QString &url, QStringList args)
    {
        args.prepend(url);
        args.prepend(QStringLiteral("--db"));
        return meterctl(args);
    }

private Q_SLOTS:
    void initTestCase()
    {
        METERDESK_REQUIRE_PG();
        m_url = newDatabaseUrl(m_dir, QStringLiteral("roles"));
        QVERIFY(!m_url.isEmpty());
        RunResult result = meterctl({QStringLiteral("--db"), m_url, QStringLiteral("init"), QStringLiteral("--roles")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY(result.out.contains("meterdesk_writer"));
        // Again: idempotent.
        QCOMPARE(meterctl({QStringLiteral("--db"), m_url, QStringLiteral("init"), QStringLiteral("--roles")}).exitCode, 0);
        const QString suffix = QUuid::createUuid().toString(QUuid::Id128).left(8);
        m_writer = QStringLiteral("svc_") + suffix;
        m_admin = QStringLiteral("ops_") + suffix;
        QString error;
        auto db = Database::open(*ConnectionSpec::parse(m_url, &error), &error);
        QVERIFY(db);
        QVERIFY(execOn(*db, QStringLiteral("CREATE ROLE %1 LOGIN IN ROLE meterdesk_writer").arg(m_writer)));
        QVERIFY(execOn(*db, QStringLiteral("CREATE ROLE %1 LOGIN IN ROLE meterdesk_admin").arg(m_admin)));
        m_writerUrl = QString(m_url).replace(QStringLiteral("postgres@"), m_writer + u'@');
        m_adminUrl = QString(m_url).replace(QStringLiteral("postgres@"), m_admin + u'@');
    }

    void theWriterRecordsButCannotUnblockOrRescore()
    {
        RunResult result = as(m_writerUrl, {QStringLiteral("track"), QStringLiteral("--user"), QStringLiteral("u1"), QStringLiteral("--service"),
                                            QStringLiteral("openai"), QStringLiteral("--model"), QStringLiteral("gpt-4o"), QStringLiteral("--input"),
                                            QStringLiteral("1000"), QStringLiteral("--output"), QStringLiteral("10")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(as(m_adminUrl, {QStringLiteral("block"), QStringLiteral("--user"), QStringLiteral("u1"), QStringLiteral("--reason"),
                                 QStringLiteral("fraud")}).exitCode, 0);
        result = as(m_writerUrl, {QStringLiteral("unblock"), QStringLiteral("--user"), QStringLiteral("u1")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("may not unblock users (permission denied)"), result.err.constData());
        result = as(m_writerUrl, {QStringLiteral("risk"), QStringLiteral("--user"), QStringLiteral("u1"), QStringLiteral("--score"), QStringLiteral("0")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains("may not change risk scores"));
        // Not through plain SQL either.
        QString error;
        auto writer = Database::open(*ConnectionSpec::parse(m_writerUrl, &error), &error);
        QVERIFY(writer);
        QVERIFY(!writer->exec(QStringLiteral("UPDATE api_usage_stats SET is_blocked = false"), &error));
        QVERIFY(error.contains(QStringLiteral("permission denied")));
        QVERIFY(!writer->exec(QStringLiteral("DELETE FROM api_usage_stats"), &error));
        QVERIFY(!writer->exec(QStringLiteral("INSERT INTO admin_audit_log (at, action, user_id) VALUES (now(), 'unblock', 'u1')"), &error));
        // Recording still works for a blocked user's counters, and the block stands.
        result = as(m_writerUrl, {QStringLiteral("track"), QStringLiteral("--user"), QStringLiteral("u1"), QStringLiteral("--service"),
                                  QStringLiteral("openai"), QStringLiteral("--model"), QStringLiteral("gpt-4o"), QStringLiteral("--input"),
                                  QStringLiteral("1"), QStringLiteral("--output"), QStringLiteral("1")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(as(m_writerUrl, {QStringLiteral("check"), QStringLiteral("--user"), QStringLiteral("u1")}).exitCode, 3);
    }

    void theAdminActsAndIsNamedInTheAudit()
    {
        QCOMPARE(as(m_adminUrl, {QStringLiteral("risk"), QStringLiteral("--user"), QStringLiteral("u1"), QStringLiteral("--score"), QStringLiteral("90")}).exitCode, 0);
        QCOMPARE(as(m_adminUrl, {QStringLiteral("unblock"), QStringLiteral("--user"), QStringLiteral("u1")}).exitCode, 0);
        const RunResult audit = as(m_url, {QStringLiteral("audit"), QStringLiteral("--json")});
        const QJsonArray rows = audit.json().array();
        QCOMPARE(rows.size(), 3);
        for (const QJsonValue &row : rows)
            QCOMPARE(row.toObject().value(u"actorRole").toString(), m_admin);
        QCOMPARE(rows.at(0).toObject().value(u"action").toString(), QStringLiteral("unblock"));
    }

    void nobodyRewritesTheAuditLog()
    {
        QString error;
        auto owner = Database::open(*ConnectionSpec::parse(m_url, &error), &error);
        QVERIFY(owner);
        QVERIFY(!owner->exec(QStringLiteral("UPDATE admin_audit_log SET reason = 'edited'"), &error));
        QVERIFY2(error.contains(QStringLiteral("append-only")), qPrintable(error));
        QVERIFY(!owner->exec(QStringLiteral("DELETE FROM admin_audit_log"), &error));
        QVERIFY(!owner->exec(QStringLiteral("TRUNCATE admin_audit_log"), &error));
        QVERIFY2(error.contains(QStringLiteral("append-only")), qPrintable(error));
        const RunResult verified = as(m_adminUrl, {QStringLiteral("audit"), QStringLiteral("--verify")});
        QVERIFY2(verified.exitCode == 0 && verified.out.contains("intact: 3 rows, head "), verified.out.constData());
        auto admin = Database::open(*ConnectionSpec::parse(m_adminUrl, &error), &error);
        QVERIFY(!admin->exec(QStringLiteral("DELETE FROM admin_audit_log"), &error));
    }

    void theDashboardKnowsWhatTheRoleMayDo()
    {
        for (const auto &[url, allowed] : {std::pair{m_writerUrl, false}, std::pair{m_adminUrl, true}}) {
            DataService service;
            QSignalSpy opened(&service, &DataService::opened);
            QString error;
            service.open(*ConnectionSpec::parse(url, &error), false);
            QVERIFY(opened.wait(10'000));
            const auto caps = opened.first().at(1).value<Capabilities>();
            QCOMPARE(caps.canBlock, allowed);
            QCOMPARE(caps.canSetRisk, allowed);
        }
    }

    // What docs/usage.md promises: an action the role may not do is disabled,
    // and its tooltip says why; the admin gets them enabled, no tooltip.
    void theWindowDisablesWhatTheRoleMayNotDo()
    {
        for (const auto &[url, role, allowed] : {std::tuple{m_writerUrl, m_writer, false},
                                                 std::tuple{m_adminUrl, m_admin, true}}) {
            MainWindow window;
            window.show();
            QSignalSpy updated(&window, &MainWindow::dashboardUpdated);
            QString error;
            window.openDatabase(*ConnectionSpec::parse(url, &error), false);
            QVERIFY(updated.wait(20'000));
            UsersPanel *users = window.usersPanel();
            QTRY_VERIFY(users->proxy()->rowCount() > 0);
            users->view()->selectRow(0);
            const QString why = QStringLiteral("The database role \"%1\" may not do this").arg(role);
            for (QAction *action : {users->blockAction(), users->unblockAction(), users->riskAction()})
                QCOMPARE(action->toolTip() == why, !allowed);
            QCOMPARE(users->riskAction()->isEnabled(), allowed);
            QCOMPARE(users->blockAction()->isEnabled() || users->unblockAction()->isEnabled(), allowed);
        }
    }

    // A budget blocks through the writer's own recording, though the writer
    // may not touch block state: only through the budget functions, which
    // never lift an admin's block, and the audit row is the chain's.
    void theWritersCallsBlockForABudget()
    {
        const auto track = [&](const QString &user) {
            return as(m_writerUrl, {QStringLiteral("track"), QStringLiteral("--user"), user, QStringLiteral("--service"),
                                    QStringLiteral("openai"), QStringLiteral("--model"), QStringLiteral("gpt-4o-mini"),
                                    QStringLiteral("--input"), QStringLiteral("10"), QStringLiteral("--output"), QStringLiteral("1")});
        };
        RunResult result = as(m_writerUrl, {QStringLiteral("budget"), QStringLiteral("set"), QStringLiteral("--user"),
                                            QStringLiteral("w2"), QStringLiteral("--requests"), QStringLiteral("2"),
                                            QStringLiteral("--period"), QStringLiteral("day")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("may not set budgets (permission denied)"), result.err.constData());
        result = as(m_adminUrl, {QStringLiteral("budget"), QStringLiteral("set"), QStringLiteral("--user"), QStringLiteral("w2"),
                                 QStringLiteral("--requests"), QStringLiteral("2"), QStringLiteral("--period"), QStringLiteral("day")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(track(QStringLiteral("w2")).exitCode, 0);
        QCOMPARE(as(m_writerUrl, {QStringLiteral("check"), QStringLiteral("--user"), QStringLiteral("w2")}).exitCode, 0);
        result = track(QStringLiteral("w2"));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        result = as(m_writerUrl, {QStringLiteral("check"), QStringLiteral("--user"), QStringLiteral("w2")});
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.out.contains("Budget exceeded: 2 requests of 2 requests today"), result.out.constData());
        QString error;
        auto writer = Database::open(*ConnectionSpec::parse(m_writerUrl, &error), &error);
        QVERIFY(writer);
        // The functions' helper that writes audit rows is nobody's to call.
        QVERIFY(!writer->exec(QStringLiteral("SELECT meterdesk_budget_audit('unblock', 'w2', '', '', '', '')"), &error));
        QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));
        const RunResult verified = as(m_adminUrl, {QStringLiteral("audit"), QStringLiteral("--verify")});
        QVERIFY2(verified.exitCode == 0 && verified.out.contains("intact"), verified.out.constData());
    }

    // Roles an earlier `init --roles` made get the guardrails' privileges
    // and the per-week totals (schema 8) when `init` upgrades the schema:
    // the writer keeps recording, and the admin reads what it wrote.
    void anUpgradeGrantsTheGuardrailsToTheRolesThereAre()
    {
        QString error;
        auto owner = Database::open(*ConnectionSpec::parse(m_url, &error), &error);
        QVERIFY(owner);
        QVERIFY(execOn(*owner, QStringLiteral("REVOKE ALL ON meterdesk_budgets, meterdesk_alerts, meterdesk_reservations, meterdesk_settings "
                                              "FROM meterdesk_writer, meterdesk_admin")));
        QVERIFY(execOn(*owner, QStringLiteral("DROP TABLE api_usage_weekly")));
        QVERIFY(execOn(*owner, QStringLiteral("UPDATE meterdesk_schema SET version = 3")));
        QCOMPARE(meterctl({QStringLiteral("--db"), m_url, QStringLiteral("init")}).exitCode, 0);
        const RunResult result = as(m_writerUrl, {QStringLiteral("track"), QStringLiteral("--user"), QStringLiteral("w3"),
                                                  QStringLiteral("--service"), QStringLiteral("openai"), QStringLiteral("--model"),
                                                  QStringLiteral("gpt-4o-mini"), QStringLiteral("--input"), QStringLiteral("1"),
                                                  QStringLiteral("--output"), QStringLiteral("1")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(as(m_adminUrl, {QStringLiteral("budget"), QStringLiteral("list")}).exitCode, 0);
        const RunResult verified = as(m_adminUrl, {QStringLiteral("verify")});
        QVERIFY2(verified.exitCode == 0, QByteArray(verified.out + verified.err).constData());
    }
};

QTEST_MAIN(TestRoles)
#include "tst_roles.moc"
