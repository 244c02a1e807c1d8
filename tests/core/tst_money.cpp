#include <money/Money.h>

#include <QTest>

#include <limits>

using namespace meterdesk;

class TestMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("nanos");
        QTest::newRow("whole") << QStringLiteral("12") << true << qint64(12'000'000'000);
        QTest::newRow("micro") << QStringLiteral("0.000001") << true << qint64(1000);
        QTest::newRow("nano") << QStringLiteral("0.000000001") << true << qint64(1);
        QTest::newRow("round up tenth decimal") << QStringLiteral("0.0000000015") << true << qint64(2);
        QTest::newRow("round down tenth decimal") << QStringLiteral("0.0000000014") << true << qint64(1);
        QTest::newRow("negative") << QStringLiteral("-3.5") << true << qint64(-3'500'000'000);
        QTest::newRow("leading dot") << QStringLiteral(".25") << true << qint64(250'000'000);
        QTest::newRow("empty") << QString() << false << qint64(0);
        QTest::newRow("junk") << QStringLiteral("1.2.3") << false << qint64(0);
        QTest::newRow("exponent") << QStringLiteral("1e-6") << false << qint64(0);
        QTest::newRow("too big") << QStringLiteral("99999999999") << false << qint64(0);
        QTest::newRow("arabic digits") << QStringLiteral("\u0661") << false << qint64(0);
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, nanos);
        const auto money = Money::fromDecimal(text);
        QCOMPARE(money.has_value(), valid);
        if (valid)
            QCOMPARE(money->nanos(), nanos);
    }

    void format_data()
    {
        QTest::addColumn<qint64>("nanos");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("text");
        QTest::newRow("six") << qint64(1'000'000'000) << 6 << QStringLiteral("1.000000");
        QTest::newRow("half up") << qint64(500) << 6 << QStringLiteral("0.000001");
        QTest::newRow("half away from zero") << qint64(-500) << 6 << QStringLiteral("-0.000001");
        QTest::newRow("below half") << qint64(499) << 6 << QStringLiteral("0.000000");
        QTest::newRow("nine") << qint64(1500) << 9 << QStringLiteral("0.000001500");
        QTest::newRow("cents") << qint64(12'345'678'901) << 2 << QStringLiteral("12.35");
        QTest::newRow("min") << std::numeric_limits<qint64>::min() << 9 << QStringLiteral("-9223372036.854775808");
    }
    void format()
    {
        QFETCH(qint64, nanos);
        QFETCH(int, decimals);
        QFETCH(QString, text);
        QCOMPARE(Money::fromNanos(nanos).toString(decimals), text);
    }

    void displayString()
    {
        QCOMPARE(Money::fromNanos(1'234'567'890'000).toDisplayString(), QStringLiteral("$1,234.57"));
        QCOMPARE(Money::fromNanos(300'000).toDisplayString(), QStringLiteral("$0.000300"));
        QCOMPARE(Money().toDisplayString(), QStringLiteral("$0.00"));
    }

    void overflowIsDetected()
    {
        const Money max = Money::fromNanos(std::numeric_limits<qint64>::max());
        QVERIFY(!max.checkedAdd(Money::fromNanos(1)));
        QVERIFY_THROWS_EXCEPTION(std::overflow_error, max + Money::fromNanos(1));
        QCOMPARE(max.checkedAdd(Money::fromNanos(-1))->nanos(), std::numeric_limits<qint64>::max() - 1);
    }

    void millionMicroDollarsAreOneDollar()
    {
        Money sum;
        const Money micro = *Money::fromDecimal(u"0.000001");
        for (int i = 0; i < 1'000'000; ++i)
            sum += micro;
        QCOMPARE(sum.toString(6), QStringLiteral("1.000000"));
        QCOMPARE(sum.nanos(), Money::NanosPerDollar);
    }
};

QTEST_APPLESS_MAIN(TestMoney)
#include "tst_money.moc"
