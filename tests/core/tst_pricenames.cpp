// PostgreSQL: the book inside the database (meterdesk_price_cost, used by
// the original writer's trigger) prices every name exactly as the C++ book
// does, whose prices tst_modelprices checks against the snapshot.

#include "SeedWriter.h"
#include "TestSupport.h"

#include <admin/PriceTable.h>
#include <money/PriceBook.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace meterdesk;
using namespace meterdesk::test;

class TestPriceNames : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Compares the database's answer for each name with the book's.
    static void compareAll(Database &db, const PriceBook &book, const QStringList &names, const QDateTime &at)
    {
        QSqlQuery query(db.sql());
        query.prepare(QStringLiteral("SELECT cost, priced, coalesce(matched, '') FROM meterdesk_price_cost(?, ?, ?, ?, ?, ?)"));
        const QList<TokenCounts> calls{{1234, 567, 89, 10}, {250'000, 1000, 0, 0}, {0, 0, 0, 0}};
        int compared = 0;
        for (const QString &name : names) {
            for (const TokenCounts &tokens : calls) {
                const auto quote = book.quote(name, tokens, at);
                QVERIFY(quote);
                for (const QVariant &value : QVariantList{name, at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                                          tokens.input, tokens.output, tokens.cachedInput, tokens.cacheWrite})
                    query.addBindValue(value);
                QVERIFY2(query.exec() && query.next(), qPrintable(query.lastError().text()));
                const QString where = name + QStringLiteral(" with %1 input tokens").arg(tokens.input);
                QVERIFY2(query.value(0).toLongLong() == quote->cost.nanos(),
                         qPrintable(where + QStringLiteral(": %1 in the database, %2 in the book")
                                                .arg(query.value(0).toLongLong()).arg(quote->cost.nanos())));
                QVERIFY2(query.value(1).toBool() == quote->priced, qPrintable(where));
                QCOMPARE(query.value(2).toString(), quote->matchedModel);
                ++compared;
            }
        }
        qInfo("%d prices compared", compared);
    }

private Q_SLOTS:
    void init() { METERDESK_REQUIRE_PG(); }

    void everyNameAsTheBookPricesIt()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("names"));
        QVERIFY(db);
        QFile file(QStringLiteral(":/meterdesk/prices/litellm-2026-07-24.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QStringList names = QJsonDocument::fromJson(file.readAll()).object().keys();
        for (const ModelPrice &price : PriceBook::builtIn().models())
            if (price.source == PriceSource::Curated)
                names << price.model << price.aliases;
        // Spellings that reach a price only through the rules, and names
        // that must stay unpriced.
        names << QStringLiteral("OpenAI/GPT-4o-2024-08-06") << QStringLiteral("bedrock/us.anthropic.claude-3-5-sonnet-20241022-v2:0")
              << QStringLiteral("vertex_ai/claude-opus-4-5@20251101") << QStringLiteral("models/gemini-2.0-flash-001")
              << QStringLiteral("ft:gpt-4o-mini:acme:support:9xk2") << QStringLiteral("claude-sonnet-4-5-20991231")
              << QStringLiteral("claude-opus-4-9") << QStringLiteral("gpt-4o-mini-tts-hd") << QStringLiteral("  ")
              << QStringLiteral("mistral-large-latest");
        compareAll(*db, PriceBook::builtIn(), names, QDateTime(QDate(2026, 11, 2), QTime(12, 0), QTimeZone::utc()));
    }

    // The admin's prices reach the trigger's book in the same transaction,
    // with their effective days.
    void theAdminsPricesFromTheirDay()
    {
        auto db = newUsageDatabase(m_dir, QStringLiteral("admin"));
        QVERIFY(db);
        PriceTable table(*db);
        QString error;
        ModelPrice price;
        price.model = QStringLiteral("gpt-4o");
        price.rates = {1'000'000'000, 2'000'000'000, std::nullopt, std::nullopt};
        price.effectiveFrom = QDate(2026, 11, 1);
        QVERIFY2(table.set(price, &error), qPrintable(error));
        const auto book = table.book(PriceBook::builtIn(), &error);
        QVERIFY(book);
        const QStringList names{QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-2024-11-20"), QStringLiteral("azure/gpt-4o")};
        compareAll(*db, *book, names, QDateTime(QDate(2026, 10, 31), QTime(23, 0), QTimeZone::utc()));
        compareAll(*db, *book, names, QDateTime(QDate(2026, 11, 1), QTime(0, 0), QTimeZone::utc()));
        // And the original writer's row of that day is priced by it.
        QVERIFY(execOn(*db, QStringLiteral("INSERT INTO users (id) VALUES ('ann')")));
        QVERIFY(seedWriterTrack(*db, QStringLiteral("ann"), QStringLiteral("openai"), QStringLiteral("gpt-4o"), 1000, 1000, 0.5));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT cost_nanos FROM api_usage_tracking WHERE writer = 0")), 3'000'000);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM api_usage_tracking WHERE writer = 0 AND priced")), 1);
    }
};

QTEST_GUILESS_MAIN(TestPriceNames)
#include "tst_pricenames.moc"
