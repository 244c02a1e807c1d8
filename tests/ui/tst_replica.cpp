// The dashboard on a read replica: a primary and a streaming replica made
// by pg_basebackup on 127.0.0.1. The window reads from the replica (with
// its replay paused, a reload does not show a new call; resumed, the call
// shows live), follows calls recorded on the primary within the replica's
// lag, and its admin action lands on the primary.

#include "TestSupport.h"

#include <DataService.h>
#include <MainWindow.h>
#include <UsersModel.h>
#include <UsersPanel.h>

#include <money/PriceBook.h>
#include <tracking/Tracker.h>

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using namespace meterdesk;
using namespace meterdesk::test;

namespace {

const QString Script = QStringLiteral(METERDESK_SOURCE_DIR "/scripts/start-replica.sh");

UsageEvent call(const QString &user)
{
    UsageEvent e;
    e.userId = user;
    e.service = QStringLiteral("openai");
    e.model = QStringLiteral("gpt-4o");
    e.tokens = {2'000, 100, 0, 0};
    e.timestamp = QDateTime::currentDateTimeUtc();
    return e;
}

} // namespace

class TestReplica : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_primaryUrl;
    QString m_replicaUrl;
    QString m_replicaFolder;
    std::unique_ptr<Database> m_primary;
    std::unique_ptr<Database> m_replica;
    std::unique_ptr<MainWindow> m_window;

    qint64 shownRequests(const QString &user) const
    {
        const UserRow *row = m_window->usersPanel()->model()->rowFor(user);
        return row ? row->requests : 0;
    }

    qint64 primaryRequests(const QString &user) const
    {
        return scalar(*m_primary, QStringLiteral("SELECT count(*) FROM api_usage_tracking WHERE user_id = '%1'").arg(user));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!usePostgres())
            QSKIP("a read replica is PostgreSQL's");
        METERDESK_REQUIRE_PG();
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        m_primary = newUsageDatabase(m_dir, QStringLiteral("replicated"), &m_primaryUrl);
        QVERIFY(m_primary);
        QVERIFY(Tracker(*m_primary, PriceBook::builtIn()).trackBatch({call(QStringLiteral("ann")), call(QStringLiteral("bob"))}).ok);

        QProcess start;
        start.start(Script, {});
        QVERIFY(start.waitForFinished(120'000));
        QVERIFY2(start.exitCode() == 0, start.readAllStandardError().constData());
        const QList<QByteArray> started = start.readAllStandardOutput().trimmed().split(' ');
        QCOMPARE(started.size(), 2);
        const int port = started.at(0).toInt();
        m_replicaFolder = QString::fromLocal8Bit(started.at(1));
        QVERIFY(port > 0);
        QUrl replica(m_primaryUrl);
        replica.setPort(port);
        m_replicaUrl = replica.toString();
        QString error;
        m_replica = Database::open(*ConnectionSpec::parse(m_replicaUrl, &error), &error);
        QVERIFY2(m_replica, qPrintable(error));
        QCOMPARE(scalar(*m_replica, QStringLiteral("SELECT CASE WHEN pg_is_in_recovery() THEN 1 ELSE 0 END")), 1);

        m_window = std::make_unique<MainWindow>();
        QSignalSpy loaded(m_window.get(), &MainWindow::dashboardUpdated);
        m_window->openDatabase(*ConnectionSpec::parse(m_primaryUrl, &error), false,
                               ConnectionSpec::parse(m_replicaUrl, &error));
        QVERIFY(loaded.wait(20'000));
        QVERIFY2(loaded.last().at(0).toBool(), qPrintable(m_window->bannerText()));
        m_window->show();
        QVERIFY2(m_window->windowTitle().contains(QStringLiteral("reading from")), qPrintable(m_window->windowTitle()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_replica.reset();
        if (!m_replicaFolder.isEmpty())
            QProcess::execute(Script, {QStringLiteral("--stop"), m_replicaFolder});
    }

    void followsThePrimaryWithinTheReplicasLag()
    {
        QVERIFY(Tracker(*m_primary, PriceBook::builtIn()).track(call(QStringLiteral("ann"))).status == EventStatus::Recorded);
        QElapsedTimer since;
        since.start();
        QTRY_COMPARE_WITH_TIMEOUT(shownRequests(QStringLiteral("ann")), primaryRequests(QStringLiteral("ann")), 5'000);
        qInfo("shown on the replica's dashboard %lld ms after the primary's commit", since.elapsed());
    }

    void readsComeFromTheReplica()
    {
        QVERIFY(execOn(*m_replica, QStringLiteral("SELECT pg_wal_replay_pause()")));
        QVERIFY(Tracker(*m_primary, PriceBook::builtIn()).track(call(QStringLiteral("bob"))).status == EventStatus::Recorded);
        QSignalSpy loaded(m_window.get(), &MainWindow::dashboardUpdated);
        m_window->reload();
        QVERIFY(loaded.wait(10'000));
        QCOMPARE(shownRequests(QStringLiteral("bob")), primaryRequests(QStringLiteral("bob")) - 1); // not replayed yet
        QVERIFY(execOn(*m_replica, QStringLiteral("SELECT pg_wal_replay_resume()")));
        QTRY_COMPARE_WITH_TIMEOUT(shownRequests(QStringLiteral("bob")), primaryRequests(QStringLiteral("bob")), 5'000);
    }

    void anAdminActionLandsOnThePrimary()
    {
        auto *data = m_window->findChild<DataService *>();
        QVERIFY(data);
        QSignalSpy done(m_window.get(), &MainWindow::actionDone);
        data->apply(AdminRequest::block({QStringLiteral("bob")}, QStringLiteral("abuse")));
        QVERIFY(done.wait(10'000));
        QVERIFY2(done.last().at(0).toBool(), qPrintable(done.last().at(1).toString()));
        QCOMPARE(scalar(*m_primary, QStringLiteral("SELECT CASE WHEN is_blocked THEN 1 ELSE 0 END FROM api_usage_stats "
                                                   "WHERE user_id = 'bob'")),
                 1);
        QCOMPARE(scalar(*m_primary, QStringLiteral("SELECT count(*) FROM admin_audit_log WHERE action = 'block'")), 1);
        QVERIFY(m_window->usersPanel()->model()->rowFor(QStringLiteral("bob"))->blocked);
    }
};

QTEST_MAIN(TestReplica)
#include "tst_replica.moc"
