// DataService on its worker thread, with a QCoreApplication only: a load
// answers with the totals the test recorded, a stale answer is dropped, and
// an admin action comes back with what it changed, read from the database.
#include "TestSupport.h"

#include <DataService.h>
#include <money/PriceBook.h>
#include <tracking/Tracker.h>

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

using namespace meterdesk;
using namespace meterdesk::test;

class TestDataService : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_url;

private Q_SLOTS:
    void initTestCase()
    {
        if (usePostgres())
            METERDESK_REQUIRE_PG();
        // A plain QCoreApplication: the service needs no GUI (this test links no QtGui).
        QCOMPARE(QCoreApplication::instance()->metaObject()->className(), "QCoreApplication");
        auto db = newUsageDatabase(m_dir, QStringLiteral("service"), &m_url);
        QVERIFY(db);
        QList<UsageEvent> events;
        for (int i = 0; i < 30; ++i) {
            UsageEvent e;
            e.userId = QStringLiteral("u%1").arg(i % 3);
            e.service = QStringLiteral("openai");
            e.model = QStringLiteral("gpt-4o");
            e.tokens = {1000, 0, 0, 0}; // $0.0025 each at $2.50 per 1M input tokens
            e.timestamp = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
            events << e;
        }
        QVERIFY(Tracker(*db, PriceBook::builtIn()).trackBatch(events).ok);
    }

    void loadsAndDropsStaleAnswers()
    {
        DataService service;
        QSignalSpy opened(&service, &DataService::opened);
        QString error;
        service.open(*ConnectionSpec::parse(m_url, &error), false);
        QVERIFY(opened.wait(10'000));
        QVERIFY(opened.first().at(1).value<Capabilities>().canBlock);

        QSignalSpy loaded(&service, &DataService::loaded);
        service.load(DateRange::lastDays(7, QDate(2026, 3, 1)), Bucket::Day); // superseded at once
        const quint64 newest = service.load(DateRange::allTime(), std::nullopt);
        QVERIFY(loaded.wait(10'000));
        QTest::qWait(200);
        QCOMPARE(loaded.size(), 1);
        const auto data = loaded.first().at(0).value<DashboardData>();
        QCOMPARE(data.requestId, newest);
        QCOMPARE(data.overview.totalRequests, 30);
        QCOMPARE(data.overview.totalCost.toString(6), QStringLiteral("0.075000"));
        QCOMPARE(data.users.size(), 3);
        QCOMPARE(data.overview.activeUsers, 3);
    }

    void anActionComesBackWithWhatItChanged()
    {
        DataService service;
        QSignalSpy opened(&service, &DataService::opened);
        QString error;
        service.open(*ConnectionSpec::parse(m_url, &error), false);
        QVERIFY(opened.wait(10'000));
        QSignalSpy finished(&service, &DataService::actionFinished);
        service.apply(AdminRequest::block({QStringLiteral("u2"), QStringLiteral("u0")}, QStringLiteral("chargeback")));
        QVERIFY(finished.wait(10'000));
        auto outcome = finished.takeFirst().at(0).value<ActionOutcome>();
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.request.kind, AdminRequest::Kind::Block);
        QCOMPARE(outcome.blockedUsers, 2);
        QCOMPARE(outcome.after.size(), 2);
        for (const AdminState &state : outcome.after) {
            QVERIFY(state.blocked);
            QCOMPARE(state.blockReason, QStringLiteral("chargeback"));
        }

        service.apply(AdminRequest::setRisk({QStringLiteral("u0")}, 70));
        QVERIFY(finished.wait(10'000));
        outcome = finished.takeFirst().at(0).value<ActionOutcome>();
        QVERIFY(outcome.ok);
        QCOMPARE(outcome.after.value(0).riskScore, 70);
        QVERIFY(outcome.after.value(0).blocked); // untouched by a risk change

        service.apply(AdminRequest::unblock({QStringLiteral("u0"), QStringLiteral("u2")}));
        QVERIFY(finished.wait(10'000));
        outcome = finished.takeFirst().at(0).value<ActionOutcome>();
        QCOMPARE(outcome.blockedUsers, 0);

        // Refused: a risk score out of range changes nothing.
        service.apply(AdminRequest::setRisk({QStringLiteral("u1")}, 101));
        QVERIFY(finished.wait(10'000));
        outcome = finished.takeFirst().at(0).value<ActionOutcome>();
        QVERIFY(!outcome.ok);
        QVERIFY(outcome.error.contains(QStringLiteral("0 to 100")));
        QVERIFY(outcome.after.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDataService)
#include "tst_dataservice.moc"
