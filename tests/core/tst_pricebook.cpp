#include <money/PriceBook.h>

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace meterdesk;

namespace {

constexpr qint64 Million = 1'000'000;

Money usd(const char *text) { return *Money::fromDecimal(QString::fromLatin1(text)); }
Money usd(const QString &text) { return *Money::fromDecimal(text); }

struct ReferenceRow
{
    QString service, model;
    QStringList names; // model, aliases
    QString input, output, cacheRead, cacheWrite;
    qint64 tierAbove = -1; // long-context tier, when the row has one
    QHash<QString, QString> tier;
};

// The reference CSV the price book was built from, read independently.
QList<ReferenceRow> referenceRows()
{
    QFile file(QStringLiteral(METERDESK_SOURCE_DIR "/tests/data/pricing-reference.csv"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing tests/data/pricing-reference.csv");
    QList<ReferenceRow> rows;
    bool header = true;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (header) {
            header = false;
            continue;
        }
        const QStringList f = line.split(u',');
        ReferenceRow row{f[0], f[1], {f[1]}, f[3], f[4], f[5], f[6], -1, {}};
        QString aliases = f[2];
        aliases.remove(QRegularExpression(QStringLiteral("\\(.*?\\)")));
        row.names += aliases.split(u' ', Qt::SkipEmptyParts);
        // "input over 200k tokens: 6.00 in / 22.50 out / 0.60 cache read / 7.50 cache write"
        const QRegularExpressionMatch tier = QRegularExpression(QStringLiteral("input over (\\d+)k tokens: (.*)")).match(f.value(7));
        if (tier.hasMatch()) {
            row.tierAbove = tier.captured(1).toLongLong() * 1000;
            for (const QString &part : tier.captured(2).split(u'/')) {
                const QString price = part.trimmed().section(u' ', 0, 0);
                row.tier.insert(part.trimmed().section(u' ', 1), price);
            }
        }
        rows.append(row);
    }
    return rows;
}

} // namespace

class TestPriceBook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyReferenceRow_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("cacheRead");
        QTest::addColumn<QString>("cacheWrite");
        const QList<ReferenceRow> rows = referenceRows();
        QCOMPARE(rows.size(), 35);
        const QHash<QString, QString> prefix{{QStringLiteral("openai"), QStringLiteral("openai/")},
                                             {QStringLiteral("anthropic"), QStringLiteral("anthropic/")},
                                             {QStringLiteral("google"), QStringLiteral("gemini/")}};
        for (const ReferenceRow &row : rows) {
            for (const QString &name : row.names) {
                // 1M input tokens cross every long-context threshold here.
                const bool tier = row.tierAbove >= 0 && row.tierAbove < Million;
                const QString input = tier ? row.tier.value(QStringLiteral("in"), row.input) : row.input;
                const QString output = tier ? row.tier.value(QStringLiteral("out"), row.output) : row.output;
                const QString cacheRead = tier ? row.tier.value(QStringLiteral("cache read"), row.cacheRead) : row.cacheRead;
                const QString cacheWrite = tier ? row.tier.value(QStringLiteral("cache write"), row.cacheWrite) : row.cacheWrite;
                for (const QString &form : QStringList{name, prefix.value(row.service) + name, name.toUpper()})
                    QTest::newRow(qPrintable(form)) << form << input << output << cacheRead << cacheWrite;
            }
        }
    }
    void everyReferenceRow()
    {
        QFETCH(QString, name);
        QFETCH(QString, input);
        QFETCH(QString, output);
        QFETCH(QString, cacheRead);
        QFETCH(QString, cacheWrite);
        const PriceBook &book = PriceBook::builtIn();
        auto quote = book.quote(name, {Million, Million, 0, 0});
        QVERIFY(quote);
        QVERIFY2(quote->priced, qPrintable(name));
        QCOMPARE(quote->cost, usd(input) + usd(output));
        // Cached reads and cache writes fall back to the input price when unpriced.
        quote = book.quote(name, {0, 0, Million, 0});
        QCOMPARE(quote->cost, usd(cacheRead.isEmpty() ? input : cacheRead));
        quote = book.quote(name, {0, 0, 0, Million});
        QCOMPARE(quote->cost, usd(cacheWrite.isEmpty() ? input : cacheWrite));
    }

    void specialCases_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<qint64>("input");
        QTest::addColumn<qint64>("output");
        QTest::addColumn<qint64>("cached");
        QTest::addColumn<qint64>("cacheWrite");
        QTest::addColumn<QString>("cost");
        QTest::addColumn<bool>("priced");
        QTest::newRow("gpt-4o-mini output is 0.60, not the seed's 0.20")
            << QStringLiteral("gpt-4o-mini") << qint64(0) << Million << qint64(0) << qint64(0) << QStringLiteral("0.60") << true;
        QTest::newRow("dated snapshot with its own price")
            << QStringLiteral("gpt-4o-2024-05-13") << Million << Million << qint64(0) << qint64(0) << QStringLiteral("20.00") << true;
        QTest::newRow("gpt-3.5-turbo-1106 own price")
            << QStringLiteral("gpt-3.5-turbo-1106") << Million << Million << qint64(0) << qint64(0) << QStringLiteral("3.00") << true;
        QTest::newRow("snapshot suffix stripped")
            << QStringLiteral("claude-sonnet-4-5-20991231") << qint64(100'000) << 0LL << 0LL << 0LL << QStringLiteral("0.30") << true;
        QTest::newRow("a variant is its own model, priced by its own entry")
            << QStringLiteral("gpt-4o-mini-audio-preview") << Million << 0LL << 0LL << 0LL << QStringLiteral("0.15") << true;
        QTest::newRow("models/ prefix and -001 suffix")
            << QStringLiteral("models/gemini-2.0-flash-001") << Million << 0LL << 0LL << 0LL << QStringLiteral("0.10") << true;
        QTest::newRow("a model the book does not know: unpriced")
            << QStringLiteral("gpt-4.5-preview") << Million << 0LL << 0LL << 0LL << QStringLiteral("5.00") << false;
        QTest::newRow("unknown model bills every token at the fallback")
            << QStringLiteral("mistral-large-latest") << Million << Million << Million << Million << QStringLiteral("20.00") << false;
        QTest::newRow("empty model is unpriced")
            << QString() << Million << 0LL << 0LL << 0LL << QStringLiteral("5.00") << false;
        QTest::newRow("sonnet 4 at the threshold: base rates")
            << QStringLiteral("claude-sonnet-4") << qint64(200'000) << Million << 0LL << 0LL << QStringLiteral("15.60") << true;
        QTest::newRow("sonnet 4 above 200k input: long-context rates on everything")
            << QStringLiteral("claude-sonnet-4-20250514") << qint64(150'000) << Million << qint64(40'000) << qint64(10'001)
            << QStringLiteral("23.4990075") << true;
        QTest::newRow("gemini 1.5 pro above 128k")
            << QStringLiteral("gemini-1.5-pro-002") << qint64(128'001) << Million << 0LL << 0LL << QStringLiteral("10.32000250") << true;
        QTest::newRow("gemini 1.5 flash tier keeps the base cache price")
            << QStringLiteral("gemini-1.5-flash") << qint64(200'000) << 0LL << Million << 0LL << QStringLiteral("0.04875") << true;
        QTest::newRow("one token rounds to the nano-dollar")
            << QStringLiteral("gemini-1.5-flash") << 0LL << 0LL << qint64(1) << 0LL << QStringLiteral("0.000000019") << true;
        QTest::newRow("2^31 tokens") << QStringLiteral("gpt-4-32k") << qint64(1LL << 31) << qint64(1LL << 31) << 0LL << 0LL
                                    << QStringLiteral("386547.05664") << true;
        QTest::newRow("2^40 tokens without overflow")
            << QStringLiteral("gpt-4-32k") << qint64(1LL << 40) << qint64(1LL << 40) << 0LL << 0LL
            << QStringLiteral("197912092.99968") << true;
    }
    void specialCases()
    {
        QFETCH(QString, model);
        QFETCH(qint64, input);
        QFETCH(qint64, output);
        QFETCH(qint64, cached);
        QFETCH(qint64, cacheWrite);
        QFETCH(QString, cost);
        QFETCH(bool, priced);
        const auto quote = PriceBook::builtIn().quote(model, {input, output, cached, cacheWrite});
        QVERIFY(quote);
        QCOMPARE(quote->priced, priced);
        QCOMPARE(quote->cost.toString(9), usd(cost).toString(9));
    }

    // Batch is half price at OpenAI, Anthropic and Google, and flex at
    // OpenAI (their price pages); priority has no price here and is billed
    // at the standard rates, saying so.
    void serviceTiers()
    {
        const PriceBook &book = PriceBook::builtIn();
        const TokenCounts million{1'000'000, 1'000'000, 0, 0};
        // gpt-4o-mini: $0.15 in + $0.60 out per 1M = $0.75; half is $0.375.
        auto quote = book.quote(u"gpt-4o-mini", million, {}, QStringLiteral("batch"));
        QCOMPARE(quote->cost, Money::fromDecimal(u"0.375").value());
        QCOMPARE(quote->serviceTier, QStringLiteral("batch"));
        QCOMPARE(book.quote(u"gpt-4o-mini", million, {}, QStringLiteral("flex"))->cost, Money::fromDecimal(u"0.375").value());
        // claude-3-haiku: $0.25 in + $1.25 out = $1.50; half is $0.75.
        QCOMPARE(book.quote(u"claude-3-haiku", million, {}, QStringLiteral("batch"))->cost, Money::fromDecimal(u"0.75").value());
        QVERIFY(!book.quote(u"claude-3-haiku", million, {}, QStringLiteral("flex"))->serviceTier.size()); // no flex there
        quote = book.quote(u"gpt-4o-mini", million, {}, QStringLiteral("priority"));
        QCOMPARE(quote->cost, Money::fromDecimal(u"0.75").value());
        QVERIFY(quote->serviceTier.isEmpty());
        // Half of an odd nano-dollar count rounds half up: one cached token
        // of gpt-4o-mini is 75 nanos ($0.075 per 1M), half is 37.5.
        QCOMPARE(book.quote(u"gpt-4o-mini", TokenCounts{0, 0, 1, 0})->cost.nanos(), 75);
        QCOMPARE(book.quote(u"gpt-4o-mini", TokenCounts{0, 0, 1, 0}, {}, QStringLiteral("batch"))->cost.nanos(), 38);
        QCOMPARE(book.quote(u"claude-3-haiku", TokenCounts{1, 0, 0, 0}, {}, QStringLiteral("batch"))->cost.nanos(), 125);
    }

    void overflowIsRefusedNotWrapped()
    {
        const qint64 huge = std::numeric_limits<qint64>::max() / 2;
        QVERIFY(!PriceBook::builtIn().quote(u"gpt-4-32k", {huge, huge, 0, 0}));
        QVERIFY(!PriceBook::builtIn().quote(u"gpt-4o", {-1, 0, 0, 0}));
    }

    void userFileOverridesAndExtends()
    {
        PriceBook book = PriceBook::builtIn();
        QString error;
        QVERIFY2(book.merge(R"({"models":[
            {"service":"openai","model":"gpt-4o","input":"1.00","output":"2.00"},
            {"service":"other","model":"acme-llm","aliases":["acme-llm-v2"],"input":"0.5","output":"1.5","cachedInput":"0.05"}]})",
                            &error),
                 qPrintable(error));
        QCOMPARE(book.quote(u"gpt-4o-2024-11-20", {Million, Million, 0, 0})->cost, usd("3.00"));
        QCOMPARE(book.quote(u"acme-llm-v2", {Million, 0, Million, 0})->cost, usd("0.55"));
        QVERIFY(book.quote(u"acme-llm", {1, 0, 0, 0})->priced);
        QCOMPARE(PriceBook::builtIn().quote(u"gpt-4o", {Million, 0, 0, 0})->cost, usd("2.50"));
    }

    void badFilesAreRefusedWithAReason_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("{oops") << QStringLiteral("not a JSON object");
        QTest::newRow("no name") << QByteArray(R"({"models":[{"input":"1","output":"1"}]})") << QStringLiteral("no \"model\"");
        QTest::newRow("negative") << QByteArray(R"({"models":[{"model":"x","input":"-1","output":"1"}]})") << QStringLiteral("bad price \"input\"");
        QTest::newRow("missing output") << QByteArray(R"({"models":[{"model":"x","input":"1"}]})") << QStringLiteral("missing price \"output\"");
    }
    void badFilesAreRefusedWithAReason()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        PriceBook book = PriceBook::builtIn();
        QString error;
        QVERIFY(!book.merge(json, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QCOMPARE(book.models().size(), PriceBook::builtIn().models().size());
    }

    // Only a known prefix and a known tag are ever cut: a name is never
    // tried as a shorter name it continues.
    void candidatesCutOnlyPrefixesAndTags()
    {
        const auto names = [](QStringView model) {
            QStringList list;
            for (const NameCandidate &candidate : modelNameCandidates(model))
                list << candidate.name + u'=' + matchKindName(candidate.how);
            return list.join(u' ');
        };
        QCOMPARE(names(u"  OpenAI/GPT-4o-2024-08-06 "),
                 QStringLiteral("openai/gpt-4o-2024-08-06=exact openai/gpt-4o=snapshot-tag "
                                "gpt-4o-2024-08-06=routing-prefix gpt-4o=routing-prefix+snapshot-tag"));
        QCOMPARE(names(u"claude-opus-4-5"), QStringLiteral("claude-opus-4-5=exact"));
        QCOMPARE(names(u"o1-pro"), QStringLiteral("o1-pro=exact"));
        QCOMPARE(names(u"bedrock/us.anthropic.claude-3-5-sonnet-20241022-v2:0"),
                 QStringLiteral("bedrock/us.anthropic.claude-3-5-sonnet-20241022-v2:0=exact "
                                "bedrock/us.anthropic.claude-3-5-sonnet=snapshot-tag "
                                "us.anthropic.claude-3-5-sonnet-20241022-v2:0=routing-prefix "
                                "us.anthropic.claude-3-5-sonnet=routing-prefix+snapshot-tag "
                                "anthropic.claude-3-5-sonnet-20241022-v2:0=routing-prefix "
                                "anthropic.claude-3-5-sonnet=routing-prefix+snapshot-tag "
                                "claude-3-5-sonnet-20241022-v2:0=routing-prefix "
                                "claude-3-5-sonnet=routing-prefix+snapshot-tag"));
        QCOMPARE(names(u"vertex_ai/claude-opus-4-5@20251101"),
                 QStringLiteral("vertex_ai/claude-opus-4-5@20251101=exact vertex_ai/claude-opus-4-5=snapshot-tag "
                                "claude-opus-4-5@20251101=routing-prefix claude-opus-4-5=routing-prefix+snapshot-tag"));
        QCOMPARE(names(u"ft:gpt-4o-mini-2024-07-18:acme:support:9xk2"),
                 QStringLiteral("ft:gpt-4o-mini-2024-07-18=exact ft:gpt-4o-mini=snapshot-tag"));
        QCOMPARE(names(u"   "), QString());
    }
};

QTEST_APPLESS_MAIN(TestPriceBook)
#include "tst_pricebook.moc"
