// freeAside: a list whose last owner lets go is freed on a pool thread, not
// the caller's; a list shared with another owner is only let go of.

#include <queries/FreeAside.h>

#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace meterdesk;

namespace {

// Remembers the thread that destroyed it (any copy of it).
struct Probe
{
    std::shared_ptr<std::atomic<QThread *>> freedOn = std::make_shared<std::atomic<QThread *>>(nullptr);
    ~Probe()
    {
        if (freedOn)
            freedOn->store(QThread::currentThread());
    }
};

} // namespace

class TestFreeAside : public QObject
{
    Q_OBJECT

private slots:
    void lastOwnerFreesOnAPoolThread()
    {
        QList<Probe> rows(1000);
        const auto freedOn = rows.first().freedOn;
        freeAside(std::move(rows));
        QVERIFY(QThreadPool::globalInstance()->waitForDone(5000));
        QVERIFY(freedOn->load() != nullptr);
        QVERIFY(freedOn->load() != QThread::currentThread());
    }

    void sharedListIsOnlyLetGo()
    {
        QList<Probe> rows(1000);
        const auto freedOn = rows.first().freedOn;
        const QList<Probe> kept = rows;
        freeAside(std::move(rows));
        QVERIFY(QThreadPool::globalInstance()->waitForDone(5000));
        QCOMPARE(freedOn->load(), nullptr); // nothing freed: `kept` still has it
        QCOMPARE(kept.size(), 1000);
        QCOMPARE(kept.first().freedOn, freedOn);
    }
};

QTEST_GUILESS_MAIN(TestFreeAside)
#include "tst_freeaside.moc"
