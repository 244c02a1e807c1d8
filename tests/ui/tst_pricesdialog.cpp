// The Prices window: unpriced models first, a price set from a day, a
// reprice previewed and applied, and nothing to press for a role that may
// not change prices.

#include "TestSupport.h"

#include <DataService.h>
#include <Languages.h>
#include <PricesDialog.h>

#include <money/PriceBook.h>
#include <tracking/Tracker.h>

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using namespace meterdesk;
using namespace meterdesk::test;

class TestPricesDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

    static UsageEvent call(const char *model, qint64 input, qint64 output)
    {
        UsageEvent event;
        event.userId = QStringLiteral("ann");
        event.service = QStringLiteral("other");
        event.model = QString::fromLatin1(model);
        event.tokens = {input, output, 0, 0};
        event.timestamp = QDateTime(QDate(2026, 6, 1), QTime(12, 0), QTimeZone::utc());
        return event;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        QVERIFY(Languages::install(*qApp, QStringLiteral("en"))); // English plurals, as the program has them
        m_path = m_dir.filePath(QStringLiteral("prices.sqlite"));
        QString error;
        auto db = Database::open(ConnectionSpec::sqlite(m_path), &error);
        QVERIFY(db && db->migrate(PriceBook::builtIn(), &error));
        QList<UsageEvent> events;
        for (int i = 0; i < 5; ++i)
            events << call("gpt-4o-mini", 1000, 100);
        for (int i = 0; i < 3; ++i)
            events << call("acme-llm", 1'000'000, 0);
        QVERIFY(Tracker(*db, PriceBook::builtIn()).trackBatch(events).ok);
    }

    void setAPriceAndReprice()
    {
        DataService data;
        QSignalSpy opened(&data, &DataService::opened);
        data.open(ConnectionSpec::sqlite(m_path), false);
        QVERIFY(opened.wait(10'000));
        PricesDialog dialog(&data, DateRange::allTime(), QStringLiteral("all time"), Capabilities{});
        QSignalSpy loaded(&data, &DataService::pricesLoaded);
        QVERIFY(loaded.wait(10'000));
        QTableWidget *table = dialog.table();
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("acme-llm")); // the unpriced first
        QVERIFY(table->item(0, 4)->text().contains(u"unpriced"));
        QCOMPARE(table->item(1, 5)->text(), QStringLiteral("Meterdesk curated table"));

        table->setCurrentCell(0, 0);
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("priceModel"))->text(), QStringLiteral("acme-llm"));
        dialog.findChild<QLineEdit *>(QStringLiteral("priceInput"))->setText(QStringLiteral("0.50"));
        dialog.findChild<QLineEdit *>(QStringLiteral("priceOutput"))->setText(QStringLiteral("1.50"));
        QSignalSpy set(&data, &DataService::priceSet);
        dialog.findChild<QPushButton *>(QStringLiteral("setPrice"))->click();
        QVERIFY(set.wait(10'000));
        QVERIFY2(set.first().at(0).toBool(), qPrintable(set.first().at(1).toString()));

        // A preview changes nothing; the reprice, once confirmed, bills the
        // three calls of 1M input tokens at $0.50 instead of the $5 fallback.
        QSignalSpy repriced(&data, &DataService::repriced);
        dialog.findChild<QPushButton *>(QStringLiteral("previewReprice"))->click();
        QVERIFY(repriced.wait(10'000));
        const QString preview = dialog.findChild<QLabel *>(QStringLiteral("priceStatus"))->text();
        QVERIFY2(preview.contains(u"3 of 3 calls") && preview.contains(u"$15.00") && preview.contains(u"$1.50"),
                 qPrintable(preview));
        QString error;
        auto db = Database::open(ConnectionSpec::sqlite(m_path), &error);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(cost_nanos) FROM api_usage_tracking WHERE model = 'acme-llm'")),
                 15'000'000'000LL);

        QSignalSpy costsChanged(&dialog, &PricesDialog::costsChanged);
        QTimer::singleShot(0, this, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->button(QMessageBox::Yes)->click();
        });
        dialog.findChild<QPushButton *>(QStringLiteral("reprice"))->click();
        QVERIFY(repriced.wait(10'000));
        QCOMPARE(costsChanged.size(), 1);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(cost_nanos) FROM api_usage_tracking WHERE model = 'acme-llm'")),
                 1'500'000'000LL);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT sum(unpriced_requests) FROM api_usage_stats")), 0);
    }

    void aRoleThatMayNotChangePrices()
    {
        DataService data;
        QSignalSpy opened(&data, &DataService::opened);
        data.open(ConnectionSpec::sqlite(m_path), false);
        QVERIFY(opened.wait(10'000));
        Capabilities readOnly;
        readOnly.canSetPrices = false;
        readOnly.role = QStringLiteral("meterdesk_writer");
        PricesDialog dialog(&data, DateRange::allTime(), QStringLiteral("all time"), readOnly);
        for (const char *name : {"setPrice", "reprice"}) {
            QPushButton *button = dialog.findChild<QPushButton *>(QLatin1String(name));
            QVERIFY(!button->isEnabled());
            QVERIFY(button->toolTip().contains(u"meterdesk_writer"));
        }
        QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("previewReprice"))->isEnabled());
    }
};

QTEST_MAIN(TestPricesDialog)
#include "tst_pricesdialog.moc"
