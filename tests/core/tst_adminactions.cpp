#include "TestSupport.h"

#include <tracking/AccessGuard.h>
#include <admin/AdminActions.h>
#include <admin/AuditChain.h>
#include <money/PriceBook.h>
#include <queries/Queries.h>
#include <tracking/Tracker.h>

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QTest>

#include <pwd.h>
#include <unistd.h>

using namespace meterdesk;
using namespace meterdesk::test;

class TestAdminActions : public QObject
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

    void blockUnblockAndRiskAreAudited()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("admin"));
        QVERIFY(db);
        AdminActions actions(*db);
        AccessGuard guard(*db);
        QVERIFY(guard.check(QStringLiteral("newcomer")).allowed);

        // A user with no usage yet can be blocked. $USER says someone else:
        // the audit names the process's own account all the same.
        const QByteArray realUser = qgetenv("USER");
        qputenv("USER", "mallory");
        ActionResult result = actions.block(QStringLiteral("newcomer"), QStringLiteral("  Shared key on a forum  "));
        qputenv("USER", realUser);
        QVERIFY2(result.ok, qPrintable(result.error));
        AccessDecision decision = guard.check(QStringLiteral("newcomer"));
        QVERIFY(!decision.allowed);
        QCOMPARE(decision.message, QStringLiteral("API access blocked for this user"));
        QCOMPARE(decision.reason, QStringLiteral("Shared key on a forum"));

        QVERIFY(actions.setRiskScore(QStringLiteral("newcomer"), 85, QStringLiteral("three chargebacks")).ok);
        QVERIFY(actions.unblock(QStringLiteral("newcomer")).ok);
        QVERIFY(guard.check(QStringLiteral("newcomer")).allowed);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT risk_score FROM api_usage_stats WHERE user_id = 'newcomer'")), 85);

        QString error;
        const auto audit = Queries(*db).audit(QStringLiteral("newcomer"), QString(), 10, &error);
        QVERIFY2(audit, qPrintable(error));
        QCOMPARE(audit->size(), 3);
        const AuditRow &unblock = audit->at(0), &risk = audit->at(1), &block = audit->at(2);
        QCOMPARE(block.action, QStringLiteral("block"));
        QCOMPARE(block.oldValue, QStringLiteral("allowed"));
        QCOMPARE(block.newValue, QStringLiteral("blocked: Shared key on a forum"));
        QCOMPARE(block.reason, QStringLiteral("Shared key on a forum"));
        QCOMPARE(risk.oldValue, QStringLiteral("0"));
        QCOMPARE(risk.newValue, QStringLiteral("85"));
        QCOMPARE(unblock.oldValue, QStringLiteral("blocked: Shared key on a forum"));
        QCOMPARE(unblock.newValue, QStringLiteral("allowed"));
        // The OS account comes from the system, whatever $USER claims.
        const passwd *account = getpwuid(geteuid());
        QVERIFY(account);
        QCOMPARE(block.osUser, QString::fromLocal8Bit(account->pw_name));
        QCOMPARE(block.actorRole, usePostgres() ? QStringLiteral("postgres") : QStringLiteral("sqlite"));
        QVERIFY(block.at.isValid());
        QCOMPARE(Queries(*db).audit(QString(), QStringLiteral("risk"), 10, &error)->size(), 1);
    }

    // The audit log is a hash chain: verified intact as written; a row
    // changed, or removed from the middle, by someone who switched the
    // triggers off (the owner may) is found and named.
    void theAuditChainFindsTampering()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("chain"));
        QVERIFY(db);
        AdminActions actions(*db);
        QVERIFY(actions.block(QStringList{QStringLiteral("b"), QStringLiteral("a")}, QStringLiteral("first")).ok);
        QVERIFY(actions.setRiskScore(QStringLiteral("a"), 40, QStringLiteral("second")).ok);
        QVERIFY(actions.unblock(QStringLiteral("b")).ok);
        QVERIFY(actions.setRiskScore(QStringLiteral("c"), 90).ok);
        QString error;
        auto result = verifyAuditChain(*db, &error);
        QVERIFY2(result, qPrintable(error));
        QVERIFY2(result->intact(), qPrintable(result->problem));
        QCOMPARE(result->rows, 5);
        QCOMPARE(result->head.size(), 64);
        // Meterdesk's own hash of the newest row, recomputed here from the
        // stored fields the documented way (length-prefixed, SHA-256).
        QSqlQuery newest(db->sql());
        QVERIFY(newest.exec(QStringLiteral("SELECT prev_hash, at, actor_role, os_user, action, user_id, old_value, "
                                           "new_value, reason, row_hash FROM admin_audit_log ORDER BY id DESC LIMIT 1")));
        QVERIFY(newest.next());
        QByteArray text;
        for (int i = 0; i < 9; ++i) {
            const QVariant value = newest.value(i);
            const QByteArray field = value.typeId() == QMetaType::QDateTime
                ? value.toDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")).toUtf8()
                : value.toString().toUtf8();
            text += QByteArray::number(field.size()) + ':' + field + ';';
        }
        QCOMPARE(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex(), newest.value(9).toString().toLatin1());
        QCOMPARE(newest.value(9).toString(), result->head);

        // Not even the owner truncates, updates or deletes while the
        // triggers stand.
        QVERIFY(!db->exec(QStringLiteral("UPDATE admin_audit_log SET reason = 'edited'"), &error));
        QVERIFY(!db->exec(QStringLiteral("DELETE FROM admin_audit_log"), &error));
        if (usePostgres()) {
            QVERIFY(!db->exec(QStringLiteral("TRUNCATE admin_audit_log"), &error));
            QVERIFY2(error.contains(QStringLiteral("append-only")), qPrintable(error));
        }
        // The owner switches them off and edits one row's reason.
        const QStringList off = usePostgres()
            ? QStringList{QStringLiteral("ALTER TABLE admin_audit_log DISABLE TRIGGER USER")}
            : QStringList{QStringLiteral("DROP TRIGGER admin_audit_log_no_update"),
                          QStringLiteral("DROP TRIGGER admin_audit_log_no_delete")};
        for (const QString &statement : off)
            QVERIFY(execOn(*db, statement));
        const qint64 second = scalar(*db, QStringLiteral("SELECT id FROM admin_audit_log WHERE reason = 'second'"));
        QVERIFY(execOn(*db, QStringLiteral("UPDATE admin_audit_log SET reason = 'nothing to see' WHERE id = %1").arg(second)));
        result = verifyAuditChain(*db, &error);
        QVERIFY(result && !result->intact());
        QCOMPARE(result->brokenAt, second);
        QVERIFY2(result->problem.contains(QStringLiteral("changed")), qPrintable(result->problem));
        // Put back, it verifies again; then a row removed from the middle.
        QVERIFY(execOn(*db, QStringLiteral("UPDATE admin_audit_log SET reason = 'second' WHERE id = %1").arg(second)));
        QVERIFY(verifyAuditChain(*db, &error)->intact());
        QVERIFY(execOn(*db, QStringLiteral("DELETE FROM admin_audit_log WHERE id = %1").arg(second)));
        result = verifyAuditChain(*db, &error);
        QVERIFY(result && !result->intact());
        QVERIFY(result->brokenAt > second);
        QVERIFY2(result->problem.contains(QStringLiteral("removed")), qPrintable(result->problem));
    }

    void invalidRequestsChangeNothing_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("score");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty reason") << QStringLiteral("block") << QStringLiteral("   ") << 0 << QStringLiteral("needs a reason");
        QTest::newRow("long reason") << QStringLiteral("block") << QString(501, u'x') << 0 << QStringLiteral("longer than 500");
        QTest::newRow("risk below 0") << QStringLiteral("risk") << QString() << -1 << QStringLiteral("0 to 100");
        QTest::newRow("risk above 100") << QStringLiteral("risk") << QString() << 101 << QStringLiteral("0 to 100");
    }
    void invalidRequestsChangeNothing()
    {
        QFETCH(QString, action);
        QFETCH(QString, reason);
        QFETCH(int, score);
        QFETCH(QString, message);
        auto db = newUsageDatabase(m_dir, QStringLiteral("invalid"));
        QVERIFY(db);
        AdminActions actions(*db);
        const ActionResult result = action == u"block" ? actions.block(QStringLiteral("u"), reason)
                                                       : actions.setRiskScore(QStringLiteral("u"), score);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(message), qPrintable(result.error));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM admin_audit_log")), 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM api_usage_stats")), 0);
    }

    void blockKeepsUsageCounters()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("counters"));
        QVERIFY(db);
        Tracker tracker(*db, PriceBook::builtIn());
        UsageEvent event;
        event.userId = QStringLiteral("heavy");
        event.service = QStringLiteral("openai");
        event.model = QStringLiteral("gpt-4o");
        event.tokens = {1000, 1000, 0, 0};
        QCOMPARE(int(tracker.track(event).status), int(EventStatus::Recorded));
        QVERIFY(AdminActions(*db).block(QStringLiteral("heavy"), QStringLiteral("abuse")).ok);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT total_requests FROM api_usage_stats WHERE user_id = 'heavy'")), 1);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT total_cost_nanos FROM api_usage_stats WHERE user_id = 'heavy'")), 12'500'000);
    }

    void aRoleWithoutRightsIsRefusedClearly()
    {
        if (!usePostgres())
            QSKIP("PostgreSQL roles only");
        QString url;
        auto db = newUsageDatabase(m_dir, QStringLiteral("roles"), &url);
        QVERIFY(db);
        QVERIFY(execOn(*db, QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'md_reader') "
                                           "THEN CREATE ROLE md_reader LOGIN; END IF; END $$")));
        QVERIFY(execOn(*db, QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO md_reader")));
        QString readerUrl = url;
        readerUrl.replace(QStringLiteral("postgres@"), QStringLiteral("md_reader@"));
        QString error;
        auto reader = Database::open(*ConnectionSpec::parse(readerUrl, &error), &error);
        QVERIFY2(reader, qPrintable(error));
        const ActionResult result = AdminActions(*reader).block(QStringLiteral("someone"), QStringLiteral("test"));
        QVERIFY(!result.ok);
        QCOMPARE(int(result.failure), int(SqlFailure::PermissionDenied));
        QVERIFY2(result.error.contains(QStringLiteral("\"md_reader\" may not block users")), qPrintable(result.error));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM admin_audit_log")), 0);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM users")), 0);
    }
};

QTEST_GUILESS_MAIN(TestAdminActions)
#include "tst_adminactions.moc"
